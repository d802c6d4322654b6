"""provlint's own hash of a provider's effective settings (HASHING.md, provlint-canonical-1).

Two entries that configure a provider the same way hash the same, whatever their key order,
formatting, format (JSON or YAML), or whether a Bifrost default is written out or left
implicit:

1. the entry is validated with the models of the target line: a value of the wrong type or
   a missing required one means no hash, and the reason (members the models do not know are
   ignored, as Bifrost ignores them; PL101 reports them);
2. the effective settings are built: every member of every settings block the line's models
   know, with the catalog's defaults where a value is absent; ``proxy_config`` and
   ``custom_provider_config`` only when present (``null`` otherwise: their presence changes
   what the gateway does); ``allowed_requests`` written out with every request type of the
   line; ``extra_headers`` names lower-cased; durations in integer milliseconds; secrets as
   the reference (``env.NAME``) or the literal, never resolved;
3. ``{"algorithm", "target", "provider", "settings"}`` is serialised with RFC 8785 (the
   ``rfc8785`` package) and hashed with SHA-256.

A member with no Bifrost default that is absent is ``null``; a value written out is kept as
written (``"base_url": ""`` and no ``base_url`` differ: provlint does not decide for the
gateway that an empty value means unset).

The member lists come from the line's models, the defaults and request types from its
catalog; what this module spells itself is the definition of provlint-canonical-1 (which
blocks are written only when present, which maps hold header names, which members are
durations). Importing it is cheap; pydantic and rfc8785 load on the first hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from provlint.catalog import Catalog
from provlint.hashing.bifrost import NotHashable, go_lower
from provlint.go_duration import INT64_MAX, INT64_MIN, InvalidDuration
from provlint.go_strings import go_string_text
from provlint.hashing.durations import backoff_milliseconds
from provlint.hashing.secrets import InvalidSecret, read_secret, secret_as_string
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

ALGORITHM = "provlint-canonical-1"

# Blocks written only when the entry has them: a proxy or a custom-provider block changes what
# the gateway does by being there. Every other block is written in full, defaults filled.
PRESENCE_BLOCKS = frozenset({"proxy_config", "custom_provider_config"})
# Maps whose keys are HTTP header names, compared without regard to case.
HEADER_MAPS = {"network_config": frozenset({"extra_headers"})}
# Members holding a duration: integer milliseconds, or a Go duration string where the line
# accepts one (2.0); both are written as integer milliseconds.
DURATIONS = {"network_config": frozenset({"retry_backoff_initial", "retry_backoff_max"})}

# RFC 8785 writes numbers as IEEE doubles: beyond this an integer would not survive exactly.
_JSON_SAFE_INTEGER = 2**53 - 1
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def unavailable_reason(catalog: Catalog) -> Optional[str]:
    """Why the canonical hash cannot be computed for ``catalog``'s line, or None."""
    if not catalog.models:
        return (
            f"the canonical hash of target {catalog.version} is not available until provlint has "
            f"models of Bifrost {catalog.version} (step 1 of provlint-canonical-1 validates with them)"
        )
    return None


def canonical_hash(
    provider: Any, entry: Any, catalog: Catalog, kind: DocumentKind = DocumentKind.CONFIG
) -> str:
    """SHA-256 (64 lower-case hex digits) of the RFC 8785 bytes of ``canonical_document``."""
    return hashlib.sha256(canonical_bytes(provider, entry, catalog, kind)).hexdigest()


def canonical_bytes(
    provider: Any, entry: Any, catalog: Catalog, kind: DocumentKind = DocumentKind.CONFIG
) -> bytes:
    """The exact bytes that are hashed."""
    import rfc8785

    document = canonical_document(provider, entry, catalog, kind)
    try:
        return rfc8785.dumps(document)
    except rfc8785.CanonicalizationError as error:  # guarded against below; never a traceback
        raise NotHashable(f"cannot be written as canonical JSON: {error.__class__.__name__}") from None


def canonical_document(
    provider: Any, entry: Any, catalog: Catalog, kind: DocumentKind = DocumentKind.CONFIG
) -> dict[str, Any]:
    """``{"algorithm", "target", "provider", "settings"}`` before serialisation.

    ``entry`` is the provider entry as written in a document of ``kind``: a config.json entry
    (with its keys), an add-provider or update-provider body, or a provider response. Raises
    ``NotHashable`` (reason and JSON Pointer inside the entry) when it is not valid.
    """
    reason = unavailable_reason(catalog)
    if reason:
        raise NotHashable(reason)
    if not isinstance(provider, str) or not provider:
        raise NotHashable("the provider id must be a non-empty string")
    _validate(provider, entry, catalog, kind)
    return {
        "algorithm": ALGORITHM,
        "target": catalog.version,
        "provider": go_lower(go_string_text(provider)),
        "settings": effective_settings(entry, catalog),
    }


def effective_settings(entry: Mapping[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The settings the gateway runs with, defaults filled (``entry`` must be valid)."""
    from provlint.models import models_for
    from provlint.structure.locate import is_model, non_null, wire_fields

    models = models_for(catalog)
    defaults = catalog.defaults
    settings: dict[str, Any] = {}
    for field, info in wire_fields(models.provider_settings).items():
        block_model, _ = non_null(info.annotation)
        raw = entry.get(field)
        if not is_model(block_model):  # a flag such as send_back_raw_request
            settings[field] = raw if raw is not None else defaults.get(field)
        elif raw is None and field in PRESENCE_BLOCKS:
            settings[field] = None
        else:
            settings[field] = _block(field, block_model, raw or {}, defaults.get(field) or {}, catalog, models)
    return settings


def _block(field: str, model: type, raw: Mapping[str, Any], defaults: Mapping[str, Any], catalog: Catalog, models) -> dict[str, Any]:
    from provlint.structure.locate import tagged_members, wire_fields

    block: dict[str, Any] = {}
    for member, info in wire_fields(model).items():
        pointer = jp.join("", field, member)
        value = raw.get(member)
        if member in DURATIONS.get(field, ()):
            value = _milliseconds(value, pointer)
        if _annotation_is(info.annotation, models.allowed_requests):
            value = _allowed_requests(value, catalog)
        elif value is None:
            value = defaults.get(member)
        elif isinstance(value, Mapping) and tagged_members(info.annotation):
            value = _secret(value, pointer)  # a secret object: its reference, or the literal
        elif member in HEADER_MAPS.get(field, ()):
            value = _header_map(value, pointer)
        block[member] = _json_safe(value, pointer)
    return block


def _annotation_is(annotation: Any, model: type) -> bool:
    from provlint.structure.locate import non_null

    return non_null(annotation)[0] is model


def _allowed_requests(value: Optional[Mapping[str, Any]], catalog: Catalog) -> dict[str, bool]:
    # Absent (or null): every request type is allowed. Given: only those set to true.
    if value is None:
        return {request_type: True for request_type in catalog.request_types}
    return {request_type: value.get(request_type) is True for request_type in catalog.request_types}


def _milliseconds(value: Any, pointer: str) -> Any:
    if not isinstance(value, str):
        return value  # an integer is milliseconds already; None is filled from the defaults
    try:
        return backoff_milliseconds(value)
    except InvalidDuration as error:
        raise NotHashable(str(error), pointer) from None


def _secret(value: Mapping[str, Any], pointer: str) -> str:
    try:
        return secret_as_string(read_secret(value))
    except InvalidSecret as error:
        raise NotHashable(str(error), pointer) from None


def _header_map(headers: Mapping[str, Any], pointer: str) -> dict[str, Any]:
    lowered: dict[str, Any] = {}
    for name, value in headers.items():
        key = name.translate(_ASCII_LOWER)  # HTTP header names are ASCII and case-insensitive
        if key in lowered and lowered[key] != value:
            raise NotHashable(
                f"sets the header `{key}` more than once, in different letter case and with "
                "different values: which one the gateway sends is not determined",
                pointer,
            )
        lowered[key] = value
    return lowered


def _json_safe(value: Any, pointer: str) -> Any:
    """``value`` with strings as Bifrost reads them; integers RFC 8785 cannot hold refused."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise NotHashable("the number does not fit a Go int64, so Bifrost cannot load it", pointer)
        if abs(value) > _JSON_SAFE_INTEGER:
            raise NotHashable(
                "the number is larger than RFC 8785 (canonical JSON) can write exactly (2^53 - 1)", pointer
            )
        return value
    if isinstance(value, str):
        return go_string_text(value)  # a lone surrogate escape reads as U+FFFD, as in Go
    if isinstance(value, Mapping):
        return {go_string_text(k): _json_safe(v, jp.join(pointer, k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v, jp.join(pointer, i)) for i, v in enumerate(value)]
    raise NotHashable(f"cannot hash a {type(value).__name__}", pointer)


# Step 1: validation with the line's models, worded like PL100-PL102 (never echoing values).

_WRAPPER = "providers"


def _validate(provider: str, entry: Any, catalog: Catalog, kind: DocumentKind) -> None:
    from provlint.structure import structure_issues

    if not isinstance(entry, Mapping):
        raise NotHashable("a provider entry must be an object")
    if kind is DocumentKind.CONFIG:
        # An entry is validated as the one provider of a config file; pointers are then
        # made relative to the entry again.
        prefix = jp.join("", _WRAPPER, provider)
        issues = structure_issues({_WRAPPER: {provider: entry}}, kind, catalog)
    elif kind in (DocumentKind.ADD_PROVIDER, DocumentKind.UPDATE_PROVIDER, DocumentKind.PROVIDER_RESPONSE):
        prefix = ""
        issues = structure_issues(entry, kind, catalog)
    else:
        raise NotHashable(f"not a provider entry (document kind {kind.value})")
    # Bifrost ignores members it does not know (PL101 reports them), so they change nothing the
    # gateway runs with; a value of the wrong type or a missing required one it cannot load.
    # Keys are never hashed, so a problem inside them (a key without `name`) leaves the
    # settings' hash well defined.
    keys = jp.join(prefix, "keys")
    issues = [
        issue for issue in issues
        if issue.category != "unknown" and issue.pointer != keys and not issue.pointer.startswith(keys + "/")
    ]
    if issues:
        first = issues[0]
        pointer = first.pointer[len(prefix):] if first.pointer.startswith(prefix) else first.pointer
        more = f" (and {len(issues) - 1} more problem{'s' if len(issues) > 2 else ''})" if len(issues) > 1 else ""
        raise NotHashable(f"not valid for Bifrost {catalog.version}: {first.message}{more}", pointer)
