"""One line per finding: ``path:line:col: CODE [severity] message``, then a one-line summary
(``-q`` drops it), as ruff's concise format ends."""

from __future__ import annotations

import re

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary, summary_line


# A key or file name may hold a newline; escaped, one finding stays one line and cannot forge another.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def concise_line(d: Diagnostic) -> str:
    return one_line(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}")


class ConciseReporter(Reporter):
    def file(self, result: FileResult) -> None:
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.write(summary_line(summary) + "\n")
