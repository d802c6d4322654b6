"""Go's time.ParseDuration, and backoffs as Bifrost writes them."""

from __future__ import annotations

import pytest

from provlint.go_duration import InvalidDuration, parse_go_duration
from provlint.hashing.durations import backoff_milliseconds

NS, US, MS, S = 1, 1_000, 1_000_000, 1_000_000_000
M, H = 60 * S, 3600 * S

# Cases from Go's own time tests (src/time/time_test.go, parseDurationTests).
VALID = [
    ("0", 0),
    ("-0", 0),
    ("+0", 0),
    ("5s", 5 * S),
    ("30s", 30 * S),
    ("1478s", 1478 * S),
    ("-5s", -5 * S),
    ("+5s", 5 * S),
    ("-0s", 0),
    ("5.0s", 5 * S),
    ("5.6s", 5 * S + 600 * MS),
    ("5.s", 5 * S),
    (".5s", 500 * MS),
    ("1.004s", 1 * S + 4 * MS),
    ("100.00100s", 100 * S + 1 * MS),
    ("10ns", 10 * NS),
    ("11us", 11 * US),
    ("12µs", 12 * US),  # U+00B5 micro sign
    ("12μs", 12 * US),  # U+03BC Greek mu
    ("13ms", 13 * MS),
    ("15m", 15 * M),
    ("16h", 16 * H),
    ("3h30m", 3 * H + 30 * M),
    ("10.5s4m", 4 * M + 10 * S + 500 * MS),
    ("-2m3.4s", -(2 * M + 3 * S + 400 * MS)),
    ("1h2m3s4ms5us6ns", H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS),
    ("39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS),
    ("52763797000ns", 52763797000 * NS),
    ("0.3333333333333333333h", 20 * M),
    ("9007199254740993ns", (1 << 53) + 1),
    ("9223372036854775807ns", (1 << 63) - 1),
    ("9223372036854775.807us", (1 << 63) - 1),
    ("9223372036s854ms775us807ns", (1 << 63) - 1),
    ("-9223372036854775808ns", -(1 << 63)),
    ("-9223372036854775.808us", -(1 << 63)),
    ("0.100000000000000000000h", 6 * M),
    ("0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS),
]

INVALID = [
    "",
    "3",
    "-",
    "s",
    ".",
    "-.",
    ".s",
    "+.s",
    "1d",
    "5 s",
    " 5s",
    "5S",
    "1.5",
    "0.0",
    "\x85\x85",
    "hello \uffff world",
    "9223372036854775808ns",
    "9223372036854775.808us",
    "9223372036854ms775us808ns",
    "-9223372036854775809ns",
]


@pytest.mark.parametrize("text, nanoseconds", VALID, ids=[row[0] for row in VALID])
def test_valid_durations(text, nanoseconds):
    assert parse_go_duration(text) == nanoseconds


@pytest.mark.parametrize("text", INVALID, ids=[repr(text) for text in INVALID])
def test_invalid_durations(text):
    with pytest.raises(InvalidDuration):
        parse_go_duration(text)


def test_error_messages_are_gos():
    with pytest.raises(InvalidDuration, match='^time: invalid duration "x"$'):
        parse_go_duration("x")
    with pytest.raises(InvalidDuration, match='^time: missing unit in duration "5"$'):
        parse_go_duration("5")
    with pytest.raises(InvalidDuration, match='^time: unknown unit "d" in duration "1d"$'):
        parse_go_duration("1d")


def test_uint64_wraparound_is_gos():
    # Go sums the parts in a uint64: 2^63 + 2^63 wraps to 0, and Go accepts the result.
    assert parse_go_duration("9223372036854775808ns9223372036854775808ns") == 0


BACKOFFS = [
    (500, 500),
    (1, 1),
    (0, 0),
    (-1, 0),
    (-5000, 0),
    (1099511627776, 1099511627776),
    ("500ms", 500),
    ("1.5s", 1500),
    ("2m", 120_000),
    ("1h2m", 3_720_000),
    ("1500us", 1),  # truncation, not rounding
    ("1999999ns", 1),
    ("999us", 0),
    ("0", 0),
    ("0s", 0),
    ("-5s", 0),
    ("-1ms", 0),
]


@pytest.mark.parametrize("value, milliseconds", BACKOFFS, ids=[repr(row[0]) for row in BACKOFFS])
def test_backoff_milliseconds(value, milliseconds):
    assert backoff_milliseconds(value) == milliseconds


def test_backoff_milliseconds_rejects_what_go_cannot_hold():
    assert backoff_milliseconds(9_223_372_036_854) == 9_223_372_036_854
    with pytest.raises(InvalidDuration):
        backoff_milliseconds(9_223_372_036_855)
    with pytest.raises(InvalidDuration):
        backoff_milliseconds("five seconds")
