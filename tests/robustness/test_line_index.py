"""Positions cost what the findings ask, not what the file holds; answers match a line list."""

import bisect
import re
import tracemalloc

from hypothesis import example, given, settings
from hypothesis import strategies as st

from provlint.findings import Position
from provlint.source.text import LineIndex

_BREAK = re.compile(r"\r\n|\r|\n")


def reference_position(text: str, offset: int) -> Position:
    """The definition: a list of every line start (what LineIndex kept before)."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    line = bisect.bisect_right(starts, offset) - 1
    return Position(line + 1, offset - starts[line] + 1)


def reference_line(text: str, line: int) -> str:
    lines = _BREAK.split(text)
    return lines[line - 1] if 1 <= line <= len(lines) else ""


TEXTS = st.text(alphabet="ab\r\n\t\ufeffé", max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.lists(st.integers(min_value=0, max_value=60), max_size=12))
def test_positions_in_any_order_match_the_line_list(text, offsets):
    index = LineIndex(text)
    for offset in offsets:
        offset = min(offset, len(text))
        assert index.position(offset) == reference_position(text, offset)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.integers(min_value=0, max_value=60), max_size=4), st.integers(min_value=0, max_value=30))
def test_line_text_matches_the_line_list(text, asked, line):
    index = LineIndex(text)
    for offset in asked:  # checkpoints left by earlier questions must not change the answer
        index.position(min(offset, len(text)))
    assert index.line_text(line) == reference_line(text, line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\t\u2028é", max_size=60), st.lists(st.integers(min_value=0, max_value=60), max_size=12),
       st.integers(min_value=0, max_value=30))
def test_a_text_without_carriage_returns_matches_the_line_list(text, offsets, line):
    # Such a text takes the newline-only counting; the lists above mostly hold a \r.
    index = LineIndex(text)
    for offset in offsets:
        offset = min(offset, len(text))
        assert index.position(offset) == reference_position(text, offset)
    assert index.line_text(line) == reference_line(text, line)


def test_crlf_split_by_the_offset_belongs_to_the_line_before():
    index = LineIndex("ab\r\ncd")
    assert index.position(3) == Position(1, 4)  # between \r and \n
    assert index.position(4) == Position(2, 1)
    assert index.position(2) == Position(1, 3)


def test_ten_megabytes_of_blank_lines_with_one_finding_stay_small():
    # Issue 9: a list of line starts cost 530 MB here; now memory is the text and a few ints.
    text = "\n" * 10_000_000 + '{"a": 1}'
    tracemalloc.start()
    try:
        index = LineIndex(text)
        position = index.position(len(text) - 2)
        line = index.line_text(10_000_001)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert position == Position(10_000_001, 7)
    assert line == '{"a": 1}'
    assert peak < 1_000_000


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.booleans())
def test_every_line_asked_in_order_or_reverse_matches_the_line_list(text, backwards):
    index = LineIndex(text)
    lines = list(range(0, len(_BREAK.split(text)) + 3))
    for line in reversed(lines) if backwards else lines:
        assert index.line_text(line) == reference_line(text, line)


@settings(max_examples=300, deadline=None)
@given(TEXTS | st.text(alphabet="ab\n\té", max_size=60),
       st.lists(st.tuples(*[st.integers(min_value=-2, max_value=62)] * 2), max_size=8))
@example("a\nb", [(0, 3)])
@example("a\r\nb", [(0, 2), (0, 3)])
def test_spans_are_their_two_positions(text, pairs):
    index = LineIndex(text)
    for start, end in pairs:
        start, end = min(start, end), max(start, end)
        clamp = lambda offset: max(0, min(offset, len(text)))  # noqa: E731
        found = index.span(start, end)
        expected = (reference_position(text, clamp(start)), reference_position(text, clamp(end)))
        assert (found.start, found.end) == expected
