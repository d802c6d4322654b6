"""Bytes to text, and character offsets to 1-based line/column positions."""

from __future__ import annotations

import bisect
import codecs
import re
from typing import Union

from provlint.findings import Position, Span
from provlint.source.document import ParseError

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to positions; ``\\n``, ``\\r\\n`` and ``\\r`` end lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1)

    def span(self, start: int, end: int) -> Span:
        return Span(self.position(start), self.position(end))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line break."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


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
