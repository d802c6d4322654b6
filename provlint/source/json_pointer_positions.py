"""Positions of the pointers asked for, not of the whole text: for a file that ``json.loads``
accepted with no duplicate key, each asked pointer is followed from the root, the json
module's C scanner stepping over the siblings before it. A container's members are read as
far as a pointer needs and no further, and a value is stepped over only to reach a later
sibling or to give its own span: the way to ``/providers/x/keys/0`` steps over the providers
before ``x``, not over the whole text once per level (the full index, ``JsonPositionIndex``,
costs three to four times as much per megabyte and is built here only for what needs it:
duplicate keys).

Where the loader vouches that no string holds a brace (the text has as many ``{`` and as many
``}`` as ``json.loads`` built objects) and no backslash, a member is not read up to: its key
is looked for (``str.find`` of ``"key"``, in C) and the first occurrence followed by a colon
and one brace deep from the object's own brace is the member, for a key the parsed data says
the object has (any earlier occurrence stands inside an earlier sibling, deeper). Without a
backslash a string's source is the string itself between quotes, and a ``"key"`` with no
comma or colon in it cannot straddle two strings (JSON separates any two strings by one).

The spans are the full index's, character for character (tests/source/test_json_positions.py
and test_json_pointer_positions.py check both on generated documents, any blanks between
tokens, pointers asked in any order, with and without the parsed data).
"""

from __future__ import annotations

from json import JSONDecoder
from json.decoder import scanstring

from provlint.findings import Span
from provlint.patterns import lazy
from provlint.records import cached_property
from provlint.source.document import DuplicateKey
from provlint.source.json_positions import _ARRAY_INDEX, JsonPositionIndex
from provlint.source.pointer import unescape
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# From an object's opening brace or the end of a member's value: the separator, the key (group
# 1, still escaped) and the colon, up to the next value. No match: the object ends there.
_MEMBER = lazy(r'[ \t\n\r]*[{,][ \t\n\r]*"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*')
# From an array's opening bracket or the end of an element: the separator, up to the next element.
_ELEMENT = lazy(r"[ \t\n\r]*[\[,][ \t\n\r]*")
_JSON_BLANKS = " \t\n\r"
# From the end of a key's closing quote: the colon and the blanks up to the value.
_COLON = lazy(r"[ \t\n\r]*:[ \t\n\r]*")
_NO_DATA = object()  # the parsed value of a place is not known
_scan_value = JSONDecoder().scan_once  # (text, offset) -> (value, end): C, no Python per token

# A located value: [start, end, key_start, key_end, members, value], character offsets; -1 keys
# for an element or the root, end -1 until something needs it (stepping over the value costs a
# C scan of it), members (a _Members) None until a pointer goes through the value, value the
# parsed value (_NO_DATA where the index was given no data).
_Place = list
_START, _END, _KEY_START, _KEY_END, _MEMBERS, _VALUE = range(6)


class JsonPointerPositions(JsonPositionIndex):
    """Spans of keys and values by RFC 6901 pointer, for JSON text ``json.loads`` accepted
    with no repeated key (where one is repeated, the full index). ``data`` is what json.loads
    made of it and ``objects`` the number of objects it built (the loader counts them; -1:
    not counted): with both, members are looked for by key instead of read in turn."""

    def __init__(self, text: str, data: Any = _NO_DATA, objects: int = -1) -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._objects = objects
        # json.loads accepted the text: nothing but blanks around the root value.
        root = [len(text) - len(text.lstrip(_JSON_BLANKS)), len(text.rstrip(_JSON_BLANKS)), -1, -1, None,
                data if objects >= 0 else _NO_DATA]
        self._places: dict[str, Optional[_Place]] = {"": root}

    @cached_property
    def _searchable(self) -> bool:
        """Whether a key's quoted text, found one brace deep, is the member (see the module)."""
        text = self._text
        return "\\" not in text and text.count("{") == self._objects == text.count("}")

    @cached_property
    def _full(self) -> JsonPositionIndex:
        return JsonPositionIndex(self._text)

    def duplicate_keys(self) -> list[DuplicateKey]:
        return self._full.duplicate_keys()

    def key_span(self, pointer: str) -> Optional[Span]:
        place = self._place(pointer)
        if place is None or place[_KEY_START] < 0:
            return None
        return self._lines.span(place[_KEY_START], place[_KEY_END])

    def value_span(self, pointer: str) -> Optional[Span]:
        place = self._place(pointer)
        if place is None:
            return None
        return self._lines.span(place[_START], _end_of(self._text, place))

    def _place(self, pointer: str) -> Optional[_Place]:
        places = self._places
        if pointer in places:
            return places[pointer]
        if pointer[0] != "/":  # "" is always placed
            return None  # not a JSON Pointer
        # From the longest prefix already placed (the parent, for a file's second finding
        # under one object), one token at a time; every prefix walked is remembered.
        cut = pointer.rfind("/")
        while pointer[:cut] not in places:
            cut = pointer.rfind("/", 0, cut)
        place = places[pointer[:cut]]
        size = len(pointer)
        while cut < size:
            if place is None:
                places[pointer] = None
                return None
            following = pointer.find("/", cut + 1)
            if following < 0:
                following = size
            token = pointer[cut + 1 : following]
            if "~" in token:
                token = unescape(token)
            value = place[_VALUE]
            if type(value) is dict and "," not in token and ":" not in token and self._searchable:
                # The data says whether the member is there; the text only where.
                member = value.get(token, _NO_DATA)
                place = None if member is _NO_DATA else (
                    self._member(place[_START], token, member) or self._read(place, token))
            else:
                place = self._read(place, token)
            cut = following
            places[pointer[:cut]] = place
        return place

    def _read(self, place: _Place, token: str) -> Optional[_Place]:
        """The member or element ``token`` of the value at ``place``, read in turn."""
        members = place[_MEMBERS]
        if members is None:
            members = place[_MEMBERS] = _Members(self._text, place[_START])
        found = members.find(token)
        value = place[_VALUE]
        if found is not None and value is not _NO_DATA:
            found[_VALUE] = value[token] if type(value) is dict else value[int(token)]
        return found

    def _member(self, start: int, key: str, value: Any) -> Optional[_Place]:
        """The place of member ``key`` (holding ``value``) of the object whose brace is at ``start``."""
        text = self._text
        quoted = f'"{key}"'
        depth, at, counted = 0, start, start
        while True:
            at = text.find(quoted, at + 1)
            if at < 0:  # not where the loader's count holds (the object has the member): read in turn
                return None
            depth += text.count("{", counted, at) - text.count("}", counted, at)
            counted = at
            if depth == 1:
                end = at + len(quoted)
                colon = _COLON.match(text, end)
                if colon is not None:  # a key, not a string value
                    return [colon.end(), -1, at, end, None, value]


class _Members:
    """The members of one value, read from its text only as far as asked: ``found`` holds
    what was read (key -> place for an object, the places of the elements for an array,
    nothing for a scalar), ``last`` the place read last (None: none yet, read from ``start``,
    the opening bracket), ``more`` whether members may follow."""

    __slots__ = ("text", "start", "found", "last", "more", "is_object")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.is_object = text[start] == "{"
        self.found: dict | list = {} if self.is_object else []
        self.last: Optional[_Place] = None
        self.more = self.is_object or text[start] == "["

    def find(self, token: str) -> Optional[_Place]:
        found = self.found
        if self.is_object:
            place = found.get(token)
            while place is None and self.more:
                if self._next_member() == token:
                    place = found[token]
            return place
        if not _ARRAY_INDEX.fullmatch(token):
            return None
        index = int(token)
        while index >= len(found) and self.more:
            self._next_element()
        return found[index] if index < len(found) else None

    def _next_member(self) -> Optional[str]:
        """Read the object member after ``last``: its key (None when there is none)."""
        text, last = self.text, self.last
        # Valid JSON: the separator, the key and the colon in one match, or the closing brace.
        at = self.start if last is None else last[_END] if last[_END] >= 0 else _end_of(text, last)
        member = _MEMBER.match(text, at)
        if member is None:
            self.more = False
            return None
        key = member.group(1)
        key_end = member.end(1) + 1
        if "\\" in key:
            key, key_end = scanstring(text, member.start(1))
        self.last = self.found[key] = [member.end(), -1, member.start(1) - 1, key_end, None, _NO_DATA]
        return key

    def _next_element(self) -> None:
        """Read the array element after ``last``."""
        text = self.text
        separator = _ELEMENT.match(text, self.start if self.last is None else _end_of(text, self.last))
        if separator is None or text[separator.end()] == "]":  # the closing bracket, or an empty array's
            self.more = False
            return
        self.last = [separator.end(), -1, -1, -1, None, _NO_DATA]
        self.found.append(self.last)


def _end_of(text: str, place: _Place) -> int:
    """Where the value at ``place`` ends, stepped over by the C scanner the first time."""
    end = place[_END]
    if end < 0:
        end = place[_END] = _scan_value(text, place[_START])[1]
    return end
