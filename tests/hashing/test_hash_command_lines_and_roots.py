"""`provlint hash` on 2.x lines with fields of unknown hash place, and with the settings' `roots`.

Exact outputs of real processes. Every run names its line: the default line is not what these
tests are about.
"""

import json

from tests.conftest import run_provlint

LOADTEST_OPENAI = "f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700"  # BIFROST.md section 3
CONFIG = """{
  "providers": {
    "anthropic": {"keys": [], "prompt_cache": {"auto_inject": true}},
    "groq": {"keys": [], "network_config": {"enforce_http2": true, "http2_ping_interval_in_seconds": 30}},
    "openai": {"keys": [], "network_config": {"base_url": "http://localhost:8000"}}
  }
}
"""
PROMPT_CACHE_REASON = (
    "no hash: /providers/anthropic/prompt_cache: where Bifrost {line} hashes `prompt_cache` is not known yet, "
    "so provlint does not guess this provider's hash"
)
HTTP2_REASON = (
    "no hash: /providers/groq/network_config/http2_ping_interval_in_seconds: where Bifrost 2.2 hashes "
    "`network_config.http2_ping_interval_in_seconds` is not known yet, so provlint does not guess this provider's hash"
)


def hash_in(folder, *args):
    return run_provlint("hash", *args, cwd=folder)


def lines(proc):
    return proc.stdout.decode().splitlines()


def test_under_2_2_only_the_provider_without_unknown_fields_gets_bifrosts_hash(tmp_path):
    (tmp_path / "config.json").write_text(CONFIG)
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "config.json")
    assert lines(proc) == [
        "config.json  anthropic  bifrost  2.2  " + PROMPT_CACHE_REASON.format(line="2.2"),
        "config.json  groq       bifrost  2.2  " + HTTP2_REASON,
        f"config.json  openai     bifrost  2.2  {LOADTEST_OPENAI}",
    ]
    # 0 would tell a script every value was printed; 2 is for a command line that is wrong,
    # and this one is not: the files decide. So 1, as for an entry Bifrost could not load.
    assert (proc.returncode, proc.stderr) == (1, b"")


def test_under_2_2_both_algorithms_the_canonical_hash_is_still_given(tmp_path):
    (tmp_path / "config.json").write_text(CONFIG)
    proc = hash_in(tmp_path, "--target-version", "2.2", "config.json")
    assert lines(proc) == [
        "config.json  anthropic  bifrost    2.2  " + PROMPT_CACHE_REASON.format(line="2.2"),
        "config.json  anthropic  canonical  2.2  32ec4e68e2f62625d8171cf10785f1125c626544512a15b62fefc0d3db41ea17",
        "config.json  groq       bifrost    2.2  " + HTTP2_REASON,
        "config.json  groq       canonical  2.2  0286aa5c0e4a201bb475063942b9ff7d473c13d405016998df318c855c2ef221",
        f"config.json  openai     bifrost    2.2  {LOADTEST_OPENAI}",
        "config.json  openai     canonical  2.2  beabb32009221694f6122d6b18ab6065a23161cda10b0aa72780eef0fd7801df",
    ]
    assert proc.returncode == 1


def test_under_2_0_the_field_2_0_does_not_have_is_not_hashed_and_prompt_cache_still_is_unknown(tmp_path):
    # Bifrost 2.0 has no http2_ping_interval_in_seconds: its JSON decoder drops the key, and
    # `check` reports it (PL101); its hash is that of the entry without it.
    (tmp_path / "config.json").write_text(CONFIG)
    (tmp_path / "without.json").write_text('{"providers": {"groq": {"network_config": {"enforce_http2": true}}}}')
    proc = hash_in(tmp_path, "--target-version", "2.0", "--algorithm", "bifrost", "config.json", "without.json")
    assert lines(proc) == [
        "config.json   anthropic  bifrost  2.0  " + PROMPT_CACHE_REASON.format(line="2.0"),
        "config.json   groq       bifrost  2.0  f106ad32cf3398d440502ac78ddad584c2c932ffdc7295d045d39ccc4736768e",
        f"config.json   openai     bifrost  2.0  {LOADTEST_OPENAI}",
        "without.json  groq       bifrost  2.0  f106ad32cf3398d440502ac78ddad584c2c932ffdc7295d045d39ccc4736768e",
    ]
    assert proc.returncode == 1


def test_json_gives_the_reason_and_where_and_no_value(tmp_path):
    (tmp_path / "config.json").write_text(CONFIG)
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "--output-format", "json",
                   "--provider", "groq", "config.json")
    [row] = json.loads(proc.stdout)["hashes"]
    assert (row["value"], row["reason_pointer"], row["matches"]) == (
        None, "/providers/groq/network_config/http2_ping_interval_in_seconds", None)
    assert row["reason"] == HTTP2_REASON.split(": ", 2)[2]
    assert proc.returncode == 1


def test_a_provider_without_unknown_fields_alone_exits_0(tmp_path):
    (tmp_path / "config.json").write_text(CONFIG)
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "--provider", "openai", "config.json")
    assert (lines(proc), proc.returncode) == ([f"config.json  openai  bifrost  2.2  {LOADTEST_OPENAI}"], 0)


def test_the_pre_commit_hash_hook_command_fires_only_where_the_hash_is_known(tmp_path):
    stale = "0" * 64
    (tmp_path / "config.json").write_text(
        CONFIG.replace('"keys": [],', f'"keys": [], "config_hash": "{stale}",')
    )
    # The provlint-hash hook's entry (.pre-commit-hooks.yaml), with the line named.
    proc = run_provlint("check", "--force-exclude", "--select", "PL601", "--target-version", "2.2",
                        "--output-format", "concise", "config.json", cwd=tmp_path)
    assert lines(proc) == [
        "config.json:5:43: PL601 [error] [*] `config_hash` does not match the settings beside it: Bifrost 2.2's "
        f"algorithm gives `{LOADTEST_OPENAI}`",
        "Found 1 problem (1 error) in 1 file.",
    ]
    assert proc.returncode == 1


# roots: the Bifrost config inside a larger file

HELM_VALUES = """\
image: maximhq/bifrost
bifrost:
  config:
    providers:
      openai:
        keys: []
        network_config:
          base_url: http://localhost:8000
"""


def test_hash_reads_the_providers_at_the_settings_roots_pointer(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.provlint.roots]\n"values.yaml" = "/bifrost/config"\n')
    (tmp_path / "values.yaml").write_text(HELM_VALUES)
    (tmp_path / "config.json").write_text('{"providers": {"openai": {"network_config": {"base_url": "http://localhost:8000"}}}}')
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "values.yaml", "config.json")
    assert lines(proc) == [
        f"values.yaml  openai  bifrost  2.2  {LOADTEST_OPENAI}",
        f"config.json  openai  bifrost  2.2  {LOADTEST_OPENAI}",
    ]
    assert (proc.returncode, proc.stderr) == (0, b"")
    proc = hash_in(tmp_path, "--target-version", "2.2", "--output-format", "json", "values.yaml")
    assert {row["pointer"] for row in json.loads(proc.stdout)["hashes"]} == {"/bifrost/config/providers/openai"}
    # A folder walk finds the settings the same way.
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", ".")
    assert sorted(lines(proc)) == [
        f"config.json  openai  bifrost  2.2  {LOADTEST_OPENAI}",
        f"values.yaml  openai  bifrost  2.2  {LOADTEST_OPENAI}",
    ]


def test_a_reason_inside_a_root_points_into_the_whole_file(tmp_path):
    (tmp_path / "provlint.toml").write_text('[roots]\n"values.yaml" = "/bifrost/config"\n')
    (tmp_path / "values.yaml").write_text(HELM_VALUES + "        prompt_cache:\n          auto_inject: true\n")
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "values.yaml")
    assert lines(proc) == [
        "values.yaml  openai  bifrost  2.2  no hash: /bifrost/config/providers/openai/prompt_cache: where Bifrost 2.2 "
        "hashes `prompt_cache` is not known yet, so provlint does not guess this provider's hash",
    ]


def test_a_root_that_names_nothing_says_so_as_check_does(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.provlint.roots]\n"values.yaml" = "/bifrost/settings"\n')
    (tmp_path / "values.yaml").write_text(HELM_VALUES)
    proc = hash_in(tmp_path, "--target-version", "2.2", "values.yaml")
    message = "the settings' `roots` pointer `/bifrost/settings` names nothing in this file; fix the pointer or the file glob"
    assert (proc.stdout, proc.stderr.decode(), proc.returncode) == (b"", f"provlint: values.yaml: {message}\n", 1)
    check = run_provlint("check", "--target-version", "2.2", "--output-format", "concise", "values.yaml", cwd=tmp_path)
    assert lines(check)[0].split(": ", 1)[1] == f"PL003 [warning] {message}"


def test_isolated_ignores_the_roots_and_config_names_the_settings_file(tmp_path):
    (tmp_path / "values.yaml").write_text(HELM_VALUES)
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "provlint.toml").write_text('[roots]\n"values.yaml" = "/bifrost/config"\n')
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "values.yaml")
    assert (proc.stderr.decode(), proc.returncode) == (
        "provlint: values.yaml: not a Bifrost config file, provider request or provider response\n", 1)
    proc = hash_in(tmp_path, "--target-version", "2.2", "--algorithm", "bifrost", "--config", "ci/provlint.toml", "values.yaml")
    assert (lines(proc), proc.returncode) == ([f"values.yaml  openai  bifrost  2.2  {LOADTEST_OPENAI}"], 0)
    proc = hash_in(tmp_path, "--target-version", "2.2", "--config", "ci/provlint.toml", "--isolated", "values.yaml")
    assert (proc.stderr.decode(), proc.returncode) == ("provlint: error: --config and --isolated exclude each other\n", 2)


def test_a_bad_settings_file_is_a_usage_error(tmp_path):
    (tmp_path / "provlint.toml").write_text('[roots]\n"values.yaml" = "bifrost/config"\n')
    (tmp_path / "values.yaml").write_text(HELM_VALUES)
    proc = hash_in(tmp_path, "--target-version", "2.2", "values.yaml")
    assert (proc.stdout, proc.returncode) == (b"", 2)
    assert proc.stderr.decode().startswith("provlint: error: ") and "roots" in proc.stderr.decode()


# --- which line: the command line, else the settings, as in check ---------------------------

EMPTY_OPENAI = "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"  # Bifrost's literal vector


def targets(proc):
    return sorted({line.split()[3] for line in lines(proc)})


def test_the_line_comes_from_the_settings_unless_the_command_line_names_one(tmp_path):
    (tmp_path / "provlint.toml").write_text('target-version = "v2.0.3"\n')
    (tmp_path / "config.json").write_text('{"providers": {"openai": {}}}')
    from_settings = hash_in(tmp_path, "--algorithm", "bifrost", "config.json")
    assert (from_settings.returncode, lines(from_settings)) == (0, [f"config.json  openai  bifrost  2.0  {EMPTY_OPENAI}"])
    assert targets(hash_in(tmp_path, "--target-version", "transports/v2.1.0", "config.json")) == ["2.1"]
    assert targets(hash_in(tmp_path, "--isolated", "config.json")) == ["2.2"]  # the default line


def test_a_line_newer_than_provlint_knows_is_a_usage_error(tmp_path):
    (tmp_path / "config.json").write_text('{"providers": {"openai": {}}}')
    proc = hash_in(tmp_path, "--target-version", "2.3", "config.json")
    assert (proc.returncode, proc.stdout) == (2, b"")
    assert proc.stderr.decode() == (
        "provlint: error: Bifrost 2.3 is newer than the newest line provlint knows, 2.2; "
        'check with `target-version = "2.2"` or upgrade provlint\n'
    )


def test_a_root_that_names_nothing_is_reported_in_a_walk_too(tmp_path):
    (tmp_path / "provlint.toml").write_text('[roots]\n"helm/*.yaml" = "/gateway/bifrost"\n')
    (tmp_path / "helm").mkdir()
    (tmp_path / "helm" / "values.yaml").write_text("gateway:\n  other: {}\n")
    proc = hash_in(tmp_path, "--target-version", "2.2", ".")
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert proc.stderr.decode() == (
        "provlint: helm/values.yaml: the settings' `roots` pointer `/gateway/bifrost` names nothing in this file; "
        "fix the pointer or the file glob\n"
    )
