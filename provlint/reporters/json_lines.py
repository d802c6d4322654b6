"""``json-lines``: one result object a line, the same objects as the ``json`` envelope's results."""

from __future__ import annotations

import json

from provlint.findings import FileResult
from provlint.reporters.base import Reporter
from provlint.reporters.records import record
from provlint.source.text import LineIndex


class JsonLinesReporter(Reporter):
    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        lines = LineIndex(result.text) if result.text else None
        for diagnostic in result.diagnostics:
            self.write(json.dumps(record(diagnostic, result.data, path, lines), ensure_ascii=True) + "\n")
