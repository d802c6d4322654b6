"""load_json: plain data, a lazy position index, and every failure as a ParseError with its place."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.findings import Position, Span
from provlint.source.document import DuplicateKey, Format
from provlint.source.json_positions import JsonPositionIndex
from provlint.source.json_source import MAX_DEPTH, load_json


def load(content: str | bytes):
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return load_json(raw, "config.json")


def span(line: int, column: int, end_line: int, end_column: int) -> Span:
    return Span(Position(line, column), Position(end_line, end_column))


def error_of(content: str | bytes):
    document = load(content)
    assert document.error is not None and document.data is None and not document.ok
    assert document.format is Format.JSON and document.path == "config.json"
    return document.error


class TestCleanFiles:
    def test_data_text_and_format(self):
        text = '{\r\n  "providers": {"openai": {"keys": []}},\r\n  "é": 1.5\r\n}\r\n'
        document = load(text)
        assert document.ok and document.error is None
        assert document.data == {"providers": {"openai": {"keys": []}}, "é": 1.5}
        assert document.text == text
        assert document.format is Format.JSON
        assert document.has_duplicates is False

    def test_the_position_index_is_built_only_when_asked(self):
        document = load('{"a": [1, {"b": true}]}')
        assert document._index is None
        assert isinstance(document.positions, JsonPositionIndex)
        assert document.positions.value_span("/a/1/b") == span(1, 17, 1, 21)
        assert document.positions is document.positions

    def test_span_of_falls_back_to_the_nearest_ancestor(self):
        document = load('{\n  "a": {"b": 1}\n}')
        assert document.span_of("/a/b") == span(2, 14, 2, 15)
        assert document.span_of("/a/b", "key") == span(2, 9, 2, 12)
        assert document.span_of("/a/missing") == span(2, 3, 2, 6)

    @pytest.mark.parametrize("content, value", [('"x"', "x"), ("0", 0), ("[]", []), ("null", None), (" {} ", {})])
    def test_any_json_value_is_a_document(self, content, value):
        assert load(content).data == value

    def test_a_deep_but_allowed_document(self):
        document = load("[" * MAX_DEPTH + "]" * MAX_DEPTH)
        assert document.ok
        assert document.positions.value_span("/0" * (MAX_DEPTH - 1)) == span(1, MAX_DEPTH, 1, MAX_DEPTH + 2)

    def test_many_brackets_in_strings_are_no_nesting(self):
        assert load(json.dumps(["[{" * 2000])).ok


class TestDuplicateKeys:
    def test_two_occurrences_raise_the_flag_and_the_last_wins(self):
        document = load('{\n  "a": 1,\n  "a": 2\n}')
        assert document.ok and document.has_duplicates is True
        assert document.data == {"a": 2}
        assert document.positions.duplicate_keys() == [
            DuplicateKey("/a", "a", span(2, 3, 2, 6), span(3, 3, 3, 6))
        ]

    def test_three_occurrences_nested(self):
        document = load('{"p": [{"k": 1, "k": 2, "k": 3}]}')
        assert document.has_duplicates is True
        assert document.data == {"p": [{"k": 3}]}
        assert document.positions.duplicate_keys() == [
            DuplicateKey("/p/0/k", "k", span(1, 9, 1, 12), span(1, 17, 1, 20)),
            DuplicateKey("/p/0/k", "k", span(1, 17, 1, 20), span(1, 25, 1, 28)),
        ]
        assert document.positions.value_span("/p/0/k") == span(1, 30, 1, 31)

    def test_no_duplicates_no_flag(self):
        assert load('{"a": {"k": 1}, "b": {"k": 1}}').has_duplicates is False


class TestEncodingErrors:
    def test_utf8_byte_order_mark(self):
        error = error_of(b'\xef\xbb\xbf{"a": 1}')
        assert "byte-order mark" in error.message
        assert error.span == span(1, 1, 1, 2)

    def test_invalid_utf8_in_line_3(self):
        error = error_of(b'{\n  "a": 1,\n  "b": "caf\xe9"\n}')
        assert "invalid UTF-8" in error.message and "0xe9" in error.message
        assert error.span == span(3, 12, 3, 13)

    def test_invalid_utf8_after_multibyte_characters(self):
        error = error_of('{\n"x": 1,\n"é": "'.encode() + b'\xff"}')
        assert error.span == span(3, 7, 3, 8)

    def test_the_failed_document_keeps_a_readable_text(self):
        document = load(b'{"a": "\xff"}')
        assert document.text == '{"a": "\ufffd"}'

    def test_binary_garbage(self):
        error = error_of(bytes(range(256)))
        assert "NUL bytes" in error.message
        assert error.span == span(1, 1, 1, 2)

    def test_utf16_with_byte_order_mark(self):
        error = error_of('{"a": 1}'.encode("utf-16"))
        assert "UTF-16" in error.message
        assert error.span == span(1, 1, 1, 2)

    def test_utf16_without_byte_order_mark(self):
        little = error_of('{"a": 1}'.encode("utf-16-le"))
        assert "UTF-16 without a byte-order mark" in little.message
        assert little.span == span(1, 2, 1, 3)
        assert error_of('{"a": 1}'.encode("utf-16-be")).span == span(1, 1, 1, 2)


class TestSyntaxErrors:
    def test_empty_file(self):
        error = error_of(b"")
        assert error.message == "the file is empty"
        assert error.span == span(1, 1, 1, 1)

    def test_whitespace_only(self):
        error = error_of(" \n\t\r\n")
        assert "the file is empty" in error.message
        assert error.span == span(1, 1, 1, 1)

    def test_other_whitespace_is_no_json_whitespace(self):
        error = error_of("\u00a0\n")
        assert error.message == "Expecting value"
        assert error.span == span(1, 1, 1, 2)

    def test_trailing_comma_in_an_object(self):
        error = error_of('{\n  "a": 1,\n}')
        assert "trailing comma before `}`" in error.message
        assert error.span == span(2, 9, 2, 10)

    def test_trailing_comma_in_an_array(self):
        error = error_of("[1, 2, ]")
        assert "trailing comma before `]`" in error.message
        assert error.span == span(1, 6, 1, 7)

    def test_trailing_comma_across_crlf_lines(self):
        error = error_of('{\r\n  "a": [\r\n    1,\r\n  ]\r\n}')
        assert "trailing comma before `]`" in error.message
        assert error.span == span(3, 6, 3, 7)

    def test_a_comma_that_is_not_trailing_keeps_pythons_message(self):
        error = error_of("[1,,2]")
        assert error.message == "Expecting value"
        assert error.span == span(1, 4, 1, 5)

    def test_pythons_message_at_the_exact_place(self):
        error = error_of('{\n  "a": 1\n  "b": 2\n}')
        assert error.message == "Expecting ',' delimiter"
        assert error.span == span(3, 3, 3, 4)

    def test_after_multibyte_characters(self):
        error = error_of('{"漢字😀": 1 "b": 2}')
        assert error.message == "Expecting ',' delimiter"
        assert error.span == span(1, 11, 1, 12)

    def test_at_the_end_of_the_text_the_span_is_empty(self):
        error = error_of('{"a": 1')
        assert error.message == "Expecting ',' delimiter"
        assert error.span == span(1, 8, 1, 8)

    def test_extra_data(self):
        error = error_of('{"a": 1}\n{"b": 2}')
        assert error.message == "Extra data"
        assert error.span == span(2, 1, 2, 2)

    def test_control_character_in_a_string(self):
        error = error_of('{"a": "line\tbreak"}')
        assert "invalid control character in a string" in error.message
        assert error.span == span(1, 12, 1, 13)


needs_int_digit_limit = pytest.mark.skipif(
    not hasattr(sys, "get_int_max_str_digits"), reason="Python without a limit on integer digits"
)


class TestValuesJsonForbids:
    @pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_literal_at_its_place(self, literal):
        error = error_of('{\n  "a": [1, %s]\n}' % literal)
        assert f"{literal} is not valid JSON" in error.message
        assert error.span == span(2, 12, 2, 12 + len(literal))

    def test_non_finite_literal_after_the_same_words_in_strings(self):
        error = error_of('{"NaN": "Infinity", "v": NaN}')
        assert "NaN is not valid JSON" in error.message
        assert error.span == span(1, 26, 1, 29)

    @needs_int_digit_limit
    def test_a_5000_digit_integer(self):
        error = error_of('{\n  "n": ' + "1" * 5000 + "\n}")
        assert "5000 digits" in error.message and "too long" in error.message
        assert error.span == span(2, 8, 2, 5008)

    @needs_int_digit_limit
    def test_a_negative_5000_digit_integer(self):
        error = error_of("[-" + "7" * 5000 + "]")
        assert "5000 digits" in error.message
        assert error.span == span(1, 2, 1, 5003)

    def test_a_long_number_with_a_fraction_is_no_integer(self):
        assert load("[0." + "1" * 5000 + "]").ok


class TestNesting:
    def test_a_50000_deep_array_without_recursion_error(self):
        error = error_of("[" * 50_000)
        assert error.message == f"nesting deeper than {MAX_DEPTH} levels"
        assert error.span == span(1, MAX_DEPTH + 1, 1, MAX_DEPTH + 2)

    def test_a_closed_50000_deep_array(self):
        error = error_of("[" * 50_000 + "]" * 50_000)
        assert error.span == span(1, MAX_DEPTH + 1, 1, MAX_DEPTH + 2)

    def test_the_limit_holds_even_where_json_loads_would_succeed(self):
        depth = MAX_DEPTH + 1
        error = error_of('{"a":' * depth + "1" + "}" * depth)
        assert error.message == f"nesting deeper than {MAX_DEPTH} levels"
        assert error.span == span(1, 5 * MAX_DEPTH + 1, 1, 5 * MAX_DEPTH + 2)

    def test_the_limit_counts_objects_and_arrays_alike(self):
        # 251 arrays holding 251 objects: 502 levels, neither kind alone over the limit.
        error = error_of('[{"a":' * 251 + "1" + "}]" * 251)
        assert error.message == f"nesting deeper than {MAX_DEPTH} levels"
        assert load('[{"a":' * 250 + "1" + "}]" * 250).ok

    def test_deep_nesting_over_many_lines(self):
        error = error_of("[\n" * 600 + "]\n" * 600)
        assert error.span == span(MAX_DEPTH + 1, 1, MAX_DEPTH + 1, 2)


@settings(max_examples=300, deadline=None)
@given(st.binary() | st.text().map(str.encode) | st.sampled_from([b"[" * 3000, b'{"a":' * 2000, b"\xef\xbb\xbf"]))
def test_never_raises(raw):
    document = load_json(raw, "x.json")
    if document.ok:
        assert document.data == json.loads(document.text)
    else:
        assert document.data is None
        assert document.error.span.start.line >= 1 and document.error.span.start.column >= 1
        assert document.error.span.end >= document.error.span.start
