"""JsonPointerPositions reads members only as far as asked: the same spans as the full index
whatever the blanks between tokens, the escapes in keys and the order pointers are asked in."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.source.json_pointer_positions import _MEMBERS, JsonPointerPositions
from provlint.source.json_positions import JsonPositionIndex
from provlint.source.pointer import join

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(alphabet='ab/~"\\\n{}[],: é', max_size=4), children, max_size=4),
    max_leaves=20,
)
BLANKS = st.lists(st.sampled_from(["", " ", "\n", "\r\n", "\t", "  \n  "]), min_size=1, max_size=7)


def dump(value, blanks: list[str], ensure_ascii: bool) -> str:
    """``value`` as JSON text with the blanks drawn placed between every two tokens, in turn."""
    turn = iter(range(10**9))

    def blank() -> str:
        return blanks[next(turn) % len(blanks)]

    def write(value) -> str:
        if isinstance(value, dict):
            members = [blank() + json.dumps(k, ensure_ascii=ensure_ascii) + blank() + ":" + blank() + write(v) + blank()
                       for k, v in value.items()]
            return "{" + ",".join(members) + blank() + "}"
        if isinstance(value, list):
            return "[" + ",".join(blank() + write(v) + blank() for v in value) + blank() + "]"
        return json.dumps(value, ensure_ascii=ensure_ascii)

    return blank() + write(value) + blank()


def pointers(value, pointer=""):
    yield pointer
    if isinstance(value, dict):
        for key, child in value.items():
            yield from pointers(child, join(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from pointers(child, join(pointer, index))


@settings(max_examples=400, deadline=None)
@given(value=json_values, blanks=BLANKS, ensure_ascii=st.booleans(), order=st.randoms(use_true_random=False),
       extra=st.lists(st.sampled_from(["/0", "/a", "/a/0", "/~1", "/~0", "/-", "/00", "/1/", "x", "/a~2", "//"]),
                      max_size=3))
def test_any_blanks_and_any_order_give_the_full_index_spans(value, blanks, ensure_ascii, order, extra):
    text = dump(value, blanks, ensure_ascii)
    assert json.loads(text) == value
    full, asked_only = JsonPositionIndex(text), JsonPointerPositions(text)
    asked = list(pointers(value)) + extra
    order.shuffle(asked)
    for pointer in asked:
        assert asked_only.key_span(pointer) == full.key_span(pointer), pointer
        assert asked_only.value_span(pointer) == full.value_span(pointer), pointer


def test_a_member_before_the_one_asked_is_stepped_over_not_read_into():
    text = '{"a": {"x": [1, 2, {"deep": true}]}, "b": {"c": 3}}'
    index = JsonPointerPositions(text)
    assert index.value_span("/b/c") == JsonPositionIndex(text).value_span("/b/c")
    members = index._places[""][_MEMBERS].found
    assert members["a"][_MEMBERS] is None and members["b"][_MEMBERS] is not None  # "a" stepped over, "b" read


def loaded_positions(text: str):
    """The index the loader builds for ``text`` (with its data and its count of objects)."""
    from provlint.source import load_bytes

    doc = load_bytes(text.encode("utf-8"), "c.json")
    assert doc.ok and not doc.has_duplicates
    return doc.positions


# Keys and strings without braces or backslashes (the index then looks members up by key), with
# the characters that could mislead a look-up: quotes of other strings, commas, colons, brackets.
searchable_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab:,[] é"', max_size=6).map(lambda s: s.replace('"', "")),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(alphabet="ab:, []é", max_size=4), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(searchable_values, json_values), blanks=BLANKS, ensure_ascii=st.booleans(),
       order=st.randoms(use_true_random=False),
       extra=st.lists(st.sampled_from(["/0", "/a", "/a/0", "/b/a", "/-", "/00", "/1/", "/a,", "/:", "//"]), max_size=3))
def test_members_looked_up_by_key_have_the_full_index_spans(value, blanks, ensure_ascii, order, extra):
    """The look-up by key (the loader's count of objects says no string holds a brace) against
    the full index: every pointer of the data and misses, in any order, any blanks."""
    text = dump({"a": value, "b": [value, {"a": value}]}, blanks, ensure_ascii)
    full, looked_up = JsonPositionIndex(text), loaded_positions(text)
    assert type(looked_up) is JsonPointerPositions
    asked = list(pointers(json.loads(text))) + extra
    order.shuffle(asked)
    for pointer in asked:
        assert looked_up.key_span(pointer) == full.key_span(pointer), pointer
        assert looked_up.value_span(pointer) == full.value_span(pointer), pointer


def test_a_key_is_looked_up_only_where_no_string_holds_a_brace_or_backslash():
    assert loaded_positions('{"a": {"b": 1}, "c": "}{"}')._searchable is False
    assert loaded_positions('{"a": {"b": 1}, "c": "{x}"}')._searchable is False
    assert loaded_positions('{"a": {"b": 1}, "c": "\\u0041"}')._searchable is False
    assert loaded_positions('{"a": {"b": 1}, "c": "[x]"}')._searchable is True
    assert JsonPointerPositions('{"a": 1}')._place("/a") is not None  # no data: read in turn


def test_an_earlier_deeper_key_of_the_same_name_is_passed_over():
    text = '{"p": {"x": {"k": 1, "n": {"k": 2}}, "k": [{"k": 3}], "y": "k"}, "k": 4}'
    index, full = loaded_positions(text), JsonPositionIndex(text)
    assert index._searchable
    for pointer in ("/k", "/p/k", "/p/x/n/k", "/p/k/0/k", "/p/y", "/p/x/k"):
        assert index.value_span(pointer) == full.value_span(pointer), pointer
        assert index.key_span(pointer) == full.key_span(pointer), pointer
    assert index._places["/p"][_MEMBERS] is None  # found by key: nothing of "/p" was read in turn
