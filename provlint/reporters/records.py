"""One finding as the machine-readable formats carry it (json, json-lines, and the fields sarif,
gitlab and junit reuse): the same fields, the same path and the same fingerprint everywhere."""

from __future__ import annotations

import hashlib

from provlint import HOMEPAGE
from provlint.findings import Diagnostic, Fix, TextEdit
from provlint.source.text import LineIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# Each rule has an anchor (its code in lower case) in the rule catalogue.
RULES_DOC_URL = f"{HOMEPAGE}/docs/RULES.md"


def rule_url(code: str) -> str:
    return f"{RULES_DOC_URL}#{code.lower()}"


def fingerprint(diagnostic: Diagnostic, data: Any, path: str) -> str:
    """Stable across runs and across edits elsewhere in the file: the rule, the shown path, the
    pointer and the baseline's digest of the value (a slow one for a secret), never a line
    number and never the value itself."""
    from provlint.baseline import entry_for

    entry = entry_for(diagnostic, data)
    material = f"{entry.rule}\x00{path}\x00{entry.pointer}\x00{entry.fingerprint}"
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record(diagnostic: Diagnostic, data: Any, path: str, lines: Optional[LineIndex] = None) -> dict[str, Any]:
    """The result object of the json and json-lines formats (schemas/report.schema.json);
    ``lines`` indexes the file's text, to place a fix's edits."""
    end = diagnostic.span.end
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "path": path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": end.line,
        "end_column": end.column,
        "pointer": diagnostic.pointer,
        "url": rule_url(diagnostic.code),
        "fix": diagnostic.fix,
        "fingerprint": fingerprint(diagnostic, data, path),
        "autofix": autofix_record(diagnostic.autofix, lines),
    }


def autofix_record(fix: Optional[Fix], lines: Optional[LineIndex]) -> Optional[dict[str, Any]]:
    """A finding's automatic fix as data: how safe, what it does, and its text edits with
    1-based positions (none, and the reason, where no edit can be made safely)."""
    if fix is None:
        return None
    located = fix.available and lines is not None
    return {
        "applicability": fix.applicability,
        "description": fix.description,
        "note": fix.note,
        "unavailable": None if located else (fix.unavailable or "the file's text is not at hand"),
        "edits": [edit_record(edit, lines) for edit in fix.edits] if located else [],
    }


def edit_record(edit: TextEdit, lines: LineIndex) -> dict[str, Any]:
    start, end = lines.position(edit.start), lines.position(edit.end)
    return {"line": start.line, "column": start.column, "end_line": end.line, "end_column": end.column,
            "replacement": edit.replacement}
