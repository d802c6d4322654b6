"""Python source of yes/no validators for the JSON Schema subset the models produce (build time).

Each definition becomes a function that returns True or False; nothing raises, nothing builds
a message (the models explain a rejection). Compared with fastjsonschema's code it checks the
keys of an object with two set comparisons (required, no unknown member) instead of copying
and emptying a set per object, and a union (``anyOf``) is one boolean expression instead of a
try/except per member: a clean file's keys and providers cost about half as much to accept.

The verdict is fastjsonschema's (draft 2019-09 keywords, draft 4 types, as ``build.py``
configured it): 1.0 is no integer, true is no number, tuples are no arrays, and a keyword of
a type applies only to values of that type. tests/models/test_fast_validator.py compares the
two on generated documents. A keyword outside the subset stops the build.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from fastjsonschema.draft04 import DOLLAR_FINDER

ANNOTATIONS = frozenset({"title", "description", "markdownDescription", "default", "$schema", "definitions"})
_HANDLED = frozenset({
    "$ref", "type", "enum", "const", "minimum", "maximum", "minLength", "pattern", "anyOf", "oneOf",
    "properties", "required", "additionalProperties", "propertyNames", "items",
})
_PYTHON_TYPES = {
    "null": "NoneType", "boolean": "bool", "number": "int, float, Decimal", "integer": "int",
    "string": "str", "array": "list", "object": "dict",
}
_NUMBER = "(isinstance({v}, (int, float, Decimal)) and not isinstance({v}, bool))"


class Emitter:
    """Collects the functions and module constants of one schema's validators.

    A dialect with other keywords or other verdicts (``sections_emit.py``) overrides
    ``keywords``, ``type_test`` and ``pattern_test``."""

    handled = _HANDLED

    def __init__(self, definitions: dict[str, Any], prefix: str) -> None:
        self.definitions = definitions
        self.prefix = prefix  # how a $ref names a definition
        self.constants: list[str] = []
        self.functions: list[str] = []
        self._constant_names: dict[str, str] = {}
        self._done: set[str] = set()
        self._todo: list[str] = []
        self._helpers = 0
        self._helper_names: dict[tuple, str] = {}  # a helper's body -> its name

    # --- names ----------------------------------------------------------------------------

    def function_of(self, ref: str) -> str:
        if not ref.startswith(self.prefix):
            raise ValueError(f"unsupported $ref {ref!r}")
        name = ref[len(self.prefix):]
        if name not in self._done:
            self._done.add(name)
            self._todo.append(name)
        return "is_" + re.sub(r"[^0-9A-Za-z]", "_", name).lower()

    def constant(self, source: str) -> str:
        """A module-level constant holding ``source`` (shared by equal constants)."""
        if source not in self._constant_names:
            name = f"_C{len(self._constant_names)}"
            self._constant_names[source] = name
            self.constants.append(f"{name} = {source}")
        return self._constant_names[source]

    def emit_all(self, refs: list[str]) -> list[str]:
        """The function names of ``refs``, each function emitted with everything it calls."""
        names = [self.function_of(ref) for ref in refs]
        while self._todo:
            name = self._todo.pop(0)
            self.emit_function(self.function_of(self.prefix + name), self.definitions[name])
        return names

    def emit_function(self, name: str, node: Any) -> None:
        body = self.statements(node, "x0", 0)
        self.functions.append("\n".join([f"def {name}(x0):", *("    " + line for line in body), "    return True"]))

    # --- expressions: a node checked without statements, or None ---------------------------

    def expression(self, node: Any, v: str) -> Optional[str]:
        if node is True or node == {}:
            return "True"
        if node is False:
            return "False"
        keys = self.keywords(node)
        if "$ref" in node:
            if keys - {"$ref"}:
                raise ValueError(f"$ref with other keywords: {sorted(keys)}")
            return f"{self.function_of(node['$ref'])}({v})"
        if keys & {"properties", "required", "additionalProperties", "propertyNames", "items"}:
            return None
        parts = []
        types = node.get("type")
        if types is not None:
            parts.append(self.type_test(types, v))
        if "enum" in node:
            parts.append(self._enum_test(node["enum"], v))
        if "const" in node:
            parts.append(self._enum_test([node["const"]], v))
        if "minimum" in node:
            parts.append(f"(not {_NUMBER.format(v=v)} or not {v} < {node['minimum']!r})")
        if "maximum" in node:
            parts.append(f"(not {_NUMBER.format(v=v)} or not {v} > {node['maximum']!r})")
        if "minLength" in node:
            parts.append(f"(not isinstance({v}, str) or len({v}) >= {node['minLength']!r})")
        if "pattern" in node:
            parts.append(self.pattern_test(node["pattern"], v))
        for keyword in ("anyOf", "oneOf"):
            if keyword in node:
                members = [self._member(member, v) for member in node[keyword]]
                if keyword == "anyOf":
                    parts.append("(" + " or ".join(_null_first(members, v)) + ")")
                else:
                    parts.append("((" + ") + (".join(members) + ") == 1)")
        return " and ".join(parts) if parts else "True"

    def _member(self, node: Any, v: str) -> str:
        """A union member as an expression: inline, or a helper function of its own."""
        test = self.expression(node, v)
        if test is not None:
            return f"({test})"
        body = self.statements(node, "x0", 0)
        # Schemas repeat their inline members (Bifrost's, in every branch of a union): one
        # helper for each distinct body.
        name = self._helper_names.get(tuple(body))
        if name is None:
            self._helpers += 1
            name = self._helper_names[tuple(body)] = f"_member{self._helpers}"
            self.functions.append("\n".join([f"def {name}(x0):", *("    " + line for line in body), "    return True"]))
        return f"{name}({v})"

    def _enum_test(self, values: list, v: str) -> str:
        if not values or not all(isinstance(value, str) for value in values):
            raise ValueError(f"only enums of strings are supported: {values!r}")
        if len(values) == 1:
            return f"(isinstance({v}, str) and {v} == {values[0]!r})"
        return f"(isinstance({v}, str) and {v} in {self.constant(_frozenset(values))})"

    def keywords(self, node: Any) -> frozenset:
        """The keywords of ``node`` that constrain a value; the build stops on any this
        dialect does not know."""
        if not isinstance(node, dict):
            raise ValueError(f"unsupported schema node {node!r}")
        keys = frozenset(node) - ANNOTATIONS
        unknown = keys - self.handled
        if unknown:
            raise ValueError(f"unsupported keywords {sorted(unknown)}: extend provlint/validators/emit.py")
        return keys

    def type_test(self, types: Any, v: str) -> str:
        return _type_test(types, v)

    def pattern_test(self, pattern: str, v: str) -> str:
        regex = self.constant(f"re.compile({end_of_text(pattern)!r})")
        return f"(not isinstance({v}, str) or {regex}.search({v}) is not None)"

    # --- statements: lines that return False when the value at ``v`` is invalid -------------

    def statements(self, node: Any, v: str, depth: int) -> list[str]:
        test = self.expression(node, v)
        if test is not None:
            return [] if test == "True" else [f"if not ({test}):", "    return False"]
        simple = {key: value for key, value in node.items() if key not in _OBJECT | {"items"}}
        lines = self.statements(simple, v, depth)
        object_lines = self._object(node, v, depth)
        if object_lines:
            lines += _guarded(object_lines, v, "dict", node.get("type"))
        if "items" in node:
            item = f"x{depth + 1}"
            item_lines = self.statements(node["items"], item, depth + 1)
            if item_lines:
                lines += _guarded([f"for {item} in {v}:", *_indent(item_lines)], v, "list", node.get("type"))
        return lines

    def _object(self, node: dict, v: str, depth: int) -> list[str]:
        lines = []
        properties = node.get("properties", {})
        if "required" in node:
            lines += [f"if not {v}.keys() >= {self.constant(_frozenset(node['required']))}:", "    return False"]
        extra = node.get("additionalProperties", True)
        if extra is False:
            lines += [f"if not {v}.keys() <= {self.constant(_frozenset(list(properties)))}:", "    return False"]
        value = f"x{depth + 1}"
        for key, member in properties.items():
            member_lines = self.statements(member, value, depth + 1)
            if member_lines:
                lines += [f"if {key!r} in {v}:", f"    {value} = {v}[{key!r}]", *_indent(member_lines)]
        if extra is not True and extra is not False and extra != {}:
            member_lines = self.statements(extra, value, depth + 1)
            if member_lines and properties:
                known = self.constant(_frozenset(list(properties)))
                lines += [f"for k{depth}, {value} in {v}.items():", f"    if k{depth} not in {known}:",
                          *_indent(_indent(member_lines))]
            elif member_lines:
                lines += [f"for {value} in {v}.values():", *_indent(member_lines)]
        names = node.get("propertyNames", True)
        if names is not True:
            test = self.expression(names, f"k{depth}")
            if test is None:
                raise ValueError(f"unsupported propertyNames {names!r}")
            lines += [f"for k{depth} in {v}:", f"    if not ({test}):", "        return False"]
        return lines


_OBJECT = frozenset({"properties", "required", "additionalProperties", "propertyNames"})


def _type_test(types: Any, v: str) -> str:
    types = [types] if isinstance(types, str) else list(types)
    if types == ["null"]:
        return f"{v} is None"
    python = ", ".join(_PYTHON_TYPES[t] for t in types)
    test = f"isinstance({v}, ({python},))" if "," in python else f"isinstance({v}, {python})"
    if ("number" in types or "integer" in types) and "boolean" not in types:
        test = f"({test} and not isinstance({v}, bool))"
    return test


def end_of_text(pattern: str) -> str:
    """``pattern`` for Python's re with ``$`` matching only at the very end (``\\Z``), as
    fastjsonschema reads it and pydantic's Rust regex engine matches it."""
    return DOLLAR_FINDER.sub(r"\\Z", pattern)


def _null_first(members: list[str], v: str) -> list[str]:
    # A union is a pure test: testing null first decides the common absent value at once.
    null = f"({v} is None)"
    return [null, *(m for m in members if m != null)] if null in members else members


def _guarded(lines: list[str], v: str, python_type: str, types: Any) -> list[str]:
    """Lines of one type's keywords, run only for a value of that type (unless its ``type``
    already refused every other)."""
    if types == ("object" if python_type == "dict" else "array"):
        return lines
    return [f"if isinstance({v}, {python_type}):", *_indent(lines)]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def _frozenset(values: list) -> str:
    return "frozenset({" + ", ".join(repr(value) for value in values) + "})" if values else "frozenset()"
