"""JsonPositionIndex: exact spans of keys and values, duplicates, and a scan that never recurses."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.findings import Position, Span
from provlint.source.document import DuplicateKey
from provlint.source.json_pointer_positions import JsonPointerPositions
from provlint.source.json_positions import (
    JsonPositionIndex,
    first_bracket_deeper_than,
    first_long_integer,
    first_non_finite_literal,
)
from provlint.source.pointer import join


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


CONFIG = """{
  "name": "openai",
  "weight": 1.5,
  "on": true,
  "off": false,
  "none": null,
  "empty_list": [],
  "empty_obj": {}
}
"""


class TestKeysAndValues:
    def test_string_value_and_its_key(self):
        index = JsonPositionIndex(CONFIG)
        assert index.key_span("/name") == span(2, 3, 2, 9)
        assert index.value_span("/name") == span(2, 11, 2, 19)

    def test_number_true_false_null(self):
        index = JsonPositionIndex(CONFIG)
        assert index.key_span("/weight") == span(3, 3, 3, 11)
        assert index.value_span("/weight") == span(3, 13, 3, 16)
        assert index.value_span("/on") == span(4, 9, 4, 13)
        assert index.value_span("/off") == span(5, 10, 5, 15)
        assert index.value_span("/none") == span(6, 11, 6, 15)

    def test_empty_array_and_object(self):
        index = JsonPositionIndex(CONFIG)
        assert index.key_span("/empty_list") == span(7, 3, 7, 15)
        assert index.value_span("/empty_list") == span(7, 17, 7, 19)
        assert index.key_span("/empty_obj") == span(8, 3, 8, 14)
        assert index.value_span("/empty_obj") == span(8, 16, 8, 18)

    def test_root_has_a_value_but_no_key(self):
        index = JsonPositionIndex(CONFIG)
        assert index.value_span("") == span(1, 1, 9, 2)
        assert index.key_span("") is None

    def test_scalar_root(self):
        index = JsonPositionIndex("  42  ")
        assert index.value_span("") == span(1, 3, 1, 5)
        assert index.value_span("/0") is None

    def test_what_is_not_there_is_none(self):
        index = JsonPositionIndex(CONFIG)
        assert index.value_span("/missing") is None
        assert index.key_span("/missing") is None
        assert index.value_span("/name/0") is None  # below a scalar
        assert index.value_span("/empty_list/0") is None
        assert index.value_span("name") is None  # not a pointer: no leading slash


class TestCharactersAndLines:
    def test_columns_count_code_points_after_multibyte_characters(self):
        index = JsonPositionIndex('{"é": "ü", "emoji": "😀x", "cjk": "漢字", "after": 1}')
        assert index.key_span("/é") == span(1, 2, 1, 5)
        assert index.value_span("/é") == span(1, 7, 1, 10)
        assert index.key_span("/emoji") == span(1, 12, 1, 19)
        assert index.value_span("/emoji") == span(1, 21, 1, 25)
        assert index.value_span("/cjk") == span(1, 34, 1, 38)
        assert index.key_span("/after") == span(1, 40, 1, 47)
        assert index.value_span("/after") == span(1, 49, 1, 50)

    def test_crlf_line_breaks(self):
        index = JsonPositionIndex('{\r\n  "a": 1,\r\n  "b": [\r\n    true\r\n  ]\r\n}\r\n')
        assert index.key_span("/a") == span(2, 3, 2, 6)
        assert index.value_span("/a") == span(2, 8, 2, 9)
        assert index.value_span("/b") == span(3, 8, 5, 4)
        assert index.value_span("/b/0") == span(4, 5, 4, 9)
        assert index.value_span("") == span(1, 1, 6, 2)

    def test_lone_cr_line_breaks(self):
        index = JsonPositionIndex('{\r  "a": 1,\r  "b": [\r    true\r  ]\r}\r')
        assert index.value_span("/a") == span(2, 8, 2, 9)
        assert index.value_span("/b") == span(3, 8, 5, 4)
        assert index.value_span("/b/0") == span(4, 5, 4, 9)


class TestStructure:
    KEYS = '{"keys": [\n  {"name": "k0", "value": "a"},\n  {"name": "k1", "value": "b"}\n]}'

    def test_members_of_array_elements(self):
        index = JsonPositionIndex(self.KEYS)
        assert index.key_span("/keys/1/value") == span(3, 18, 3, 25)
        assert index.value_span("/keys/1/value") == span(3, 27, 3, 30)
        assert index.value_span("/keys/0/name") == span(2, 12, 2, 16)

    def test_array_elements_have_no_key(self):
        index = JsonPositionIndex(self.KEYS)
        assert index.value_span("/keys/1") == span(3, 3, 3, 31)
        assert index.key_span("/keys/1") is None
        assert index.value_span("/keys") == span(1, 10, 4, 2)

    def test_array_indexes_follow_rfc_6901(self):
        index = JsonPositionIndex(self.KEYS)
        assert index.value_span("/keys/2") is None
        assert index.value_span("/keys/01") is None
        assert index.value_span("/keys/-") is None
        assert index.value_span("/keys/-1") is None

    def test_nested_objects(self):
        index = JsonPositionIndex('{"a": {"b": {"c": 1}}}')
        assert index.key_span("/a/b/c") == span(1, 14, 1, 17)
        assert index.value_span("/a/b/c") == span(1, 19, 1, 20)
        assert index.value_span("/a/b") == span(1, 13, 1, 21)
        assert index.value_span("/a") == span(1, 7, 1, 22)

    def test_keys_with_slash_and_tilde_are_escaped_in_pointers(self):
        index = JsonPositionIndex('{"a/b": 1, "m~n": 2, "~1": 3}')
        assert index.key_span("/a~1b") == span(1, 2, 1, 7)
        assert index.value_span("/a~1b") == span(1, 9, 1, 10)
        assert index.key_span("/m~0n") == span(1, 12, 1, 17)
        assert index.value_span("/m~0n") == span(1, 19, 1, 20)
        assert index.key_span("/~01") == span(1, 22, 1, 26)
        assert index.value_span("/~01") == span(1, 28, 1, 29)
        assert index.value_span("/a/b") is None

    def test_escaped_keys_are_named_by_their_decoded_value(self):
        index = JsonPositionIndex(r'{"a\u0041": 1, "q\"x": 2, "tab\t": 3, "s\/l": 4}')
        assert index.key_span("/aA") == span(1, 2, 1, 11)
        assert index.value_span("/aA") == span(1, 13, 1, 14)
        assert index.key_span('/q"x') == span(1, 16, 1, 22)
        assert index.value_span('/q"x') == span(1, 24, 1, 25)
        assert index.key_span("/tab\t") == span(1, 27, 1, 34)
        assert index.value_span("/tab\t") == span(1, 36, 1, 37)
        assert index.key_span("/s~1l") == span(1, 39, 1, 45)
        assert index.value_span("/a\\u0041") is None

    def test_strings_with_brackets_and_escaped_quotes_do_not_confuse_the_scan(self):
        text = r'{"a": "[{\"}]\\", "b": ["]", "{"], "c": 1}'
        index = JsonPositionIndex(text)
        assert index.value_span("/a") == span(1, 7, 1, 17)
        assert index.value_span("/b/1") == span(1, 30, 1, 33)
        assert index.value_span("/c") == span(1, 41, 1, 42)


DUPLICATES = """{
  "a": 1,
  "b": {"x": 1, "x": 2},
  "a": 3,
  "a": 4
}"""


class TestDuplicateKeys:
    def test_every_repeat_in_text_order_each_against_the_occurrence_before(self):
        assert JsonPositionIndex(DUPLICATES).duplicate_keys() == [
            DuplicateKey("/b/x", "x", span(3, 9, 3, 12), span(3, 17, 3, 20)),
            DuplicateKey("/a", "a", span(2, 3, 2, 6), span(4, 3, 4, 6)),
            DuplicateKey("/a", "a", span(4, 3, 4, 6), span(5, 3, 5, 6)),
        ]

    def test_the_pointer_resolves_to_the_last_occurrence(self):
        index = JsonPositionIndex(DUPLICATES)
        assert index.key_span("/a") == span(5, 3, 5, 6)
        assert index.value_span("/a") == span(5, 8, 5, 9)
        assert index.value_span("/b/x") == span(3, 22, 3, 23)

    def test_members_of_an_overwritten_value_are_gone(self):
        index = JsonPositionIndex('{"a": {"x": 1}, "a": {"y": 2}}')
        assert index.value_span("/a/x") is None
        assert index.value_span("/a/y") == span(1, 28, 1, 29)
        assert index.duplicate_keys() == [DuplicateKey("/a", "a", span(1, 2, 1, 5), span(1, 17, 1, 20))]

    def test_inside_an_array_and_with_a_key_that_needs_escaping(self):
        index = JsonPositionIndex('[{"k/~": 1, "k/~": 2}]')
        assert index.duplicate_keys() == [DuplicateKey("/0/k~1~0", "k/~", span(1, 3, 1, 8), span(1, 13, 1, 18))]

    def test_differently_escaped_spellings_of_one_key(self):
        index = JsonPositionIndex(r'{"a": 1, "\u0061": 2}')
        assert index.duplicate_keys() == [DuplicateKey("/a", "a", span(1, 2, 1, 5), span(1, 10, 1, 18))]

    def test_the_same_key_in_different_objects_is_no_duplicate(self):
        assert JsonPositionIndex('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}').duplicate_keys() == []


class TestDeepNesting:
    def test_a_50000_deep_array_is_scanned_without_recursion(self):
        depth = 50_000
        index = JsonPositionIndex("[" * depth + "]" * depth)
        assert index.value_span("") == span(1, 1, 1, 2 * depth + 1)
        assert index.value_span("/0" * (depth - 1)) == span(1, depth, 1, depth + 2)
        assert index.value_span("/0" * depth) is None

    def test_50000_deep_objects(self):
        depth = 50_000
        index = JsonPositionIndex('{"a":' * depth + "1" + "}" * depth)
        assert index.value_span("/a" * depth) == span(1, 5 * depth + 1, 1, 5 * depth + 2)
        assert index.key_span("/a" * depth) == span(1, 5 * depth - 3, 1, 5 * depth)

    def test_an_unclosed_50000_deep_array_does_not_crash(self):
        index = JsonPositionIndex("[" * 50_000)
        assert index.value_span("") == span(1, 1, 1, 50_001)


class TestTextThatIsNotJson:
    def test_unclosed_containers_run_to_the_end_of_the_text(self):
        index = JsonPositionIndex('{"a": [1, 2')
        assert index.value_span("/a") == span(1, 7, 1, 12)
        assert index.value_span("/a/1") == span(1, 11, 1, 12)

    def test_an_unterminated_string_runs_to_the_end_of_the_text(self):
        index = JsonPositionIndex('["ab\\"cd')
        assert index.value_span("/0") == span(1, 2, 1, 9)
        assert JsonPositionIndex('["ab\\').value_span("/0") == span(1, 2, 1, 6)

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from('{}[]",:\\ \n\ra1tnu-.e"')) | st.text())
    def test_any_text_is_scanned_without_error(self, text):
        index = JsonPositionIndex(text)
        index.value_span("")
        index.key_span("/a")
        index.value_span("/0/a")
        index.duplicate_keys()

    def test_binary_garbage_decoded_as_latin_1(self):
        index = JsonPositionIndex(bytes(range(256)).decode("latin-1") * 3)
        index.value_span("")
        index.duplicate_keys()


class TestLocatingHelpers:
    def test_first_bracket_deeper_than_skips_brackets_in_strings(self):
        text = '[{"[[[[": [[1]]}]'
        assert first_bracket_deeper_than(text, 3) == text.index("[[1") + 1
        assert first_bracket_deeper_than(text, 4) is None

    def test_first_bracket_deeper_than_on_a_deep_array(self):
        assert first_bracket_deeper_than("[" * 50_000, 500) == 500
        assert first_bracket_deeper_than("[" * 500 + "]" * 500, 500) is None

    def test_first_non_finite_literal_skips_strings(self):
        text = '{"NaN": "-Infinity", "x": [1, -Infinity, NaN]}'
        start = text.index("-Infinity,")
        assert first_non_finite_literal(text) == (start, start + len("-Infinity"))
        assert first_non_finite_literal('{"NaN": "Infinity"}') is None

    def test_first_long_integer_ignores_fractions_exponents_and_strings(self):
        text = '["' + "9" * 20 + '", ' + "1" * 20 + ".5, " + "2" * 20 + "e3, -" + "3" * 11 + "]"
        start = text.index("-3")
        assert first_long_integer(text, 10) == (start, start + 12)
        assert first_long_integer(text, 11) is None


# --- the property: every value and key the data has, the index finds exactly -------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=25,
)


def members(value, pointer="", key=None):
    """Every (pointer, key, value) in ``value``, the root first; ``key`` is None but in objects."""
    yield pointer, key, value
    if isinstance(value, dict):
        for name, child in value.items():
            yield from members(child, join(pointer, name), name)
    elif isinstance(value, list):
        for position, child in enumerate(value):
            yield from members(child, join(pointer, position))


def slice_of(text: str, found: Span) -> str:
    """The text a span covers, with lines found independently of LineIndex.

    A position must lie on its line (at most just after its last character): a span that
    counted a line break as an ordinary character would still slice the right text.
    """
    breaks = list(re.finditer(r"\r\n|\r|\n", text))
    starts = [0] + [m.end() for m in breaks]
    line_ends = [m.start() for m in breaks] + [len(text)]

    def offset(position: Position) -> int:
        offset = starts[position.line - 1] + position.column - 1
        assert offset <= line_ends[position.line - 1]
        return offset

    return text[offset(found.start) : offset(found.end)]


@settings(max_examples=300, deadline=None)
@given(
    value=json_values,
    indent=st.sampled_from([None, 0, 2, "\t"]),
    ensure_ascii=st.booleans(),
    line_break=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_every_pointer_of_the_data_has_exact_spans(value, indent, ensure_ascii, line_break):
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii).replace("\n", line_break)
    for index in (JsonPositionIndex(text), JsonPointerPositions(text)):
        for pointer, key, member in members(value):
            assert json.loads(slice_of(text, index.value_span(pointer))) == member
            if key is None:
                assert index.key_span(pointer) is None
            else:
                assert json.loads(slice_of(text, index.key_span(pointer))) == key
        assert index.duplicate_keys() == []


@settings(max_examples=300, deadline=None)
@given(value=json_values, indent=st.sampled_from([None, 0, 2, "\t"]), ensure_ascii=st.booleans(),
       asked=st.lists(st.sampled_from(["", "/0", "/a", "/a/0", "/0/a", "/~1", "/-", "/00", "x", "/a/b/c"]), max_size=3))
def test_the_pointers_asked_for_have_the_full_index_spans_in_any_order(value, indent, ensure_ascii, asked):
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    full, asked_only = JsonPositionIndex(text), JsonPointerPositions(text)
    pointers = [pointer for pointer, _, _ in members(value)] + asked
    for pointer in reversed(pointers):  # children before their parents, then the misses
        assert asked_only.value_span(pointer) == full.value_span(pointer), pointer
        assert asked_only.key_span(pointer) == full.key_span(pointer), pointer


def test_a_parsed_file_asks_for_positions_of_its_pointers_only_and_the_full_index_for_repeats():
    from provlint.source import load_bytes

    assert type(load_bytes(b'{"a": {"b": [1, 2]}}', "c.json").positions) is JsonPointerPositions
    repeated = load_bytes(b'{"a": 1, "a": 2}', "c.json")
    assert type(repeated.positions) is JsonPositionIndex
    assert [d.key for d in repeated.positions.duplicate_keys()] == ["a"]
