"""Bifrost 2.0 secrets (``SecretVar``) as the hash sees them.

A secret is written either as a string (``"sk-..."`` literal, ``"env.NAME"``, ``"vault.path"``)
or as an object: ``{"value": "x"}`` (literal), ``{"ref": "env.NAME", "type": "env"}``, or the
legacy 1.x shapes ``{"env_var": "NAME", "from_env": true}`` and
``{"value": "env.NAME", "env_var": "env.NAME"}`` (BIFROST.md §1 SecretVar).

Bifrost resolves an ``env.`` reference with ``os.LookupEnv``; an unset variable is ``""``,
not an error.
"""

from __future__ import annotations

from collections.abc import Mapping

from provlint.json_types import json_type
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ENV_PREFIX = "env."
VAULT_PREFIX = "vault."
PLAIN_TEXT = "plain_text"
ENV = "env"
VAULT = "vault"


class InvalidSecret(ValueError):
    """The value is not a secret Bifrost could load, or one provlint cannot resolve."""


class Secret(Record):
    """A secret as written: a literal (``ref == ""``) or a reference."""

    __slots__ = ("literal", "ref")

    def __init__(
        self,
        literal: str = "",
        ref: str = "",
    ) -> None:
        self.literal = literal
        self.ref = ref

    @property
    def type(self) -> str:
        if self.ref.startswith(ENV_PREFIX):
            return ENV
        if self.ref.startswith(VAULT_PREFIX):
            return VAULT
        return PLAIN_TEXT

    @property
    def env_variable(self) -> str | None:
        """The environment variable this secret reads, if it is an ``env.`` reference."""
        return self.ref[len(ENV_PREFIX):] if self.type == ENV else None


def _reference_kind(ref: str) -> str | None:
    if ref.startswith(ENV_PREFIX):
        return ENV
    if ref.startswith(VAULT_PREFIX):
        return VAULT
    return None


def read_secret(raw: Any) -> Secret:
    """The secret written as ``raw`` (a string or a secret object)."""
    if isinstance(raw, str):
        return Secret(ref=raw) if _reference_kind(raw) else Secret(literal=raw)
    if isinstance(raw, Mapping):
        return _read_secret_object(raw)
    raise InvalidSecret(f"expected a string or a secret object, got {json_type(raw)}")


def _read_secret_object(raw: Mapping[str, Any]) -> Secret:
    value = _optional(raw, "value", str)
    ref = _optional(raw, "ref", str)
    declared_type = _optional(raw, "type", str)
    env_var = _optional(raw, "env_var", str)
    from_env = _optional(raw, "from_env", bool)

    if ref:
        kind = _reference_kind(ref)
        if kind is None:
            raise InvalidSecret(f"'ref' must start with {ENV_PREFIX!r} or {VAULT_PREFIX!r}")
        if declared_type and declared_type != kind:
            raise InvalidSecret(f"'type' does not match the kind of reference in 'ref' ({kind!r})")
        return Secret(ref=ref)
    if from_env and env_var:
        return Secret(ref=env_var if env_var.startswith(ENV_PREFIX) else ENV_PREFIX + env_var)
    if value is not None:
        if env_var and env_var == value and value.startswith(ENV_PREFIX):
            return Secret(ref=value)
        if declared_type in (ENV, VAULT):
            # A reference type with no reference: Bifrost's reading of this is not known.
            raise InvalidSecret(f"type {declared_type!r} needs a ref")
        return Secret(literal=value)
    raise InvalidSecret('a secret object needs "value", "ref", or "env_var" with "from_env": true')


def _optional(raw: Mapping[str, Any], name: str, kind: type) -> Any:
    member = raw.get(name)
    if member is None:
        return None
    if not isinstance(member, kind):
        raise InvalidSecret(f"{name!r} must be a {kind.__name__}, got {json_type(member)}")
    return member


def secret_as_string(secret: Secret) -> str:
    """Bifrost's ``SecretVarAsString``: the reference itself, or the literal."""
    return secret.ref or secret.literal


def resolved_value(secret: Secret, env: Mapping[str, str]) -> str:
    """The value Bifrost holds for ``secret``: an unset variable gives ``""``."""
    if secret.type == PLAIN_TEXT:
        return secret.literal
    if secret.type == ENV:
        return env.get(secret.env_variable, "")
    raise InvalidSecret(
        f"{secret.ref!r} is read from a vault when Bifrost starts; provlint cannot know its value"
    )
