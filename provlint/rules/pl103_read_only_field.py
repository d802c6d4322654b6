"""A read-only field the server owns, written into a request payload or a config file.

``provider_status``, ``status``, ``description``, ``config_hash`` and ``name`` are what
Bifrost reports about a provider; it sets them itself and ignores them in an add- or
update-provider request and in a config file (it computes ``config_hash`` from the entry when
it loads the file). A copy pasted from a GET response carries stale values that look as if
they mattered. Keys of a config file carry the same per-key ``config_hash``, ``status`` and
``description``. Provider responses are not checked: these fields belong there.

Fails::

    {"provider": "openai", "provider_status": "active"}

Passes::

    {"provider": "openai"}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, RemoveMember, Severity
from provlint.records import Record
from provlint.rules.context import RuleContext, catalog_set
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL103"
NAME = "read-only-field"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = "remove the read-only field"
FIXABLE = "removes the read-only field from an add- or update-provider request (unsafe: a client may have sent it on purpose)"
# Fields the models do not know in a request are also unknown fields (PL101); this says more.
SUPERSEDES = ("PL101",)

# Documents a client writes: the fields a server owns do not belong in them.
REQUEST_KINDS = (DocumentKind.ADD_PROVIDER, DocumentKind.UPDATE_PROVIDER)


class Member(Record):
    """One read-only member: its pointer, its key, and where it sits (a key of _IGNORED_IN)."""

    __slots__ = ("pointer", "key", "where")

    def __init__(self, pointer: str, key: str, where: str) -> None:
        self.pointer = pointer
        self.key = key
        self.where = where

_IGNORED_IN = {
    "add-provider": "an add-provider request",
    "update-provider": "an update-provider request",
    "config": "a config file",
    "config-key": "a key of a config file",
}

# Where a document names its provider instead, for a stray `name`.
_NAMED_BY = {
    "add-provider": "the request names the provider in `provider`",
    "update-provider": "the request names the provider in its URL",
    "config": "the entry's key under `providers` names the provider",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for member in read_only_members(ctx):
        yield Finding(member.pointer, _message(member), target="key", autofix=_removal(member))


def _removal(member: Member):
    if member.where not in (kind.value for kind in REQUEST_KINDS):
        return None  # in a config file a stale config_hash is PL601's, with its own fix
    return FixIntent(RemoveMember(member.pointer), "unsafe", f"remove `{member.key}`")


def read_only_members(ctx: RuleContext) -> Iterator[Member]:
    provider_fields = catalog_set(ctx.catalog, "response_only_fields")
    if ctx.kind in REQUEST_KINDS:
        for provider in ctx.providers:
            for key in provider.settings:
                if key in provider_fields:
                    yield Member(provider.at(key), key, ctx.kind.value)
    elif ctx.kind is DocumentKind.CONFIG:
        key_fields = catalog_set(ctx.catalog, "key_response_only_fields")
        in_keys = not key_fields.isdisjoint(ctx.key_member_names)  # the common file: no key has one
        for provider in ctx.providers:
            if not provider_fields.isdisjoint(provider.settings):
                for key in provider.settings:
                    if key in provider_fields:
                        yield Member(provider.at(key), key, "config")
            for entry in ctx.keys_of(provider) if in_keys else ():
                if key_fields.isdisjoint(entry.key):
                    continue  # the common key: nothing read-only in it
                for key in entry.key:
                    if key in key_fields:
                        yield Member(entry.at(key), key, "config-key")


def _message(member: Member) -> str:
    owner = "the key" if member.where == "config-key" else "the provider"
    message = (
        f"`{member.key}` is read-only: Bifrost reports it about {owner} and ignores it in "
        f"{_IGNORED_IN[member.where]}"
    )
    if member.key == "config_hash" and member.where.startswith("config"):
        message += ", where it computes the hash itself"
    elif member.key == "name" and member.where in _NAMED_BY:
        message += f" ({_NAMED_BY[member.where]})"
    return message + "; remove it"
