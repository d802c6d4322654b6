"""`provlint rule` and `provlint rules`, text and JSON."""

import json

from provlint.rules import all_rules
from tests.conftest import run_provlint
from tests.paths import REPO


def test_rule_by_code_and_by_name_print_the_same_explanation():
    by_code = run_provlint("rule", "PL301")
    by_name = run_provlint("rule", "insecure-skip-verify")
    assert by_code.returncode == 0 and by_code.stdout == by_name.stdout
    text = by_code.stdout.decode()
    assert text.startswith("PL301 insecure-skip-verify  [error]  tags: security\nsecurity-severity: 7.5\n")
    assert "Fails:\n\n    {\"network_config\": {\"insecure_skip_verify\": true}}" in text
    assert "Passes:" in text and "How to fix: remove `insecure_skip_verify`" in text


def test_rule_json():
    data = json.loads(run_provlint("rule", "PL302", "--output-format", "json").stdout)
    assert data["code"] == "PL302" and data["name"] == "plaintext-proxy-credentials"
    assert data["severity"] == "error" and data["tags"] == ["security"] and data["security_severity"] == 8.0
    assert [e["passes"] for e in data["examples"]] == [False, True]
    assert data["fix"] and data["explanation"].startswith("A literal credential ends up in git history")


def test_unknown_rule_is_a_usage_error_with_a_suggestion():
    proc = run_provlint("rule", "insecure-skip-verfy")
    assert proc.returncode == 2
    assert proc.stderr.decode() == "provlint: error: unknown rule or rule prefix `insecure-skip-verfy`; did you mean `insecure-skip-verify`?\n"
    prefix = run_provlint("rule", "PL3")
    assert prefix.returncode == 2 and b"names several rules" in prefix.stderr


def test_rules_table_lists_every_rule_and_what_is_enabled():
    lines = run_provlint("rules", "--target-version", "1.5").stdout.decode().splitlines()
    assert lines[0] == "# Bifrost line: 1.5"
    assert lines[1].split() == ["code", "name", "severity", "since", "enabled", "tags"]
    assert [line.split()[0] for line in lines[2:]] == [r.code for r in all_rules()]
    pl901 = next(line for line in lines if line.startswith("PL901"))
    assert pl901.split()[3:5] == ["1.5", "no"]  # every line; off by default
    pl408 = next(line for line in lines if line.startswith("PL408"))
    assert pl408.split()[3:5] == ["2.0", "yes"]  # enabled by the selection, finds nothing before 2.0
    selected = run_provlint("rules", "--target-version", "1.5", "--select", "PL3").stdout.decode().splitlines()
    assert {line.split()[0] for line in selected[2:] if line.split()[4] == "yes"} == {
        r.code for r in all_rules() if r.code.startswith("PL3")
    }


def test_rules_name_the_line_of_the_flag_else_of_the_settings_file(tmp_path):
    by_release = run_provlint("rules", "--isolated", "--target-version", "transports/v2.1.3", cwd=tmp_path)
    assert by_release.stdout.decode().splitlines()[0] == "# Bifrost line: 2.1"
    (tmp_path / "provlint.toml").write_text('target-version = "2.0"\n')
    assert run_provlint("rules", cwd=tmp_path).stdout.decode().splitlines()[0] == "# Bifrost line: 2.0"
    overridden = run_provlint("rules", "--target-version", "1.5", "--output-format", "json", cwd=tmp_path)
    assert {r["target_version"] for r in json.loads(overridden.stdout)} == {"1.5"}
    too_new = run_provlint("rules", "--target-version", "2.3", cwd=tmp_path)
    assert too_new.returncode == 2 and too_new.stdout == b""
    assert too_new.stderr.decode() == (
        "provlint: error: Bifrost 2.3 is newer than the newest line provlint knows, 2.2; "
        'check with `target-version = "2.2"` or upgrade provlint\n'
    )


def test_rule_says_from_which_line_a_line_limited_rule_applies():
    pl408 = run_provlint("rule", "PL408").stdout.decode().splitlines()
    assert pl408[:2] == [
        "PL408 max-conns-clamped  [warning]  tags: correctness, reliability",
        "applies from Bifrost 2.0 on: under an earlier target-version it finds nothing",
    ]
    assert "applies from Bifrost 2.1 on" in run_provlint("rule", "PL409").stdout.decode()
    assert b"applies from" not in run_provlint("rule", "PL301").stdout
    as_json = {code: json.loads(run_provlint("rule", code, "--output-format", "json").stdout)["since"]
               for code in ("PL301", "PL408", "PL409")}
    assert as_json == {"PL301": "1.5", "PL408": "2.0", "PL409": "2.1"}


def test_a_line_limited_rule_finds_nothing_before_its_line(tmp_path):
    (tmp_path / "p.json").write_text('{"network_config": {"max_conns_per_host": 100000}}')
    codes = {}
    for line in ("1.5", "2.0"):
        proc = run_provlint("check", "--isolated", "--target-version", line, "--select", "PL408",
                            "--output-format", "concise", "-q", "p.json", cwd=tmp_path)
        codes[line] = [row.split()[1] for row in proc.stdout.decode().splitlines()]
    assert codes == {"1.5": [], "2.0": ["PL408"]}


def test_rules_json_has_enabled_flags():
    data = json.loads(run_provlint("rules", "--output-format", "json", "--ignore", "PL1").stdout)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    assert {r["code"]: r["enabled"] for r in data}["PL101"] is False
    assert {r["code"]: r["enabled"] for r in data}["PL201"] is True


def test_readme_lists_every_rule():
    readme = (REPO / "README.md").read_text()
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} |" in readme, rule.code


def test_rules_reflect_the_settings_file_of_the_current_folder(tmp_path):
    (tmp_path / "provlint.toml").write_text('ignore = ["PL3"]\nextend-select = ["PL901"]\n[severity]\nPL101 = "off"\n')
    data = json.loads(run_provlint("rules", "--output-format", "json", cwd=tmp_path).stdout)
    enabled = {r["code"]: r["enabled"] for r in data}
    assert enabled["PL301"] is False and enabled["PL901"] is True and enabled["PL101"] is False
    assert enabled["PL201"] is True
    isolated = json.loads(run_provlint("rules", "--output-format", "json", "--isolated", cwd=tmp_path).stdout)
    assert {r["code"]: r["enabled"] for r in isolated}["PL301"] is True
    bad = run_provlint("rules", "--select", "PL99x", cwd=tmp_path)
    assert bad.returncode == 2 and b"unknown rule or rule prefix `PL99x`" in bad.stderr
