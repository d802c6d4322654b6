"""The generated explainer reports what the pydantic models report, worded alike, in their order.

provlint/structure/fast_explain.py walks tables generated from the models' core schema
(provlint/validators/shapes.py); the models through pydantic are the reference. Every issue
is compared whole: category, pointer, message, target and suggestion.
"""

from __future__ import annotations

from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.catalog import lintable_versions, load_catalog
from provlint.source.document import DocumentKind
from provlint.structure.explain import explain
from provlint.structure.fast_explain import fast_errors
from provlint.structure.wording import word_errors
from provlint.validators import build
from tests import mutation
from tests.models.test_fast_validator import _member_paths, _replaced
from tests.models.test_line_agreement import strategies
from tests.models.test_validator_agreement import AGREEMENT, HAND_WRITTEN, KINDS

LINES = list(lintable_versions())
_PLAIN = (str, int, float, bool, type(None))


def issues(line: str, kind: DocumentKind, data: Any) -> tuple[Optional[list], list]:
    """(the generated explainer's issues or None when it gave up, the models' issues)."""
    catalog = load_catalog(line)
    errors = fast_errors(data, kind, line)
    fast = None if errors is None else [_fields(issue) for issue in word_errors(errors, kind, catalog)]
    return fast, [_fields(issue) for issue in explain(data, kind, catalog)]


def _fields(issue: Any) -> tuple:
    return (issue.category, issue.pointer, issue.message, issue.target, issue.suggestion)


def is_plain_json(data: Any) -> bool:
    if type(data) is dict:
        return all(type(key) is str and is_plain_json(value) for key, value in data.items())
    if type(data) is list:
        return all(is_plain_json(item) for item in data)
    return type(data) in _PLAIN


def assert_agree(line: str, kind: DocumentKind, data: Any) -> None:
    fast, slow = issues(line, kind, data)
    if fast is None:
        # It may give up only on what is not plain JSON (or a string that is not UTF-8).
        assert not is_plain_json(data) or _has_surrogate(data), data
    else:
        assert fast == slow


def _has_surrogate(data: Any) -> bool:
    return "\\ud" in repr(data)


def test_the_committed_tables_are_not_stale():
    for version in lintable_versions():
        path = build.shapes_path(version)
        assert path.read_text(encoding="utf-8") == build.render_shapes(version), f"{path.name} is stale"


@pytest.mark.parametrize("line", LINES)
def test_hand_written_documents_get_the_same_issues(line):
    for kind, data in HAND_WRITTEN:
        assert_agree(line, kind, data)


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize(
    "odd",
    [1.0, True, False, None, [], {}, "", " ", 0, -1, 2**64, float("nan"), {"": 1}, {"value": 1}, "env.X",
     "x" * 300, "é", "\ud800", ("a",), {1: "a"}],
    ids=repr,
)
def test_odd_values_anywhere_get_the_same_issues(line, odd):
    for kind, data in HAND_WRITTEN:
        for path in _member_paths(data):
            assert_agree(line, kind, _replaced(data, path, odd))


@pytest.mark.parametrize("line", LINES)
def test_a_document_that_is_not_an_object_and_unknown_keys_at_the_root(line):
    for kind in KINDS:
        for data in ([], "x", 1, None, {"provider": "openai"}, {"proivders": {}, "networkconfig": {}}):
            assert_agree(line, kind, data)


def test_it_gives_up_on_values_only_the_models_can_judge():
    # A tuple (from a YAML reader's subclass, say) or a lone surrogate: the models decide.
    assert fast_errors({"network_config": {"max_retries": ("a",)}}, DocumentKind.UPDATE_PROVIDER, "2.2") is None
    assert fast_errors({"network_config": {"\ud800": 1}}, DocumentKind.UPDATE_PROVIDER, "2.2") is None
    assert fast_errors({"network_config": {"max_retries": "3"}}, DocumentKind.UPDATE_PROVIDER, "2.2") is not None


def test_a_line_without_tables_leaves_it_to_the_models():
    assert fast_errors({}, DocumentKind.CONFIG, "0.0") is None


@AGREEMENT
@given(data=st.data(), line=st.sampled_from(LINES), kind=st.sampled_from(KINDS))
def test_generated_and_mutated_documents_get_the_same_issues(data, line, kind):
    valid, (extra_keys, odd_values) = strategies(line)
    doc = data.draw(valid[kind])
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        doc = data.draw(mutation.mutated(doc, extra_keys=extra_keys, odd_values=odd_values, string_extras=(None, 1, "")))
    assert_agree(line, kind, doc)


def _nodes(node: tuple, found: list) -> list:
    """``node`` and every node inside it (not through a model: the models' fields are listed apart)."""
    found.append(node)
    kind = node[0]
    if kind in ("nullable", "list"):
        _nodes(node[1], found)
    elif kind == "dict":
        _nodes(node[1], found)
        _nodes(node[2], found)
    elif kind == "form":
        _nodes(node[3], found)
        _nodes(node[4], found)
    return found


def _all_nodes(line: str) -> list:
    from provlint.validators import generated_module

    shapes = generated_module(line, "_shapes")
    found: list = []
    for root in shapes.ROOTS.values():
        _nodes(root, found)
    for fields in shapes.MODELS:
        for _, node, _ in fields:
            _nodes(node, found)
    return list(dict.fromkeys(found))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)


@settings(max_examples=500, deadline=None)
@given(line=st.sampled_from(LINES), data=st.data())
def test_a_value_of_a_passing_type_has_nothing_to_walk(line, data):
    """The walk skips a member or list item whose type ``_passing`` names: walked, such a value
    gives no error and nothing only the models could tell."""
    from provlint.structure.fast_explain import _ANY, _passing, _Walk
    from provlint.validators import generated_module

    models = generated_module(line, "_shapes").MODELS
    node = data.draw(st.sampled_from(_all_nodes(line)))
    value = data.draw(_JSON_VALUES)
    passing = _passing(node)
    if passing is _ANY or type(value) in passing:
        walk = _Walk(models)
        walk.node(node, value, None, None, False)
        assert walk.errors == [], (node, value)
