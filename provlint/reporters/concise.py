"""One line per finding: ``path:line:col: CODE [severity] message``, then a one-line summary
(``-q`` drops it), as ruff's concise format ends."""

from __future__ import annotations

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary, summary_line
from provlint.secrets import escape_control


def one_line(text: str) -> str:
    """A key or file name may hold a newline or a terminal escape; escaped, one finding stays
    one line and cannot forge another or drive the terminal."""
    return escape_control(text)


def concise_line(d: Diagnostic, path: str) -> str:
    """``path`` is the shown one (Reporter.shown_path), not the diagnostic's own."""
    return one_line(f"{path}:{d.line}:{d.column}: {d.code} [{d.severity.value}]{fix_marker(d)} {d.message}")


def fix_marker(d: Diagnostic) -> str:
    """`` [*]`` when ``--fix`` repairs the finding, as ruff marks it (an unsafe fix is not marked
    here: the full format names it)."""
    return " [*]" if d.autofix is not None and d.autofix.available and d.autofix.applicability == "safe" else ""


class ConciseReporter(Reporter):
    reads_documents = False  # the diagnostics, and whether a fix is available

    def file(self, result: FileResult) -> None:
        path = self.shown_path(result.path)
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic, path) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.write(summary_line(summary) + "\n")
