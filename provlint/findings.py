"""Plain data passed between the layers: spans, raw findings and stamped diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Optional, Union


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


# --- fixes: what a rule intends, by pointer; the fix layer (provlint/fixes) makes it text -----

# ``safe``: the meaning Bifrost gives the file does not change, or only the intended fact does.
# ``unsafe``: behaviour changes, so a person must look (applied only with --unsafe-fixes).
Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class ReplaceValue:
    """Write ``value`` (plain JSON data) in place of the value at ``pointer``."""

    pointer: str
    value: Any


@dataclass(frozen=True)
class RemoveMember:
    """Remove the object member or array element at ``pointer``."""

    pointer: str


@dataclass(frozen=True)
class RenameKey:
    """Rename the object member at ``pointer`` to ``key``, its value and place kept."""

    pointer: str
    key: str


FixOperation = Union[ReplaceValue, RemoveMember, RenameKey]


@dataclass(frozen=True)
class FixIntent:
    """A rule's fix, position-free: one operation, its applicability and a one-line description.
    ``note`` is what a user must still do (e.g. set the variable a secret now comes from); it
    never holds a secret value."""

    operation: FixOperation
    applicability: Applicability
    description: str
    note: Optional[str] = None


@dataclass(frozen=True)
class TextEdit:
    """Replace the characters ``start``..``end`` (offsets into the document's text, end
    exclusive) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A fix resolved against one text: the edits that make it, or why none can be made
    (``unavailable``, then ``edits`` is empty). ``operation`` carries the absolute pointer,
    for the fixer to check that the edited text means what was intended."""

    applicability: Applicability
    description: str
    edits: tuple[TextEdit, ...] = ()
    note: Optional[str] = None
    unavailable: Optional[str] = None
    operation: Optional[FixOperation] = field(default=None, compare=False, repr=False)

    @property
    def available(self) -> bool:
        return bool(self.edits) and self.unavailable is None


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
    autofix: Optional[FixIntent] = None  # an automatic fix, when the rule knows one


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
    autofix: Optional[Fix] = None  # the rule's FixIntent resolved against this file's text

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
    target_version: Optional[str] = None  # the Bifrost line it was checked against; None: no Bifrost file

    def fails(self) -> bool:
        return any(d.severity.rank >= self.fail_level.rank for d in self.diagnostics)
