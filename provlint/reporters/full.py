"""The concise line, then the source line with a caret under the finding, the JSON Pointer and
the help, then a summary. On a terminal the severity, the code and the caret are coloured."""

from __future__ import annotations

import re

from provlint.findings import Diagnostic, FileResult, Position, Span
from provlint.reporters.base import Reporter, Summary, summary_line
from provlint.reporters.concise import concise_line, one_line
from provlint.source.text import LineIndex

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
        # rules are selected (the engine finds them).
        secrets = [d.span for d in result.diagnostics if d.secret] + list(result.secret_spans)
        for diagnostic in result.diagnostics:
            self.write(self._headline(diagnostic) + "\n")
            if lines is not None:
                self.write(self._caret(snippet(lines, diagnostic, secrets), diagnostic))
            if diagnostic.pointer:
                self.write(f"  pointer: {one_line(diagnostic.pointer)}\n")
            if diagnostic.fix:
                self.write(f"  help: {diagnostic.fix}\n")
            self.write("\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.write(summary_line(summary) + "\n")

    def _headline(self, d: Diagnostic) -> str:
        if not self.color:
            return concise_line(d)
        severity = paint(f"[{d.severity.value}]", COLOURS[d.severity.value])
        return f"{one_line(f'{d.path}:{d.line}:{d.column}:')} {paint(d.code, BOLD)} {severity} {one_line(d.message)}"

    def _caret(self, text: str, d: Diagnostic) -> str:
        if not self.color:
            return text
        head, _, caret = text.rstrip("\n").rpartition("\n")
        marks = caret.lstrip(" |")
        return f"{head}\n{caret[: len(caret) - len(marks)]}{paint(marks, COLOURS[d.severity.value])}\n"


REDACTED = "********"


def snippet(lines: LineIndex, d: Diagnostic, secrets: list[Span] = ()) -> str:
    text = lines.line_text(d.line).expandtabs(1)
    column = d.column
    if d.span.end.line == d.line:
        width = max(1, d.span.end.column - d.column)
    else:
        width = max(1, len(text) - column + 1)
    text, column, width = _mask(text, d.line, column, width, secrets)
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


# A safety net under the engine's secret spans: on any line shown, a value whose key names a
# credential, and the user-info part of a URL, are masked even where the engine found nothing
# (a file that does not parse, a duplicate key, a number where a password belongs).
_SECRET_KEY = r"[\w-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|credential|authorization|value|username)[\w-]*"
_SECRET_MEMBER = re.compile(
    r"""(?P<key>["']?%s["']?\s*:\s*)(?P<value>"(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s,}\]#][^,}\]#]*)""" % _SECRET_KEY,
    re.IGNORECASE,
)
_URL_USERINFO = re.compile(r"[A-Za-z][\w+.-]*://(?P<userinfo>[^/\s@\"']+)@")
_NOT_SECRET = re.compile(r"""^["']?(?:env\.[A-Za-z_]\w*["']?$|vault\.|true\b|false\b|null\b|~$|\{)""")


def _lexical_secrets(text: str, line: int) -> list[Span]:
    spans = []
    for match in _SECRET_MEMBER.finditer(text):
        value = match.group("value").rstrip()
        if value and not _NOT_SECRET.match(value):
            start = match.start("value") + 1
            spans.append(Span(Position(line, start), Position(line, start + len(value))))
    for match in _URL_USERINFO.finditer(text):
        start = match.start("userinfo") + 1
        spans.append(Span(Position(line, start), Position(line, match.end("userinfo") + 1)))
    return spans


def _mask(text: str, line: int, column: int, width: int, secrets) -> tuple[str, int, int]:
    """Replace each secret on this line (right to left, so earlier columns stay valid), keeping
    its quotes so the line still reads as code, and move the caret with the text."""
    ranges = sorted(
        (s.start.column, s.end.column if s.end.line == line else len(text) + 1)
        for s in [*secrets, *_lexical_secrets(text, line)]
        if s.start.line == line
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        token = text[start - 1 : end - 1]
        quote = token[0] if token[:1] in "\"'" and len(token) >= 2 and token[-1] == token[0] else ""
        masked = f"{quote}{REDACTED}{quote}"
        text = text[: start - 1] + masked + text[end - 1 :]
        if start <= column < end:
            column, width = start, len(masked)
        elif start < column:
            column += len(masked) - (end - start)
    return text, column, width
