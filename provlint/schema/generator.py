"""pydantic's JSON Schema, made into what editors and API tools expect.

``BifrostJsonSchema`` subclasses pydantic's ``GenerateJsonSchema`` and overrides ``generate``,
the customisation point pydantic documents, to turn its output into a schema both draft-07
and 2020-12 engines read the same way:

- definitions live under ``definitions`` when refs point there (draft-07's keyword, so the
  draft-07 metaschema checks every definition; 2020-12 engines resolve the pointer too);
- a ``$ref`` never has siblings (draft-07 ignores them): ``{"allOf": [{"$ref"}], ...}``;
- every description is given twice: ``description`` as plain text and ``markdownDescription``
  (VS Code and yaml-language-server render it) with the Markdown of the docstrings;
- keys come in one fixed order and ``required`` is sorted, so output is byte-stable.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
DEFINITIONS = "definitions"

# Keywords whose value is one schema, a list of schemas, or a map of name -> schema.
_SCHEMA_VALUED = ("additionalProperties", "items", "propertyNames", "not", "if", "then", "else", "contains")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SCHEMA_MAPS = ("properties", "patternProperties", DEFINITIONS, "$defs")

# The order keys are written in; anything else follows, sorted.
KEY_ORDER = (
    "$schema", "$id", "$comment", "$ref", "title", "description", "markdownDescription", "type",
    "enum", "const", "default", "examples", "minimum", "exclusiveMinimum", "maximum",
    "exclusiveMaximum", "minLength", "maxLength", "pattern", "format", "items", "minItems",
    "maxItems", "properties", "required", "propertyNames", "additionalProperties", "allOf",
    "anyOf", "oneOf", "not", DEFINITIONS, "$defs",
)
_RANK = {key: index for index, key in enumerate(KEY_ORDER)}

# Forbidden so that draft-07 and 2020-12 editors read every schema alike (tests check this).
NOT_PORTABLE = ("prefixItems", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef",
                "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "dependentSchemas",
                "dependentRequired", "$anchor")


class BifrostJsonSchema(GenerateJsonSchema):
    """pydantic's generator with provlint's editor-ready output (see the module docstring)."""

    schema_dialect = DRAFT_07

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        json_schema = super().generate(schema, mode=mode)
        definitions = json_schema.pop("$defs", None)
        if definitions is not None:
            # pydantic always files definitions under $defs; put them where the refs point.
            json_schema[self._definitions_keyword()] = definitions
        return polish(json_schema)

    def _definitions_keyword(self) -> str:
        return DEFINITIONS if self.ref_template.startswith(f"#/{DEFINITIONS}/") else "$defs"


def model_schema(model: type[BaseModel], ref_template: str = f"#/{DEFINITIONS}/{{model}}") -> dict[str, Any]:
    """The polished JSON Schema of ``model`` as documents spell it (wire names)."""
    return model.model_json_schema(
        by_alias=True, ref_template=ref_template, schema_generator=BifrostJsonSchema, mode="validation"
    )


def polish(node: Any) -> Any:
    """One schema node in provlint's form: descriptions twice, no $ref siblings, fixed order."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_VALUED:
            out[key] = polish(value)
        elif key in _SCHEMA_LISTS:
            out[key] = [polish(member) for member in value]
        elif key in _SCHEMA_MAPS:
            names = value if key == "properties" else sorted(value)  # properties keep model order
            out[key] = {name: polish(value[name]) for name in names}
        elif key == "required":
            out[key] = sorted(value)
        else:
            out[key] = value  # enum, default, examples...: values, not schemas
    if "description" in out:
        markdown = normalise_text(out["description"])
        out["description"] = plain_text(markdown)
        out["markdownDescription"] = markdown
    if "$ref" in out and len(out) > 1:
        out["allOf"] = [{"$ref": out.pop("$ref")}]
    return ordered(out)


def ordered(node: dict[str, Any]) -> dict[str, Any]:
    """``node``'s keys in KEY_ORDER, unknown keys after them in sorted order."""
    return {key: node[key] for key in sorted(node, key=lambda k: (_RANK.get(k, len(_RANK)), k))}


def normalise_text(text: str) -> str:
    """A docstring's paragraphs, each on one line: editors wrap text themselves."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in paragraphs)


def plain_text(markdown: str) -> str:
    """The Markdown of a description as plain text: inline code loses its backticks."""
    return markdown.replace("`", "")


def walk(node: Any, path: tuple = ()):
    """Every (path, dict) in a JSON value, depth first; for tests and checks."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,))
