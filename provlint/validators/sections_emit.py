"""Python source of yes/no validators for the sections of Bifrost's own config.json schema
that provlint does not model (build time): the fast path of ``provlint/sections.py``, one
generated module a section in ``validators/sections_<schema>/``, calling ``section_checks.py``.

A clean file's ``client`` or ``config_store`` section then costs a few microseconds of plain
Python instead of importing jsonschema-rs (about 15 ms) and compiling its validators (a few ms
per section) in every process of a run.

The verdict must be jsonschema-rs's (draft 2019-09, formats not asserted), not the models':
1.0 is an integer here, and ``if``/``not``/``oneOf`` make a check that is only ever stricter
unsound (a stricter ``if`` skips its ``then``). So every generated check is exact or raises
``Unknown``; the caller then asks jsonschema-rs, as it did before. Unknown covers what Python
cannot decide as the Rust engine does: a pattern on a string that is not ASCII or holds a
carriage return (ECMA's ``.`` and classes differ there), a number too large for a 64-bit
integer, ``multipleOf`` of a float, ``uniqueItems`` over anything but ASCII strings. A section
whose schema uses a keyword this module does not know is not generated (it keeps the
jsonschema-rs path); tests/sections/test_fast_sections.py holds the verdicts to jsonschema-rs.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from provlint.validators.emit import _HANDLED, Emitter, end_of_text

# Keywords jsonschema-rs reads without constraining the value (draft 2019-09 annotations, and
# names that are no keyword at all, which it ignores).
IGNORED = frozenset({"format", "deprecated", "readOnly", "writeOnly", "examples", "$comment", "optional"})
_LOGIC = ("allOf", "not", "if", "then", "else", "dependentRequired", "minItems", "maxItems", "maxLength",
          "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems")
DEFS_PREFIX = "#/$defs/"

class SectionEmitter(Emitter):
    """The draft 2019-09 dialect of ``Emitter``: jsonschema-rs's verdicts, exact or Unknown."""

    handled = _HANDLED | frozenset(_LOGIC)

    def keywords(self, node: Any) -> frozenset:
        if isinstance(node, dict):
            node = {key: value for key, value in node.items() if key not in IGNORED}
        return super().keywords(node)

    def type_test(self, types: Any, v: str) -> str:
        types = [types] if isinstance(types, str) else list(types)
        tests = []
        for name in types:
            if name == "integer":
                tests.append(f"integer({v})")
            elif name == "number":
                tests.append(f"number({v})")
            else:
                tests.append(super().type_test(name, v))
        return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"

    def pattern_test(self, pattern: str, v: str) -> str:
        re.compile(end_of_text(pattern), re.ASCII)  # a pattern Python cannot read stops the build
        # Compiled on first use (re keeps it): compiling the schema's 60 patterns at import
        # would cost most of the module's import.
        return f"(not isinstance({v}, str) or matches({end_of_text(pattern)!r}, {v}))"

    def _enum_test(self, values: list, v: str) -> str:
        """JSON equality, as jsonschema-rs compares: 1 equals 1.0, true equals no number."""
        if all(isinstance(value, str) for value in values):
            return super()._enum_test(values, v)
        return "(" + " or ".join(_equal_test(value, v) for value in values) + ")"

    def expression(self, node: Any, v: str) -> Optional[str]:
        if not isinstance(node, dict):
            return super().expression(node, v)
        node = {key: value for key, value in node.items() if key not in IGNORED}
        own = [key for key in _LOGIC if key in node]
        if not own:
            return super().expression(node, v)
        base = {key: value for key, value in node.items() if key not in own}
        test = super().expression(base, v)
        if test is None:
            return None  # object keywords: ``statements`` adds the rest as a test of its own
        return " and ".join([test, *self._logic(node, v)])

    def _logic(self, node: dict, v: str) -> list[str]:
        parts = []
        if "allOf" in node:
            parts += [self._member(member, v) for member in node["allOf"]]
        if "not" in node:
            parts.append(f"not {self._member(node['not'], v)}")
        if "if" in node and ("then" in node or "else" in node):
            condition = self._member(node["if"], v)
            then = self._member(node["then"], v) if "then" in node else "True"
            otherwise = self._member(node["else"], v) if "else" in node else "True"
            parts.append(f"({then} if {condition} else {otherwise})")
        for name, needed in node.get("dependentRequired", {}).items():
            parts.append(f"(not isinstance({v}, dict) or {name!r} not in {v} "
                         f"or {v}.keys() >= {self.constant(_names(needed))})")
        for key, test in (("minItems", ">="), ("maxItems", "<=")):
            if key in node:
                parts.append(f"(not isinstance({v}, list) or len({v}) {test} {int(node[key])!r})")
        if "maxLength" in node:
            parts.append(f"(not isinstance({v}, str) or len({v}) <= {int(node['maxLength'])!r})")
        for key, test in (("minimum", ">="), ("maximum", "<="), ("exclusiveMinimum", ">"), ("exclusiveMaximum", "<")):
            if key in node:
                parts.append(f"(not number({v}) or {v} {test} {_bound(node[key])!r})")
        if "multipleOf" in node:
            parts.append(f"(not number({v}) or multiple_of({v}, {_bound(node['multipleOf'])!r}))")
        if node.get("uniqueItems") is True:
            parts.append(f"(not isinstance({v}, list) or unique({v}))")
        return parts


def _equal_test(value: Any, v: str) -> str:
    if value is None or isinstance(value, bool):
        return f"({v} is {value!r})"
    if isinstance(value, str):
        return f"(isinstance({v}, str) and {v} == {value!r})"
    if _plain_number(value):
        return f"(number({v}) and {v} == {value!r})"
    raise ValueError(f"unsupported enum value {value!r}")


def _plain_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _bound(value: Any) -> Any:
    if not _plain_number(value):
        raise ValueError(f"unsupported bound {value!r}")
    return value


def _names(values: list) -> str:
    return "frozenset({" + ", ".join(repr(value) for value in values) + "})"


def sections_of(schema: dict) -> list[tuple[str, Any]]:
    """(name, subschema) of each top-level section of Bifrost's schema."""
    return [(name, node) for name, node in schema.get("properties", {}).items()]


def render_sections(schema: dict, source: str, skip: frozenset) -> dict[str, str]:
    """The generated package of one Bifrost schema file (``source`` names it), as file name ->
    text: one module per section, holding the definitions it reaches (a run imports only the
    sections its files hold), and ``__init__.py`` naming them; ``skip`` are the sections
    provlint models itself."""
    files, table, left_out = {}, [], []
    for name, node in sections_of(schema):
        if name in skip:
            continue
        module = section_module(name)
        try:
            files[f"{module}.py"] = _section_source(schema, source, name, node)
        except (ValueError, KeyError, re.error):  # a keyword or value this dialect does not know
            left_out.append(name)
            continue
        table.append(f"    {name!r}: {module!r},")
    files["__init__.py"] = "\n".join([
        *_header(source),
        f'"""Yes/no validators of the sections of Bifrost\'s {source} that provlint does not model:',
        'one module a section, each with ``ACCEPTS`` (True or False; section_checks.Unknown: ask',
        'jsonschema-rs)."""',
        "",
        f"# Not generated (a keyword this dialect does not know): {', '.join(left_out) or 'none'}.",
        "MODULES = {",
        *table,
        "}",
        "",
    ])
    return files


def section_module(name: str) -> str:
    return "section_" + re.sub(r"[^0-9A-Za-z]", "_", name).lower()


def _section_source(schema: dict, source: str, name: str, node: Any) -> str:
    emitter = SectionEmitter(schema.get("$defs", {}), DEFS_PREFIX)
    emitter.emit_function("accepts", node)
    emitter.emit_all([])
    return "\n".join([
        *_header(source),
        f'"""Whether a value is a valid ``{name}`` section under Bifrost\'s {source}."""',
        "",
        "from provlint.validators.section_checks import Unknown, integer, matches, multiple_of, number, unique",
        "",
        "NoneType = type(None)",
        *emitter.constants,
        "",
        "",
        "\n\n\n".join(emitter.functions),
        "",
        "",
        "ACCEPTS = accepts",
        "",
    ])


def _header(source: str) -> list[str]:
    return [
        f"# GENERATED by `python -m provlint.validators.build` from {source}.",
        "# Do not edit: change the schema or provlint/validators/sections_emit.py, then regenerate.",
        "# `python -m provlint.validators.build --check` (and a test) fail when it is stale.",
        "# ruff: noqa",
        "# flake8: noqa",
    ]
