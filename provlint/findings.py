"""Plain data passed between the layers: spans, raw findings and stamped diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Optional


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and a 1-based column counted in characters (code points)."""

    line: int
    column: int


@dataclass(frozen=True)
class Span:
    """From ``start`` (inclusive) to ``end`` (exclusive, the character after the token)."""

    start: Position
    end: Position


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


Target = Literal["key", "value"]


@dataclass(frozen=True)
class Finding:
    """What a rule yields: where (a JSON Pointer) and what. The engine does the rest.

    ``target`` says whether the finding points at the member's key or at its value; a pointer
    to an array element or to the root has no key and falls back to the value.
    ``span`` is given only by the source layer (parse errors, duplicate keys), which knows the
    exact place while no pointer can name it. ``secret`` marks a finding whose value is a
    secret: reporters never show that value, not even in a source snippet. A finding has no
    severity of its own: a rule has one, and a case that deserves another is another rule.
    """

    pointer: str
    message: str
    target: Target = "value"
    span: Optional[Span] = None
    related: tuple[Span, ...] = ()
    fix: Optional[str] = None
    secret: bool = False


@dataclass(frozen=True)
class Diagnostic:
    """A finding stamped by the engine with its rule, severity, file and position."""

    code: str
    name: str
    severity: Severity
    path: str
    span: Span
    pointer: str
    message: str
    related: tuple[Span, ...] = ()
    fix: Optional[str] = None
    secret: bool = False

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.start.line, self.span.start.column, self.code, self.message)


@dataclass
class FileResult:
    """Everything the run found in one input.

    ``data`` is the parsed document (for baseline fingerprints), ``waived_by`` the settings
    exceptions that hid a finding here, ``fail_level`` the lowest severity that fails the run
    under this file's settings, ``secrets`` the document's secret map (``provlint.secrets``;
    None for a result with no linted document, whose text the reporters then scan themselves).
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: Optional[str] = None
    skipped: bool = False
    data: Any = None
    secrets: Any = None
    waived_by: set = field(default_factory=set)
    fail_level: Severity = Severity.ERROR

    def fails(self) -> bool:
        return any(d.severity.rank >= self.fail_level.rank for d in self.diagnostics)
