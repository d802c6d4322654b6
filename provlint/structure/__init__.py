"""Structural findings (PL100 invalid, PL101 unknown, PL102 missing), fast path first.

A valid document is accepted by a standalone validator generated from the models at build
time (provlint/validators), without importing pydantic: that is most of the start-up cost a
pre-commit run would otherwise pay. Only a rejected document goes through the pydantic
models, which explain every error with a pointer and a message.

This package is lint logic, not modelling: ``explain`` words pydantic's errors as issues and
``locate`` reads an error's ``loc`` against the model types. ``models/`` holds only the models.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from provlint.catalog import Catalog
from provlint.records import Record
from provlint.source.document import DocumentKind
from provlint.validators import fast_accepts

Category = Literal["invalid", "unknown", "missing"]
Target = Literal["key", "value"]


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
        from provlint.structure.explain import explain  # pydantic: only for a rejected document

        issues = explain(data, kind, catalog)
    if kind is DocumentKind.CONFIG and catalog.bifrost_config_schema:
        # The sections provlint does not model, by Bifrost's own schema (jsonschema-rs, lazily).
        from provlint.sections import MODELLED, section_issues

        if not (isinstance(data, dict) and data.keys() <= MODELLED):  # the common file: providers only
            issues = issues + section_issues(data, catalog.bifrost_config_schema)
    return issues
