"""provlint.records: what every record class promises (fields named and ordered as __init__'s
parameters) and what that buys: equality, hashing, and pickling as class plus field values."""

from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil

import pytest

import provlint
from provlint.findings import Diagnostic, FileResult, FixSummary, Position, Severity, Span
from provlint.records import Record, cached_property


def _every_record_class() -> list[type]:
    for module in pkgutil.walk_packages(provlint.__path__, "provlint."):
        if module.name.startswith("provlint.cli"):
            continue  # click; none defines a record
        importlib.import_module(module.name)
    found, pending = [], list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


RECORD_CLASSES = _every_record_class()


def test_the_walk_finds_the_records_of_the_lint_path():
    names = {cls.__qualname__ for cls in RECORD_CLASSES}
    assert {"Diagnostic", "FileResult", "Span", "Position", "Document", "LintOptions", "Rule"} <= names


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_fields_are_the_parameters_of_init_in_order(cls):
    # Pickling rebuilds a record with cls(*field values): a field that is no parameter, or one
    # out of order, would come back wrong. (Catalog facts take keywords and pickle their dict.)
    if cls.__reduce__ is not Record.__reduce__:
        return
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert tuple(parameters) == cls._fields


def _diagnostic(line: int, message: str, autofix=None) -> Diagnostic:
    return Diagnostic("PL502", "duplicate-key-name", Severity.ERROR, "config.json",
                      Span(Position(line, 3), Position(line, 9)), "/providers/openai/keys/1/name", message,
                      related=(Span(Position(2, 1), Position(2, 4)),), fix="rename it", autofix=autofix)


def test_a_result_comes_back_from_pickle_equal_and_of_the_same_classes():
    result = FileResult("config.json", [_diagnostic(4, "a"), _diagnostic(7, "b", FixSummary("safe", "rename", None, True))],
                        fail_level=Severity.WARNING, target_version="2.2")
    back = pickle.loads(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    assert back.diagnostics == result.diagnostics
    assert [type(d.span.start) for d in back.diagnostics] == [Position, Position]
    assert (back.path, back.fail_level, back.target_version, back.waived_by) == ("config.json", Severity.WARNING, "2.2", set())


def test_a_record_pickles_as_its_class_and_field_values():
    # Not a dict of slots per object (what the default pickles for a class with __slots__).
    assert Position(3, 9).__reduce__() == (Position, (3, 9))
    summary = FixSummary("safe", "rename", None, True)
    assert summary.__reduce_ex__(pickle.HIGHEST_PROTOCOL) == (FixSummary, ("safe", "rename", None, True))


def test_catalog_facts_pickle_by_keyword():
    from provlint.catalog import load_catalog

    bounds = load_catalog("2.2").bounds
    back = pickle.loads(pickle.dumps(bounds, pickle.HIGHEST_PROTOCOL))
    assert back == bounds and back.concurrency_min == bounds.concurrency_min


_DOUBLED: list[int] = []  # the starts _Cached.double was computed for


class _Cached(Record):
    """A record with a cached value, at module level so that pickle finds its class."""

    __slots__ = ("start", "__dict__")

    def __init__(self, start: int) -> None:
        self.start = start

    @cached_property
    def double(self) -> int:
        """Twice start."""
        _DOUBLED.append(self.start)
        return self.start * 2


def test_a_cache_in_the_instance_dict_is_not_sent():
    record = _Cached(4)
    assert record.double == 8 and record.__dict__ == {"double": 8}
    back = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
    assert back == record and back.__dict__ == {}
    assert back.double == 8


def test_records_without_compared_fields_are_equal_and_hash_alike():
    class Marker(Record):
        __slots__ = ("note",)
        _not_compared = ("note",)

        def __init__(self, note: str) -> None:
            self.note = note

    assert Marker("a") == Marker("b") and hash(Marker("a")) == hash(Marker("b"))


def test_a_cached_property_is_computed_on_the_first_read_only():
    _DOUBLED.clear()
    first, second = _Cached(1), _Cached(5)
    assert (first.double, first.double, second.double) == (2, 2, 10)
    assert _DOUBLED == [1, 5]
    assert first.__dict__ == {"double": 2}
    assert _Cached.double.__doc__ == "Twice start." and _Cached.double.attrname == "double"
    assert first == _Cached(1)  # the cache is no field


def test_no_module_uses_functools_cached_property():
    # It takes a lock on every first read in Python 3.10 and 3.11: records.cached_property instead.
    import ast
    from pathlib import Path

    offenders = []
    for path in Path(provlint.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "functools" and any(
                    alias.name == "cached_property" for alias in node.names):
                offenders.append(str(path))
    assert offenders == []
