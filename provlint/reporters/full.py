"""The concise line, then the source line with a caret under the finding, then a summary."""

from __future__ import annotations

import re
from collections import Counter

from provlint.findings import Diagnostic, FileResult, Position, Span
from provlint.reporters.base import Reporter
from provlint.reporters.concise import concise_line
from provlint.source.text import LineIndex

# A snippet longer than this is cut around the column, so one minified file cannot flood a terminal.
MAX_SNIPPET = 120


class FullReporter(Reporter):
    def file(self, result: FileResult) -> None:
        lines = LineIndex(result.text) if result.text else None
        # Every secret in the file is masked on every snippet line it appears on, whichever
        # rules are selected (the engine finds them).
        secrets = [d.span for d in result.diagnostics if d.secret] + list(result.secret_spans)
        for diagnostic in result.diagnostics:
            self.write(concise_line(diagnostic) + "\n")
            if lines is not None:
                self.write(snippet(lines, diagnostic, secrets))
            if diagnostic.fix:
                self.write(f"  help: {diagnostic.fix}\n")
            if diagnostic.autofix is not None:
                self.write(fix_line(diagnostic.autofix))
            self.write("\n")

    def finish(self, results: list[FileResult]) -> None:
        if not self.quiet:
            self.write(summary(results) + "\n")


def fix_line(fix) -> str:
    if not fix.available:
        return f"  fix: none offered: {fix.unavailable}\n"
    flag = "--fix" if fix.applicability == "safe" else "--unsafe-fixes"
    note = f" ({fix.note})" if fix.note else ""
    return f"  fix: {fix.description}, fixable with {flag}{note}\n"


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


def summary(results: list[FileResult]) -> str:
    counts = Counter(d.severity.value for r in results for d in r.diagnostics)
    total = sum(counts.values())
    files = sum(1 for r in results if r.diagnostics)
    if not total:
        checked = len(results)
        return f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)."
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s])
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
