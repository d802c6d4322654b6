"""Structural findings (PL100 invalid, PL101 unknown, PL102 missing), fast path first.

A valid document is accepted by a standalone validator generated from the models at build
time (provlint/validators), without importing pydantic: that is most of the start-up cost a
pre-commit run would otherwise pay. A rejected document's errors come from tables generated
from the same models (``fast_explain``), still without pydantic; only what those cannot tell
(values that are not plain JSON types, say) goes through the pydantic models (``explain``).

This package is lint logic, not modelling: ``wording`` words the errors as issues, whichever
way they were found; ``locate`` reads a pydantic error's ``loc`` against the model types.
``models/`` holds only the models.
"""

from __future__ import annotations

from provlint.catalog import Catalog
from provlint.records import Record
from provlint.source.document import DocumentKind
from provlint.validators import fast_accepts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Literal, Optional

    from provlint.findings import Target

    Category = Literal["invalid", "unknown", "missing"]


class StructureIssue(Record):
    """One structural problem of a document.

    ``category`` becomes PL100 (invalid), PL101 (unknown) or PL102 (missing). ``pointer`` is
    an RFC 6901 JSON Pointer; for a missing member it names the absent member. ``target``
    says whether the finding belongs on the member's key (unknown fields, bad map keys) or
    on its value. ``suggestion`` is, for an unknown field, the one known field close enough
    to be what was meant (None when there are none or several).
    """

    __slots__ = ("category", "pointer", "message", "target", "suggestion")

    def __init__(
        self,
        category: Category,
        pointer: str,
        message: str,
        target: Target,
        suggestion: Optional[str] = None,
    ) -> None:
        self.category = category
        self.pointer = pointer
        self.message = message
        self.target = target
        self.suggestion = suggestion


def structure_issues(data: Any, kind: DocumentKind, catalog: Catalog) -> list[StructureIssue]:
    """Every structural issue of ``data`` read as a document of ``kind``; [] when it is valid."""
    if kind is DocumentKind.UNKNOWN:
        return []
    issues: list[StructureIssue] = []
    if not fast_accepts(catalog.version, kind.value, data):
        from provlint.structure.fast_explain import fast_errors
        from provlint.structure.wording import word_errors

        errors = fast_errors(data, kind, catalog.version)
        if errors is None:  # only the models can tell: pydantic, for this document alone
            from provlint.structure.explain import model_errors

            errors = model_errors(data, kind, catalog)
        issues = word_errors(errors, kind, catalog)
    if kind is DocumentKind.CONFIG and catalog.bifrost_config_schema:
        # The sections provlint does not model, by Bifrost's own schema (jsonschema-rs, lazily).
        from provlint.sections import MODELLED, section_issues

        if not (isinstance(data, dict) and data.keys() <= MODELLED):  # the common file: providers only
            issues = issues + section_issues(data, catalog.bifrost_config_schema)
    return issues
