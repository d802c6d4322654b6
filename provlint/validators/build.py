"""Generate the standalone fast validators from the models' JSON Schema (build time only).

    python -m provlint.validators.build           # (re)write provlint/validators/bifrost_*.py
    python -m provlint.validators.build --check   # exit 1 when a committed file is stale

Two modules per Bifrost line with models: ``bifrost_<line>.py``, one yes/no function per
document kind, all sharing the generated functions of the common definitions (``emit.py``
writes them); and ``bifrost_<line>_shapes.py``, the tables the generated explainer walks to
report a rejected document's errors (``shapes.py`` writes them). fastjsonschema is
needed here only, as the reference the generated verdicts are tested against; the generated
code imports nothing but the standard library.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from fastjsonschema.draft04 import CodeGeneratorDraft04
from fastjsonschema.draft2019 import CodeGeneratorDraft2019
from fastjsonschema.ref_resolver import RefResolver

from provlint.catalog import lintable_versions, load_catalog
from provlint.sections import MODELLED, SCHEMA_FOLDER
from provlint.schema import models_schema
from provlint.validators import sections_package
from provlint.validators.emit import Emitter
from provlint.validators.sections_emit import render_sections
from provlint.validators.shapes import render_shapes

HERE = Path(__file__).parent
DEFS_PREFIX = "#/definitions/"

_FASTJSONSCHEMA_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException"
_LOCAL_EXCEPTIONS = '''\
class JsonSchemaValueException(ValueError):
    """The document does not follow the schema (the message is not used by provlint)."""


class JsonSchemaValuesException(JsonSchemaValueException):
    """Several schema violations at once (only raised when fast_fail is off)."""'''


_ARRAY_TYPES = "(list, tuple)"
_DECIMAL_IMPORT = "from decimal import Decimal"
_LAZY_DECIMAL = '''\
import sys


class _DecimalType(type):
    # A Decimal can only exist once the decimal module is loaded; not importing it here
    # saves about 1 ms of start-up on every run.
    def __instancecheck__(cls, value):
        decimal = sys.modules.get("decimal")
        return decimal is not None and isinstance(value, decimal.Decimal)


class Decimal(metaclass=_DecimalType):
    """Stands for decimal.Decimal in isinstance checks without importing it."""'''


class _FastPathCodeGenerator(CodeGeneratorDraft2019):
    """Draft 2019-09 code, adapted to serve as a yes/no fast path in front of the models."""

    def generate_type(self) -> None:
        # From draft 6 on, JSON Schema counts 1.0 as an integer; Bifrost's Go decoder and the
        # strict models refuse it, and the fast path must agree with the models.
        CodeGeneratorDraft04.generate_type(self)

    def generate_const(self) -> None:
        # fastjsonschema 2.22's own version formats its message with detailed_exceptions off
        # and fails (KeyError 'definition_rule'); the message is never shown anyway.
        match = self._enum_value_matches(self._variable, self._definition["const"])
        with self.l("if not ({}):", match):
            self.exc("{name} must be same as const definition", rule="const")

    def generate_ref(self) -> None:
        # The messages are never shown (the models explain a rejection), so do not build the
        # path of every nested value on every call: that costs more than the checks do.
        with self._resolver.in_scope(self._definition["$ref"]):
            name = self._resolver.get_scope_name()
            uri = self._resolver.get_uri()
            if uri not in self._validation_functions_done:
                self._needed_validation_functions[uri] = name
            self.l("{}({variable})", name)


def module_path(version: str) -> Path:
    return HERE / f"bifrost_{version.replace('.', '_')}.py"


def combined_schema(version: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The JSON Schema of every document kind's root model, with shared ``definitions``.

    Returns the schema and, per document kind (its DocumentKind value), the ``$ref`` of its
    root model. provlint.schema produces it, as it produces every published schema: the
    fast path and the editors check documents against the same JSON Schema. Its root only
    makes every document kind reachable, so each gets a generated function.
    """
    schema, kind_refs = models_schema(version)
    if any(not ref.startswith(DEFS_PREFIX) for ref in kind_refs.values()):
        raise RuntimeError(f"provlint.schema no longer files definitions under {DEFS_PREFIX}; update build.py")
    return schema, kind_refs


def _json_type(member: dict[str, Any], defs: dict[str, Any]) -> Any:
    if "$ref" in member:
        member = defs[member["$ref"].removeprefix(DEFS_PREFIX)]
    return member.get("type")


def disjoint_one_of_as_any_of(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``oneOf`` whose members have distinct JSON types made an ``anyOf``.

    Both accept the same documents then, but ``anyOf`` stops at the first matching member
    while ``oneOf`` must try them all (an EnvVar string would also be tried as an object).
    """
    if isinstance(node, list):
        return [disjoint_one_of_as_any_of(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: disjoint_one_of_as_any_of(value, defs) for key, value in node.items()}
    members = node.get("oneOf")
    if members is not None:
        types = [_json_type(member, defs) for member in members]
        if all(isinstance(t, str) for t in types) and len(set(types)) == len(types):
            node["anyOf"] = node.pop("oneOf")
    return node


def render(version: str) -> str:
    """The source text of the fast-validator module of one Bifrost line."""
    schema, kind_refs = combined_schema(version)
    schema = disjoint_one_of_as_any_of(schema, schema["definitions"])
    emitter = Emitter(schema["definitions"], DEFS_PREFIX)
    names = emitter.emit_all(list(kind_refs.values()))
    table = [f"    {kind!r}: {name}," for kind, name in zip(kind_refs, names)]
    header = ["import re"] if any("re.compile(" in c for c in emitter.constants) else []
    return "\n".join(
        [
            "# GENERATED by `python -m provlint.validators.build` from the provlint models of",
            f"# Bifrost {version} (provlint/models, provlint/catalog/bifrost-{version}.json).",
            "# Do not edit: change the models or the catalog, then regenerate.",
            "# `python -m provlint.validators.build --check` (and a test) fail when it is stale.",
            "# ruff: noqa",
            "# flake8: noqa",
            f'"""Standalone yes/no validators of the Bifrost {version} document kinds: the lint fast path."""',
            "",
            *header,
            _LAZY_DECIMAL,
            "",
            "",
            "NoneType = type(None)",
            *emitter.constants,
            "",
            "",
            "\n\n\n".join(emitter.functions),
            "",
            "",
            "# DocumentKind value -> whether a document of that kind is valid (True or False).",
            "ACCEPTS = {",
            *table,
            "}",
            "",
        ]
    )


def fastjsonschema_source(version: str) -> str:
    """fastjsonschema's validators of one Bifrost line: the verdicts ``render``'s must equal
    (tests/models/test_fast_validator.py compares them; not shipped)."""
    schema, kind_refs = combined_schema(version)
    schema = disjoint_one_of_as_any_of(schema, schema["definitions"])
    resolver = RefResolver.from_schema(schema, handlers={}, store={})
    generator = _FastPathCodeGenerator(
        schema,
        resolver=resolver,
        formats={},
        use_default=False,  # never write defaults into the data the rules read afterwards
        use_formats=False,
        detailed_exceptions=False,
    )
    global_code = generator.global_state_code
    for line in (_FASTJSONSCHEMA_IMPORT, _DECIMAL_IMPORT):
        if line not in global_code:
            raise RuntimeError(f"fastjsonschema no longer generates {line!r}; update build.py")
    global_code = global_code.replace(_FASTJSONSCHEMA_IMPORT, _LOCAL_EXCEPTIONS)
    global_code = global_code.replace(_DECIMAL_IMPORT, _LAZY_DECIMAL + "\n\n")
    # JSON arrays are lists; the strict models refuse tuples, so the fast path must too.
    if _ARRAY_TYPES not in generator.func_code:
        raise RuntimeError(f"fastjsonschema no longer checks arrays as {_ARRAY_TYPES}; update build.py")
    function_code = generator.func_code.replace(_ARRAY_TYPES, "(list)")

    table = []
    for kind, ref in kind_refs.items():
        with resolver.in_scope(ref):
            name = resolver.get_scope_name()
        if f"def {name}(" not in function_code:
            raise RuntimeError(f"no generated function {name} for {kind}")
        table.append(f"    {kind!r}: {name},")

    return "\n".join(
        [
            "# GENERATED by `python -m provlint.validators.build` from the provlint models of",
            f"# Bifrost {version} (provlint/models, provlint/catalog/bifrost-{version}.json) with",
            "# fastjsonschema. Do not edit: change the models or the catalog, then regenerate.",
            "# `python -m provlint.validators.build --check` (and a test) fail when it is stale.",
            "# ruff: noqa",
            "# flake8: noqa",
            f'"""Standalone validators of the Bifrost {version} document kinds: the lint fast path."""',
            "",
            global_code.strip(),
            "",
            "",
            function_code.strip(),
            "",
            "",
            "# DocumentKind value -> validator; each raises JsonSchemaValueException on invalid data.",
            "VALIDATORS = {",
            *table,
            "}",
            "",
        ]
    )


def shapes_path(version: str) -> Path:
    return HERE / f"bifrost_{version.replace('.', '_')}_shapes.py"


def sections_path(schema_name: str) -> Path:
    """The folder of the generated package of one of Bifrost's schemas."""
    return HERE / sections_package(schema_name)


def generated_modules() -> Iterator[tuple[Path, str]]:
    """Every generated module of every lintable line with the text it must hold, and one for
    each of Bifrost's own schemas the lines check their other sections with."""
    schemas = []
    for version in lintable_versions():
        yield module_path(version), render(version)
        yield shapes_path(version), render_shapes(version)
        name = load_catalog(version).bifrost_config_schema
        if name and name not in schemas:
            schemas.append(name)
    for name in schemas:
        schema = json.loads((SCHEMA_FOLDER / name).read_text(encoding="utf-8"))
        for file_name, text in render_sections(schema, name, MODELLED).items():
            yield sections_path(name) / file_name, text


def _left_over(generated: set[Path]) -> list[Path]:
    """Modules in a generated package that are generated no more (a section gone)."""
    folders = {path.parent for path in generated if path.parent != HERE}
    return sorted(path for folder in folders for path in folder.glob("*.py") if path not in generated)


def stale_modules() -> list[Path]:
    """The committed modules that differ from what the models generate now."""
    stale, generated = [], set()
    for path, text in generated_modules():
        generated.add(path)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            stale.append(path)
    return stale + _left_over(generated)


def write_modules() -> list[Path]:
    written, generated = [], set()
    for path, text in generated_modules():
        generated.add(path)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    for path in _left_over(generated):
        path.unlink()
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m provlint.validators.build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a generated module is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_modules()
        for path in stale:
            sys.stderr.write(f"stale: {path} (run python -m provlint.validators.build)\n")
        return 1 if stale else 0
    for path in write_modules():
        sys.stderr.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
