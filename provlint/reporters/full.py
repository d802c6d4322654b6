"""The concise line, then the source line with a caret under the finding, the JSON Pointer and
the help, then a summary. On a terminal the severity, the code and the caret are coloured."""

from __future__ import annotations

from provlint.findings import Diagnostic, FileResult
from provlint.reporters.base import Reporter, Summary, summary_line
from provlint.reporters.concise import concise_line, one_line
from provlint.secrets import REDACTED, SecretMap, escape_control, mask
from provlint.secrets.masking import merge, occurrences
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

# A snippet longer than this is cut around the column, so one minified file cannot flood a terminal.
MAX_SNIPPET = 120

# ANSI SGR codes: bold red, bold yellow, bold cyan; bold.
COLOURS = {"error": "1;31", "warning": "1;33", "info": "1;36"}
BOLD = "1"


def paint(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


class FullReporter(Reporter):
    def file(self, result: FileResult) -> None:
        lines = LineIndex(result.text) if result.text else None
        # Every secret in the file is masked on every snippet line it appears on, whichever
        # rules are selected; a result without a linted document (settings, a baseline) gets
        # the net over its text.
        secrets = result.secrets
        if secrets is None and result.text:
            secrets = SecretMap.of_text(result.text)
        path = self.shown_path(result.path)
        for diagnostic in result.diagnostics:
            self.write(self._headline(diagnostic, path) + "\n")
            if lines is not None:
                self.write(self._caret(snippet(lines, diagnostic, secrets), diagnostic))
            if diagnostic.pointer:
                self.write(f"  pointer: {one_line(diagnostic.pointer)}\n")
            if diagnostic.fix:
                self.write(f"  help: {escape_control(mask(diagnostic.fix, secrets))}\n")
            if diagnostic.autofix is not None:
                self.write(fix_line(diagnostic.autofix))
            self.write("\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.write(summary_line(summary) + "\n")

    def _headline(self, d: Diagnostic, path: str) -> str:
        if not self.color:
            return concise_line(d, path)
        severity = paint(f"[{d.severity.value}]", COLOURS[d.severity.value])
        return f"{one_line(f'{path}:{d.line}:{d.column}:')} {paint(d.code, BOLD)} {severity} {one_line(d.message)}"

    def _caret(self, text: str, d: Diagnostic) -> str:
        if not self.color:
            return text
        head, _, caret = text.rstrip("\n").rpartition("\n")
        marks = caret.lstrip(" |")
        return f"{head}\n{caret[: len(caret) - len(marks)]}{paint(marks, COLOURS[d.severity.value])}\n"


def fix_line(fix) -> str:
    if not fix.available:
        return f"  fix: none offered: {fix.unavailable}\n"
    flag = "--fix" if fix.applicability == "safe" else "--unsafe-fixes"
    note = f" ({fix.note})" if fix.note else ""
    return f"  fix: {fix.description}, fixable with {flag}{note}\n"



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

