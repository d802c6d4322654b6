"""Bifrost's ``config_hash`` of this provider depends on environment variables.

Bifrost hashes a proxy's secrets with the values their ``env.NAME`` references resolve to on
the machine that loads the file (HASHING.md). The same file then hashes differently on
machines whose variables differ, and a rotated proxy password makes the gateway see the
provider as changed although the file is not. Nothing is wrong with the file: this is a
note, so that a ``config_hash`` that differs between machines does not come as a surprise.
provlint's canonical hash keeps the reference and does not depend on the environment. Off
by default: env references are what PL302 asks for, and only a team that compares
``config_hash`` values needs this note.

Which references count comes from the target line: exactly those Bifrost's algorithm
resolves where it is known (2.0), and the proxy's secret fields of the catalog otherwise
(1.5 hashed those secrets together with the variable's value).

Fails::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}

Passes::

    {"proxy_config": {"type": "environment"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, block

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL602"
NAME = "hash-depends-on-environment"
SEVERITY = Severity.INFO
TAGS = ("reliability",)
FIX = (
    "nothing to fix in the file; keep the variables the same wherever the file is loaded, or compare "
    "provlint's canonical hash, which keeps the reference"
)
# env references are what PL302 asks for; that they make Bifrost's hash machine-bound only a
# team that compares config_hash values needs to hear.
DEFAULT_ENABLED = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    hashed_secrets = _hashed_secret_members(ctx.catalog.hash)
    for provider in ctx.providers:
        if ctx.catalog.hash is None:
            if not block(provider.settings, "proxy_config"):
                continue  # the common case, decided without importing the hashing package
        elif not _may_refer(provider.settings, hashed_secrets):
            continue  # no secret the hash resolves is, or may be, a reference
        from provlint.hashing import environment_dependencies

        references = environment_dependencies(provider.settings, ctx.catalog)
        if not references:
            continue
        names = list(dict.fromkeys(r.variable for r in references))
        if len(names) == 1:
            what, where, when = f"the value of {names[0]}", f"{names[0]} is", f"{names[0]} changes"
        else:
            listed = ", ".join(names[:-1]) + " and " + names[-1]
            what, where, when = f"the values of {listed}", "they are", "one of them changes"
        yield Finding(
            provider.pointer + references[0].pointer,
            f"Bifrost's `config_hash` of this provider includes {what}, so it differs between machines "
            f"where {where} set differently, and changes when {when} (the gateway then sees the "
            "provider as changed)",
        )


# HashSpec -> its _hashed_secret_members, by identity (a spec is not hashable; each line's
# catalog, and so its spec, lives for the whole run and is kept alive here).
_MEMBERS_OF: dict[int, tuple[object, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def _hashed_secret_members(spec) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(block, its members) of every secret object Bifrost's hash resolves on this line: the
    only places ``environment_dependencies`` finds a reference where the hash is known."""
    if spec is None:
        return ()
    known = _MEMBERS_OF.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    members: dict[str, list[str]] = {}
    for b in spec.blocks:
        for m in b.members:
            if m.kind == "secret_object":
                members.setdefault(b.field, []).append(m.name)
    found = tuple((field, tuple(names)) for field, names in members.items())
    _MEMBERS_OF[id(spec)] = (spec, found)
    return found


def _may_refer(settings: dict, hashed_secrets: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """Whether the provider sets one of the hashed secret members to a value that may be an env
    reference: an object, or a string that starts with ``env.`` (``read_secret`` reads any other
    string as a literal or a vault reference). A proxy's literal URL, the common member, puts no
    variable into the hash, and is decided without the hashing package."""
    for field, names in hashed_secrets:
        section = settings.get(field)
        if isinstance(section, dict):
            for name in names:
                value = section.get(name)
                if value is not None and (not isinstance(value, str) or value.startswith("env.")):
                    return True
    return False
