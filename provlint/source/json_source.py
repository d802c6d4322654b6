"""JSON bytes to a Document: ``json.loads`` for the data, positions only when asked.

Every clean file takes the fast path: strict UTF-8 decoding, one ``json.loads`` whose only
extra is a duplicate-key flag, a bracket count. Positions are computed by
:class:`JsonPositionIndex` the first time something asks for one. Every failure becomes a
``ParseError`` with the place it happened; bad input never raises.
"""

from __future__ import annotations

import json

from provlint.findings import Position, Span
from provlint.source.document import Document, Format, ParseError
from provlint.source.text import LineIndex, decode, max_int_digits

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

# Deepest nesting accepted. Real configs stay below 10; the limit sits well under what
# json.loads survives (about 990 with the default recursion limit, more on 3.12+) and keeps
# data that downstream code walks recursively out of RecursionError's reach. It is enforced
# on every file, not only when json.loads gives up, so that the verdict does not depend on the
# Python version or on how deep the caller's stack happens to be.
MAX_DEPTH = 500

_JSON_WHITESPACE = " \t\n\r"


class _NonFiniteLiteral(Exception):
    """Raised from ``parse_constant``: NaN and the infinities are Python's extension, not JSON."""


def _positions():
    # The position scanner is for files with findings or errors: a clean file never loads it.
    from provlint.source import json_positions

    return json_positions


def positions_factory(text: str, has_duplicates: bool, data: Any = None, objects: int = -1) -> Callable[[], Any]:
    """How a parsed JSON text's positions are built on first use: for the asked pointers only
    (looked for by key where ``objects``, the number of objects json.loads built of ``text``
    into ``data``, is known); the full index where a key repeats (PL002 reports every repeat,
    and the full index says which occurrence a pointer names)."""
    def build() -> Any:
        if has_duplicates:
            return _positions().JsonPositionIndex(text)
        from provlint.source.json_pointer_positions import JsonPointerPositions

        return JsonPointerPositions(text, data, objects)

    return build


def _refuse_constant(literal: str) -> Any:
    raise _NonFiniteLiteral(literal)


def load_json(raw: bytes, path: str) -> Document:
    """Parse ``raw``; a failure is ``Document.error`` (with ``data=None``), never an exception."""
    text = decode(raw, allow_bom=False)
    if isinstance(text, ParseError):
        # Not the file's real text, but enough for a reporter to show the failing line.
        return Document(path, raw.decode("utf-8", errors="replace"), Format.JSON, error=text)
    if not text or (text[0] in _JSON_WHITESPACE and not text.strip(_JSON_WHITESPACE)):
        return _failed(path, text, "the file is empty" + (" (only whitespace)" if text else ""), _start_span())

    duplicates_seen = False
    objects = 0

    def note_duplicates(pairs: list, _dict: Callable = dict, _len: Callable = len) -> dict:
        # Runs once per object of every file: a length comparison and a count are all it may
        # afford. The spans of the duplicates come from the position index, only when they are
        # reported; the count tells the index that no string holds a brace.
        nonlocal duplicates_seen, objects
        objects += 1
        members = _dict(pairs)
        if _len(members) != _len(pairs):
            duplicates_seen = True
        return members

    try:
        data = json.loads(text, object_pairs_hook=note_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return _failed(path, text, *_syntax_error(text, exc))
    except _NonFiniteLiteral as exc:
        return _failed(path, text, *_non_finite_error(text, str(exc)))
    except RecursionError:
        return _failed(path, text, *_nesting_error(text))
    except ValueError as exc:  # an integer longer than int() accepts, or whatever else json refuses
        return _failed(path, text, *_value_error(text, exc))

    # Nesting needs containers: the objects json built plus every "[" of the text bound them
    # (one pass over the text, not two).
    if objects + text.count("[") > MAX_DEPTH and _deeper_than(data, MAX_DEPTH):
        return _failed(path, text, *_nesting_error(text))
    return Document(
        path,
        text,
        Format.JSON,
        data=data,
        has_duplicates=duplicates_seen,
        _index_factory=positions_factory(text, duplicates_seen, data, objects),
    )


def _failed(path: str, text: str, message: str, span: Span) -> Document:
    return Document(path, text, Format.JSON, error=ParseError(message, span))


def _syntax_error(text: str, exc: json.JSONDecodeError) -> tuple[str, Span]:
    lines = LineIndex(text)
    closing = text[exc.pos : exc.pos + 1]
    if closing in ("}", "]"):
        comma = len(text[: exc.pos].rstrip(_JSON_WHITESPACE)) - 1
        if comma >= 0 and text[comma] == ",":
            what = "member" if closing == "}" else "element"
            return (
                f"trailing comma before `{closing}`: JSON allows no comma after the last {what}",
                lines.span(comma, comma + 1),
            )
    message = exc.msg
    if message == "Invalid control character at":  # Python's message expects a position after it
        message = "invalid control character in a string: escape it (\\n, \\t, \\u0000)"
    return message, _char_span(lines, exc.pos)


def _non_finite_error(text: str, literal: str) -> tuple[str, Span]:
    lines = LineIndex(text)
    found = _positions().first_non_finite_literal(text)
    span = lines.span(*found) if found else _start_span()
    return f"{literal} is not valid JSON (JSON has no NaN or infinite numbers)", span


def _nesting_error(text: str) -> tuple[str, Span]:
    offset = _positions().first_bracket_deeper_than(text, MAX_DEPTH)
    if offset is None:
        # json.loads ran out of stack before MAX_DEPTH: the caller's own stack was deep.
        return "nesting too deep for the JSON parser", _start_span()
    return f"nesting deeper than {MAX_DEPTH} levels", _char_span(LineIndex(text), offset)


def _value_error(text: str, exc: ValueError) -> tuple[str, Span]:
    max_digits = max_int_digits()
    found = _positions().first_long_integer(text, max_digits) if max_digits else None
    if found is None:
        return str(exc), _start_span()
    start, end = found
    digits = end - start - (text[start] == "-")
    return (
        f"integer with {digits} digits is too long (the limit is {max_digits} digits)",
        LineIndex(text).span(start, end),
    )



def _deeper_than(data: Any, limit: int) -> bool:
    """Whether ``data`` nests more than ``limit`` containers deep; iterative, stops early."""
    pending = [(data, 1)] if type(data) is dict or type(data) is list else []
    while pending:
        value, depth = pending.pop()
        if depth > limit:
            return True
        for member in value.values() if type(value) is dict else value:
            kind = type(member)
            if kind is dict or kind is list:
                pending.append((member, depth + 1))
    return False


def _char_span(lines: LineIndex, offset: int) -> Span:
    """One character at ``offset``; empty at the end of the text or a line, where there is none."""
    start = lines.position(offset)
    if offset >= len(lines.text) or lines.text[offset] in "\r\n":
        return Span(start, start)  # a line break is no character of its line
    return Span(start, Position(start.line, start.column + 1))


def _start_span() -> Span:
    return Span(Position(1, 1), Position(1, 1))
