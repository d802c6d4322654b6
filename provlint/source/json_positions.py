"""Where the keys and values of a JSON text stand, found by one iterative scan.

The index is built only for files that have findings (clean files never pay for it), after
``json.loads`` accepted the text, so the scanner may trust the grammar. It still never
recurses (a 50,000-deep array must not raise RecursionError) and never loops forever on text
that is not JSON: every step of the scan consumes characters.

The scanner also serves the loader, which learns from ``json.loads`` *that* something is wrong
(a NaN literal, an over-long integer, nesting too deep) but not *where*.
"""

from __future__ import annotations

import re
from json.decoder import scanstring

from provlint.findings import Span
from provlint.patterns import lazy
from provlint.source import pointer as json_pointer
from provlint.source.document import DuplicateKey
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, Union

# A string with its quotes. DOTALL so that a backslash before any character (even an invalid
# line break) is consumed as a pair. A string left open runs to the end of the text: were it
# simply no match, the search would retry from every later quote and scan the rest of the
# text each time (quadratic on text that is not JSON).
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)'

# What the index needs: group 1 is a string, a bracket or a scalar run (number, true, false,
# null). Whitespace, commas and colons before it are consumed by the same match (cheaper than
# letting the search step over them): in valid JSON the scanner's state (is a key pending?)
# says what a string is, so separators carry no information. The scalar alternative also
# swallows any garbage, and a lone quote is skipped by the search, so every match advances.
_TOKEN = lazy(r'[ \t\n\r,:]*(' + _STRING + r'|[{}\[\]]|[^ \t\n\r{}\[\],:"]+)', re.DOTALL)

_BRACKET_OR_STRING = lazy(_STRING + r"|[{}\[\]]", re.DOTALL)
_NON_FINITE_OR_STRING = lazy(_STRING + r"|(-?Infinity|NaN)", re.DOTALL)
_NUMBER_OR_STRING = lazy(_STRING + r"|(-?\d+)(\.\d+)?([eE][-+]?\d+)?", re.DOTALL)

_ARRAY_INDEX = lazy(r"0|[1-9][0-9]*")

# A scanned value: [start, end, members, key_start, key_end] as character offsets. ``members``
# is a dict (key -> node) for an object, a list for an array, None for a scalar; the key
# offsets are -1 for array elements and the root. A container is a list (its end is set when
# it closes), a scalar a tuple: plain sequences keep the hot loop cheap.
_Node = list
_START, _END, _MEMBERS, _KEY_START, _KEY_END = range(5)


class JsonPositionIndex:
    """Spans of keys and values by RFC 6901 pointer, and every duplicated key.

    A duplicated key resolves to its last occurrence, whose value ``json.loads`` keeps; the
    members of an overwritten value disappear with it. A key seen three times gives two
    duplicates, each paired with the occurrence just before it (second against first, third
    against second), so that every report points at the neighbour a reader will look at.
    """

    def __init__(self, text: str) -> None:
        self._root, self._duplicates = _scan(text)
        self._lines = LineIndex(text)

    def key_span(self, pointer: str) -> Optional[Span]:
        node = self._resolve(pointer)
        if node is None or node[_KEY_START] < 0:
            return None
        return self._lines.span(node[_KEY_START], node[_KEY_END])

    def value_span(self, pointer: str) -> Optional[Span]:
        node = self._resolve(pointer)
        if node is None:
            return None
        return self._lines.span(node[_START], node[_END])

    def duplicate_keys(self) -> list[DuplicateKey]:
        span = self._lines.span
        return [
            DuplicateKey(pointer, key, span(first_start, first_end), span(second_start, second_end))
            for pointer, key, first_start, first_end, second_start, second_end in self._duplicates
        ]

    def _resolve(self, pointer: str) -> Optional[_Node]:
        try:
            tokens = json_pointer.split(pointer)
        except ValueError:
            return None
        node = self._root
        for token in tokens:
            if node is None:
                return None
            members = node[_MEMBERS]
            if type(members) is dict:
                node = members.get(token)
            elif type(members) is list and _ARRAY_INDEX.fullmatch(token) and int(token) < len(members):
                node = members[int(token)]
            else:
                return None
        return node


_Duplicate = tuple  # (pointer, key, first_start, first_end, second_start, second_end)


def _scan(text: str) -> tuple[Optional[_Node], list[_Duplicate]]:
    """One pass over the tokens, with an explicit stack of the open containers."""
    root: Optional[_Node] = None
    duplicates: list[_Duplicate] = []
    enclosing: list[Optional[_Node]] = []  # the open containers around ``container``
    path: list[Union[str, int, None]] = []  # pointer tokens from the root to ``container``
    container: Optional[_Node] = None
    members: Union[dict, list, None] = None
    in_object = False
    key: Optional[str] = None  # in an object: the key whose value comes next
    key_start = key_end = -1

    for match in _TOKEN.finditer(text):
        start, end = match.span(1)
        first = text[start]
        if first == '"' and in_object and key is None:
            raw = match.group(1)
            key = raw[1:-1] if "\\" not in raw else _decode_key(raw)
            key_start, key_end = start, end
            continue
        if first == "}" or first == "]":
            if not enclosing:
                continue  # a closing bracket that closes nothing: not JSON, skip it
            container[_END] = end
            container = enclosing.pop()
            path.pop()
            members = container[_MEMBERS] if container is not None else None
            in_object = type(members) is dict
            key = None
            continue

        opens = first == "{" or first == "["
        if in_object:
            if key is None:
                node = None  # a value without a key: not JSON, keep only the bracket balance
            else:
                # Scalars are tuples (cheaper); a container is a list, its end comes later.
                node = [start, -1, None, key_start, key_end] if opens else (start, end, None, key_start, key_end)
                previous = members.setdefault(key, node)
                if previous is not node:
                    duplicates.append(_duplicate(path, key, previous, start=key_start, end=key_end))
                    members[key] = node
            token = key
            key = None
        else:
            node = [start, -1, None, -1, -1] if opens else (start, end, None, -1, -1)
            if members is not None:
                token = len(members)
                members.append(node)
            else:
                token = None
                if root is None:
                    root = node
        if opens:
            if node is None:
                node = [start, -1, None, -1, -1]
            node[_MEMBERS] = members = {} if first == "{" else []
            enclosing.append(container)
            path.append(token)
            container = node
            in_object = first == "{"

    # Only text that is not JSON leaves containers open: let them run to the end of the text.
    for node in enclosing + [container]:
        if node is not None and node[_END] < 0:
            node[_END] = len(text)
    return root, duplicates


def _decode_key(raw: str) -> str:
    try:
        return scanstring(raw, 1)[0]
    except ValueError:
        return raw[1:-1]


def _duplicate(path: list, key: str, previous: _Node, *, start: int, end: int) -> _Duplicate:
    # path[0] is the root's token (None): the root has no name in a pointer.
    pointer = json_pointer.from_parts(path[1:] + [key])
    return (pointer, key, previous[_KEY_START], previous[_KEY_END], start, end)


def first_bracket_deeper_than(text: str, limit: int) -> Optional[int]:
    """The offset of the first opening bracket that nests deeper than ``limit`` levels."""
    depth = 0
    for match in _BRACKET_OR_STRING.finditer(text):
        first = text[match.start()]
        if first == "{" or first == "[":
            depth += 1
            if depth > limit:
                return match.start()
        elif first == "}" or first == "]":
            depth -= 1
    return None


def first_non_finite_literal(text: str) -> Optional[tuple[int, int]]:
    """Offsets of the first NaN, Infinity or -Infinity outside strings."""
    for match in _NON_FINITE_OR_STRING.finditer(text):
        if match.group(1):
            return match.span(1)
    return None


def first_long_integer(text: str, max_digits: int) -> Optional[tuple[int, int]]:
    """Offsets of the first integer (no fraction, no exponent) with more than ``max_digits`` digits."""
    for match in _NUMBER_OR_STRING.finditer(text):
        digits, fraction, exponent = match.groups()
        if digits and fraction is None and exponent is None and len(digits.lstrip("-")) > max_digits:
            return match.span()
    return None
