"""``sarif``, ``github``, ``gitlab`` and ``junit``: what CI systems read, field by field."""

import json
import xml.etree.ElementTree as ET

import jsonschema

from tests.paths import REPO, fixture
from tests.reporters.helpers import run_check

SARIF_SCHEMA = json.loads(fixture("sarif", "sarif-schema-2.1.0.json").read_text())
DEMO = ("--isolated", "fixtures/demo")
# A file name and a key that hold every character GitHub's toolkit escapes.
AWKWARD_NAME = "a:b,c%.json"
AWKWARD = '{"network_config": {"max%\\nretry,:": 1, "insecure_skip_verify": true}}'


def output(fmt, *args, cwd=REPO, env=None):
    proc = run_check("--output-format", fmt, *args, cwd=cwd, env=env)
    assert proc.stderr == b"", proc.stderr
    return proc.stdout.decode()


# --- sarif ----------------------------------------------------------------------------------

def test_sarif_of_the_demo_validates_against_the_official_schema_and_has_six_rules_or_more():
    log = json.loads(output("sarif", *DEMO))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) >= 6
    assert [r["id"] for r in rules] == list(dict.fromkeys(r["ruleId"] for r in run["results"]))
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"].keys() == {"description"}  # no machine path


def test_sarif_rule_and_result_fields():
    run = json.loads(output("sarif", *DEMO))["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == ("provlint", "0.1.0", "https://provlint.dev")
    rule = next(r for r in driver["rules"] if r["id"] == "PL301")
    assert rule["name"] == "insecure-skip-verify"
    assert rule["shortDescription"] == {"text": "TLS certificate verification is turned off for a provider."}
    assert rule["fullDescription"]["text"].startswith("With ``insecure_skip_verify: true`` Bifrost accepts any certificate")
    assert rule["help"]["text"] == "remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate"
    assert rule["help"]["markdown"].endswith("[PL301 insecure-skip-verify](https://provlint.dev/docs/RULES.md#pl301)")
    assert rule["helpUri"] == "https://provlint.dev/docs/RULES.md#pl301"
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["properties"] == {"tags": ["security"], "security-severity": "7.5"}
    plain = next(r for r in driver["rules"] if r["id"] == "PL101")
    assert plain["properties"] == {"tags": ["correctness"]}
    result = next(r for r in run["results"] if r["ruleId"] == "PL301")
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("TLS certificate verification is off")
    assert result["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "fixtures/demo/add-provider.json", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8, "startColumn": 29, "endLine": 8, "endColumn": 33},
    }}]
    envelope = json.loads(output("json", *DEMO))["results"]
    same = next(r for r in envelope if r["code"] == "PL301" and r["path"] == "fixtures/demo/add-provider.json")
    assert result["partialFingerprints"] == {"provlint/v1": same["fingerprint"]}


def test_sarif_levels_and_uris_are_escaped(tmp_path):
    (tmp_path / "my file.json").write_text('{"providers": {"openai": {"keys": []}}}')
    run = json.loads(output("sarif", "--isolated", "--select", "ALL", ".", cwd=tmp_path))["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {"my%20file.json"}
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}


# --- github ---------------------------------------------------------------------------------

def test_github_lines_exactly_with_the_toolkit_escaping(tmp_path):
    (tmp_path / AWKWARD_NAME).write_text(AWKWARD)
    assert output("github", "--isolated", ".", cwd=tmp_path).splitlines() == [
        "::group::a:b,c%25.json",
        "::error file=a%3Ab%2Cc%25.json,line=1,col=21,endLine=1,endColumn=36,title=provlint (PL101 unknown-field)"
        "::unknown field `max%25%0Aretry,:` in network_config",
        "::error file=a%3Ab%2Cc%25.json,line=1,col=65,endLine=1,endColumn=69,title=provlint (PL301 insecure-skip-verify)"
        "::TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path can read "
        "prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
        "::endgroup::",
    ]


def test_github_escaping_functions_match_the_toolkit():
    from provlint.reporters.github import escape_data, escape_property

    assert escape_data("50%\r\nnext: a,b") == "50%25%0D%0Anext: a,b"
    assert escape_property("50%\r\nnext: a,b") == "50%25%0D%0Anext%3A a%2Cb"
    assert escape_data("bell\x07") == "bell\\u0007"  # no control character reaches the log


def test_github_warnings_and_infos_are_warning_and_notice(tmp_path):
    (tmp_path / "p.json").write_text('{"network_config": {"max_retries": 50}}')
    (tmp_path / "provlint.toml").write_text('[severity]\nPL404 = "info"\n')
    lines = output("github", ".", cwd=tmp_path).splitlines()
    assert lines[1].startswith("::notice file=p.json,line=1,")
    (tmp_path / "provlint.toml").write_text('[severity]\nPL404 = "warning"\n')
    assert output("github", ".", cwd=tmp_path).splitlines()[1].startswith("::warning file=p.json,line=1,")


def test_github_is_chosen_under_github_actions(tmp_path):
    (tmp_path / AWKWARD_NAME).write_text(AWKWARD)
    chosen = run_check("--isolated", ".", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert chosen.stdout.decode() == output("github", "--isolated", ".", cwd=tmp_path)
    assert chosen.returncode == 1


def test_the_step_summary_is_appended_to_the_file_github_names(tmp_path):
    (tmp_path / AWKWARD_NAME).write_text(AWKWARD)
    (tmp_path / "clean.json").write_text('{"providers": {}}')
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "acme/gw", "GITHUB_SHA": "abc123"}
    run_check("--isolated", "--target-version", "1.5", ".", cwd=tmp_path, env=env)
    link = "https://github.com/acme/gw/blob/abc123/a%3Ab%2Cc%25.json#L1"
    assert summary.read_text() == (
        "earlier step\n"
        "## provlint\n\n"
        "Found 2 problems (2 errors) in 1 file.\n\n"
        "Bifrost line: 1.5\n\n"
        "| rule | severity | findings |\n"
        "|---|---|---:|\n"
        "| PL101 unknown-field | error | 1 |\n"
        "| PL301 insecure-skip-verify | error | 1 |\n\n"
        "| place | rule | message |\n"
        "|---|---|---|\n"
        f"| [a:b,c%.json:1:21]({link}) | PL101 unknown-field | unknown field \\`max%\\\\u000aretry,:\\` in network_config |\n"
        f"| [a:b,c%.json:1:65]({link}) | PL301 insecure-skip-verify | TLS certificate verification is off "
        "(\\`insecure_skip_verify: true\\`): anyone on the network path can read prompts and API keys; trust the "
        "provider's CA with \\`ca_cert_pem\\` instead |\n\n"
    )


def test_the_step_summary_lists_at_most_a_hundred_findings(tmp_path):
    keys = ", ".join(f'"k{i}": 1' for i in range(120))
    (tmp_path / "p.json").write_text('{"network_config": {%s}}' % keys)
    summary = tmp_path / "summary.md"
    run_check("--isolated", "--output-format", "github", ".", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text()
    assert "| PL101 unknown-field | error | 120 |" in text
    assert text.count("| p.json:1:") == 100
    assert "20 more findings are not listed" in text


# --- gitlab ---------------------------------------------------------------------------------

def test_gitlab_code_quality_field_by_field(tmp_path):
    (tmp_path / "p.json").write_text('{\n  "network_config": {"insecure_skip_verify": true, "max_retry": 1}\n}\n')
    issues = json.loads(output("gitlab", "--isolated", "p.json", cwd=tmp_path))
    envelope = json.loads(output("json", "--isolated", "p.json", cwd=tmp_path))["results"]
    assert [i["check_name"] for i in issues] == ["PL301", "PL101"]
    security, typo = issues
    assert security == {
        "type": "issue",
        "check_name": "PL301",
        "description": "PL301 insecure-skip-verify: " + envelope[0]["message"],
        "categories": ["Security"],
        "fingerprint": envelope[0]["fingerprint"],
        "severity": "critical",
        "location": {"path": "p.json", "positions": {"begin": {"line": 2, "column": 46}, "end": {"line": 2, "column": 50}}},
    }
    assert (typo["severity"], typo["categories"], typo["location"]["positions"]["begin"]) == (
        "major", ["Bug Risk"], {"line": 2, "column": 52})


def test_gitlab_severity_mapping(tmp_path):
    from provlint.reporters.gitlab import GitlabReporter

    (tmp_path / "p.json").write_text('{"network_config": {"base_url": "http://api.example.com", "max_retries": 50}}')
    issues = json.loads(output("gitlab", "--isolated", "--select", "PL305,PL404", "p.json", cwd=tmp_path))
    assert {i["check_name"]: i["severity"] for i in issues} == {"PL305": "minor", "PL404": "minor"}
    (tmp_path / "provlint.toml").write_text('select = ["PL305", "PL404"]\n[severity]\nPL404 = "info"\nPL305 = "error"\n')
    issues = json.loads(output("gitlab", "p.json", cwd=tmp_path))
    # PL305's security-severity (5.0) is below high: an error, but not critical.
    assert {i["check_name"]: i["severity"] for i in issues} == {"PL305": "major", "PL404": "info"}
    assert GitlabReporter  # the mapping lives in one module


# --- junit ----------------------------------------------------------------------------------

def test_junit_one_suite_one_case_per_file_one_failure_per_error_or_warning(tmp_path):
    (tmp_path / "bad.json").write_text('{"network_config": {"insecure_skip_verify": true, "max_retries": 50}}')
    (tmp_path / "clean.json").write_text('{"providers": {}}')
    (tmp_path / "provlint.toml").write_text('[severity]\nPL404 = "info"\n')
    text = output("junit", ".", cwd=tmp_path)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.split("\n", 1)[1])
    (suite,) = root.findall("testsuite")
    assert (root.tag, suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("testsuites", "2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["bad.json", "clean.json"]
    (failure,) = cases[0].findall("failure")
    assert failure.get("type") == "PL301"
    assert failure.get("message").startswith("bad.json:1:45: PL301 [error] TLS certificate verification is off")
    assert failure.text.splitlines()[1:] == [
        "pointer: /network_config/insecure_skip_verify",
        "help: remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate",
    ]
    assert cases[1].findall("failure") == []


def test_junit_stays_well_formed_xml_with_control_characters(tmp_path):
    (tmp_path / "p.json").write_text('{"network_config": {"bad\\u0001<&key": 1}}')
    root = ET.fromstring(output("junit", "--isolated", ".", cwd=tmp_path).split("\n", 1)[1])
    (failure,) = root.iter("failure")
    assert "bad\\u0001<&key" in failure.get("message")
