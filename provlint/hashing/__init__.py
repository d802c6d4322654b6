"""A provider's ``config_hash``: one entry point for both algorithms of HASHING.md.

- ``bifrost``: the value Bifrost itself computes (``bifrost.py``), defined where the catalog
  of the target line has a ``hash`` section (2.0, inherited by 2.1 and 2.2, where an entry that
  sets what those lines added has none). It hashes values as written and resolves ``env.``
  references in proxy secrets, so it may depend on the environment.
- ``canonical``: provlint-canonical-1 (``canonical.py``), a stable hash of the effective
  settings, defined where provlint has models of the target line (every line).

``config_hash`` never raises for bad input: the result carries the hash or the reason there is
none. Importing this package is cheap; pydantic and rfc8785 are loaded by the first canonical
hash only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from provlint.catalog import Catalog, load_catalog
from provlint.hashing.bifrost import EnvironmentReference, NotHashable, environment_references
from provlint.records import Record
from provlint.redaction import first_redacted
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Union

# Settings blocks whose values the API redacts in its responses.
SECRET_BLOCKS = ("network_config", "proxy_config")
BIFROST = "bifrost"
CANONICAL = "canonical"
ALGORITHMS = (BIFROST, CANONICAL)


class HashResult(Record):
    """One provider's hash under one algorithm and target line, or why there is none.

    ``available`` is False when the algorithm is not defined for the target line at all (not
    a fault of the entry). ``pointer`` locates the reason inside the entry ("" = the entry).
    ``environment`` names the variables whose values went into ``value`` (bifrost only).
    """

    __slots__ = ("provider", "algorithm", "target", "value", "reason", "pointer", "available", "environment")

    def __init__(
        self,
        provider: Optional[str],
        algorithm: str,
        target: str,
        value: Optional[str] = None,
        reason: Optional[str] = None,
        pointer: str = "",
        available: bool = True,
        environment: tuple[str, ...] = (),
    ) -> None:
        self.provider = provider
        self.algorithm = algorithm
        self.target = target
        self.value = value
        self.reason = reason
        self.pointer = pointer
        self.available = available
        self.environment = environment

    @property
    def ok(self) -> bool:
        return self.value is not None


def unavailable_reason(algorithm: str, catalog: Catalog) -> Optional[str]:
    """Why ``algorithm`` is not defined for ``catalog``'s line, or None when it is."""
    if algorithm == BIFROST:
        if catalog.hash is None:
            return (
                f"Bifrost's own hash is not known for target {catalog.version} (its exact encoding "
                "of that line is not known, and provlint does not guess)"
            )
        return None
    if algorithm == CANONICAL:
        from provlint.hashing.canonical import unavailable_reason as canonical_unavailable

        return canonical_unavailable(catalog)
    raise ValueError(f"unknown hash algorithm {algorithm!r}; known: {', '.join(ALGORITHMS)}")


def available_algorithms(catalog: Catalog) -> tuple[str, ...]:
    return tuple(a for a in ALGORITHMS if unavailable_reason(a, catalog) is None)


def config_hash(
    provider: Any,
    settings: Any,
    *,
    algorithm: str = CANONICAL,
    catalog: Union[Catalog, str, None] = None,
    environment: Optional[Mapping[str, str]] = None,
    kind: DocumentKind = DocumentKind.CONFIG,
) -> HashResult:
    """The ``config_hash`` of one provider entry.

    ``settings`` is the entry as written: a config.json provider entry (``kind`` CONFIG, the
    default), or an add-provider / update-provider body or a provider response; ``keys``,
    ``config_hash`` and the other response fields never count. ``catalog`` is a Catalog or a
    target version (default: the default target). ``environment`` resolves ``env.``
    references for the bifrost algorithm (default: the process environment).
    """
    if not isinstance(catalog, Catalog):
        catalog = load_catalog(catalog) if catalog else load_catalog()
    name = provider if isinstance(provider, str) else None
    reason = unavailable_reason(algorithm, catalog)
    if reason:
        return HashResult(name, algorithm, catalog.version, reason=reason, available=False)
    redacted = first_redacted(settings, SECRET_BLOCKS)
    if redacted:
        # An API response masks secrets; the gateway hashed the real values, not the mask.
        return HashResult(name, algorithm, catalog.version, pointer=redacted,
                          reason="a secret here is redacted by the API, so the gateway's hash cannot be known")
    try:
        if algorithm == BIFROST:
            from provlint.hashing.bifrost import bifrost_hash

            env = os.environ if environment is None else environment
            value = bifrost_hash(provider, settings, env, catalog)
            variables = tuple(dict.fromkeys(r.variable for r in environment_references(settings, catalog)))
            return HashResult(name, algorithm, catalog.version, value=value, environment=variables)
        from provlint.hashing.canonical import canonical_hash

        return HashResult(name, algorithm, catalog.version, value=canonical_hash(provider, settings, catalog, kind))
    except NotHashable as error:
        return HashResult(name, algorithm, catalog.version, reason=error.reason, pointer=error.pointer)


def environment_dependencies(settings: Any, catalog: Catalog) -> list[EnvironmentReference]:
    """The ``env.`` references whose values go into Bifrost's hash of this entry.

    Where the line's Bifrost algorithm is known (2.0), exactly the references it resolves.
    Otherwise (1.5), the references in the proxy's secret fields of the catalog: HASHING.md
    says that line hashed those secrets as ``{value, env_var, from_env}`` objects, the value
    being the variable's; how it wrote the bytes is not known, but that it read the variable is.
    """
    if catalog.hash is not None:
        return environment_references(settings, catalog)
    if not isinstance(settings, Mapping):
        return []
    from provlint.hashing.secrets import ENV, InvalidSecret, read_secret
    from provlint.source import pointer as jp

    found = []
    for block, members in catalog.secret_fields.items():
        raw = settings.get(block)
        if block not in catalog.settings_fields or not isinstance(raw, Mapping):
            continue
        for member in members:
            if raw.get(member) is None:
                continue
            try:
                secret = read_secret(raw[member])
            except InvalidSecret:
                continue
            if secret.type == ENV:
                found.append(EnvironmentReference(jp.join("", block, member), secret.ref, secret.env_variable))
    return found


__all__ = [
    "ALGORITHMS",
    "BIFROST",
    "CANONICAL",
    "EnvironmentReference",
    "HashResult",
    "NotHashable",
    "available_algorithms",
    "config_hash",
    "environment_dependencies",
    "unavailable_reason",
]
