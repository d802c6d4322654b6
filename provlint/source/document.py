"""A loaded input: its text, its plain data and, on demand, where each part of it stands."""

from __future__ import annotations

from enum import Enum

from provlint.findings import Position, Span
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, Protocol


class DocumentKind(str, Enum):
    CONFIG = "config"              # a Bifrost config.json
    ADD_PROVIDER = "add-provider"  # POST /api/providers body
    UPDATE_PROVIDER = "update-provider"  # PUT /api/providers/{provider} body (bare settings)
    PROVIDER_RESPONSE = "provider-response"  # GET /api/providers/{provider} body
    UNKNOWN = "unknown"


class Format(str, Enum):
    JSON = "json"
    YAML = "yaml"


class DuplicateKey(Record):
    """The same key twice in one object: ``pointer`` names the member, spans are the keys."""

    __slots__ = ("pointer", "key", "first", "second")

    def __init__(self, pointer: str, key: str, first: Span, second: Span) -> None:
        self.pointer = pointer
        self.key = key
        self.first = first
        self.second = second


class ParseError(Record):
    __slots__ = ("message", "span")

    def __init__(self, message: str, span: Span) -> None:
        self.message = message
        self.span = span


# The interface of every position index (JSON, YAML): for type checkers and readers only.
if TYPE_CHECKING:
    class PositionIndex(Protocol):
        """Where the parts of a parsed document stand in its text."""

        def key_span(self, pointer: str) -> Optional[Span]:
            """The span of the member's key (``None`` for array elements, the root, or no such member)."""

        def value_span(self, pointer: str) -> Optional[Span]:
            """The span of the value at ``pointer`` (``None`` when there is no such value)."""

        def duplicate_keys(self) -> list[DuplicateKey]:
            """Every repeated key, in text order."""

        def ambiguous_scalars(self) -> list[tuple[str, Span, str]]:
            """YAML only: (pointer, span, source text) of plain scalars that YAML 1.1 reads otherwise."""


class Document(Record):
    """One input, parsed or not. A failed parse is a value: ``error`` is set, ``data`` is None.

    ``has_duplicates`` is the cheap flag the loader raises while parsing; the spans of the
    duplicates come from the position index, which is built only when something asks.
    """

    __slots__ = ("path", "text", "format", "data", "error", "has_duplicates", "_index_factory", "_index", "fix_facts")
    _not_compared = ("fix_facts",)
    _not_shown = ("_index_factory", "_index", "fix_facts")
    __hash__ = None  # its position index and fix facts are filled in on first use

    def __init__(
        self,
        path: str,
        text: str,
        format: Format,
        data: Any = None,
        error: Optional[ParseError] = None,
        has_duplicates: bool = False,
        _index_factory: Optional[Callable[[], PositionIndex]] = None,
        _index: Optional[PositionIndex] = None,
        # What the fix layer derives from the text (line index, shared YAML nodes), on first use.
        fix_facts: Any = None,
    ) -> None:
        self.path = path
        self.text = text
        self.format = format
        self.data = data
        self.error = error
        self.has_duplicates = has_duplicates
        self._index_factory = _index_factory
        self._index = _index
        self.fix_facts = fix_facts

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def positions(self) -> PositionIndex:
        if self._index is None:
            if self._index_factory is None:
                raise RuntimeError("document has no position index")
            self._index = self._index_factory()
        return self._index

    def span_of(self, pointer: str, target: str = "value") -> Span:
        """The best span for ``pointer``: its key or value, else the nearest ancestor's, else 1:1."""
        index = self.positions
        probe = pointer
        while True:
            span = index.key_span(probe) if target == "key" else None
            span = span or index.value_span(probe)
            if span is not None:
                return span
            if probe == "":
                return Span(Position(1, 1), Position(1, 1))
            probe = probe[: probe.rfind("/")]
            target = "key"
