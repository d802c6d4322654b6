"""The sections of config.json that provlint does not model, checked by Bifrost's own schema.

provlint models `providers` itself (provlint/models). Bifrost's config.json holds much more
(client, governance, mcp, plugins, stores, ...), which Bifrost's published JSON Schema
describes (vendored under provlint/catalog/bifrost-schemas/, offline). Each section present in
a file is validated against its subschema, and every error becomes a structure issue in the
words of PL100-PL102, with a pointer and a did-you-mean, so the user sees at least what
check-jsonschema with Bifrost's schema shows, with positions.

A section is first given to the yes/no validator generated from the same schema
(``provlint/validators/sections_<schema>/``, one module a section, ``validators/sections_emit.py``): a valid section
costs microseconds and no import. A section it refuses, or cannot decide, goes to jsonschema-rs
(Rust, draft 2019-09, every error with its instance and schema path), which words the errors:
about 14 ms to import on an idle machine, against 93 ms for the jsonschema package, and a few
ms to compile one section; each section's validator is compiled once per process, and only
for sections that need it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from provlint.go_strings import go_value
from provlint.json_types import json_type
from provlint.source import pointer as jp
from provlint.structure import StructureIssue
from provlint.suggest import suggestion_for
from provlint.validators import fast_section_accepts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Optional

SCHEMA_FOLDER = Path(__file__).parent / "catalog" / "bifrost-schemas"
# Sections provlint checks with its own models, never twice.
MODELLED = frozenset({"providers", "$schema"})
# How deep to follow the one union branch a value's JSON type selects (anyOf/oneOf).
_MAX_BRANCH_DEPTH = 8


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_FOLDER / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _section_validator(name: str, section: str):
    return _validator_for(name, ("properties", section))


@lru_cache(maxsize=512)
def _validator_for(name: str, schema_path: tuple):
    import jsonschema_rs

    return jsonschema_rs.validator_for(_subschema(name, schema_path))


def _subschema(name: str, schema_path: tuple) -> dict:
    root = _schema(name)
    node = _resolve(root, schema_path)
    # Keep $defs reachable: every subschema is compiled as a root of its own.
    return {"$defs": root.get("$defs", {}), **node} if isinstance(node, dict) else node


def _resolve(node: Any, path: Iterable) -> Any:
    for token in path:
        node = node[token] if isinstance(node, dict) else node[int(token)]
    return node


def section_issues(data: Any, schema_name: str) -> list[StructureIssue]:
    """Structure issues of every section of ``data`` (a config file) that Bifrost's schema
    describes and provlint does not model. Unknown top-level keys are the models' business."""
    if not isinstance(data, dict):
        return []
    sections = _schema(schema_name).get("properties", {})
    issues: list[StructureIssue] = []
    for section, value in data.items():
        if section in MODELLED or section not in sections or fast_section_accepts(schema_name, section, value):
            continue
        validator = _section_validator(schema_name, section)
        base = ("properties", section)
        try:
            issues.extend(list(_explain(schema_name, base, validator, value, jp.join("", section), 0)))
        except UnicodeEncodeError:
            # A lone surrogate (a `\ud800` escape) cannot cross into the Rust validator; Go
            # reads it as U+FFFD, and so is it checked.
            issues.extend(_explain(schema_name, base, validator, go_value(value), jp.join("", section), 0))
    return _most_specific(issues)



def _most_specific(issues: list[StructureIssue]) -> list[StructureIssue]:
    """A union error says less than an issue found inside the same value: one problem, one
    finding, the precise one."""
    def covered(issue: StructureIssue) -> bool:
        return issue.message.endswith(_UNION_WORDS) and any(
            other is not issue and (other.pointer + "/").startswith(issue.pointer + "/") for other in issues
        )

    return [issue for issue in issues if not covered(issue)]


def _explain(name: str, base: tuple, validator, value: Any, pointer: str, depth: int) -> Iterable[StructureIssue]:
    for error in validator.iter_errors(value):
        where = jp.join(pointer, *error.instance_path)
        kind = type(error.kind).__name__
        # A path into a $ref'd definition starts at the root's $defs, which every compiled
        # subschema carries; any other path is relative to the subschema itself.
        relative = tuple(error.schema_path)
        schema_path = relative if relative[:1] == ("$defs",) else base + relative
        if kind == "AdditionalProperties":
            owner = _resolve(_schema(name), schema_path[:-1])
            known = list(owner.get("properties", {})) if isinstance(owner, dict) else []
            for key in error.kind.unexpected:
                yield StructureIssue("unknown", jp.join(where, key), _unknown(key, where, known), "key")
        elif kind == "Required":
            missing = error.kind.property
            yield StructureIssue("missing", jp.join(where, missing), f"{_label(where)} is missing the required field `{missing}`", "value")
        elif kind in ("AnyOf", "OneOfNotValid") and depth < _MAX_BRANCH_DEPTH:
            yield from _union(name, schema_path, _resolve(value, error.instance_path), where, error, depth)
        else:
            yield StructureIssue("invalid", where, _invalid(where, error), "value")


def _union(name: str, schema_path: tuple, value: Any, where: str, error, depth: int) -> Iterable[StructureIssue]:
    """Explain a value no branch of a union accepts through the one branch its JSON type
    selects; with no single such branch, say what the union takes."""
    branches = _resolve(_schema(name), schema_path)
    fitting = [i for i, branch in enumerate(branches) if _fits_type(_resolve_ref(name, branch), value)]
    if len(fitting) == 1:
        path = schema_path + (fitting[0],)
        branch = _resolve(_schema(name), path)
        if "$ref" in branch and len(branch) == 1:
            path = tuple(branch["$ref"].lstrip("#/").split("/"))
        found = list(_explain(name, path, _validator_for(name, path), value, where, depth + 1))
        if found:
            yield from found
            return
    yield StructureIssue("invalid", where, _invalid(where, error), "value")


def _resolve_ref(name: str, branch: Any) -> Any:
    if isinstance(branch, dict) and "$ref" in branch:
        return _resolve(_schema(name), branch["$ref"].lstrip("#/").split("/"))
    return branch


_JSON_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _fits_type(branch: Any, value: Any) -> bool:
    if not isinstance(branch, dict) or "type" not in branch:
        return False
    types = branch["type"] if isinstance(branch["type"], list) else [branch["type"]]
    for name in types:
        if name in ("integer", "number"):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return True
        elif name in _JSON_TYPES and isinstance(value, _JSON_TYPES[name]):
            return True
    return False


def _label(pointer: str) -> str:
    """`client.allowed_origins[0]`, as the models' messages name a member."""
    if not pointer:
        return "the config"
    text = ""
    for token in jp.split(pointer):
        text += f"[{token}]" if isinstance(token, int) or str(token).isdigit() else f".{token}"
    return f"`{text.lstrip('.')}`"


def _unknown(key: str, where: str, known: list[str]) -> str:
    return f"unknown field `{key}` in {_label(where).strip('`')}{suggestion_for(key, known)} (Bifrost's schema)"


def _invalid(where: str, error) -> str:
    kind = type(error.kind).__name__
    value = _value_of(error)
    if kind == "Type":
        expected = " or ".join(_a(t) for t in error.kind.types)
        return f"{_label(where)} must be {expected} (got {json_type(value)})"
    if kind == "Enum":
        allowed = ", ".join(str(o) for o in error.kind.options)
        return f"{_label(where)} must be one of {allowed}"
    return f"{_label(where)} is not valid under Bifrost's schema ({_schema_words(error)})"


def _value_of(error) -> Optional[Any]:
    return getattr(error, "instance", None)


def _a(json_type_name: str) -> str:
    return {"integer": "an integer", "object": "an object", "array": "an array", "null": "null"}.get(
        json_type_name, f"a {json_type_name}"
    )


_UNION_WORDS = ("(anyOf)", "(oneOf)")


def _schema_words(error) -> str:
    # jsonschema-rs's message quotes the offending value; keep only the constraint's name, so a
    # secret in a value never reaches a message.
    return type(error.kind).__name__.replace("OneOfNotValid", "oneOf").replace("AnyOf", "anyOf")
