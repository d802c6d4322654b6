"""Which Bifrost shape a parsed document is."""

from __future__ import annotations

from typing import Any

from provlint.catalog import Catalog
from provlint.source.document import DocumentKind


def detect_kind(data: Any, catalog: Catalog) -> DocumentKind:
    """Config file, add-provider request, provider response, bare settings, or none of them.

    A bare settings object (the update-provider request) must hold at least one settings
    field, so that an unrelated JSON file (package.json has a ``name`` too) is not taken for
    a Bifrost payload.
    """
    if not isinstance(data, dict):
        return DocumentKind.UNKNOWN
    schema = data.get("$schema")
    if "providers" in data or (isinstance(schema, str) and schema.rstrip("/#") in catalog.schema_urls):
        return DocumentKind.CONFIG
    if _only_config_sections(data, catalog):
        return DocumentKind.CONFIG
    has_settings = any(f in data for f in catalog.settings_fields) or "keys" in data
    if "provider" in data:
        return DocumentKind.ADD_PROVIDER
    if "provider_status" in data or "config_hash" in data or ("name" in data and has_settings):
        return DocumentKind.PROVIDER_RESPONSE
    if has_settings:
        return DocumentKind.UPDATE_PROVIDER
    return DocumentKind.UNKNOWN


# Top-level keys too generic to mark a file as Bifrost's on their own.
_GENERIC_SECTIONS = frozenset({"$schema", "version"})


def _only_config_sections(data: dict, catalog: Catalog) -> bool:
    """A config with no providers (stores and plugins only, like Bifrost's docker-volume example)."""
    keys = set(data)
    return bool(keys - _GENERIC_SECTIONS) and keys <= set(catalog.get("config_sections", ()))
