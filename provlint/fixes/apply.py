"""Applying fixes to one input, in rounds, each round's text checked before it is kept.

A round lints the text, takes the available fixes (safe ones, and unsafe ones when asked) in
text order, skips any whose edits overlap one already taken, applies the rest, and checks
that the edited text parses to exactly the data the fixes intend (nothing else changed, e.g.
through a YAML alias the guard missed). Then the next round lints the new text: a skipped
fix gets its turn, and a fix whose finding depends on another's (a config_hash over settings
another fix changed) is made against the text as it now is. It stops when no fix is left.
"""

from __future__ import annotations

import codecs
import copy
from dataclasses import dataclass, field

from provlint.findings import Diagnostic, FileResult, RemoveMember, RenameKey, ReplaceValue, TextEdit
from provlint.source import Format, load_bytes
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Optional

    from provlint.findings import FixOperation

# Each round removes at least one finding or stops. The longest chain among today's fixes is
# three rounds (an overlap deferred, then the config_hash over the settings it changed); the
# bound only stops two fixes that would undo each other from running forever.
MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    """What fixing one input did. ``fixed`` is the new content (bytes as read when nothing
    changed); ``applied`` every fix made, over all rounds, as diagnostics of the text it was
    made on; ``refused`` fixes whose edit did not give the intended document."""

    path: str
    original: bytes
    fixed: bytes
    applied: list[Diagnostic] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)
    rounds: int = 0
    error: Optional[str] = None
    secret_spans_before: tuple = ()
    secret_spans_after: tuple = ()
    text_before: str = ""
    text_after: str = ""
    from_stdin: bool = False
    remaining: bool = False  # findings that fail the run are left after the last round
    unsafe_left: int = 0  # unsafe fixes left for --unsafe-fixes
    steps: list = field(default_factory=list)  # (text a round started from, fixes it applied)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fix_bytes(raw: bytes, path: str, *, lint, unsafe: bool, fmt: Optional[Format] = None) -> FixOutcome:
    """Fix ``raw`` in rounds. ``lint(doc)`` is the caller's lint of a loaded document (the same
    options as the report: settings, waivers, fixable)."""
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""  # YAML keeps its BOM
    outcome = FixOutcome(path, raw, raw)
    refused: set = set()
    current = raw
    for number in range(MAX_ROUNDS + 1):
        doc = load_bytes(current, path, fmt)
        result: FileResult = lint(doc)
        if number == 0:
            outcome.text_before, outcome.secret_spans_before = doc.text, _secrets(result)
        outcome.text_after, outcome.secret_spans_after = doc.text, _secrets(result)
        outcome.remaining = result.fails()
        outcome.unsafe_left = sum(1 for d in fixable(result.diagnostics, unsafe=True, refused=refused) if d.autofix.applicability == "unsafe")
        if not doc.ok:
            outcome.error = "the file does not parse, so nothing was fixed"
            return outcome
        if number == MAX_ROUNDS:
            if fixable(result.diagnostics, unsafe=unsafe, refused=refused):
                outcome.error = f"fixes still changed the file after {MAX_ROUNDS} rounds; kept the last round's text"
            break
        chosen = non_overlapping(fixable(result.diagnostics, unsafe=unsafe, refused=refused))
        text, done, bad = apply_checked(doc, chosen)
        outcome.refused.extend(bad)
        refused.update((d.code, d.pointer) for d in bad)
        if not done:
            if bad:
                continue  # the rest may verify once the refused ones are out of the way
            break
        outcome.applied.extend(done)
        outcome.steps.append((doc.text, done))
        outcome.rounds = number + 1
        current = bom + text.encode("utf-8")
    outcome.fixed = current
    return outcome


def _secrets(result: FileResult) -> tuple:
    # The document's secret map (every secret it holds) and what findings marked as secret.
    known = tuple(result.secrets.spans) if result.secrets is not None else ()
    return known + tuple(d.span for d in result.diagnostics if d.secret)


def fixable(diagnostics: Iterable[Diagnostic], *, unsafe: bool, refused: set = frozenset()) -> list[Diagnostic]:
    return [
        d for d in diagnostics
        if d.autofix is not None and d.autofix.available
        and (unsafe or d.autofix.applicability == "safe")
        and (d.code, d.pointer) not in refused
    ]


def non_overlapping(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """In text order, each fix whose edits start at or after the end of the last one taken."""
    taken: list[Diagnostic] = []
    last_end = -1
    for d in sorted(diagnostics, key=lambda d: (_start(d), d.code)):
        if _start(d) >= last_end:
            taken.append(d)
            last_end = max(e.end for e in d.autofix.edits)
    return taken


def _start(d: Diagnostic) -> int:
    return min(e.start for e in d.autofix.edits)


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    parts, position = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def apply_checked(doc, chosen: list[Diagnostic]) -> tuple[str, list[Diagnostic], list[Diagnostic]]:
    """The text with ``chosen`` applied, the fixes kept and the fixes refused. Together first;
    if the result is not what they intend, each alone, and the ones that pass together again
    (or only the first of them)."""
    if not chosen:
        return doc.text, [], []
    text = _edited(doc, chosen)
    if text is not None:
        return text, chosen, []
    good = [d for d in chosen if _edited(doc, [d]) is not None]
    bad = [d for d in chosen if d not in good]
    if not good:
        return doc.text, [], bad
    text = _edited(doc, good)
    if text is None:
        good = good[:1]
        text = _edited(doc, good)
    return text, good, bad


def _edited(doc, fixes: list[Diagnostic]) -> Optional[str]:
    """The edited text when it parses to exactly the intended data, else None."""
    text = apply_edits(doc.text, [e for d in fixes for e in d.autofix.edits])
    edited = load_bytes(text.encode("utf-8"), doc.path, doc.format)
    if not edited.ok:
        return None
    expected = copy.deepcopy(doc.data)
    try:
        expected = apply_operations(expected, [d.autofix.operation for d in fixes])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return text if same_data(edited.data, expected) else None


def apply_operations(data: Any, operations: list[FixOperation]) -> Any:
    """``data`` as the operations intend it. Every target is found before anything changes, so
    a rename above another fix's pointer, or two removals from one list, do not disturb each
    other."""
    targets = [(op, _parent(data, op.pointer), jp.last(op.pointer)) for op in operations]
    for op, parent, token in targets:
        if isinstance(op, ReplaceValue):
            parent[_index(parent, token)] = copy.deepcopy(op.value)
    for op, parent, token in targets:
        if isinstance(op, RenameKey):
            items = [(op.key if k == token else k, v) for k, v in parent.items()]
            if token not in parent:
                raise KeyError(token)
            parent.clear()
            parent.update(items)
    removals = [(parent, _index(parent, token)) for op, parent, token in targets if isinstance(op, RemoveMember)]
    for parent, index in sorted(removals, key=lambda r: (id(r[0]), r[1] if isinstance(r[1], int) else 0), reverse=True):
        del parent[index]
    return data


def _parent(data: Any, pointer: str) -> Any:
    node = data
    for token in jp.split(jp.parent(pointer)):
        node = node[_index(node, token)]
    return node


def _index(node: Any, token: str):
    if isinstance(node, list):
        return int(token)
    if isinstance(node, dict):
        if token not in node:
            raise KeyError(token)
        return token
    raise TypeError(type(node).__name__)


def same_data(a: Any, b: Any) -> bool:
    """Equal as JSON data, types included (1 is not 1.0 nor true) and key order too."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b))
    return a == b
