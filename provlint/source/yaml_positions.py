"""Where the nodes of a composed YAML document stand, and the index that answers for them."""

from __future__ import annotations

from provlint.findings import Span
from provlint.records import Record
from provlint.source.document import DuplicateKey
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_WHITESPACE = " \t\r\n"


class YamlPositions(Record):
    """The position index of a YAML document, filled while its data is built."""

    __slots__ = ("keys", "values", "duplicates", "ambiguous")
    __hash__ = None  # filled while the data is built

    def __init__(
        self,
        keys: Optional[dict[str, Span]] = None,  # None: a new empty dict
        values: Optional[dict[str, Span]] = None,  # None: a new empty dict
        duplicates: Optional[list[DuplicateKey]] = None,  # None: a new empty list
        ambiguous: Optional[list[tuple[str, Span, str]]] = None,  # None: a new empty list
    ) -> None:
        self.keys = {} if keys is None else keys
        self.values = {} if values is None else values
        self.duplicates = [] if duplicates is None else duplicates
        self.ambiguous = [] if ambiguous is None else ambiguous

    def key_span(self, pointer: str) -> Optional[Span]:
        return self.keys.get(pointer)

    def value_span(self, pointer: str) -> Optional[Span]:
        return self.values.get(pointer)

    def duplicate_keys(self) -> list[DuplicateKey]:
        return sorted(self.duplicates, key=lambda d: (d.second.start, d.first.start))

    def ambiguous_scalars(self) -> list[tuple[str, Span, str]]:
        """Plain scalars a YAML 1.1 reader would take for another value: (pointer, span, source text)."""
        return sorted(self.ambiguous, key=lambda entry: (entry[1].start, entry[0]))


class NodeSpans:
    """Spans of ruamel nodes, from the character offsets in their marks.

    Offsets, not ruamel's own line/column: ruamel does not count U+FEFF in columns, while
    LineIndex is the one definition of lines and columns the whole project shares.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self._known: dict[int, Span] = {}  # an anchored node is asked again at every alias

    def of(self, node: Any) -> Span:
        span = self._known.get(id(node))
        if span is None:
            span = self._known[id(node)] = self.lines.span(*self.bounds(node))
        return span

    def at(self, offset: int, end: Optional[int] = None) -> Span:
        """A span at ``offset``: to ``end`` if given, else one character that is not a line break."""
        if end is None or end <= offset:
            on_text = offset < len(self.text) and self.text[offset] not in "\r\n"
            end = offset + 1 if on_text else offset
        return self.lines.span(offset, end)

    def bounds(self, node: Any) -> tuple[int, int]:
        start, end = node.start_mark.index, node.end_mark.index
        value = getattr(node, "value", None)  # an alias has none
        if isinstance(value, list):
            # A block collection ends where the next token starts, past comments and blank
            # lines; its last entry says where it really ends.
            if getattr(node, "flow_style", None) is not True and value:
                last = value[-1][1] if isinstance(value[-1], tuple) else value[-1]
                end = self.bounds(last)[1]
            return start, end
        if start == end:
            # An empty value sits where the next token starts; anchor it after its ':' or '-'.
            start = end = self._skip_back(start, 0)
        elif getattr(node, "style", None) in ("|", ">"):
            end = self._skip_back(end, start + 1)
        return start, end

    def _skip_back(self, offset: int, floor: int) -> int:
        while offset > floor and self.text[offset - 1] in _WHITESPACE:
            offset -= 1
        return offset
