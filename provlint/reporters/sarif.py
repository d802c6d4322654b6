"""``sarif``: SARIF 2.1.0 as GitHub code scanning reads it (one run, the rules that fired)."""

from __future__ import annotations

import json
from urllib.parse import quote

from provlint import HOMEPAGE, __version__
from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary
from provlint.reporters.records import fingerprint, rule_url
from provlint.rules import Rule
from provlint.source.text import LineIndex

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"


class SarifReporter(Reporter):
    def start(self, rules) -> None:
        super().start(rules)
        self.fired: dict[str, tuple[int, Diagnostic]] = {}  # code -> (the driver's rule index, its first finding)
        self.results: list[dict] = []

    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        index_of_text = LineIndex(result.text) if result.text else None
        for diagnostic in result.diagnostics:
            index, _ = self.fired.setdefault(diagnostic.code, (len(self.fired), diagnostic))
            found = _result(diagnostic, index, path, fingerprint(diagnostic, result.data, path))
            if diagnostic.autofix is not None and diagnostic.autofix.available and index_of_text is not None:
                found["fixes"] = [_fix(diagnostic.autofix, path, index_of_text)]
            self.results.append(found)

    def finish(self, summary: Summary) -> None:
        rules = [_rule(self.rules[code]) if code in self.rules else _unlisted(d) for code, (_, d) in self.fired.items()]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "provlint", "version": __version__, "informationUri": HOMEPAGE, "rules": rules}},
                # No absolute path of this machine: the consumer (code scanning) knows the checkout.
                "originalUriBaseIds": {SOURCE_ROOT: {"description": {"text": "The folder provlint ran in (the repository root in CI)."}}},
                "columnKind": "unicodeCodePoints",
                "properties": {"targetVersions": list(summary.target_versions)},
                "results": self.results,
            }],
        }
        self.write(json.dumps(log, indent=2, ensure_ascii=True) + "\n")


def _rule(rule: Rule) -> dict:
    body = rule.doc.partition("\n")[2].strip() or rule.summary
    help_text = rule.fix or rule.summary
    properties: dict = {"tags": list(rule.tags)}
    if rule.security_severity is not None:
        properties["security-severity"] = f"{rule.security_severity:.1f}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": body},
        "help": {"text": help_text, "markdown": f"{help_text}\n\n[{rule.code} {rule.name}]({rule_url(rule.code)})"},
        "helpUri": rule_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": properties,
    }


def _fix(fix, path: str, index: LineIndex) -> dict:
    """A SARIF fix: the replacements `--fix` (safe) or `--unsafe-fixes` (unsafe) would make."""
    replacements = []
    for edit in fix.edits:
        start, end = index.position(edit.start), index.position(edit.end)
        replacements.append({
            "deletedRegion": {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column},
            "insertedContent": {"text": edit.replacement},
        })
    flag = "--fix" if fix.applicability == "safe" else "--unsafe-fixes"
    return {
        "description": {"text": f"{fix.description} ({fix.applicability}: {flag})"},
        "artifactChanges": [{"artifactLocation": {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT}, "replacements": replacements}],
    }


def _unlisted(d: Diagnostic) -> dict:
    """A finding whose code is in no rule module (an internal error): what the finding itself says."""
    return {"id": d.code, "name": d.name, "defaultConfiguration": {"level": LEVELS[d.severity.value]}}


def _result(d: Diagnostic, index: int, path: str, print_: str) -> dict:
    end = d.span.end
    return {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity.value],
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": quote(path, safe="/"), "uriBaseId": SOURCE_ROOT},
                "region": {"startLine": d.line, "startColumn": d.column, "endLine": end.line, "endColumn": end.column},
            },
        }],
        "partialFingerprints": {"provlint/v1": print_},
    }
