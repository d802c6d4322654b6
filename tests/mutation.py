"""Hypothesis helpers shared by the agreement tests: mutate a valid document in one place."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, prefix + (index,))
    return found


def at(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated(draw, doc: Any, *, extra_keys, odd_values, string_extras=(None,)) -> Any:
    """``doc`` with one change: a value replaced, a key added or dropped, or a type changed
    (a string becomes a secret object, a list, or one of ``string_extras``)."""
    doc = copy.deepcopy(doc)
    path = draw(st.sampled_from(paths(doc)))
    target = at(doc, path)
    operation = draw(st.sampled_from(["replace", "add_key", "drop_key", "retype"]))
    if operation == "add_key" and isinstance(target, dict):
        target[draw(extra_keys)] = draw(odd_values)
    elif operation == "drop_key" and isinstance(target, dict) and target:
        del target[draw(st.sampled_from(sorted(target)))]
    elif operation == "retype" and path:
        parent = at(doc, path[:-1])
        if isinstance(target, bool):
            parent[path[-1]] = int(target)
        elif isinstance(target, int):
            parent[path[-1]] = draw(st.sampled_from([float(target), bool(target % 2), str(target)]))
        elif isinstance(target, str):
            parent[path[-1]] = draw(st.sampled_from([{"value": target}, [target], *string_extras]))
        elif isinstance(target, dict):
            parent[path[-1]] = list(target.values())
    elif path:
        at(doc, path[:-1])[path[-1]] = draw(odd_values)
    return doc
