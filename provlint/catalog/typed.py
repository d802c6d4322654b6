"""JSON data into frozen records, checked against their type hints on the way in.

The catalog's classes say what a catalog file holds; this module reads a parsed JSON object
into one of them and refuses, naming the file and the key, anything that does not fit: a
missing key, an unknown key, or a value of the wrong type. The annotations it understands are
the few the catalog uses: ``str``, ``bool``, ``int``, ``X | None``, ``tuple[X, ...]``,
``Mapping[str, X]`` (``collections.abc``), a nested record (a ``provlint.records.Record`` whose
fields are its annotations, a default being a class attribute), and ``object`` (any JSON value,
frozen). All of them are read without ``typing``, which a lint run never imports (2.8 ms).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType, UnionType

from provlint.json_types import json_type
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class CatalogError(ValueError):
    """A catalog file that does not hold what a catalog must: the message names file and key."""


def is_record(annotation: Any) -> bool:
    """A record: a class whose fields (``_fields``) are keys of a JSON object."""
    return isinstance(annotation, type) and issubclass(annotation, Record)


@lru_cache(maxsize=None)
def field_types(cls: type) -> dict[str, Any]:
    """Each field of record ``cls`` with its resolved annotation, in declaration order."""
    # The catalog's classes keep real annotations (catalog/__init__.py has no `from __future__
    # import annotations`): read as they are, they spare typing.get_type_hints (1 ms a run).
    hints = cls.__annotations__
    if any(isinstance(hints[name], str) for name in cls._fields):
        import typing  # a class written with `from __future__ import annotations`: none in the catalog

        hints = typing.get_type_hints(cls)
    return {name: hints[name] for name in cls._fields}


def required_keys(cls: type) -> tuple[str, ...]:
    """The fields of record ``cls`` that have no default."""
    return tuple(name for name in cls._fields if name not in cls.__dict__)  # a default is a class attribute


def convert_fields(cls: type, data: dict, file: str, prefix: str = "") -> dict[str, Any]:
    """The keys of ``data`` converted to the field types of ``cls``; unknown keys refused.

    Missing keys are not checked here: a line that extends another inherits them.
    """
    types = field_types(cls)
    values = {}
    for key, value in data.items():
        if key not in types:
            raise CatalogError(f"{file}: unknown key `{prefix}{key}`")
        values[key] = convert(types[key], value, file, f"{prefix}{key}")
    return values


def convert(annotation: Any, value: Any, file: str, key: str) -> Any:
    """``value`` as ``annotation``, frozen; a CatalogError naming ``file`` and ``key`` if it is not one."""
    if annotation in _SCALARS:
        _expect(_SCALARS[annotation](value), _SCALAR_WORDS[annotation], value, file, key)
        return value
    if annotation is object:
        return freeze(value)
    # tuple[X, ...] and Mapping[str, X] are types.GenericAlias, X | None a types.UnionType.
    origin = getattr(annotation, "__origin__", None)
    args = getattr(annotation, "__args__", ())
    if isinstance(annotation, UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return convert(inner, value, file, key)
    if is_record(annotation):
        _expect(isinstance(value, dict), "an object", value, file, key)
        values = convert_fields(annotation, value, file, f"{key}.")
        for name in required_keys(annotation):
            if name not in values:
                raise CatalogError(f"{file}: missing key `{key}.{name}`")
        return annotation(**values)
    if origin is tuple:
        _expect(isinstance(value, list), "an array", value, file, key)
        if args[0] is str and all(type(item) is str for item in value):
            return tuple(value)  # most arrays: no key to spell for each item (every run loads the catalog)
        return tuple(convert(args[0], item, file, f"{key}[{i}]") for i, item in enumerate(value))
    if origin is Mapping:
        _expect(isinstance(value, dict), "an object", value, file, key)
        if args[1] is str and all(type(item) is str for item in value.values()):
            return MappingProxyType(dict(value))
        return MappingProxyType({k: convert(args[1], v, file, f"{key}.{k}") for k, v in value.items()})
    # pragma: no cover - a catalog class with an annotation this module does not read
    raise TypeError(f"catalog field `{key}` has an unsupported annotation {annotation!r}")


_SCALARS = {
    str: lambda v: isinstance(v, str),
    bool: lambda v: isinstance(v, bool),
    int: lambda v: isinstance(v, int) and not isinstance(v, bool),
}
_SCALAR_WORDS = {str: "a string", bool: "a boolean", int: "an integer"}


def freeze(value: Any) -> Any:
    """A JSON value that cannot be changed: objects become read-only mappings, arrays tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def _expect(ok: bool, expected: str, value: Any, file: str, key: str) -> None:
    if not ok:
        raise CatalogError(f"{file}: key `{key}` must be {expected}, not {json_type(value)}")
