"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter


def concise_line(d: Diagnostic) -> str:
    return f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}"


class ConciseReporter(Reporter):
    def file(self, result: FileResult) -> None:
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic) + "\n")
