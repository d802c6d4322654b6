"""A clean JSON file is checked without importing pydantic, jsonschema or ruamel.yaml."""

import ast
import os
import subprocess
import sys

import pytest

from tests.paths import REPO, fixture

HEAVY = ("pydantic", "pydantic_core", "jsonschema", "jsonschema_rs", "ruamel", "cryptography", "dotenv", "rfc8785")
CLEAN = (
    '{"$schema": "https://www.getbifrost.ai/schema", "providers": {"openai": {"keys": [{"name": "k", '
    '"value": "env.OPENAI_API_KEY", "models": ["*"], "weight": 1}], "network_config": '
    '{"base_url": "https://api.openai.com", "max_retries": 2, "retry_backoff_initial": 500, '
    '"retry_backoff_max": 5000}, "concurrency_and_buffer_size": {"concurrency": 100, "buffer_size": 500}}}}\n'
)


def imported_modules(*args, cwd) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "provlint", *args], capture_output=True, cwd=cwd, timeout=60
    )
    modules = set()
    for line in proc.stderr.decode().splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return proc.returncode, proc.stdout, modules


def test_clean_json_config_imports_no_heavy_package(tmp_path):
    (tmp_path / "config.json").write_text(CLEAN)
    code, out, modules = imported_modules("check", "--output-format", "concise", "config.json", cwd=tmp_path)
    assert (code, out) == (0, b"All checks passed (1 file checked).\n")
    assert "provlint" in modules and "json" in modules  # the measurement works
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_clean_real_example_imports_no_heavy_package():
    code, out, modules = imported_modules(
        "check", "--isolated", "--output-format", "concise", "github__workflows__configs__default__config.json",
        cwd=fixture("bifrost-examples"),
    )
    assert (code, out) == (0, b"All checks passed (1 file checked).\n")
    assert not modules & set(HEAVY)


def test_sections_bifrosts_schema_checks_import_jsonschema_rs_only_to_explain_an_error(tmp_path):
    # client and config_store are checked by validators generated from Bifrost's schema;
    # jsonschema-rs is asked only to explain a section they refuse.
    sections = ', "client": {"initial_pool_size": 300, "allowed_origins": ["*"]}, ' \
               '"config_store": {"enabled": true, "type": "sqlite", "config": {"path": "/data/config.db"}}}\n'
    (tmp_path / "config.json").write_text(CLEAN.rstrip()[:-1] + sections)
    code, out, modules = imported_modules("check", "--output-format", "concise", "config.json", cwd=tmp_path)
    assert (code, out) == (0, b"All checks passed (1 file checked).\n")
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    (tmp_path / "config.json").write_text(CLEAN.rstrip()[:-1] + sections.replace("300", '"300"'))
    code, out, modules = imported_modules("check", "--output-format", "concise", "config.json", cwd=tmp_path)
    assert code == 1 and b"PL100 [error] `client.initial_pool_size` must be an integer (got a string)" in out
    assert "jsonschema_rs" in modules  # the measurement sees it


def test_structural_findings_of_a_json_file_import_no_heavy_package(tmp_path):
    # A rejected document's errors come from the generated tables, not from pydantic.
    broken = CLEAN.replace('"max_retries": 2', '"max_retries": "2"').replace('"weight": 1', '"wieght": 1')
    (tmp_path / "config.json").write_text(broken)
    code, out, modules = imported_modules("check", "--output-format", "concise", "config.json", cwd=tmp_path)
    assert code == 1
    assert out.decode().splitlines() == [
        "config.json:1:83: PL102 [error] `keys[0]` is missing the required field `weight`",
        "config.json:1:145: PL101 [error] unknown field `wieght` in keys[0]; did you mean `weight`?",
        "config.json:1:232: PL100 [error] `max_retries` must be an integer (got a string)",
        "Found 3 problems (3 errors) in 1 file.",
    ]
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


# -X importtime does not see modules loaded by importlib.import_module (the registries load
# reporters so), so this asks the process itself which reporter modules it holds at exit.
_REPORTER_MODULES = (
    "import sys\n"
    "from provlint.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    print(sorted(m for m in sys.modules if m.startswith('provlint.reporters.')), file=sys.stderr)\n"
)


@pytest.mark.parametrize("output_format", ["concise", "json"])
def test_a_clean_run_imports_only_the_reporter_in_use(tmp_path, output_format):
    (tmp_path / "config.json").write_text(CLEAN)
    proc = subprocess.run(
        [sys.executable, "-c", _REPORTER_MODULES, "check", "--output-format", output_format, "config.json"],
        capture_output=True, cwd=tmp_path, timeout=60,
    )
    module = {"concise": "concise", "json": "json_report"}[output_format]
    shared = {"provlint.reporters.base"} | ({"provlint.reporters.records"} if output_format == "json" else set())
    assert proc.returncode == 0
    assert proc.stderr.decode().strip() == repr(sorted(shared | {f"provlint.reporters.{module}"}))


def test_clean_2x_json_configs_import_no_heavy_package_under_2_2():
    folder = fixture("bifrost-2.x")
    names = sorted(p.name for p in folder.glob("*.json"))
    code, out, modules = imported_modules(
        "check", "-q", "--isolated", "--target-version", "2.2", "--output-format", "concise", *names, cwd=folder,
    )
    assert (code, out) == (0, b"")
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def full_module_names(*args, cwd) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "provlint", *args], capture_output=True, cwd=cwd, timeout=60)
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.decode().splitlines() if line.startswith("import time:") and "|" in line}


# What only a file with findings (or a waiver file) needs: the secret map, the position scanner,
# the baseline (and hashlib with it).
FINDINGS_ONLY = ("provlint.secrets.map", "provlint.secrets.masking", "provlint.source.json_positions", "provlint.baseline")


def test_a_clean_file_builds_no_secret_map_and_no_positions(tmp_path):
    (tmp_path / "config.json").write_text(CLEAN)
    clean = full_module_names("check", "--isolated", "config.json", cwd=tmp_path)
    assert "provlint.engine" in clean and not clean & set(FINDINGS_ONLY), sorted(clean & set(FINDINGS_ONLY))
    (tmp_path / "config.json").write_text(CLEAN.replace('"max_retries": 2', '"max_retrys": 2'))
    with_finding = full_module_names("check", "--isolated", "config.json", cwd=tmp_path)
    assert {"provlint.secrets.map", "provlint.source.json_positions"} <= with_finding
    assert "typing" not in with_finding  # nor does the first finding of a run


# The usual run reads its argv without click (issue 12: click and what it imports were a quarter
# of a one-file run); help, usage errors and the other commands are click's.
@pytest.mark.parametrize("args", [
    ("check", "--output-format", "concise", "config.json"),
    ("check", "--isolated", "--select", "ALL", "--ignore", "PL901", "--output-format", "concise", "config.json"),
    ("check", "--force-exclude", "config.json"),  # the pre-commit hooks' argv (.pre-commit-hooks.yaml)
    ("check", "--force-exclude", "--select", "PL601", "config.json"),
    ("check", "--force-exclude", "--fix", "config.json"),
    ("lint", "-q", "--output-format=json", "--", "config.json"),
])
def test_the_usual_check_imports_no_click(tmp_path, args):
    (tmp_path / "config.json").write_text(CLEAN)
    code, _, modules = imported_modules(*args, cwd=tmp_path)
    assert code == 0
    assert "provlint" in modules and "click" not in modules


@pytest.mark.parametrize("args", [("check", "--help"), ("check", "--output-format", "nope", "config.json"), ("rules",)])
def test_help_usage_errors_and_other_commands_are_clicks(tmp_path, args):
    (tmp_path / "config.json").write_text(CLEAN)
    _, _, modules = imported_modules(*args, cwd=tmp_path)
    assert "click" in modules


# Start-up a clean file does not pay for: @dataclass (its module and the exec of every
# method; the lint path's classes are provlint.records), hashlib (only a hash computes one),
# difflib (did-you-mean), textwrap (the rules' docs), and the compiling of patterns the file
# never meets (provlint.patterns.lazy). A JSON file skips typing (2.8 ms; provlint's
# annotations import it under `TYPE_CHECKING = False` only), datetime (1.3 ms; the command
# line passes the time as time.time()); ruamel.yaml imports both for YAML.
CLEAN_RUN_SKIPS = ("dataclasses", "hashlib", "_hashlib", "difflib", "textwrap")


def test_a_clean_json_or_yaml_file_imports_none_of_what_it_does_not_need(tmp_path):
    (tmp_path / "config.json").write_text(CLEAN)
    (tmp_path / "config.yaml").write_text(CLEAN)  # JSON is YAML: read by the YAML loader here
    for line, name in (("1.5", "config.json"), ("2.2", "config.json"), ("2.2", "config.yaml")):
        clean = full_module_names("check", "--isolated", "--select", "ALL", "--target-version", line, name, cwd=tmp_path)
        assert "provlint.engine" in clean and "provlint.rules.context" in clean
        assert ("ruamel.yaml" in clean) == name.endswith(".yaml")
        assert not clean & set(CLEAN_RUN_SKIPS), (line, name, sorted(clean & set(CLEAN_RUN_SKIPS)))
        if name.endswith(".json"):  # ruamel.yaml imports these for a YAML file
            assert not clean & {"typing", "datetime"}, (line, name, clean & {"typing", "datetime"})


_COMPILED_PATTERNS = (
    "import gc, sys\n"
    "from provlint.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    from provlint.patterns import LazyPattern\n"
    "    lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
    "    print(len(lazy), sorted(o._source[0] for o in lazy if 'match' in vars(o)), file=sys.stderr)\n"
)


def test_a_clean_file_compiles_few_of_the_module_patterns(tmp_path):
    (tmp_path / "config.json").write_text(CLEAN)
    proc = subprocess.run(
        [sys.executable, "-c", _COMPILED_PATTERNS, "check", "--isolated", "--select", "ALL", "config.json"],
        capture_output=True, cwd=tmp_path, timeout=60, env={**os.environ, "OPENAI_API_KEY": "set"},  # PL901 stays quiet
    )
    count, compiled = proc.stderr.decode().strip().split(" ", 1)
    assert proc.returncode == 0 and int(count) >= 30
    # PL004's YAML numbers, the secret shapes, the terminal escapes: never met by this file.
    unused = ("0b([01_]+)", "PRIVATE KEY", "\x00-\x1f", "\ud800-\udfff")
    assert not [p for p in ast.literal_eval(compiled) if any(u in p for u in unused)], compiled


def test_the_console_script_entry_imports_no_contextlib_for_a_clean_json_file(tmp_path):
    # The `provlint` script calls cli.run (no runpy, which `python -m` brings, and runpy imports
    # contextlib): output_stream is a class, sparing 0.3 ms of the one-file run. Without site
    # (-S), as the dev venv's editable-install finder imports contextlib too; a clean JSON run
    # needs no third-party package.
    (tmp_path / "config.json").write_text(CLEAN)
    proc = subprocess.run(
        [sys.executable, "-S", "-X", "importtime", "-c", "from provlint.cli import run; run()", "check", "--isolated", "config.json"],
        capture_output=True, cwd=tmp_path, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.decode().splitlines() if line.startswith("import time:")}
    assert proc.returncode == 0 and "provlint.engine" in names
    assert not names & {"contextlib", "typing", "datetime"}, sorted(names & {"contextlib", "typing", "datetime"})
