"""The shapes of a line's document kinds as plain tables, read from the models (build time only).

pydantic-core validates a document against the core schema pydantic builds from the models;
this module copies that schema's few node kinds into tuples the generated explainer walks
(``provlint/structure/fast_explain.py``) to report the same errors without importing pydantic.
A node kind, constraint or setting outside what the walker knows stops the build, so a model
change can never make the two disagree silently (tests/models/test_fast_explain.py compares
them on generated documents).

Nodes: ``("any",)``, ``("bool",)``, ``("float",)``, ``("int", ge, le)``, ``("str", min_length, pattern as
Python reads it, pattern as written)``,
``("literal", values)``, ``("nullable", node)``, ``("list", item)``, ``("dict", key, value)``,
``("model", index)`` into ``MODELS`` (each a tuple of ``(wire name, node, required)``), and
``("form", error type, error message, string node, object node)`` for a value written as a
string or an object (json_types.written_form picks the branch).
"""

from __future__ import annotations

from provlint.catalog import load_catalog
from provlint.json_types import OBJECT_FORM, STRING_FORM, written_form
from provlint.models import models_for
from provlint.validators.emit import end_of_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Keys of a core schema node that do not change what it accepts.
_INERT = frozenset({"type", "metadata", "ref", "serialization", "cls", "config", "custom_init", "root_model",
                    "model_name", "computed_fields", "post_init", "serialization_alias"})
_CONSTRAINTS = {"str": ("min_length", "pattern"), "int": ("ge", "le")}


class _Tables:
    def __init__(self) -> None:
        self.models: list[Any] = []
        self.names: list[str] = []
        self._index: dict[type, int] = {}
        self._definitions: dict[str, Any] = {}

    def root(self, schema: dict[str, Any]) -> Any:
        if schema["type"] == "definitions":
            for definition in schema["definitions"]:
                self._definitions[definition["ref"]] = definition
            schema = schema["schema"]
        return self.node(schema)

    def node(self, schema: dict[str, Any]) -> Any:
        kind = schema["type"]
        if kind == "definition-ref":
            return self.node(self._definitions[schema["schema_ref"]])
        allowed = set(_INERT) | set(_CONSTRAINTS.get(kind, ()))
        if kind in ("any", "bool", "float", "str", "int"):
            _only(schema, allowed | {"strict"})
            if schema.get("strict", True) is not True:
                raise ValueError(f"a non-strict {kind} node: extend provlint/validators/shapes.py")
            if kind == "str":
                pattern = schema.get("pattern")
                python = end_of_text(pattern) if pattern is not None else None
                return ("str", schema.get("min_length", 0), python, pattern)
            if kind == "int":
                return ("int", schema.get("ge"), schema.get("le"))
            return (kind,)
        if kind == "literal":
            _only(schema, allowed | {"expected"})
            if not all(isinstance(value, str) for value in schema["expected"]):
                raise ValueError(f"only literals of strings are supported: {schema['expected']!r}")
            return ("literal", tuple(schema["expected"]))
        if kind == "nullable":
            _only(schema, allowed | {"schema"})
            return ("nullable", self.node(schema["schema"]))
        if kind == "list":
            _only(schema, allowed | {"items_schema", "strict"})
            return ("list", self.node(schema["items_schema"]))
        if kind == "dict":
            _only(schema, allowed | {"keys_schema", "values_schema", "strict"})
            return ("dict", self.node(schema["keys_schema"]), self.node(schema["values_schema"]))
        if kind == "model":
            return ("model", self._model(schema))
        if kind == "tagged-union":
            return self._form(schema)
        raise ValueError(f"unsupported core schema node {kind!r}: extend provlint/validators/shapes.py")

    def _model(self, schema: dict[str, Any]) -> int:
        cls = schema["cls"]
        if cls in self._index:
            return self._index[cls]
        config = schema.get("config", {})
        if config.get("extra_fields_behavior") != "forbid" or config.get("strict") is not True:
            raise ValueError(f"{cls.__name__} is not strict with extra='forbid'")
        _only(schema, _INERT | {"schema"})
        fields_schema = schema["schema"]
        if fields_schema["type"] != "model-fields":
            raise ValueError(f"{cls.__name__}: unsupported {fields_schema['type']!r}")
        _only(fields_schema, _INERT | {"fields"})
        index = self._index[cls] = len(self.models)
        self.models.append(None)
        self.names.append(cls.__name__)
        fields = []
        for name, field in fields_schema["fields"].items():
            _only(field, _INERT | {"schema", "validation_alias"})
            wire = field.get("validation_alias", name)
            if not isinstance(wire, str):
                raise ValueError(f"{cls.__name__}.{name}: only a plain alias is supported")
            inner = field["schema"]
            required = inner["type"] != "default"
            if not required:
                _only(inner, _INERT | {"schema", "default"})
                inner = inner["schema"]
            fields.append((wire, self.node(inner), required))
        self.models[index] = tuple(fields)
        return index

    def _form(self, schema: dict[str, Any]) -> Any:
        _only(schema, _INERT | {"choices", "discriminator", "custom_error_type", "custom_error_message"})
        choices = schema["choices"]
        if schema["discriminator"] is not written_form or set(choices) != {STRING_FORM, OBJECT_FORM}:
            raise ValueError("only unions tagged by json_types.written_form are supported")
        return ("form", schema["custom_error_type"], schema["custom_error_message"],
                self.node(choices[STRING_FORM]), self.node(choices[OBJECT_FORM]))


def _only(schema: dict[str, Any], allowed: set[str] | frozenset[str]) -> None:
    unknown = set(schema) - set(allowed)
    if unknown:
        raise ValueError(f"unsupported {sorted(unknown)} in a {schema['type']!r} node: extend provlint/validators/shapes.py")


def render_shapes(version: str) -> str:
    """The source text of the shapes module of one Bifrost line."""
    tables = _Tables()
    roots = {kind.value: tables.root(model.__pydantic_core_schema__)
             for kind, model in models_for(load_catalog(version)).roots().items()}
    models = []
    for index, (name, fields) in enumerate(zip(tables.names, tables.models)):
        models.append(f"    # {index}: {name}")
        models.append("    (" + "".join(f"\n        {field!r}," for field in fields) + "\n    ),")
    return "\n".join(
        [
            "# GENERATED by `python -m provlint.validators.build` from the provlint models of",
            f"# Bifrost {version} (their pydantic core schema; provlint/validators/shapes.py).",
            "# Do not edit: change the models or the catalog, then regenerate.",
            "# ruff: noqa",
            "# flake8: noqa",
            f'"""What the models of Bifrost {version} accept, as tables for provlint/structure/fast_explain.py."""',
            "",
            "MODELS = (",
            *models,
            ")",
            "",
            "# DocumentKind value -> the node of its root model.",
            "ROOTS = {",
            *(f"    {kind!r}: {node!r}," for kind, node in roots.items()),
            "}",
            "",
        ]
    )
