"""What every provlint model shares: strict validation, wire-name aliases, clean JSON Schema."""

from __future__ import annotations

import keyword
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.fields import FieldInfo


def _wire_title(name: str, info: FieldInfo) -> str:
    # Titles come from the wire name, so `type` reads "Type" whatever its Python name is.
    wire = info.alias or name
    return wire.lstrip("$").replace("_", " ").capitalize()


def _drop_null_defaults(schema: dict[str, Any], _model: type) -> None:
    # Optional fields default to None only to mean "absent"; `"default": null` in the JSON
    # Schema would tell editors that null is the value to write, which it is not.
    for prop in schema.get("properties", {}).values():
        if "default" in prop and prop["default"] is None:
            del prop["default"]


class BifrostModel(BaseModel):
    """Base of every provlint model: unknown keys are errors and nothing is coerced.

    Bifrost decodes JSON with Go's encoding/json, which refuses a string where an int belongs
    and a float such as 1.0 for an int, so the models are strict. ``populate_by_name`` lets
    Python code build models by attribute name; documents are validated by wire name only
    (``model_validate(data, by_name=False)``), as the generated JSON Schema describes them.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        populate_by_name=True,
        field_title_generator=_wire_title,
        json_schema_extra=_drop_null_defaults,
    )


def python_name(wire: str) -> str:
    """A Python attribute name for a wire name that cannot be one itself.

    ``$schema`` becomes ``schema_``, ``from`` becomes ``from_``, and names that would shadow
    BaseModel attributes (``json``, ``copy``...) get a trailing underscore too.
    """
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in wire).strip("_") or "field"
    if name[0].isdigit():
        name = "_" + name
    if name != wire or keyword.iskeyword(name) or hasattr(BaseModel, name) or name.startswith("model_"):
        name = name.rstrip("_") + "_"
    return name


def field_kwargs(wire: str) -> dict[str, Any]:
    """Keyword arguments for ``Field`` that give a wire-named member a valid Python name."""
    return {} if python_name(wire) == wire else {"alias": wire}


def bifrost_default(value: Any) -> dict[str, Any]:
    """``json_schema_extra`` that documents Bifrost's default for an absent field.

    The Python default stays None (absent), because Bifrost hashes an omitted field and the
    same field written out with its default value differently (BIFROST.md section 3).
    """
    return {"json_schema_extra": {"default": value}}


def line_fields(catalog: Any, block: str, candidates: dict[str, Any]) -> dict[str, Any]:
    """The members of ``block`` that exist in ``catalog``'s Bifrost line, in the catalog's order.

    ``candidates`` holds every member any line has (name -> ``(annotation, FieldInfo)``); the
    catalog's ``fields`` list says which of them the line has, so a field that arrives in a
    later line is data, not a version test in code.
    """
    names = catalog.fields.get(block)
    if names is None:
        return dict(candidates)
    unknown = [name for name in names if name not in candidates]
    if unknown:
        raise ValueError(f"catalog {catalog.version} lists {block} fields the models do not know: {unknown}")
    return {name: candidates[name] for name in names}


def is_secret_var(catalog: Any, block: str, name: str) -> bool:
    """Whether Bifrost reads ``block.name`` as a SecretVar (a string or a secret object) in this line."""
    return name in catalog.secret_var_fields.get(block, ())
