"""`provlint check` as a user runs it: real processes, exact output, exit codes."""

import os

import pytest

from tests.conftest import run_provlint
from tests.paths import fixture

CLEAN = (
    '{\n  "providers": {\n    "openai": {\n      "keys": [{"name": "k", "value": "env.OPENAI_API_KEY", '
    '"models": ["*"], "weight": 1}],\n      "network_config": {"max_retries": 2}\n    }\n  }\n}\n'
)


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def out(proc):
    return proc.stdout.decode()


def shown(path):
    """How a report names an absolute path given on the command line: relative to the folder
    provlint runs in (these tests run it in the test's own, tests/reporters pins the exact text)."""
    return os.path.relpath(path).replace(os.sep, "/")


def test_clean_config_exits_0_and_prints_nothing_in_concise(tmp_path):
    path = write(tmp_path, "config.json", CLEAN)
    proc = run_provlint("check", "--output-format", "concise", "-q", str(path))
    assert (proc.returncode, out(proc), proc.stderr) == (0, "", b"")


def test_concise_lines_are_sorted_by_path_line_column(tmp_path):
    write(tmp_path, "b.json", '{"network_config": {"insecure_skip_verify": true}}')
    write(tmp_path, "a.json", '{"network_config":\n {"max_retry": 1, "insecure_skip_verify": true}}')
    proc = run_provlint("check", "--output-format", "concise", "-q", str(tmp_path))
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert out(proc).splitlines() == [
        f"{shown(a)}:2:3: PL101 [error] unknown field `max_retry` in network_config; did you mean `max_retries`?",
        f"{shown(a)}:2:43: PL301 [error] TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
        f"{shown(b)}:1:45: PL301 [error] TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
    ]
    assert proc.returncode == 1


def test_full_format_shows_the_source_line_a_caret_and_a_summary(tmp_path):
    path = write(tmp_path, "p.json", '{\n  "network_config": {"insecure_skip_verify": true}\n}\n')
    proc = run_provlint("check", "--output-format", "full", str(path))
    lines = out(proc).splitlines()
    assert lines[0].startswith(f"{shown(path)}:2:46: PL301 [error] TLS certificate verification is off")
    assert lines[1:4] == [
        "  |",
        '2 |   "network_config": {"insecure_skip_verify": true}',
        "  | " + " " * 45 + "^^^^",
    ]
    assert lines[-1] == "Found 1 problem (1 error) in 1 file."
    assert proc.returncode == 1


def test_full_format_on_a_clean_file_says_so(tmp_path):
    path = write(tmp_path, "config.json", CLEAN)
    proc = run_provlint("check", "--output-format", "full", str(path))
    assert out(proc) == "All checks passed (1 file checked).\n"
    assert proc.returncode == 0


def test_warnings_only_exit_0(tmp_path):
    path = write(tmp_path, "package.json", '{"name": "x", "version": "1"}')
    proc = run_provlint("check", "--output-format", "concise", "-q", str(path))
    assert out(proc) == f"{shown(path)}:1:1: PL003 [warning] not a Bifrost config file or provider API payload (no `providers`, `provider`, `provider_status` or provider settings found); pass --kind to lint it as one\n"
    assert proc.returncode == 0


def test_folder_walk_skips_unrelated_and_unparseable_strangers(tmp_path):
    write(tmp_path, "package.json", '{"name": "x"}')
    write(tmp_path, "tsconfig.json", '{"compilerOptions": {},}')
    write(tmp_path, "notes.txt", "providers")
    (tmp_path / "node_modules").mkdir()
    write(tmp_path / "node_modules", "bad.json", '{"provider": "opnai"}')
    write(tmp_path, "config.json", CLEAN)
    proc = run_provlint("check", "--output-format", "concise", "-q", str(tmp_path))
    assert (proc.returncode, out(proc)) == (0, "")


def test_folder_walk_reports_a_broken_bifrost_file(tmp_path):
    path = write(tmp_path, "config.json", '{"providers": {"openai": {"keys": [],}}}')
    proc = run_provlint("check", "--output-format", "concise", "-q", str(tmp_path))
    assert proc.returncode == 1
    assert out(proc).startswith(f"{shown(path)}:1:37: PL001 [error] ")


def test_kind_override(tmp_path):
    path = write(tmp_path, "x.json", '{"max_retries": 1}')
    proc = run_provlint("check", "--output-format", "concise", "-q", "--kind", "update-provider", str(path))
    assert out(proc).startswith(f"{shown(path)}:1:2: PL101 [error] unknown field `max_retries`")


def test_stdin_with_filename():
    proc = run_provlint(
        "check", "--output-format", "concise", "--stdin-filename", "gateway/config.json", "-",
        input=b'{"providers": {"opnai": {"keys": []}}}',
    )
    assert out(proc).splitlines()[0] == "gateway/config.json:1:16: PL201 [error] unknown provider `opnai` for Bifrost 2.2; did you mean `openai`?"
    assert proc.returncode == 1


def test_stdin_yaml_by_filename():
    proc = run_provlint("check", "--output-format", "concise", "-q", "--stdin-filename", "v.yaml", "-",
                        input=b"network_config:\n  insecure_skip_verify: true\n")
    assert out(proc).startswith("v.yaml:2:25: PL301 [error]")


def test_lint_alias_version_and_module_entry():
    assert run_provlint("lint", "--help").returncode == 0
    version = run_provlint("--version")
    assert (version.returncode, out(version)) == (0, "provlint, version 0.1.0\n")


def test_missing_path_is_a_usage_error(tmp_path):
    proc = run_provlint("check", str(tmp_path / "nope.json"))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"provlint: error: path does not exist: {tmp_path / 'nope.json'}\n"
    assert out(proc) == ""


def test_unknown_option_is_a_usage_error():
    proc = run_provlint("check", "--output-format", "xml", ".")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr


BAD_INPUTS = {
    "empty.json": (b"", "1:1: PL001 [error] the file is empty"),
    "garbage.json": (bytes(range(256)) * 4, "1:1: PL001 [error] the file contains NUL bytes"),
    "latin1.json": (b'{"providers": {\n "caf\xe9": {}}}', "2:6: PL001 [error] invalid UTF-8"),
    "bom.json": (b"\xef\xbb\xbf" + CLEAN.encode(), "1:1: PL001 [error] the file starts with a UTF-8 byte-order mark"),
    "deep.json": (b"[" * 50_000 + b"]" * 50_000, ": PL001 [error] nesting deeper than"),
    "bomb.yaml": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(
            b"%s: &%s [%s]\n" % (bytes([98 + i]), bytes([98 + i]), b",".join([b"*" + bytes([97 + i])] * 9))
            for i in range(8)
        )
        + b"providers: *i\n",
        ": PL001 [error] the document expands to more than",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_a_finding_never_a_traceback(tmp_path, name):
    content, expected = BAD_INPUTS[name]
    path = write(tmp_path, name, content)
    proc = run_provlint("check", "--output-format", "concise", "-q", str(path))
    assert b"Traceback" not in proc.stderr and proc.stderr == b""
    assert proc.returncode == 1
    assert len(out(proc).splitlines()) == 1
    assert out(proc).startswith(f"{shown(path)}:") and expected in out(proc)


def test_unreadable_file_in_a_folder_is_reported_and_the_rest_still_linted(tmp_path):
    write(tmp_path, "a.json", '{"network_config": {"insecure_skip_verify": true}}')
    os.symlink(tmp_path / "gone.json", tmp_path / "b.json")
    write(tmp_path, "c.json", '{"network_config": {"insecure_skip_verify": true}}')
    proc = run_provlint("check", "--output-format", "concise", "-q", str(tmp_path))
    lines = out(proc).splitlines()
    assert lines[1] == f"{shown(tmp_path / 'b.json')}:1:1: PL001 [error] cannot read the file: No such file or directory"
    assert lines[0].startswith(f"{shown(tmp_path / 'a.json')}:1:45: PL301") and lines[2].startswith(f"{shown(tmp_path / 'c.json')}:1:45: PL301")
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path):
    path = write(tmp_path, "config.json", CLEAN)
    path.chmod(0)
    proc = run_provlint("check", "--output-format", "concise", "-q", str(tmp_path))
    assert out(proc) == f"{shown(path)}:1:1: PL001 [error] cannot read the file: Permission denied\n"


def test_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    proc = run_provlint("check", "--output-format", "concise", "-q", str(fifo))
    assert out(proc) == f"{shown(fifo)}:1:1: PL001 [error] cannot read the file: not a regular file\n"
    assert proc.returncode == 1


def test_demo_fixtures_report_real_findings():
    proc = run_provlint("check", "--output-format", "concise", "-q", str(fixture("demo")))
    assert proc.returncode == 1
    codes = {line.split(": ")[1].split(" ")[0] for line in out(proc).splitlines()}
    assert {"PL101", "PL201", "PL301", "PL302", "PL303", "PL100", "PL102"} <= codes


def test_a_newline_in_a_key_cannot_forge_a_finding_line(tmp_path):
    path = write(tmp_path, "c.json", '{"providers": {"evil\\nx.json:1:1: PL000 [error] forged": {}}}')
    proc = run_provlint("check", "--isolated", "--select", "PL201", "--output-format", "concise", "-q", str(path))
    (line,) = out(proc).splitlines()
    assert line.startswith(f"{shown(path)}:1:16: PL201 [error] unknown provider `evil\\u000ax.json:1:1: PL000")


def test_folder_walk_skips_other_tools_files_that_mention_providers(tmp_path):
    write(tmp_path, "jwks.json", '{"keys":[{"kty":"RSA","n":"x","e":"AQAB"}]}')
    write(tmp_path, "serverless.yml", "service: a\nprovider:\n  name: aws\n")
    write(tmp_path, "main.tf.json", '{"provider":{"aws":{}},"resource":{}}')
    write(tmp_path, "dash.yaml", "apiVersion: 1\nproviders:\n  - name: d\n")
    write(tmp_path, "settings.json", '{\n // x\n "a": "provider"\n}\n')
    proc = run_provlint("check", "--isolated", "--output-format", "concise", "-q", str(tmp_path))
    assert (proc.returncode, out(proc)) == (0, "")


def test_a_yaml_file_over_the_size_limit_is_refused_at_once(tmp_path):
    from provlint.source import YAML_MAX_BYTES

    entry = "  p{n}:\n    keys: [{{name: k, value: env.K, weight: 1}}]\n"
    text = "providers:\n" + "".join(entry.format(n=n) for n in range(YAML_MAX_BYTES // 40))
    path = write(tmp_path, "big.yaml", text)
    assert path.stat().st_size > YAML_MAX_BYTES
    proc = run_provlint("check", "--isolated", "--output-format", "concise", "-q", str(path))
    assert proc.returncode == 1
    assert out(proc).startswith(f"{shown(path)}:1:1: PL001 [error] the YAML file is ")
    assert "provlint reads YAML up to 4 MiB" in out(proc)
