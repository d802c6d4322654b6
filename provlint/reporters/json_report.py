"""``json``: one versioned envelope (schemas/report.schema.json) with every result and the counts."""

from __future__ import annotations

import json

from provlint import __version__
from provlint.findings import FileResult
from provlint.reporters.base import Reporter, Summary
from provlint.reporters.records import record
from provlint.source.text import LineIndex

# Raised when a field is removed or changes meaning; adding a field keeps the version.
REPORT_VERSION = 1


class JsonReporter(Reporter):
    def start(self, rules) -> None:
        super().start(rules)
        self.results: list[dict] = []

    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        lines = LineIndex(result.text) if result.text else None
        self.results.extend(record(d, result.data, path, lines) for d in result.diagnostics)

    def finish(self, summary: Summary) -> None:
        envelope = {
            "version": REPORT_VERSION,
            "tool": {"name": "provlint", "version": __version__},
            "target_versions": list(summary.target_versions),
            "results": self.results,
            "summary": summary.as_json(),
        }
        # ASCII only: a lone surrogate from a parsed key stays valid JSON as a \ud800 escape.
        self.write(json.dumps(envelope, indent=2, ensure_ascii=True) + "\n")
