"""A loaded input: its text, its plain data and, on demand, where each part of it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Optional, Protocol

from provlint.findings import Position, Span


class DocumentKind(str, Enum):
    CONFIG = "config"              # a Bifrost config.json
    ADD_PROVIDER = "add-provider"  # POST /api/providers body
    UPDATE_PROVIDER = "update-provider"  # PUT /api/providers/{provider} body (bare settings)
    PROVIDER_RESPONSE = "provider-response"  # GET /api/providers/{provider} body
    UNKNOWN = "unknown"


class Format(str, Enum):
    JSON = "json"
    YAML = "yaml"


@dataclass(frozen=True)
class DuplicateKey:
    """The same key twice in one object: ``pointer`` names the member, spans are the keys."""

    pointer: str
    key: str
    first: Span
    second: Span


@dataclass(frozen=True)
class ParseError:
    message: str
    span: Span


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


@dataclass
class Document:
    """One input, parsed or not. A failed parse is a value: ``error`` is set, ``data`` is None.

    ``has_duplicates`` is the cheap flag the loader raises while parsing; the spans of the
    duplicates come from the position index, which is built only when something asks.
    """

    path: str
    text: str
    format: Format
    data: Any = None
    error: Optional[ParseError] = None
    has_duplicates: bool = False
    _index_factory: Optional[Callable[[], PositionIndex]] = field(default=None, repr=False)
    _index: Optional[PositionIndex] = field(default=None, repr=False)
    # What the fix layer derives from the text (line index, shared YAML nodes), on first use.
    fix_facts: Any = field(default=None, repr=False, compare=False)

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
