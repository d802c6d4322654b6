"""Structural errors worded as StructureIssues: one wording for both ways of finding them.

An error is found either by the generated explainer (``fast_explain.py``, no pydantic) or by
the pydantic models (``explain.py``, for what the generated one is unsure of); both describe
each error as a ``StructureError`` at a ``Where``, and this module words it. Messages name the
field and what it must be, never the offending value (it may be a secret): the value is only
used for its JSON type and to find a close match among allowed names.
"""

from __future__ import annotations

from provlint.catalog import Catalog
from provlint.json_types import SECRET_FORM_ERROR, json_type
from provlint.records import Record
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind
from provlint.structure import StructureIssue
from provlint.suggest import suggestion_for, two_closest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Literal, Optional

    Container = Literal["model", "map", "list", "value"]

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


class Step(Record):
    """One data token of the path and the kind of value it was taken from."""

    __slots__ = ("token", "container")

    def __init__(self, token: str | int, container: Container) -> None:
        self.token = token
        self.container = container


class Where(Record):
    """Where an error is and what the models expect there.

    ``owner_fields`` are the wire names of the model whose member the last model step names
    (None when no model owns it); ``literals`` the allowed values when a Literal is expected;
    ``nullable`` whether null is allowed there; ``on_key`` whether the error is about a map key.
    """

    __slots__ = ("steps", "owner_fields", "literals", "nullable", "on_key")

    def __init__(
        self,
        steps: tuple[Step, ...],
        owner_fields: Optional[tuple[str, ...]],
        literals: tuple[Any, ...] = (),
        nullable: bool = False,
        on_key: bool = False,
    ) -> None:
        self.steps = steps
        self.owner_fields = owner_fields
        self.literals = literals
        self.nullable = nullable
        self.on_key = on_key


class StructureError(Record):
    """One error in pydantic's terms: its type, where, the value, the type's context and message."""

    __slots__ = ("type", "where", "value", "ctx", "msg")

    def __init__(self, type: str, where: Where, value: Any, ctx: Optional[dict[str, Any]], msg: str) -> None:
        self.type = type
        self.where = where
        self.value = value
        self.ctx = ctx
        self.msg = msg


def word_errors(errors: Iterable[StructureError], kind: DocumentKind, catalog: Catalog) -> list[StructureIssue]:
    """Every error worded; errors on the same member with the same category are reported once,
    so a value that fails several checks yields one issue."""
    wording = _Wording(kind, catalog)
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
    """Words the errors of one document kind as issues."""

    def __init__(self, kind: DocumentKind, catalog: Catalog) -> None:
        self.root_label = ROOT_LABELS[kind]
        self.dropped = catalog.dropped_fields

    def issue(self, error: StructureError) -> StructureIssue:
        where = error.where
        pointer = jp.from_parts([step.token for step in where.steps])
        if error.type == "extra_forbidden":
            return StructureIssue("unknown", pointer, self._unknown(where), "key", self._only_match(where))
        if error.type == "missing":
            return StructureIssue("missing", pointer, self._missing(where), "value")
        target = "key" if where.on_key else "value"
        return StructureIssue("invalid", pointer, self._invalid(where, error), target)

    def _unknown(self, where: Where) -> str:
        name = str(where.steps[-1].token)
        if name in self.dropped:
            return f"`{name}` is no longer read by Bifrost; use {self.dropped[name]}"
        message = f"unknown field `{name}` in {self._container(where.steps[:-1])}"
        return message + suggestion_for(name, list(where.owner_fields or ()))

    def _only_match(self, where: Where) -> Optional[str]:
        name = str(where.steps[-1].token)
        if name in self.dropped or where.owner_fields is None:
            return None
        # Exactly one close field, or the rename would be a guess (PL101's fix).
        close, other = two_closest(name, list(where.owner_fields))
        return close if other is None else None

    def _missing(self, where: Where) -> str:
        parent = where.steps[:-1]
        label = f"`{self._container(parent)}`" if parent else self.root_label
        return f"{label} is missing the required field `{where.steps[-1].token}`"

    def _invalid(self, where: Where, error: StructureError) -> str:
        if where.on_key:  # the only constraint on map keys is being non-empty
            return f"names in {self._subject(where.steps[:-1])} must not be empty"
        subject = self._subject(where.steps)
        value = error.value
        kind = error.type
        if kind == "literal_error":
            allowed = [str(v) for v in where.literals]
            message = f"{subject} must be one of {', '.join(allowed)}"
            if isinstance(value, str):
                return message + suggestion_for(value, allowed)
            return f"{message} (got {json_type(value)})"
        if kind == "greater_than_equal":
            return f"{subject} must be at least {error.ctx['ge']}"
        if kind == "string_too_short":
            return f"{subject} must not be empty"
        expected = _EXPECTED_BY_ERROR.get(kind)
        if expected is None:
            return f"{subject} is not valid: {error.msg}"
        if where.nullable:
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


__all__ = ["ROOT_LABELS", "Step", "Where", "StructureError", "word_errors"]
