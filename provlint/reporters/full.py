"""The concise line, then the source line with a caret under the finding, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter
from provlint.reporters.concise import concise_line
from provlint.secrets import REDACTED, SecretMap, escape_control, mask
from provlint.secrets.masking import merge, occurrences
from provlint.source.text import LineIndex

# A snippet longer than this is cut around the column, so one minified file cannot flood a terminal.
MAX_SNIPPET = 120


class FullReporter(Reporter):
    def file(self, result: FileResult) -> None:
        lines = LineIndex(result.text) if result.text else None
        # Every secret in the file is masked on every snippet line it appears on, whichever
        # rules are selected; a result without a linted document (settings, a baseline) gets
        # the net over its text.
        secrets = result.secrets
        if secrets is None and result.text:
            secrets = SecretMap.of_text(result.text)
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic) + "\n")
            if lines is not None:
                self.write(snippet(lines, diagnostic, secrets))
            if diagnostic.fix:
                self.write(f"  help: {escape_control(mask(diagnostic.fix, secrets))}\n")
            self.write("\n")

    def finish(self, results: list[FileResult]) -> None:
        if not self.quiet:
            self.write(summary(results) + "\n")


def snippet(lines: LineIndex, d: Diagnostic, secrets: Optional[SecretMap] = None) -> str:
    text = lines.line_text(d.line).expandtabs(1)
    column = d.column
    if d.span.end.line == d.line:
        width = max(1, d.span.end.column - d.column)
    else:
        width = max(1, len(text) - column + 1)
    if secrets is not None:
        text, column, width = _mask(text, d.line, column, width, secrets)
    text, column, width = _escape(text, column, width)
    if len(text) > MAX_SNIPPET:
        start = max(0, column - 1 - MAX_SNIPPET // 2)
        text = text[start : start + MAX_SNIPPET]
        column -= start
    width = min(width, max(1, len(text) - column + 1))
    gutter = " " * len(str(d.line))
    return (
        f"{gutter} |\n"
        f"{d.line} | {text}\n"
        f"{gutter} | {' ' * (column - 1)}{'^' * width}\n"
    )


def _mask(text: str, line: int, column: int, width: int, secrets: SecretMap) -> tuple[str, int, int]:
    """Replace each secret on this line (right to left, so earlier columns stay valid), keeping
    its quotes so the line still reads as code, and move the caret with the text. A secret is
    found by its place (every line of a multi-line one) and by its text (an alias's anchor, a
    line the parser never reached)."""
    ranges = [(s + 1, e + 1) for s, e in occurrences(text, secrets.pieces, secrets.piece_index)]
    ranges += [(s, min(e, len(text) + 1)) for s, e in secrets.columns_on(line, text)]
    for start, end in reversed(merge(ranges)):
        token = text[start - 1 : end - 1]
        quote = token[0] if token[:1] in "\"'" and len(token) >= 2 and token[-1] == token[0] else ""
        masked = f"{quote}{REDACTED}{quote}"
        text = text[: start - 1] + masked + text[end - 1 :]
        if start <= column < end:
            column, width = start, len(masked)
        elif start < column:
            column += len(masked) - (end - start)
    return text, column, width


def _escape(text: str, column: int, width: int) -> tuple[str, int, int]:
    """Control characters in the line shown as escapes, the caret moved with them."""
    before = escape_control(text[: column - 1])
    under = escape_control(text[column - 1 : column - 1 + width])
    after = escape_control(text[column - 1 + width :])
    return before + under + after, len(before) + 1, max(1, len(under))


def summary(results: list[FileResult]) -> str:
    counts = Counter(d.severity.value for r in results for d in r.diagnostics)
    total = sum(counts.values())
    files = sum(1 for r in results if r.diagnostics)
    if not total:
        checked = len(results)
        return f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)."
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s])
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
