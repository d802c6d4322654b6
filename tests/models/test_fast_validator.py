"""The emitted validators (provlint/validators/emit.py) give fastjsonschema's verdicts.

Both are generated from the same schema; fastjsonschema's code, configured as the fast path
needs (draft 4 types, lists only), is the reference the emitted yes/no functions replaced.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provlint.catalog import lintable_versions
from provlint.source.document import DocumentKind
from provlint.validators import build
from tests import mutation
from tests.models.test_line_agreement import strategies
from tests.models.test_validator_agreement import AGREEMENT, HAND_WRITTEN, KINDS

LINES = list(lintable_versions())


@lru_cache(maxsize=None)
def modules(line: str) -> tuple[dict, dict]:
    """(the emitted module's namespace, fastjsonschema's) of one line, built from source."""
    emitted: dict = {}
    exec(compile(build.render(line), f"<emitted {line}>", "exec"), emitted)
    reference: dict = {}
    exec(compile(build.fastjsonschema_source(line), f"<fastjsonschema {line}>", "exec"), reference)
    return emitted, reference


def verdicts(line: str, kind: DocumentKind, data: Any) -> tuple[Any, Any]:
    emitted, reference = modules(line)
    try:
        new = emitted["ACCEPTS"][kind.value](data)
    except (RecursionError, TypeError, ValueError) as exc:
        new = type(exc)
    try:
        reference["VALIDATORS"][kind.value](data)
        old = True
    except reference["JsonSchemaValueException"]:
        old = False
    except (RecursionError, TypeError, ValueError) as exc:
        old = type(exc)
    return new, old


@pytest.mark.parametrize("line", LINES)
def test_hand_written_documents_get_the_same_verdict(line):
    for kind, data in HAND_WRITTEN:
        new, old = verdicts(line, kind, data)
        assert new is old, (kind, data)


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize(
    "odd",
    [1.0, True, False, None, (), ("a",), [], {}, "", " ", 0, -1, 2**64, float("nan"), float("inf"), {"": 1}, {1: "a"}],
    ids=repr,
)
def test_odd_values_anywhere_get_the_same_verdict(line, odd):
    # Every member of a valid key and of a valid provider, replaced by a value that tests the
    # type rules at their edges (1.0 is no integer, true no number, a tuple no array).
    for kind, data in HAND_WRITTEN:
        for path in _member_paths(data):
            doc = _replaced(data, path, odd)
            new, old = verdicts(line, kind, doc)
            assert new is old, (kind, path, odd)


@AGREEMENT
@given(data=st.data(), line=st.sampled_from(LINES), kind=st.sampled_from(KINDS))
def test_generated_and_mutated_documents_get_the_same_verdict(data, line, kind):
    valid, (extra_keys, odd_values) = strategies(line)
    doc = data.draw(valid[kind])
    for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
        doc = data.draw(mutation.mutated(doc, extra_keys=extra_keys, odd_values=odd_values, string_extras=(None,)))
    new, old = verdicts(line, kind, doc)
    assert new is old


def _member_paths(data: Any, path: tuple = ()) -> list[tuple]:
    paths = []
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return paths
    for key, value in items:
        paths.append((*path, key))
        paths.extend(_member_paths(value, (*path, key)))
    return paths


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replaced(data[head], rest, value)
    return copy
