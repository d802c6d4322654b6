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
    lines = run_provlint("rules").stdout.decode().splitlines()
    assert lines[0].split() == ["code", "name", "severity", "enabled", "tags"]
    assert [line.split()[0] for line in lines[1:]] == [r.code for r in all_rules()]
    pl901 = next(line for line in lines if line.startswith("PL901"))
    assert pl901.split()[3] == "no"  # off by default
    selected = run_provlint("rules", "--select", "PL3").stdout.decode().splitlines()
    assert {line.split()[0] for line in selected[1:] if line.split()[3] == "yes"} == {
        r.code for r in all_rules() if r.code.startswith("PL3")
    }


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
