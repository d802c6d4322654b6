"""``json`` and ``json-lines``: the envelope, its published schema, the fields and the fingerprint."""

import json

import jsonschema

from provlint.reporters.report_schema import FILE_NAME, render
from tests.paths import REPO
from tests.reporters.helpers import run_check

SCHEMA = json.loads((REPO / "schemas" / FILE_NAME).read_text())


def test_the_committed_envelope_schema_is_what_the_code_generates():
    # Regenerate with: python -m provlint.reporters.report_schema schemas
    assert (REPO / "schemas" / FILE_NAME).read_text() == render()


def test_the_envelope_of_the_demo_validates_against_the_published_schema():
    proc = run_check("--isolated", "--output-format", "json", "fixtures/demo", cwd=REPO)
    report = json.loads(proc.stdout)
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(report)
    assert proc.returncode == 1
    assert report["version"] == 1 and report["tool"] == {"name": "provlint", "version": "0.1.0"}
    # The 2 warnings: the YAML demo's mistral and ollama keys have no `models` (PL506).
    assert report["summary"] == {"files_checked": 3, "files_skipped": 0, "errors": 13, "warnings": 2, "infos": 0}
    assert len(report["results"]) == 15
    assert {r["path"] for r in report["results"]} == {
        "fixtures/demo/add-provider.json", "fixtures/demo/config.json", "fixtures/demo/config.yaml"}


def test_a_result_carries_every_field(tmp_path):
    (tmp_path / "p.json").write_text('{\n  "network_config": {"insecure_skip_verify": true}\n}\n')
    proc = run_check("--isolated", "--output-format", "json", "p.json", cwd=tmp_path)
    (result,) = json.loads(proc.stdout)["results"]
    fingerprint = result.pop("fingerprint")
    assert len(fingerprint) == 16 and int(fingerprint, 16) >= 0
    assert result == {
        "code": "PL301",
        "name": "insecure-skip-verify",
        "severity": "error",
        "message": "TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path "
                   "can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
        "path": "p.json",
        "line": 2,
        "column": 46,
        "end_line": 2,
        "end_column": 50,
        "pointer": "/network_config/insecure_skip_verify",
        "url": "https://provlint.dev/docs/RULES.md#pl301",
        "fix": "remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate",
        "autofix": {
            "applicability": "unsafe",
            "description": "remove `insecure_skip_verify`",
            "note": "if the provider's certificate is signed by a private CA, set `ca_cert_pem` to it",
            "unavailable": None,
            "edits": [{"line": 2, "column": 22, "end_line": 2, "end_column": 50, "replacement": ""}],
        },
    }


def fingerprints(tmp_path, text):
    (tmp_path / "p.json").write_text(text)
    results = json.loads(run_check("--isolated", "--output-format", "json", "p.json", cwd=tmp_path).stdout)["results"]
    return {(r["code"], r["pointer"]): (r["fingerprint"], r["line"]) for r in results}


def test_fingerprints_stay_when_lines_are_inserted_above_and_change_with_the_value(tmp_path):
    body = '"network_config": {"insecure_skip_verify": true, "max_retry": 1}}\n'
    before = fingerprints(tmp_path, "{" + body)
    after = fingerprints(tmp_path, '{"concurrency_and_buffer_size": {"concurrency": 1, "buffer_size": 5},\n\n\n' + body)
    assert set(before) == {("PL301", "/network_config/insecure_skip_verify"), ("PL101", "/network_config/max_retry")}
    for key, (print_, line) in before.items():
        assert after[key] == (print_, line + 3)
    changed = fingerprints(tmp_path, "{" + body.replace('"max_retry": 1', '"max_retry": 2'))
    assert changed[("PL101", "/network_config/max_retry")][0] != before[("PL101", "/network_config/max_retry")][0]
    assert changed[("PL301", "/network_config/insecure_skip_verify")] == before[("PL301", "/network_config/insecure_skip_verify")]


def test_json_lines_are_the_envelope_results_one_a_line():
    envelope = json.loads(run_check("--isolated", "--output-format", "json", "fixtures/demo", cwd=REPO).stdout)
    lines = run_check("--isolated", "--output-format", "json-lines", "fixtures/demo", cwd=REPO).stdout.decode().splitlines()
    assert [json.loads(line) for line in lines] == envelope["results"]


def test_paths_outside_the_working_folder_are_relative_never_absolute(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "p.json").write_text('{"network_config": {"insecure_skip_verify": true}}')
    proc = run_check("--isolated", "--output-format", "json", str(tmp_path / "p.json"), cwd=tmp_path / "in")
    assert json.loads(proc.stdout)["results"][0]["path"] == "../p.json"
    assert str(tmp_path) not in proc.stdout.decode()


def test_a_clean_run_has_an_empty_result_list(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "x"}')
    proc = run_check("--isolated", "--output-format", "json", ".", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert (report["results"], report["summary"]) == (
        [], {"files_checked": 0, "files_skipped": 1, "errors": 0, "warnings": 0, "infos": 0})
    assert proc.returncode == 0


def test_every_rule_url_names_an_anchor_of_the_rule_catalogue():
    from provlint.reporters.records import RULES_DOC_URL, rule_url
    from provlint.rules import all_rules

    catalogue = (REPO / "docs" / "RULES.md").read_text()
    assert RULES_DOC_URL.endswith("/docs/RULES.md")
    for rule in all_rules():
        anchor = rule_url(rule.code).rpartition("#")[2]
        assert f'<a id="{anchor}"></a>' in catalogue, rule.code
