"""Positions of the pointers asked for, not of the whole text: for a file that ``json.loads``
accepted with no duplicate key, each asked pointer is followed from the root, the json
module's C scanner stepping over every sibling before it. A container's members are read
once, the first time a pointer goes through it; a file with a handful of findings reads a
few objects, not every token (the full index, ``JsonPositionIndex``, costs three to four
times as much per megabyte and is built here only for what needs it: duplicate keys).

The spans are the full index's, character for character (tests/source/test_json_positions.py
checks both on generated documents).
"""

from __future__ import annotations

import re
from functools import cached_property
from json import JSONDecoder
from json.decoder import scanstring
from typing import Optional, Union

from provlint.findings import Span
from provlint.source import pointer as json_pointer
from provlint.source.document import DuplicateKey
from provlint.source.json_positions import _ARRAY_INDEX, JsonPositionIndex
from provlint.source.text import LineIndex

_BLANK = re.compile(r"[ \t\n\r]*")
_scan_value = JSONDecoder().scan_once  # (text, offset) -> (value, end): C, no Python per token

# A located value: (start, end, key_start, key_end), character offsets; -1 keys for an element.
_Place = tuple
# A container's members: key -> place (the last of a repeated key), or the elements' places.
_Members = Union[dict, list, None]


class JsonPointerPositions(JsonPositionIndex):
    """Spans of keys and values by RFC 6901 pointer, for JSON text ``json.loads`` accepted
    with no repeated key (where one is repeated, the full index)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = LineIndex(text)
        start = _BLANK.match(text).end()
        self._places: dict[str, Optional[_Place]] = {"": (start, _scan_value(text, start)[1], -1, -1)}
        self._members: dict[str, _Members] = {}

    @cached_property
    def _full(self) -> JsonPositionIndex:
        return JsonPositionIndex(self._text)

    def duplicate_keys(self) -> list[DuplicateKey]:
        return self._full.duplicate_keys()

    def key_span(self, pointer: str) -> Optional[Span]:
        place = self._place(pointer)
        if place is None or place[2] < 0:
            return None
        return self._lines.span(place[2], place[3])

    def value_span(self, pointer: str) -> Optional[Span]:
        place = self._place(pointer)
        return None if place is None else self._lines.span(place[0], place[1])

    def _place(self, pointer: str) -> Optional[_Place]:
        if pointer in self._places:
            return self._places[pointer]
        try:
            tokens = json_pointer.split(pointer)
        except ValueError:
            return None
        place = self._places[""]
        walked = ""
        for token in tokens:
            members = self._members_of(walked, place)
            walked = json_pointer.join(walked, token)
            if walked in self._places:
                place = self._places[walked]
            else:
                if type(members) is dict:
                    place = members.get(token)
                elif type(members) is list and _ARRAY_INDEX.fullmatch(token) and int(token) < len(members):
                    place = members[int(token)]
                else:
                    place = None
                self._places[walked] = place
            if place is None:
                return None
        return place

    def _members_of(self, pointer: str, place: Optional[_Place]) -> _Members:
        if pointer in self._members:
            return self._members[pointer]
        members = None if place is None else _read_members(self._text, place[0])
        self._members[pointer] = members
        return members


def _read_members(text: str, start: int) -> _Members:
    """The members of the container opening at ``start``, each value stepped over by the C
    scanner; None for a scalar."""
    opening = text[start]
    if opening not in "{[":
        return None
    blank = _BLANK.match
    at = blank(text, start + 1).end()
    if opening == "[":
        elements: list = []
        while text[at] != "]":
            end = _scan_value(text, at)[1]
            elements.append((at, end, -1, -1))
            after = blank(text, end).end()
            at = blank(text, after + 1).end() if text[after] == "," else after
        return elements
    members: dict = {}
    while text[at] != "}":
        key, key_end = scanstring(text, at + 1)
        value_start = blank(text, blank(text, key_end).end() + 1).end()  # past the colon
        value_end = _scan_value(text, value_start)[1]
        members[key] = (value_start, value_end, at, key_end)
        after = blank(text, value_end).end()
        at = blank(text, after + 1).end() if text[after] == "," else after
    return members
