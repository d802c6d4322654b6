"""The slow path of structural checking: pydantic's errors of a document, worded.

Used for what the generated explainer (``fast_explain.py``) is unsure of: the models are the
source of truth, and the generated tables are tested against this path.
"""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import ValidationError

from provlint.catalog import Catalog
from provlint.models import models_for
from provlint.source.document import DocumentKind
from provlint.structure import StructureIssue
from provlint.structure.locate import locate
from provlint.structure.wording import StructureError, word_errors


def explain(data: Any, kind: DocumentKind, catalog: Catalog) -> list[StructureIssue]:
    """Validate ``data`` with the models of ``kind`` and word every error."""
    return word_errors(model_errors(data, kind, catalog), kind, catalog)


def model_errors(data: Any, kind: DocumentKind, catalog: Catalog) -> Iterator[StructureError]:
    """pydantic's errors of ``data`` read as a document of ``kind``, in pydantic's order."""
    root = models_for(catalog).for_kind(kind)
    try:
        root.model_validate(data, by_name=False)  # documents use wire names only
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return
    for error in errors:
        where = locate(root, tuple(error["loc"]))
        yield StructureError(error["type"], where, error.get("input"), error.get("ctx"), error["msg"])


__all__ = ["explain", "model_errors"]
