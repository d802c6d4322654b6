"""The unified diff ``--diff`` prints, with every secret masked on both sides."""

from __future__ import annotations

import difflib

from provlint.findings import Span
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

REDACTED = "********"


def mask_secrets(text: str, spans: Iterable[Span]) -> str:
    """``text`` with each secret span replaced by a fixed mask (quotes kept), so a diff of two
    masked texts never shows a secret and a line whose secret did not change stays equal.

    The fix layer's own mask until the project's one masking function lands; a span that runs
    past its line is masked to the end of the line."""
    lines = LineIndex(text)
    ranges = []
    for span in set(spans):
        start = lines.offset(span.start)
        if start is None:
            continue
        line_end = start - (span.start.column - 1) + len(lines.line_text(span.start.line))
        end = lines.offset(span.end) if span.end.line == span.start.line else line_end
        if end is not None and end > start:
            ranges.append((start, end))
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        token = text[start:end]
        quote = token[0] if len(token) >= 2 and token[0] in "\"'" and token[-1] == token[0] else ""
        text = text[:start] + quote + REDACTED + quote + text[end:]
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff as git prints it (``a/`` and ``b/`` paths, a marker for a last line
    without a line break)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
