"""Bifrost versions as data, typed and checked on load.

Everything that changes between Bifrost lines (provider ids, request types, defaults, bounds,
hash member order) lives in one JSON file per line, ``bifrost-<version>.json`` beside this
module. Code asks the catalog; it never spells a provider id or request type itself.

A file is read into the frozen ``Catalog`` below, whose attribute names are the file's keys
(``catalog.loopback_hostnames``). Loading refuses, with a ``CatalogError`` naming the file and
the key, a missing key, an unknown key, a value of the wrong type, and an ``extends`` that
names no earlier line: a new line's file with a typo fails at once instead of leaving a rule
quiet.

A line may extend an earlier one (``"extends": "1.5"``): its file then holds only what
differs. The merge is shallow: a key present in the file replaces the parent's whole value,
nested objects and arrays included (a changed default means writing that key's whole object
again). That is the simplest rule to read and it keeps a release a small file: Bifrost's
releases add to lists and objects far more often than they edit single members. Four keys
describe the file itself and are never inherited: ``version`` (must match the file name),
``source`` (where its facts come from), ``models`` (whether provlint has models of the line,
so it can be linted; a line with hash facts only says false) and ``extends``.

Lint thresholds are not Bifrost facts and are not here: they are rule options (see
``provlint/rules/__init__.py``). The ``bounds`` here are the limits Bifrost's API enforces.
"""

# No `from __future__ import annotations`: the loader reads these classes' annotations, and
# real objects spare it evaluating strings on every start-up.
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from provlint.catalog.typed import CatalogError, convert_fields, required_keys
from provlint.patterns import lazy
from provlint.records import Record, replace

DEFAULT_TARGET_VERSION = "2.2"
PACKAGE_FOLDER = Path(__file__).parent
OWN_KEYS = ("version", "source", "models", "extends")  # describe the file: never inherited


class UnknownTargetVersion(ValueError):
    """The requested Bifrost line has no catalog file."""


class Facts(Record):
    """A frozen record of catalog facts: its fields are its class's annotations, in order, taken
    by keyword; a field with a default has it as a class attribute.

    Every lint run builds these classes at start-up: a record class costs about 0.01 ms, a
    NamedTuple 0.18 ms (its ``exec``), a frozen dataclass about 2 ms."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        cls._fields = tuple(cls.__dict__.get("__annotations__", ()))
        super().__init_subclass__(**kwargs)

    def __init__(self, **values: object) -> None:
        unknown = [name for name in values if name not in self._fields]
        missing = [name for name in self._fields if name not in values and not hasattr(type(self), name)]
        if unknown or missing:
            name = type(self).__name__
            raise TypeError(f"{name}: unknown field {unknown[0]!r}" if unknown else f"{name}: missing field {missing[0]!r}")
        self.__dict__.update(values)  # a field not given reads the class's default

    # Its fields are keywords and live in the instance dict: pickled as that dict, not as
    # Record's positional field values.
    __reduce__ = object.__reduce__

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a {type(self).__name__} is frozen: cannot assign to {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a {type(self).__name__} is frozen: cannot delete {name!r}")


class Bounds(Facts):
    """Limits Bifrost's management API enforces (a config file is loaded without them)."""

    concurrency_min: int
    buffer_size_min: int
    max_retries_min: int
    retry_backoff_min_ms: int
    retry_backoff_max_ms: int
    # From 2.0 on (Bifrost's config.schema.json); None where the line has no such field.
    stream_idle_timeout_min_seconds: int | None = None
    stream_idle_timeout_max_seconds: int | None = None
    keep_alive_timeout_min_seconds: int | None = None
    keep_alive_timeout_max_seconds: int | None = None
    max_conns_per_host_min: int | None = None
    max_conns_per_host_max: int | None = None
    http2_ping_interval_min_seconds: int | None = None
    http2_ping_interval_max_seconds: int | None = None


class KeyConfigRequirement(Facts):
    """A provider whose keys need a per-key config block, and the field it must set (if any)."""

    config: str
    field: str | None


class MetadataEndpoints(Facts):
    hostnames: tuple[str, ...]
    addresses: tuple[str, ...]


class HashMember(Facts):
    name: str
    kind: str  # one of HashSpec.value_kinds
    omitempty: bool


class HashBlock(Facts):
    field: str
    html_escape: bool
    members: tuple[HashMember, ...]


class RawFlag(Facts):
    field: str
    literal: str


class HashSpec(Facts):
    """How Bifrost computes a provider's ``config_hash`` on this line (HASHING.md)."""

    algorithm: str
    provider_id: str
    excluded_fields: tuple[str, ...]
    value_kinds: Mapping[str, str]
    blocks: tuple[HashBlock, ...]
    raw_flags: tuple[RawFlag, ...]
    unsupported_fields: tuple[str, ...]


class Catalog(Facts):
    """The facts of one Bifrost line; each attribute is the data file's key of that name.

    One object per line, compared and hashed by identity: every run of the line shares it.
    """

    version: str
    source: str
    models: bool
    schema_urls: tuple[str, ...]
    provider_ids: tuple[str, ...]
    custom_provider_bases: tuple[str, ...]
    keyless_forbidden_bases: tuple[str, ...]
    path_overrides_forbidden_bases: tuple[str, ...]
    request_types: tuple[str, ...]
    provider_statuses: tuple[str, ...]
    proxy_types: tuple[str, ...]
    settings_fields: tuple[str, ...]
    response_only_fields: tuple[str, ...]
    key_response_only_fields: tuple[str, ...]
    config_sections: tuple[str, ...]
    secret_fields: Mapping[str, tuple[str, ...]]
    defaults: Mapping[str, object]
    bounds: Bounds
    duration_strings: bool
    keyless_providers: tuple[str, ...]
    proxy_types_requiring_url: tuple[str, ...]
    proxy_types_without_proxy_settings: tuple[str, ...]
    model_wildcard: str
    key_value_may_be_empty: tuple[str, ...]
    key_config_requirements: Mapping[str, KeyConfigRequirement]
    dropped_fields: Mapping[str, str]
    # Dropped keys whose replacement has the same meaning and unit (PL104 renames them).
    renamed_fields: Mapping[str, str]
    secret_types: tuple[str, ...]
    config_section_descriptions: Mapping[str, str]
    loopback_hostnames: tuple[str, ...]
    private_network_ranges: tuple[str, ...]
    private_hostname_suffixes: tuple[str, ...]
    always_blocked_ranges: tuple[str, ...]
    metadata_endpoints: MetadataEndpoints
    sensitive_extra_headers: Mapping[str, tuple[str, ...]]
    secret_header_names: tuple[str, ...]
    secret_header_words: tuple[str, ...]
    non_secret_headers: tuple[str, ...]
    extra_header_values_resolve_references: bool
    # Which fields each block has on this line (the models are built from these, no version
    # branches in code), which of them take a SecretVar, and the API payloads' extra settings.
    fields: Mapping[str, tuple[str, ...]]
    secret_var_fields: Mapping[str, tuple[str, ...]]
    api_settings_fields: tuple[str, ...]
    alias_forms: tuple[str, ...]
    # Facts of blocks that exist from some line on; empty where the line has no such block.
    alias_model_families: tuple[str, ...] = ()
    # Which alias-object fields belong to one provider's sub-config (AliasConfig embeds them):
    # Bifrost's Aliases.Validate refuses them on a key of any other provider (PL507).
    alias_provider_fields: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    provider_request_id_header_pattern: str | None = None
    prompt_cache_ttls: tuple[str, ...] = ()
    prompt_cache_locations: tuple[str, ...] = ()
    prompt_cache_roles: tuple[str, ...] = ()
    databricks_api_formats: tuple[str, ...] = ()
    source_notes: tuple[str, ...] = ()  # where the sources disagree, which one this line follows
    # Bifrost's own JSON Schema of config.json (catalog/bifrost-schemas/), which checks the
    # sections provlint does not model (provlint/sections.py); None: no schema for the line.
    bifrost_config_schema: str | None = None
    hash: HashSpec | None = None  # Bifrost's own hash algorithm, where it is known
    extends: str | None = None

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"Catalog(version={self.version!r})"


def available_versions(folder: Path | str | None = None) -> list[str]:
    """Every Bifrost line with a catalog file, oldest first."""
    if not folder:
        return list(_shipped_versions())
    return _versions_in(Path(folder))


@lru_cache(maxsize=None)
def _shipped_versions() -> tuple[str, ...]:
    """The lines shipped with provlint: listing the folder costs about 35 us, and messages ask
    for them per finding (PL201, PL207)."""
    return tuple(_versions_in(PACKAGE_FOLDER))


def _versions_in(folder: Path) -> list[str]:
    return _sorted_versions(p.stem.removeprefix("bifrost-") for p in folder.glob("bifrost-*.json"))


def lintable_versions(folder: Path | str | None = None) -> list[str]:
    """The lines provlint has models for (others carry only, e.g., hashing facts so far)."""
    folder = Path(folder) if folder else PACKAGE_FOLDER
    return [v for v in available_versions(folder) if _has_models(v, folder)]


@lru_cache(maxsize=None)
def _has_models(version: str, folder: Path) -> bool:
    # `models` is a file's own key, never inherited: read without typing the line and the lines
    # it extends (a 1.5 run no longer converts 2.0, 2.1 and 2.2). A file whose `models` is no
    # boolean is loaded, to be refused with the loader's message.
    models = _read_object(folder / f"bifrost-{version}.json").get("models")
    return models if isinstance(models, bool) else _load(version, folder).models


def load_catalog(version: str = DEFAULT_TARGET_VERSION, folder: Path | str | None = None) -> Catalog:
    """The catalog of one line, read from ``folder`` (default: the files shipped with provlint).

    Raises UnknownTargetVersion when the line has no file, CatalogError when its file (or the
    file of a line it extends) is not a valid catalog. Each (line, folder) is read once per
    process: the files are data shipped with the code, not settings that change under it.
    """
    return _load(version, Path(folder) if folder else PACKAGE_FOLDER)


@lru_cache(maxsize=None)
def _load(version: str, folder: Path) -> Catalog:
    path = folder / f"bifrost-{version}.json"
    if not path.is_file():
        raise UnknownTargetVersion(
            f"unknown target version {version!r}; known: {', '.join(available_versions(folder))}"
        )
    data = _read_object(path)
    file = str(path)
    values = convert_fields(Catalog, data, file)
    own_missing = [k for k in OWN_KEYS if k != "extends" and k not in values]
    if own_missing:
        raise CatalogError(f"{file}: missing key `{own_missing[0]}`")
    if values["version"] != version:
        raise CatalogError(f"{file}: key `version` is {values['version']!r}, but the file name says {version!r}")
    parent = values.get("extends")
    if parent is None:
        missing = [k for k in required_keys(Catalog) if k not in values]
        if missing:
            raise CatalogError(f"{file}: missing key `{missing[0]}` (or an `extends` of a line that has it)")
        catalog = Catalog(**values)
    else:
        known = [v for v in available_versions(folder) if _sort_key(v) < _sort_key(version)]
        if parent not in known:
            raise CatalogError(
                f"{file}: key `extends` names {parent!r}, which is not an earlier line with a catalog "
                f"file; earlier lines: {', '.join(known) or 'none'}"
            )
        catalog = replace(_load(parent, folder), **values)
    if "hash" in values:
        _check_hash_kinds(catalog, file)
    return catalog


@lru_cache(maxsize=None)  # read once for _has_models and _load; never changed
def _read_object(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"{path}: cannot read the catalog: {exc}") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: a catalog file must hold a JSON object")
    return data


def _check_hash_kinds(catalog: Catalog, file: str) -> None:
    # The hashing code has one reader per value kind: a kind it does not list is a typo.
    if catalog.hash is None:
        return
    for b, block in enumerate(catalog.hash.blocks):
        for m, member in enumerate(block.members):
            if member.kind not in catalog.hash.value_kinds:
                raise CatalogError(
                    f"{file}: key `hash.blocks[{b}].members[{m}].kind` is {member.kind!r}, which "
                    f"`hash.value_kinds` does not list ({', '.join(catalog.hash.value_kinds)})"
                )


def _sort_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in version.split("."))


def _sorted_versions(versions) -> list[str]:
    return sorted(versions, key=_sort_key)


_RELEASE = lazy(r"^(?:transports/)?v?(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$")


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
    if text in lines:
        return text  # the usual case, without compiling _RELEASE (0.25 ms)
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


__all__ = [
    "Bounds",
    "Catalog",
    "CatalogError",
    "DEFAULT_TARGET_VERSION",
    "HashBlock",
    "HashMember",
    "HashSpec",
    "KeyConfigRequirement",
    "MetadataEndpoints",
    "RawFlag",
    "UnknownTargetVersion",
    "available_versions",
    "lines_phrase",
    "target_line",
    "lintable_versions",
    "load_catalog",
]
