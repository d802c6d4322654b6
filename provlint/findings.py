"""Plain data passed between the layers: spans, raw findings and stamped diagnostics."""

from __future__ import annotations

from enum import Enum

from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal, Optional, Union

# The classes here are records (provlint/records.py), not dataclasses: every run defines them
# at start-up. Each lists its fields in __slots__ and takes them in that order in __init__.


class Position(Record):
    """A 1-based line and a 1-based column counted in characters (code points); ordered as
    (line, column)."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.line, self.column) < (other.line, other.column)

    def __le__(self, other: object) -> bool:
        return self == other or self < other

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.line, self.column) > (other.line, other.column)

    def __ge__(self, other: object) -> bool:
        return self == other or self > other


class Span(Record):
    """From ``start`` (inclusive) to ``end`` (exclusive, the character after the token)."""

    __slots__ = ("start", "end")

    def __init__(self, start: Position, end: Position) -> None:
        self.start = start
        self.end = end


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


if TYPE_CHECKING:
    Target = Literal["key", "value"]


# --- fixes: what a rule intends, by pointer; the fix layer (provlint/fixes) makes it text -----

# ``safe``: the meaning Bifrost gives the file does not change, or only the intended fact does.
# ``unsafe``: behaviour changes, so a person must look (applied only with --unsafe-fixes).
if TYPE_CHECKING:
    Applicability = Literal["safe", "unsafe"]


class ReplaceValue(Record):
    """Write ``value`` (plain JSON data) in place of the value at ``pointer``."""

    __slots__ = ("pointer", "value")

    def __init__(self, pointer: str, value: Any) -> None:
        self.pointer = pointer
        self.value = value


class RemoveMember(Record):
    """Remove the object member or array element at ``pointer``."""

    __slots__ = ("pointer",)

    def __init__(self, pointer: str) -> None:
        self.pointer = pointer


class RenameKey(Record):
    """Rename the object member at ``pointer`` to ``key``, its value and place kept."""

    __slots__ = ("pointer", "key")

    def __init__(self, pointer: str, key: str) -> None:
        self.pointer = pointer
        self.key = key


if TYPE_CHECKING:
    FixOperation = Union[ReplaceValue, RemoveMember, RenameKey]


class FixIntent(Record):
    """A rule's fix, position-free: one operation, its applicability and a one-line description.
    ``note`` is what a user must still do (e.g. set the variable a secret now comes from); it
    never holds a secret value."""

    __slots__ = ("operation", "applicability", "description", "note")

    def __init__(
        self, operation: FixOperation, applicability: Applicability, description: str, note: Optional[str] = None
    ) -> None:
        self.operation = operation
        self.applicability = applicability
        self.description = description
        self.note = note


class TextEdit(Record):
    """Replace the characters ``start``..``end`` (offsets into the document's text, end
    exclusive) with ``replacement``."""

    __slots__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement


class Fix(Record):
    """A fix resolved against one text: the edits that make it, or why none can be made
    (``unavailable``, then ``edits`` is empty). ``operation`` carries the absolute pointer,
    for the fixer to check that the edited text means what was intended."""

    __slots__ = ("applicability", "description", "edits", "note", "unavailable", "operation")
    _not_compared = _not_shown = ("operation",)

    def __init__(
        self,
        applicability: Applicability,
        description: str,
        edits: tuple[TextEdit, ...] = (),
        note: Optional[str] = None,
        unavailable: Optional[str] = None,
        operation: Optional[FixOperation] = None,
    ) -> None:
        self.applicability = applicability
        self.description = description
        self.edits = edits
        self.note = note
        self.unavailable = unavailable
        self.operation = operation

    @property
    def available(self) -> bool:
        return bool(self.edits) and self.unavailable is None


class FixSummary(Record):
    """What a report that shows no source reads of a fix (concise's ``[*]``): sent back from a
    worker in place of the fix, whose edits would need the document (provlint.workers)."""

    __slots__ = ("applicability", "description", "note", "available")

    def __init__(self, applicability: Applicability, description: str, note: Optional[str], available: bool) -> None:
        self.applicability = applicability
        self.description = description
        self.note = note
        self.available = available

    @classmethod
    def of(cls, fix: Any) -> "FixSummary":
        """The summary of a Fix or of a fix still pending (fixes.resolve.PendingFix)."""
        return cls(fix.applicability, fix.description, fix.note, fix.available)


class Finding(Record):
    """What a rule yields: where (a JSON Pointer) and what. The engine does the rest.

    ``target`` says whether the finding points at the member's key or at its value; a pointer
    to an array element or to the root has no key and falls back to the value.
    ``span`` is given only by the source layer (parse errors, duplicate keys), which knows the
    exact place while no pointer can name it. ``secret`` marks a finding whose value is a
    secret: reporters never show that value, not even in a source snippet. A finding has no
    severity of its own: a rule has one, and a case that deserves another is another rule.
    """

    __slots__ = ("pointer", "message", "target", "span", "related", "fix", "secret", "autofix")

    def __init__(
        self,
        pointer: str,
        message: str,
        target: Target = "value",
        span: Optional[Span] = None,
        related: tuple[Span, ...] = (),
        fix: Optional[str] = None,
        secret: bool = False,
        autofix: Optional[FixIntent] = None,  # an automatic fix, when the rule knows one
    ) -> None:
        self.pointer = pointer
        self.message = message
        self.target = target
        self.span = span
        self.related = related
        self.fix = fix
        self.secret = secret
        self.autofix = autofix


class Diagnostic(Record):
    """A finding stamped by the engine with its rule, severity, file and position."""

    __slots__ = ("code", "name", "severity", "path", "span", "pointer", "message", "related", "fix", "secret",
                 "autofix")

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        path: str,
        span: Span,
        pointer: str,
        message: str,
        related: tuple[Span, ...] = (),
        fix: Optional[str] = None,
        secret: bool = False,
        autofix: Optional[Fix] = None,  # the rule's FixIntent resolved against this file's text
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.path = path
        self.span = span
        self.pointer = pointer
        self.message = message
        self.related = related
        self.fix = fix
        self.secret = secret
        self.autofix = autofix

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.start.line, self.span.start.column, self.code, self.message)


class FileResult(Record):
    """Everything the run found in one input.

    ``data`` is the parsed document (for baseline fingerprints), ``waived_by`` the settings
    exceptions that hid a finding here, ``fail_level`` the lowest severity that fails the run
    under this file's settings, ``secrets`` the document's secret map (``provlint.secrets``;
    None for a result with no linted document, whose text the reporters then scan themselves).
    """

    __slots__ = ("path", "diagnostics", "text", "skipped", "data", "secrets", "waived_by", "fail_level",
                 "target_version")
    __hash__ = None  # built up as the run goes

    def __init__(
        self,
        path: str,
        diagnostics: Optional[list[Diagnostic]] = None,  # None: a new empty list
        text: Optional[str] = None,
        skipped: bool = False,
        data: Any = None,
        secrets: Any = None,
        waived_by: Optional[set] = None,  # None: a new empty set
        fail_level: Severity = Severity.ERROR,
        target_version: Optional[str] = None,  # the Bifrost line it was checked against; None: no Bifrost file
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.text = text
        self.skipped = skipped
        self.data = data
        self.secrets = secrets
        self.waived_by = set() if waived_by is None else waived_by
        self.fail_level = fail_level
        self.target_version = target_version

    def fails(self) -> bool:
        return any(d.severity.rank >= self.fail_level.rank for d in self.diagnostics)
