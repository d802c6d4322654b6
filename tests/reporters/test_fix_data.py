"""``json``, ``json-lines`` and ``sarif`` carry each finding's automatic fix as data."""

import json
import shutil

import jsonschema

from provlint.reporters.report_schema import FILE_NAME
from tests.paths import REPO, fixture
from tests.reporters.helpers import run_check

SCHEMA = json.loads((REPO / "schemas" / FILE_NAME).read_text())
SARIF_SCHEMA = json.loads(fixture("sarif", "sarif-schema-2.1.0.json").read_text())


def _copy(tmp_path):
    shutil.copy(fixture("fixes", "safe-config.before.json"), tmp_path / "config.json")


def apply(text, edits):
    """Apply edits given by 1-based line/column, last first, as a consumer of the report would."""
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:index]) for index in range(len(lines) + 1)]
    for edit in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        start = starts[edit["line"] - 1] + edit["column"] - 1
        end = starts[edit["end_line"] - 1] + edit["end_column"] - 1
        text = text[:start] + edit["replacement"] + text[end:]
    return text


def test_json_results_carry_the_fix_and_its_edits_make_what_fix_writes(tmp_path):
    _copy(tmp_path)
    report = json.loads(run_check("--isolated", "--output-format", "json", "config.json", cwd=tmp_path).stdout)
    jsonschema.Draft7Validator(SCHEMA).validate(report)
    (case,) = [r for r in report["results"] if r["code"] == "PL205"]
    assert case["autofix"] == {
        "applicability": "safe", "description": case["autofix"]["description"], "note": None, "unavailable": None,
        "edits": [{"line": 3, "column": 5, "end_line": 3, "end_column": 13, "replacement": '"openai"'}],
    }
    safe = [edit for r in report["results"] if r["autofix"] and r["autofix"]["applicability"] == "safe"
            for edit in r["autofix"]["edits"]]
    before = (tmp_path / "config.json").read_text()
    run_check("--isolated", "--fix", "config.json", cwd=tmp_path)
    assert apply(before, safe) == (tmp_path / "config.json").read_text()


def test_json_lines_carry_the_same_fix(tmp_path):
    _copy(tmp_path)
    lines = run_check("--isolated", "--output-format", "json-lines", "config.json", cwd=tmp_path).stdout.decode()
    report = json.loads(run_check("--isolated", "--output-format", "json", "config.json", cwd=tmp_path).stdout)
    assert [json.loads(line)["autofix"] for line in lines.splitlines()] == [r["autofix"] for r in report["results"]]


def test_sarif_results_carry_fixes_and_validate(tmp_path):
    _copy(tmp_path)
    log = json.loads(run_check("--isolated", "--output-format", "sarif", "config.json", cwd=tmp_path).stdout)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "PL205"]
    (fix,) = result["fixes"]
    assert fix["artifactChanges"] == [{
        "artifactLocation": {"uri": "config.json", "uriBaseId": "%SRCROOT%"},
        "replacements": [{"deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 13},
                          "insertedContent": {"text": '"openai"'}}],
    }]
    assert fix["description"]["text"].endswith("(safe: --fix)")
