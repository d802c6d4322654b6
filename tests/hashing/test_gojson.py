"""Go encoding/json output: escaping, HTML escaping, member and key order."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provlint.hashing.gojson import GoStruct, encode, quote

# (text, Go's encoding with SetEscapeHTML(false), with Go's default HTML escaping)
ESCAPES = [
    ("plain", '"plain"', '"plain"'),
    ('say "hi"', '"say \\"hi\\""', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"', '"back\\\\slash"'),
    ("\n\r\t", '"\\n\\r\\t"', '"\\n\\r\\t"'),
    ("\b\f", '"\\b\\f"', '"\\b\\f"'),
    ("\x00\x01\x1f", '"\\u0000\\u0001\\u001f"', '"\\u0000\\u0001\\u001f"'),
    ("\x0b\x1b", '"\\u000b\\u001b"', '"\\u000b\\u001b"'),
    ("del\x7f", '"del\x7f"', '"del\x7f"'),
    ("\x80\x9f", '"\x80\x9f"', '"\x80\x9f"'),
    ("sep\u2028ar\u2029", '"sep\\u2028ar\\u2029"', '"sep\\u2028ar\\u2029"'),
    ("<a&b>", '"<a&b>"', '"\\u003ca\\u0026b\\u003e"'),
    ("café 日本語 😀", '"café 日本語 😀"', '"café 日本語 😀"'),
    ("/slash'quote", "\"/slash'quote\"", "\"/slash'quote\""),
    ("\ud800lone", '"\ufffdlone"', '"\ufffdlone"'),
]


@pytest.mark.parametrize("text, plain, html", ESCAPES, ids=[repr(row[0]) for row in ESCAPES])
def test_string_escaping(text, plain, html):
    assert quote(text) == plain
    assert quote(text, html_escape=True) == html
    assert encode(text) == plain.encode("utf-8")
    assert encode(text, html_escape=True) == html.encode("utf-8")


def test_scalars():
    assert encode(None) == b"null"
    assert encode(True) == b"true"
    assert encode(False) == b"false"
    assert encode(0) == b"0"
    assert encode(-42) == b"-42"
    assert encode(1099511627776) == b"1099511627776"
    assert encode(-(1 << 63)) == b"-9223372036854775808"


def test_floats_are_refused():
    with pytest.raises(TypeError):
        encode(1.5)


def test_struct_members_keep_the_callers_order():
    assert encode(GoStruct.of([("z", 1), ("a", None), ("m", "x")])) == b'{"z":1,"a":null,"m":"x"}'


def test_map_keys_are_sorted_by_utf8_bytes():
    # Upper case sorts before lower case; U+FFFF before U+1F600 (UTF-16 order would differ).
    value = {"b": 1, "a": 2, "B": 3, "\U0001f600": 4, "\uffff": 5, "\ue000": 6, "é": 7, "z": 8}
    assert encode(value) == '{"B":3,"a":2,"b":1,"z":8,"é":7,"\ue000":6,"\uffff":5,"\U0001f600":4}'.encode()


def test_map_keys_are_escaped_too():
    assert encode({"<k>": "v", "a\nb": 1}, html_escape=True) == b'{"\\u003ck\\u003e":"v","a\\nb":1}'


def test_nested_maps_and_structs():
    value = GoStruct.of([("outer", {"y": {"b": True, "a": False}, "x": [1, "two", None]}), ("empty", {})])
    assert encode(value) == b'{"outer":{"x":[1,"two",null],"y":{"a":false,"b":true}},"empty":{}}'


def test_html_escaping_reaches_nested_values():
    value = GoStruct.of([("m", {"k": "<&>"}), ("l", ["<"])])
    assert encode(value, html_escape=True) == b'{"m":{"k":"\\u003c\\u0026\\u003e"},"l":["\\u003c"]}'
    assert encode(value) == b'{"m":{"k":"<&>"},"l":["<"]}'


def test_map_keys_must_be_strings():
    with pytest.raises(TypeError):
        encode({1: "x"})


TEXT = st.text(st.characters(blacklist_categories=("Cs",)))
PLAIN_DATA = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=20,
)


@given(PLAIN_DATA)
def test_plain_data_round_trips_through_json_loads(data):
    assert json.loads(encode(data).decode("utf-8")) == data


@given(PLAIN_DATA)
def test_html_escaped_output_also_round_trips(data):
    assert json.loads(encode(data, html_escape=True).decode("utf-8")) == data


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\u2028\u2029<>&")))
def test_strings_match_pythons_json_without_go_only_escapes(text):
    # Python's json escapes control characters exactly as Go does; Go alone escapes U+2028/9 (and <>&).
    python = json.dumps(text, ensure_ascii=False, separators=(",", ":"))
    assert quote(text) == python
    assert quote(text, html_escape=True) == python


NO_LINE_SEPARATORS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\u2028\u2029"))


@given(st.dictionaries(NO_LINE_SEPARATORS, NO_LINE_SEPARATORS))
def test_maps_match_pythons_sorted_json(mapping):
    # Code-point order (Python) equals UTF-8 byte order (Go) once surrogates are excluded.
    python = json.dumps(mapping, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert encode(mapping) == python.encode("utf-8")
