"""Bytes to text, and character offsets to 1-based line/column positions."""

from __future__ import annotations

import bisect
import codecs
import sys

from provlint.findings import Position, Span
from provlint.patterns import lazy
from provlint.source.document import ParseError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Union

_LINE_BREAK = lazy(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to positions; ``\\n``, ``\\r\\n`` and ``\\r`` end lines.

    No list of line starts: for a 10 MB file of blank lines it would cost millions of Python
    ints, whatever the number of findings. Each answer is counted (``str.count``, in C) from
    the nearest offset already answered, before or after it, and kept as a checkpoint: memory
    grows with the questions asked, and answers asked in text order touch each character once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._offsets: list[int] = [0]  # answered offsets, sorted
        self._known: dict[int, tuple[int, int]] = {0: (1, 0)}  # offset -> (line, its start)
        self._line_starts: dict[int, int] = {1: 0}  # line -> its start, for the lines met so far
        self._lines: list[int] = [1]  # the keys of _line_starts, sorted
        # Most texts end lines with \n alone: one str.count and one str.rfind per answer,
        # where a \r (and a \r\n straddling an offset) needs five.
        self._newlines_only = "\r" not in text

    def position(self, offset: int) -> Position:
        if offset < 0 or offset > len(self.text):
            offset = max(0, min(offset, len(self.text)))
        line, start = self._locate(offset)
        return Position(line, offset - start + 1)

    def span(self, start: int, end: int) -> Span:
        first = self.position(start)
        if self._newlines_only and 0 <= start <= end <= len(self.text) and self.text.find("\n", start, end) < 0:
            return Span(first, Position(first.line, first.column + end - start))  # a one-line token
        return Span(first, self.position(end))

    def offset(self, position: Position) -> Optional[int]:
        """The character offset of a 1-based position (None past the last line)."""
        start = self._line_start(position.line) if position.line >= 1 else None
        return None if start is None else min(start + position.column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break ("" past the last line)."""
        start = self._line_start(line) if line >= 1 else None
        if start is None:
            return ""
        found = _LINE_BREAK.search(self.text, start)
        return self.text[start : found.start() if found else len(self.text)]

    def _line_start(self, line: int) -> Optional[int]:
        known = self._line_starts.get(line)
        if known is not None:
            return known
        # From the nearest known line above, gallop then bisect on break counts (str.count, in
        # C): lines asked in order, as a reporter asks them, cost one pass over the text.
        text = self.text
        breaks = _newlines_ending_in if self._newlines_only else _breaks_ending_in
        base_line = self._lines[bisect.bisect_right(self._lines, line) - 1]
        base = self._line_starts[base_line]
        wanted = line - base_line
        step, high = 64, base
        while breaks(text, base, high) < wanted:
            if high == len(text):
                return None  # past the last line
            high = min(len(text), high + step)
            step *= 2
        low = max(base, high - step // 2)  # the gallop's previous bound had too few breaks
        while low < high:
            middle = (low + high) // 2
            if breaks(text, base, middle) >= wanted:
                high = middle
            else:
                low = middle + 1
        self._remember_line(line, low)
        return low

    def _remember_line(self, line: int, start: int) -> None:
        if line not in self._line_starts:
            self._line_starts[line] = start
            bisect.insort(self._lines, line)

    def _locate(self, offset: int) -> tuple[int, int]:
        known = self._known.get(offset)
        if known is not None:
            return known
        text = self.text
        offsets = self._offsets
        at = bisect.bisect_left(offsets, offset)
        before = offsets[at - 1]
        line, start = self._known[before]
        after = offsets[at] if at < len(offsets) else None
        breaks, line_start = (_newlines_ending_in, _newline_line_start) if self._newlines_only else (
            _breaks_ending_in, _line_start)
        if after is not None and after - offset < offset - before:
            after_line, after_start = self._known[after]
            line = after_line - breaks(text, offset, after)
            if line == after_line:
                start = after_start
            else:
                start = line_start(text, before, offset) or start
        else:
            line += breaks(text, before, offset)
            start = line_start(text, before, offset) or start
        self._known[offset] = (line, start)
        offsets.insert(at, offset)
        self._remember_line(line, start)
        return line, start


def _breaks_ending_in(text: str, low: int, high: int) -> int:
    """How many line breaks end in (low, high]: a ``\\r`` whose ``\\n`` lies past ``high``
    has not ended yet, and a ``\\n`` at ``low`` after a ``\\r`` ends in the range."""
    return text.count("\n", low, high) + text.count("\r", low, high) - text.count("\r\n", low, high + 1)


def _newlines_ending_in(text: str, low: int, high: int) -> int:
    """``_breaks_ending_in`` for a text with no ``\\r``."""
    return text.count("\n", low, high)


def _newline_line_start(text: str, low: int, offset: int) -> Optional[int]:
    """``_line_start`` for a text with no ``\\r``."""
    return text.rfind("\n", low, offset) + 1 or None


def _line_start(text: str, low: int, offset: int) -> Optional[int]:
    """Where the line holding ``offset`` starts, if a line break ends in (low, offset]."""
    newline = text.rfind("\n", low, offset)
    carriage = text.rfind("\r", low, offset)
    if carriage == offset - 1 and text.startswith("\n", offset):
        carriage = text.rfind("\r", low, offset - 1)  # a \r\n straddling offset has not ended
    end = max(newline, carriage)
    return end + 1 if end >= 0 else None


def decode(raw: bytes, *, allow_bom: bool) -> Union[str, ParseError]:
    """Strict UTF-8 decoding; every way it can fail is a ParseError with the place it failed."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _at_start("the file is UTF-16 or UTF-32 encoded; save it as UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        if not allow_bom:
            return _at_start("the file starts with a UTF-8 byte-order mark, which JSON forbids; remove it")
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw[:4096]:
        return ParseError(
            "the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark",
            _span_at_byte(raw, raw.index(b"\x00")),
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ParseError(
            f"invalid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start} cannot be decoded",
            _span_at_byte(raw, exc.start),
        )


def _at_start(message: str) -> ParseError:
    return ParseError(message, Span(Position(1, 1), Position(1, 2)))


def _span_at_byte(raw: bytes, byte_offset: int) -> Span:
    prefix = raw[:byte_offset].decode("utf-8", errors="replace")
    start = LineIndex(prefix).position(len(prefix))
    return Span(start, Position(start.line, start.column + 1))


def max_int_digits() -> int:
    """The most decimal digits Python converts between int and str (0: no limit)."""
    get_limit = getattr(sys, "get_int_max_str_digits", None)  # 3.11+, and 3.10.7+
    return get_limit() if get_limit else 0
