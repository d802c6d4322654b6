"""The slow path of structural checking: every pydantic error as one worded StructureIssue.

Messages name the field and what it must be, never the offending value (it may be a secret):
the value is only used for its JSON type and to find a close match among allowed names.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import ValidationError

from provlint.catalog import Catalog
from provlint.json_types import json_type
from provlint.models import models_for
from provlint.structure.locate import Location, Step, literal_values, locate, non_null, wire_fields
from provlint.models.secrets import SECRET_FORM_ERROR
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind
from provlint.suggest import suggestion_for, two_closest
from provlint.structure import StructureIssue

ROOT_LABELS = {
    DocumentKind.CONFIG: "the config file",
    DocumentKind.ADD_PROVIDER: "the add-provider request",
    DocumentKind.UPDATE_PROVIDER: "the update-provider request",
    DocumentKind.PROVIDER_RESPONSE: "the provider response",
}

_EXPECTED_BY_ERROR = {
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "a string",
    "dict_type": "an object",
    "model_type": "an object",
    "list_type": "an array",
    SECRET_FORM_ERROR: "a string (plain text, env.NAME or vault.path) or an object with "
    "value, ref and type",
}


def explain(data: Any, kind: DocumentKind, catalog: Catalog) -> list[StructureIssue]:
    """Validate ``data`` with the models of ``kind`` and word every error.

    Errors that land on the same member with the same category are reported once, so a
    value that fails several union branches or checks yields one issue.
    """
    root = models_for(catalog).for_kind(kind)
    try:
        root.model_validate(data, by_name=False)  # documents use wire names only
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return []
    wording = _Wording(root, kind, catalog)
    issues: list[StructureIssue] = []
    seen: set[tuple[str, str, str]] = set()
    for error in errors:
        issue = wording.issue(error)
        identity = (issue.category, issue.pointer, issue.target)
        if identity not in seen:
            seen.add(identity)
            issues.append(issue)
    return issues


class _Wording:
    """Words the pydantic errors of one document kind as issues."""

    def __init__(self, root: type, kind: DocumentKind, catalog: Catalog) -> None:
        self.root = root
        self.root_label = ROOT_LABELS[kind]
        self.dropped = catalog.dropped_fields

    def issue(self, error: dict[str, Any]) -> StructureIssue:
        where = locate(self.root, tuple(error["loc"]))
        pointer = jp.from_parts(where.tokens)
        if error["type"] == "extra_forbidden":
            return StructureIssue("unknown", pointer, self._unknown(where), "key", self._only_match(where))
        if error["type"] == "missing":
            return StructureIssue("missing", pointer, self._missing(where), "value")
        target = "key" if where.on_key else "value"
        return StructureIssue("invalid", pointer, self._invalid(where, error), target)

    def _unknown(self, where: Location) -> str:
        name = str(where.steps[-1].token)
        if name in self.dropped:
            return f"`{name}` is no longer read by Bifrost; use {self.dropped[name]}"
        message = f"unknown field `{name}` in {self._container(where.steps[:-1])}"
        known = list(wire_fields(where.owner)) if where.owner is not None else []
        return message + suggestion_for(name, known)

    def _only_match(self, where: Location) -> Optional[str]:
        name = str(where.steps[-1].token)
        if name in self.dropped or where.owner is None:
            return None
        # Exactly one close field, or the rename would be a guess (PL101's fix).
        known = list(wire_fields(where.owner))
        close, other = two_closest(name, known)
        return close if other is None else None

    def _missing(self, where: Location) -> str:
        parent = where.steps[:-1]
        label = f"`{self._container(parent)}`" if parent else self.root_label
        return f"{label} is missing the required field `{where.steps[-1].token}`"

    def _invalid(self, where: Location, error: dict[str, Any]) -> str:
        if where.on_key:  # the only constraint on map keys is being non-empty
            return f"names in {self._subject(where.steps[:-1])} must not be empty"
        subject = self._subject(where.steps)
        value = error.get("input")
        kind = error["type"]
        if kind == "literal_error":
            allowed = [str(v) for v in literal_values(where.expected)]
            message = f"{subject} must be one of {', '.join(allowed)}"
            if isinstance(value, str):
                return message + suggestion_for(value, allowed)
            return f"{message} (got {json_type(value)})"
        if kind == "greater_than_equal":
            return f"{subject} must be at least {error['ctx']['ge']}"
        if kind == "string_too_short":
            return f"{subject} must not be empty"
        expected = _EXPECTED_BY_ERROR.get(kind)
        if expected is None:
            return f"{subject} is not valid: {error['msg']}"
        if non_null(where.expected)[1]:
            expected += " or null"
        return f"{subject} must be {expected} (got {json_type(value)})"

    def _subject(self, steps: tuple[Step, ...]) -> str:
        """The member a message is about, in backticks: `max_retries`, entry 0 of `models`."""
        if not steps:
            return self.root_label
        last, parent = steps[-1], steps[-2].token if len(steps) > 1 else ""
        if last.container == "list":
            return f"entry {last.token} of `{parent}`"
        if last.container == "map":
            return f"the `{last.token}` entry of `{parent}`"
        return f"`{last.token}`"

    def _container(self, steps: tuple[Step, ...]) -> str:
        """A short name of the object holding a member: network_config, keys[0], providers.openai."""
        if not steps:
            return self.root_label
        last, parent = steps[-1], steps[-2].token if len(steps) > 1 else ""
        if last.container == "list":
            return f"{parent}[{last.token}]"
        if last.container == "map":
            return f"{parent}.{last.token}"
        return str(last.token)


__all__ = ["explain", "ROOT_LABELS"]
