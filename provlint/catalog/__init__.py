"""Bifrost versions as data.

Everything that changes between Bifrost lines (provider ids, request types, defaults, bounds,
hash member order) lives in one JSON file per line, ``bifrost-<version>.json`` beside this
module. Code asks the catalog; it never spells a provider id or request type itself.
"""

from __future__ import annotations

import json
import re
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
    raw = _merged_raw(version)
    return Catalog(version=raw["version"], raw=raw)


def _merged_raw(version: str) -> dict[str, Any]:
    # A line's file holds only its differences from the line it ``extends``: a key present in
    # the child replaces the parent's value whole (no deep merge), so each fact is written once.
    raw = _file_raw(version)
    parent = raw.get("extends")
    return {**_merged_raw(parent), **raw} if parent else dict(raw)


@lru_cache(maxsize=None)
def _file_raw(version: str) -> dict[str, Any]:
    # Each file is read once per process, however many lines extend it.
    path = _HERE / f"bifrost-{version}.json"
    if not path.is_file():
        raise UnknownTargetVersion(
            f"unknown target version {version!r}; known: {', '.join(available_versions())}"
        )
    return json.loads(path.read_text(encoding="utf-8"))


_RELEASE = re.compile(r"^(?:transports/)?v?(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$")


def _line_key(line: str) -> tuple[int, ...]:
    return tuple(int(x) for x in line.split("."))


def target_line(text: str, lines: list[str] | None = None) -> str:
    """The Bifrost line a ``target-version`` names: a line (``2.2``) or a release as people
    write it (``2.2.5``, ``v2.2.5``, ``transports/v2.2.5``, ``2.0.0-prerelease2``).

    ``lines`` are the lines to choose from (default: every lintable line). A release newer than
    the newest known line, or one of a line provlint does not know, raises UnknownTargetVersion
    with a message that names the known lines.
    """
    lines = lintable_versions() if lines is None else lines
    match = _RELEASE.match(str(text).strip())
    if not match:
        raise UnknownTargetVersion(
            f"`target-version` must be a Bifrost line ({', '.join(lines)}) or a release such as "
            f"v{lines[-1]}.0, not {text!r}"
        )
    line = f"{int(match.group(1))}.{int(match.group(2))}"
    if line in lines:
        return line
    newest = max(lines, key=_line_key)
    if _line_key(line) > _line_key(newest):
        raise UnknownTargetVersion(
            f"Bifrost {text} is newer than the newest line provlint knows, {newest}; "
            f"check with `target-version = \"{newest}\"` or upgrade provlint"
        )
    raise UnknownTargetVersion(f"`target-version` {text!r} is not a Bifrost line provlint knows: {', '.join(lines)}")


def lines_phrase(lines: list[str]) -> str:
    """How a message names the other lines that have something: ``2.0 and later`` when they run
    from one line up to the newest, else ``1.5, 2.1 only``."""
    known = available_versions()
    if lines and lines == known[known.index(lines[0]):]:
        return f"{lines[0]} and later"
    return f"{', '.join(lines)} only"
