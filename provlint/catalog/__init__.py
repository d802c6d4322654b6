"""Bifrost versions as data.

Everything that changes between Bifrost lines (provider ids, request types, defaults, bounds,
hash member order) lives in one JSON file per line, ``bifrost-<version>.json`` beside this
module. Code asks the catalog; it never spells a provider id or request type itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_TARGET_VERSION = "1.5"
_HERE = Path(__file__).parent


class UnknownTargetVersion(ValueError):
    """The requested Bifrost line has no catalog file."""


@dataclass(frozen=True)
class Catalog:
    """The facts of one Bifrost line, read from its data file."""

    version: str
    raw: dict[str, Any] = field(repr=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    @property
    def provider_ids(self) -> tuple[str, ...]:
        return tuple(self.raw.get("provider_ids", ()))

    @property
    def request_types(self) -> tuple[str, ...]:
        return tuple(self.raw.get("request_types", ()))

    @property
    def custom_provider_bases(self) -> tuple[str, ...]:
        return tuple(self.raw.get("custom_provider_bases", ()))

    @property
    def settings_fields(self) -> tuple[str, ...]:
        return tuple(self.raw.get("settings_fields", ()))

    @property
    def response_only_fields(self) -> tuple[str, ...]:
        return tuple(self.raw.get("response_only_fields", ()))

    @property
    def schema_urls(self) -> tuple[str, ...]:
        return tuple(self.raw.get("schema_urls", ()))

    @property
    def defaults(self) -> dict[str, Any]:
        return self.raw.get("defaults", {})

    @property
    def bounds(self) -> dict[str, Any]:
        return self.raw.get("bounds", {})

    @property
    def dropped_fields(self) -> dict[str, str]:
        return self.raw.get("dropped_fields", {})


def available_versions() -> list[str]:
    """Every Bifrost line with a catalog file, oldest first."""
    names = (p.stem.removeprefix("bifrost-") for p in _HERE.glob("bifrost-*.json"))
    return sorted(names, key=lambda v: tuple(int(x) for x in v.split(".")))


def lintable_versions() -> list[str]:
    """The lines provlint has models for (others carry only, e.g., hashing facts so far)."""
    return [v for v in available_versions() if load_catalog(v).get("models", False)]


@lru_cache(maxsize=None)
def load_catalog(version: str = DEFAULT_TARGET_VERSION) -> Catalog:
    path = _HERE / f"bifrost-{version}.json"
    if not path.is_file():
        raise UnknownTargetVersion(
            f"unknown target version {version!r}; known: {', '.join(available_versions())}"
        )
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Catalog(version=raw["version"], raw=raw)
