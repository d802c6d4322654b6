"""``gitlab``: Code Climate JSON, as GitLab's code quality report (``artifacts:reports:codequality``) reads it."""

from __future__ import annotations

import json

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary
from provlint.reporters.records import fingerprint

# GitLab's scale is info < minor < major < critical < blocker. An error is major, and critical
# when the rule is a security rule GitHub would call high or critical (security-severity >= 7.0);
# provlint gives no blocker (README: GitLab CI).
HIGH_SECURITY_SEVERITY = 7.0
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    def start(self, rules) -> None:
        super().start(rules)
        self.issues: list[dict] = []

    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        for d in result.diagnostics:
            self.issues.append({
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code} {d.name}: {d.message}",
                "categories": ["Security"] if self._security(d) is not None else ["Bug Risk"],
                "fingerprint": fingerprint(d, result.data, path),
                "severity": self._severity(d),
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": d.span.end.line, "column": d.span.end.column},
                    },
                },
            })

    def finish(self, summary: Summary) -> None:
        self.write(json.dumps(self.issues, indent=2, ensure_ascii=True) + "\n")

    def _security(self, d: Diagnostic):
        rule = self.rules.get(d.code)
        return rule.security_severity if rule else None

    def _severity(self, d: Diagnostic) -> str:
        score = self._security(d)
        if d.severity.value == "error" and score is not None and score >= HIGH_SECURITY_SEVERITY:
            return "critical"
        return SEVERITIES[d.severity.value]
