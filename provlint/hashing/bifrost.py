"""Bifrost's own provider ``config_hash`` (HASHING.md, "The bifrost algorithm").

SHA-256 over the provider id and the Go JSON of each settings block, with no separators. What
the blocks are, their members, member order, omitempty and value kinds are read from the
catalog's ``hash`` section; this module only knows how to write each kind of value.

Values are hashed as written, before Bifrost fills its defaults. Anything Bifrost could not
load (a string where it wants an integer, a bad duration) or that provlint cannot reproduce
(a field whose place in the hash is not known, a vault secret in the proxy) raises
``NotHashable``. Later lines (2.1, 2.2) inherit the hash facts of 2.0; what they add is not in
those facts, so an entry that sets it has no Bifrost hash here (``unknown_hash_inputs``).
"""

from __future__ import annotations

from collections.abc import Mapping

from provlint.catalog import Catalog, HashBlock, HashSpec
from provlint.go_duration import INT64_MAX, INT64_MIN, InvalidDuration
from provlint.go_strings import go_string_text
from provlint.hashing import gojson
from provlint.hashing.durations import backoff_milliseconds
from provlint.hashing.secrets import ENV, InvalidSecret, read_secret, resolved_value, secret_as_string
from provlint.json_types import json_type
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


class NotHashable(ValueError):
    """Bifrost's hash of this entry cannot be computed; ``reason`` says why, ``pointer`` where."""

    def __init__(self, reason: str, pointer: str = "", *, unknown: bool = False) -> None:
        super().__init__(f"{pointer}: {reason}" if pointer else reason)
        self.reason = reason
        self.pointer = pointer
        # True: the entry is fine, provlint does not know how Bifrost hashes what it sets.
        self.unknown = unknown


class EnvironmentReference(Record):
    """An ``env.`` reference whose resolved value goes into the hash."""

    __slots__ = ("pointer", "ref", "variable")

    def __init__(self, pointer: str, ref: str, variable: str) -> None:
        self.pointer = pointer  # JSON Pointer inside the provider entry, e.g. "/proxy_config/password"
        self.ref = ref  # as written, normalised to "env.NAME"
        self.variable = variable  # NAME


def bifrost_hash(provider: str, settings: Mapping[str, Any], env: Mapping[str, str], catalog: Catalog) -> str:
    """The ``config_hash`` Bifrost computes for this provider entry: 64 lower-case hex digits."""
    import hashlib  # here: a clean run reads environment_references (PL602) and hashes nothing (3 ms)

    digest = hashlib.sha256()
    for part in bifrost_parts(provider, settings, env, catalog):
        digest.update(part)
    return digest.hexdigest()


def bifrost_parts(
    provider: str, settings: Mapping[str, Any], env: Mapping[str, str], catalog: Catalog
) -> list[bytes]:
    """The byte strings Bifrost hashes, in order (their concatenation is what is hashed)."""
    spec = _hash_spec(catalog)
    if not isinstance(provider, str):
        raise NotHashable(f"the provider id must be a string, got {json_type(provider)}")
    if not isinstance(settings, Mapping):
        raise NotHashable(f"a provider entry must be an object, got {json_type(settings)}")
    unknown = unknown_hash_inputs(settings, catalog)
    if unknown:
        raise NotHashable(_unknown_reason(unknown, catalog), unknown[0], unknown=True)

    parts = [go_lower(go_string_text(provider)).encode("utf-8")]
    for block in spec.blocks:
        raw = settings.get(block.field)
        if raw is None:
            continue
        value = _block_value(block, raw, env, catalog)
        parts.append(gojson.encode(value, html_escape=block.html_escape))
    for flag in spec.raw_flags:
        if _read_bool(settings.get(flag.field), _pointer(flag.field)):
            parts.append(flag.literal.encode("utf-8"))
    return parts


def unknown_hash_inputs(settings: Mapping[str, Any], catalog: Catalog) -> list[str]:
    """Pointers of what the entry sets that the line has but whose place in the hash is unknown.

    The hash facts were read from one line's Go source (2.0) and later lines inherit them. A
    later line's own fields (2.1's ``prompt_cache``, ``network_config``'s
    ``http2_ping_interval_in_seconds``, ...) are not among them: the catalog says which fields
    the line has and the hash section which ones it places, and the difference is unknown. So
    is ``allowed_requests`` where the line's request types differ from those the facts were
    read with, since Go writes every one of them, in an order not known for the new ones. An
    entry that sets none of these hashes as on the line of the facts: Bifrost adds such fields
    with omitempty (as every field added to these blocks since 1.x), so unset they add no byte.
    """
    spec = _hash_spec(catalog)
    placed = {block.field for block in spec.blocks} | {flag.field for flag in spec.raw_flags}
    placed |= set(spec.excluded_fields)
    # The hash section's own unsupported fields: newer builds of its line hash them, how is not known.
    fields = dict.fromkeys((*spec.unsupported_fields, *catalog.settings_fields, *catalog.api_settings_fields))
    found = [_pointer(field) for field in fields if field not in placed and settings.get(field) is not None]
    for block in spec.blocks:
        raw = settings.get(block.field)
        if not isinstance(raw, Mapping):
            continue
        members = {member.name for member in block.members}
        found += [
            _pointer(block.field, name)
            for name in catalog.fields.get(block.field, ())
            if name not in members and raw.get(name) is not None
        ]
        found += [
            _pointer(block.field, member.name)
            for member in block.members
            if member.kind == "request_type_flags" and raw.get(member.name) is not None
            and catalog.request_types != _hash_facts_line(catalog).request_types
        ]
    return found


def _hash_facts_line(catalog: Catalog) -> Catalog:
    """The line whose file states the hash facts ``catalog`` has (itself, or the line it inherits them from)."""
    from provlint.catalog import load_catalog

    line = catalog
    while line.extends is not None:
        parent = load_catalog(line.extends)
        if parent.hash is not catalog.hash:
            break
        line = parent
    return line


def _unknown_reason(pointers: list[str], catalog: Catalog) -> str:
    names = [f"`{pointer[1:].replace('/', '.')}`" for pointer in pointers]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (
        f"where Bifrost {catalog.version} hashes {listed} is not known yet, "
        "so provlint does not guess this provider's hash"
    )


def environment_references(settings: Any, catalog: Catalog) -> list[EnvironmentReference]:
    """The ``env.`` references whose values Bifrost puts into the hash (proxy secrets).

    ``ca_cert_pem`` in ``network_config`` is hashed as the reference itself, so it is not one.
    Values that are not valid secrets are skipped: ``bifrost_parts`` reports those.
    """
    spec = catalog.hash
    if spec is None or not isinstance(settings, Mapping):
        return []
    found = []
    for block in spec.blocks:
        raw = settings.get(block.field)
        if not isinstance(raw, Mapping):
            continue
        for member in block.members:
            if member.kind != "secret_object" or raw.get(member.name) is None:
                continue
            try:
                secret = read_secret(raw[member.name])
            except InvalidSecret:
                continue
            if secret.type == ENV:
                pointer = _pointer(block.field, member.name)
                found.append(EnvironmentReference(pointer, secret.ref, secret.env_variable))
    return found


def go_lower(text: str) -> str:
    """Go's ``strings.ToLower``: per-character simple case mapping.

    Python's ``str.lower`` differs on a few characters: it maps U+0130 to two characters and
    applies the final-sigma rule, both of which Go does not.
    """
    return "".join(_go_lower_char(char) for char in text)


def _go_lower_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) == 1:
        return lowered
    return "i" if char == "\u0130" else char


def _hash_spec(catalog: Catalog) -> HashSpec:
    spec = catalog.hash
    if spec is None:
        raise NotHashable(
            f"Bifrost's own hash is not known for target {catalog.version} "
            "(its exact encoding of that line is not known); use the canonical hash"
        )
    return spec


def _block_value(block: HashBlock, raw: Any, env: Mapping[str, str], catalog: Catalog) -> gojson.GoStruct:
    field = block.field
    if not isinstance(raw, Mapping):
        raise NotHashable(f"expected an object, got {json_type(raw)}", _pointer(field))
    members = []
    for member in block.members:
        name = member.name
        reader = _READERS[member.kind]
        value = reader(raw.get(name), _pointer(field, name), env, catalog)
        if member.omitempty and _is_empty(value):
            continue
        members.append((name, value))
    return gojson.GoStruct.of(members)


def _is_empty(value: Any) -> bool:
    # Go's omitempty: false, 0, "", an empty map, a nil pointer.
    if value is None or value is False or value == "":
        return True
    if isinstance(value, int):
        return value == 0
    return isinstance(value, Mapping) and not value


# Readers: the Go value of one member, from its raw JSON value (None = absent or null).


def _read_string(raw: Any, pointer: str, *_: Any) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise NotHashable(f"expected a string, got {json_type(raw)}", pointer)
    return raw


def _read_int(raw: Any, pointer: str, *_: Any) -> int:
    if raw is None:
        return 0
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise NotHashable(f"expected an integer, got {json_type(raw)}", pointer)
    if not INT64_MIN <= raw <= INT64_MAX:
        raise NotHashable(f"{raw} does not fit a Go int", pointer)
    return int(raw)


def _read_bool(raw: Any, pointer: str, *_: Any) -> bool:
    if raw is None:
        return False
    if not isinstance(raw, bool):
        raise NotHashable(f"expected true or false, got {json_type(raw)}", pointer)
    return raw


def _read_duration_ms(raw: Any, pointer: str, *_: Any) -> int:
    if raw is None:
        return 0
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise NotHashable(
            f'expected a duration string (e.g. "500ms") or integer milliseconds, got {json_type(raw)}',
            pointer,
        )
    if isinstance(raw, int) and not INT64_MIN <= raw <= INT64_MAX:
        raise NotHashable(f"{raw} does not fit a Go int64", pointer)
    try:
        return backoff_milliseconds(raw)
    except InvalidDuration as error:
        if isinstance(raw, str):
            name = pointer.rsplit("/", 1)[-1]
            # Bifrost's own wording, then Go's reason.
            reason = f'invalid {name} {gojson.quote(raw)}: use a Go duration string like "500ms", "5s", "1m" ({error})'
            raise NotHashable(reason, pointer) from None
        raise NotHashable(str(error), pointer) from None


def _read_map(value_reader: Callable[[Any, str], Any]) -> Callable[..., dict[str, Any] | None]:
    def read(raw: Any, pointer: str, *_: Any) -> dict[str, Any] | None:
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            raise NotHashable(f"expected an object, got {json_type(raw)}", pointer)
        result = {}
        for key, item in raw.items():
            if not isinstance(key, str):
                raise NotHashable(f"keys must be strings, got {json_type(key)}", pointer)
            # A null map value decodes to the element's zero value in Go.
            result[key] = value_reader(item, _pointer_append(pointer, key))
        return result

    return read


def _read_secret_string(raw: Any, pointer: str, *_: Any) -> str:
    if raw is None:
        return ""
    try:
        return secret_as_string(read_secret(raw))
    except InvalidSecret as error:
        raise NotHashable(str(error), pointer) from None


def _read_secret_object(
    raw: Any, pointer: str, env: Mapping[str, str], _catalog: Catalog
) -> gojson.GoStruct | None:
    if raw is None:
        return None
    try:
        secret = read_secret(raw)
        value = resolved_value(secret, env)
    except InvalidSecret as error:
        raise NotHashable(str(error), pointer) from None
    # SecretVar's JSON: value, then ref and type, both omitempty.
    members = [("value", value)]
    if secret.ref:
        members.append(("ref", secret.ref))
    members.append(("type", secret.type))
    return gojson.GoStruct.of(members)


def _read_request_type_flags(
    raw: Any, pointer: str, _env: Mapping[str, str], catalog: Catalog
) -> gojson.GoStruct | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise NotHashable(f"expected an object, got {json_type(raw)}", pointer)
    # Every request type of the line is a struct member; keys Bifrost does not know are ignored.
    return gojson.GoStruct.of(
        (name, _read_bool(raw.get(name), _pointer_append(pointer, name))) for name in catalog.request_types
    )


_READERS: dict[str, Callable[..., Any]] = {
    "string": _read_string,
    "int": _read_int,
    "bool": _read_bool,
    "duration_ms": _read_duration_ms,
    "string_map": _read_map(_read_string),
    "bool_map": _read_map(_read_bool),
    "secret_string": _read_secret_string,
    "secret_object": _read_secret_object,
    "request_type_flags": _read_request_type_flags,
}


def _pointer(*tokens: str) -> str:
    return "".join("/" + token.replace("~", "~0").replace("/", "~1") for token in tokens)


def _pointer_append(pointer: str, token: str) -> str:
    return pointer + _pointer(token)
