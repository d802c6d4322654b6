"""Which Bifrost shape a parsed document is."""

from __future__ import annotations

from provlint.catalog import Catalog
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def detect_kind(data: Any, catalog: Catalog, *, strict: bool = False) -> DocumentKind:
    """Config file, add-provider request, provider response, bare settings, or none of them.

    A bare settings object (the update-provider request) must hold at least one settings
    field, so that an unrelated JSON file (package.json has a ``name`` too) is not taken for
    a Bifrost payload. ``strict`` is for files a folder walk found rather than files the user
    named: there the marker members must also have Bifrost's types (a ``providers`` object, a
    ``provider`` string), so a Terraform ``{"provider": {"aws": ...}}``, a Grafana
    ``providers:`` list or a JWKS ``{"keys": [...]}`` is skipped, not linted.
    """
    if not isinstance(data, dict):
        return DocumentKind.UNKNOWN
    schema = data.get("$schema")
    if isinstance(schema, str) and schema.rstrip("/#") in catalog.schema_urls:
        return DocumentKind.CONFIG
    if "providers" in data:
        if not strict or isinstance(data["providers"], dict):
            return DocumentKind.CONFIG
    elif _only_config_sections(data, catalog):
        return DocumentKind.CONFIG
    has_settings = any(f in data for f in catalog.settings_fields)
    if "provider" in data and (not strict or isinstance(data["provider"], str)):
        return DocumentKind.ADD_PROVIDER
    if _is_response(data, has_settings, strict):
        return DocumentKind.PROVIDER_RESPONSE
    if has_settings:
        return DocumentKind.UPDATE_PROVIDER
    return DocumentKind.UNKNOWN


def _is_response(data: dict, has_settings: bool, strict: bool) -> bool:
    markers = [data[k] for k in ("provider_status", "config_hash") if k in data]
    if "name" in data and has_settings:
        markers.append(data["name"])
    return bool(markers) and (not strict or any(isinstance(m, str) for m in markers))


# Top-level keys too generic to mark a file as Bifrost's on their own.
_GENERIC_SECTIONS = frozenset({"$schema", "version"})


def _only_config_sections(data: dict, catalog: Catalog) -> bool:
    """A config with no providers (stores and plugins only, like Bifrost's docker-volume example)."""
    keys = set(data)
    return bool(keys - _GENERIC_SECTIONS) and keys <= set(catalog.config_sections)
