"""One line per finding: ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

import re

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter


# A key or file name may hold a newline; escaped, one finding stays one line and cannot forge another.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def concise_line(d: Diagnostic) -> str:
    return one_line(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity.value}]{fix_marker(d)} {d.message}")


def fix_marker(d: Diagnostic) -> str:
    """`` [*]`` when ``--fix`` repairs the finding, as ruff marks it (an unsafe fix is not marked
    here: the full format names it)."""
    return " [*]" if d.autofix is not None and d.autofix.available and d.autofix.applicability == "safe" else ""


class ConciseReporter(Reporter):
    def file(self, result: FileResult) -> None:
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic) + "\n")
