"""A rule's fix intent (an operation on a JSON Pointer) made into text edits of one document.

The text is edited only at the spans the source layer recorded, so everything else in the
file (indentation, key order, spacing, comments, quote style, line endings, tabs, the final
newline) stays byte for byte. Where an edit cannot be made safely the fix is returned
unavailable, with the reason, and nothing is edited.
"""

from __future__ import annotations

import re

from provlint.findings import Fix, FixIntent, Position, RemoveMember, RenameKey, ReplaceValue, Span, TextEdit
from provlint.fixes.render import json_text, yaml_key, yaml_scalar
from provlint.source import pointer as jp
from provlint.source.document import Document, Format
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from provlint.findings import FixOperation

_BREAK = re.compile(r"\r\n|\r|\n")
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")  # as the position index reads an element's token
_SEQUENCE_ENTRY = re.compile(r"[ \t]*-[ \t]+")
# An anchor (&name), an alias (*name) or a merge key (<<) outside quotes and comments: an edit
# at one place of such a file can change what another place means.
_SHARED_NODES = re.compile(r"(?:^|[\s\[{,:])(?:[&*][^\s,\[\]{}]+|<<\s*:)")
_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'""")
_COMMENT = re.compile(r"(?:^|\s)#.*$", re.MULTILINE)


class Unfixable(Exception):
    """The edit cannot be made safely; the message says why (shown to the user)."""


def resolve_fix(doc: Document, intent: FixIntent, root: str = "") -> Fix:
    """``intent`` (pointers relative to the Bifrost root ``root``) as edits of ``doc.text``."""
    operation = _absolute(intent.operation, root)
    try:
        edits = tuple(_edits(doc, _text_facts(doc), operation))
    except Unfixable as exc:
        return Fix(intent.applicability, intent.description, note=intent.note, unavailable=str(exc), operation=operation)
    return Fix(intent.applicability, intent.description, edits, intent.note, operation=operation)


def _absolute(operation: FixOperation, root: str) -> FixOperation:
    if not root:
        return operation
    if isinstance(operation, ReplaceValue):
        return ReplaceValue(root + operation.pointer, operation.value)
    if isinstance(operation, RenameKey):
        return RenameKey(root + operation.pointer, operation.key)
    return RemoveMember(root + operation.pointer)


class _TextFacts(LineIndex):
    """The line index of a document's text, and whether its YAML shares nodes (anchors,
    aliases, merge keys): computed once per document, not once per fix."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc.text)
        bare = _COMMENT.sub("", _QUOTED.sub('""', doc.text)) if doc.format is Format.YAML else ""
        self.shares_nodes = bool(_SHARED_NODES.search(bare))


def _text_facts(doc: Document) -> _TextFacts:
    # Kept on the document, as its positions are: computed once for all its fixes, and gone
    # with it (no module-level state).
    if doc.fix_facts is None:
        doc.fix_facts = _TextFacts(doc)
    return doc.fix_facts


def offset(lines: LineIndex, position: Position) -> int:
    """The character offset of a 1-based line/column position (LineIndex's one conversion)."""
    found = lines.offset(position)
    if found is None:
        raise Unfixable("provlint cannot locate the change in the text")
    return found


def _range(lines: LineIndex, span: Optional[Span], what: str) -> tuple[int, int]:
    if span is None:
        raise Unfixable(f"provlint cannot locate the {what} in the text")
    return offset(lines, span.start), offset(lines, span.end)


def _edits(doc: Document, lines: LineIndex, operation: FixOperation) -> list[TextEdit]:
    container = jp.resolve(doc.data, jp.parent(operation.pointer))
    if isinstance(operation, RenameKey) and isinstance(container, dict) and operation.key in container:
        raise Unfixable(f"`{operation.key}` is already set in the same object; merge the two by hand")
    if doc.format is Format.YAML:
        _yaml_guard(doc, lines, operation.pointer)
    positions = doc.positions
    if isinstance(operation, ReplaceValue):
        start, end = _range(lines, positions.value_span(operation.pointer), "value")
        old = doc.text[start:end]
        if doc.format is Format.JSON:
            return [TextEdit(start, end, json_text(operation.value))]
        if "\n" in old or "\r" in old or old[:1] in ("|", ">"):
            raise Unfixable("the value is a multi-line YAML scalar; edit it by hand")
        return [TextEdit(start, end, yaml_scalar(operation.value, old))]
    if isinstance(operation, RenameKey):
        start, end = _range(lines, positions.key_span(operation.pointer), "key")
        old = doc.text[start:end]
        replacement = json_text(operation.key) if doc.format is Format.JSON else yaml_key(operation.key, old)
        return [TextEdit(start, end, replacement)]
    siblings = _siblings(container, operation.pointer)
    if doc.format is Format.JSON:
        return [_remove_json(doc, lines, operation.pointer, siblings)]
    return [_remove_yaml(doc, lines, operation.pointer, siblings)]


def _siblings(container: Any, pointer: str) -> list[str]:
    """The pointers of every member of the container that holds ``pointer``, in text order."""
    parent = jp.parent(pointer)
    if isinstance(container, dict):
        return [jp.join(parent, key) for key in container]
    if isinstance(container, list):
        return [jp.join(parent, index) for index in range(len(container))]
    raise Unfixable("provlint cannot locate the member's container")


def _member_range(doc: Document, lines: LineIndex, pointer: str) -> tuple[int, int]:
    """From the member's key (or an array element's value) to the end of its value."""
    key = doc.positions.key_span(pointer)
    start, end = _range(lines, doc.positions.value_span(pointer), "value")
    return (offset(lines, key.start) if key else start), end


def _remove_json(doc: Document, lines: LineIndex, pointer: str, siblings: list[str]) -> TextEdit:
    """Remove a member with its comma: after the previous member's value up to the end of this
    one (the comma that followed this one stays for the next), else this one up to the next
    member, else everything inside the brackets."""
    index = siblings.index(pointer)
    start, end = _member_range(doc, lines, pointer)
    if index > 0:
        return TextEdit(_member_range(doc, lines, siblings[index - 1])[1], end, "")
    if len(siblings) > 1:
        return TextEdit(start, _member_range(doc, lines, siblings[1])[0], "")
    open_at, close_end = _range(lines, doc.positions.value_span(jp.parent(pointer)), "container")
    return TextEdit(open_at + 1, close_end - 1, "")


def _remove_yaml(doc: Document, lines: LineIndex, pointer: str, siblings: list[str]) -> TextEdit:
    """Remove a block-style member's lines (its key line through the end of its value's last
    line, with a comment on those lines); the lines around it, comments included, stay."""
    text = doc.text
    if len(siblings) < 2:
        raise Unfixable("it is the only entry of its YAML block, which would become null; remove it by hand")
    start, end = _member_range(doc, lines, pointer)
    line_start = offset(lines, Position(lines.position(start).line, 1))
    before = text[line_start:start]
    line_end = _BREAK.search(text, end)
    rest = text[end : line_end.start() if line_end else len(text)]
    if rest.strip() and not rest.strip().startswith("#"):
        raise Unfixable("other YAML follows the value on its line; edit it by hand")
    index = siblings.index(pointer)
    if before.strip() and doc.positions.key_span(pointer) is not None:
        # The first key of a sequence entry (``- name: x``): the next key moves up after the dash.
        if not _SEQUENCE_ENTRY.fullmatch(before) or index + 1 >= len(siblings):
            raise Unfixable("the member shares its line with other YAML; edit it by hand")
        following = _member_range(doc, lines, siblings[index + 1])[0]
        if "#" in text[end:following]:
            raise Unfixable("a comment sits between this member and the next; edit it by hand")
        return TextEdit(start, following, "")
    if before.strip() and not _SEQUENCE_ENTRY.fullmatch(before):
        raise Unfixable("the entry shares its line with other YAML; edit it by hand")
    if line_end is not None:
        return TextEdit(line_start, line_end.end(), "")
    # The last line has no line break: remove the one before it, so the file still ends as it did.
    previous = list(_BREAK.finditer(text, 0, line_start))
    return TextEdit(previous[-1].start() if previous else line_start, len(text), "")


def _yaml_guard(doc: Document, lines: LineIndex, pointer: str) -> None:
    """Refuse what text edits cannot do safely in YAML: flow style, and files whose nodes are
    shared through anchors, aliases or merge keys (an edit would reach every place that uses
    the node; provlint refuses the whole file rather than guess which places those are)."""
    if lines.shares_nodes:
        raise Unfixable("the file uses YAML anchors, aliases or merge keys, so an edit here could change other places; edit it by hand")
    probe = jp.parent(pointer)
    while True:
        span = doc.positions.value_span(probe)
        if span is not None and doc.text[offset(lines, span.start) : offset(lines, span.start) + 1] in ("{", "["):
            raise Unfixable("the value is in YAML flow style ({...} or [...]); edit it by hand")
        if probe == "":
            return
        probe = jp.parent(probe)


class PendingFix:
    """A finding's fix, resolved into edits only when something reads them (``--fix``, diffs,
    the full, JSON and SARIF reports). Whether it is available, which concise's ``[*]`` needs
    alone, is read off a JSON document's data without locating anything; it equals the
    resolved fix's (tests/fixes/test_pending_fix.py). Sent to another process as its Fix."""

    __slots__ = ("_doc", "_intent", "_root", "_fix")

    def __init__(self, doc: Document, intent: FixIntent, root: str = "") -> None:
        self._doc, self._intent, self._root, self._fix = doc, intent, root, None

    @property
    def applicability(self) -> str:
        return self._intent.applicability

    @property
    def description(self) -> str:
        return self._intent.description

    @property
    def note(self) -> Optional[str]:
        return self._intent.note

    @property
    def available(self) -> bool:
        if self._fix is None and self._doc.format is Format.JSON:
            return _json_fix_available(self._doc.data, _absolute(self._intent.operation, self._root))
        return self.resolved().available

    def resolved(self) -> Fix:
        if self._fix is None:
            self._fix = resolve_fix(self._doc, self._intent, self._root)
            self._doc = None  # the document goes with the result; the fix keeps only its edits
        return self._fix

    def __getattr__(self, name: str) -> Any:  # edits, unavailable, operation
        return getattr(self.resolved(), name)

    def __eq__(self, other: object) -> bool:
        return self.resolved() == (other.resolved() if isinstance(other, PendingFix) else other)

    def __hash__(self) -> int:
        return hash(self.resolved())

    def __reduce__(self):
        doc = self._doc
        if self._fix is None and doc.format is Format.JSON:
            # The text and data are the result's own (pickled once); positions come back lazily.
            return (_pending_json, (doc.path, doc.text, doc.data, doc.has_duplicates, self._intent, self._root))
        return (_fix_as_is, (self.resolved(),))


def _fix_as_is(fix: Fix) -> Fix:
    return fix


def _pending_json(path: str, text: str, data: Any, has_duplicates: bool, intent: FixIntent, root: str) -> PendingFix:
    from provlint.source.json_source import positions_factory

    doc = Document(path, text, Format.JSON, data=data, has_duplicates=has_duplicates,
                   _index_factory=positions_factory(text, has_duplicates))
    return PendingFix(doc, intent, root)


def _json_fix_available(data: Any, operation: FixOperation) -> bool:
    """What ``resolve_fix`` finds of a JSON document, from its data: the member or element
    exists (a position index names exactly what the data holds), a renamed key is a member's
    and does not collide, a removed member sits in an object or array."""
    pointer = operation.pointer
    if not pointer:
        return isinstance(operation, ReplaceValue)
    # The pointer split once (concise's [*] asks this of every fixable finding): the walk to
    # the parent, then the last token.
    *path, token = jp.split(pointer)
    container = data
    for step in path:
        if isinstance(container, dict) and step in container:
            container = container[step]
        elif isinstance(container, list) and _ARRAY_INDEX.fullmatch(step) and int(step) < len(container):
            container = container[int(step)]
        else:
            return False
    if isinstance(container, dict):
        if token not in container:
            return False
        return not (isinstance(operation, RenameKey) and operation.key in container)
    if isinstance(container, list):
        return _ARRAY_INDEX.fullmatch(token) is not None and int(token) < len(container) and not isinstance(operation, RenameKey)
    return False
