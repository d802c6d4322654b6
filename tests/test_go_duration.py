"""One reading of Go durations for rules and hashes, and where the rules' old one was wrong.

PL401, PL402 and the claims of PL402 read backoff strings with a regular expression and exact
fractions; the hashes used a step-by-step port of Go's time.ParseDuration. The rules now use
the port. The cases below are where the two disagreed: each is Go's answer.
"""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provlint.go_duration import INT64_MAX, InvalidDuration, duration_milliseconds, parse_go_duration
from tests.conftest import lint


@pytest.mark.parametrize(
    "text, old, go",
    [
        ("5s\n", 5000, None),  # `$` matched before the trailing newline; Go sees the unit "s\n"
        ("١٢s", 12000, None),  # `\d` took Arabic-Indic digits; Go reads ASCII digits only
        ("2562048h", 9223372800000, None),  # past 2^63 ns: Go refuses what it cannot hold
        ("9223372036854775808ns", 9223372036854, None),
        ("300000000000000ms", 300000000000000, None),
        ("9999999999999999999.5ms", 9999999999999999999, None),
        # Go sums the fraction in float64 and truncates; exact fractions fell a millisecond short.
        ("1.9999999999999999999ms", 1, 2),
        ("0.9999999999999999999999ms", 0, 1),
        ("0.0019999999999999999999s", 1, 2),
    ],
)
def test_where_the_rules_old_parser_disagreed_with_go(text, old, go):
    assert duration_milliseconds(text) == go


@pytest.mark.parametrize(
    "text, ms",
    [("500ms", 500), ("1m30s", 90000), ("-1s", -1000), ("-0.5ms", 0), ("+0", 0), ("1.ms", 1),
     ("-9223372036854775808ns", -9223372036854), ("9223372036854775807ns", 9223372036854)],
)
def test_milliseconds_truncate_toward_zero(text, ms):
    assert duration_milliseconds(text) == ms


@pytest.mark.parametrize("text", ["5", "0.0", "1.5.5s", ".s", "", "-", "1d", " 1s", None, 500, True])
def test_what_go_refuses_has_no_milliseconds(text):
    assert duration_milliseconds(text) is None


def test_pl402_asks_for_no_integer_go_cannot_hold():
    # Before: "write 9223372800000", a backoff Go refuses. Now the string is no duration at all.
    found = lint('{"network_config": {"retry_backoff_initial": "2562048h"}}')
    assert [(d.code, d.message) for d in found] == [("PL100", "`retry_backoff_initial` must be an integer (got a string)")]
    (valid,) = lint('{"network_config": {"retry_backoff_initial": "5s"}}')
    assert valid.code == "PL402" and valid.message.endswith("write 5000")


UNITS = {"ns": 1, "us": 10**3, "µs": 10**3, "ms": 10**6, "s": 10**9, "m": 60 * 10**9, "h": 3600 * 10**9}
PARTS = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(sorted(UNITS))), min_size=1, max_size=4)


@given(PARTS, st.sampled_from(["", "+", "-"]))
def test_whole_numbers_read_exactly(parts, sign):
    text = sign + "".join(f"{n}{unit}" for n, unit in parts)
    nanoseconds = sum(n * UNITS[unit] for n, unit in parts)
    if nanoseconds > 2**63 - 1:  # past int64 Go refuses the duration, as the 2562048h case above
        assert duration_milliseconds(text) is None
        return
    assert parse_go_duration(text) == (-nanoseconds if sign == "-" else nanoseconds)
    expected = nanoseconds // 10**6
    assert duration_milliseconds(text) == (-expected if sign == "-" else expected)


@given(st.integers(0, 10**6), st.integers(0, 999), st.sampled_from(["ms", "s", "m"]))
def test_short_fractions_read_as_exact_arithmetic_says(whole, fraction, unit):
    # Three fraction digits keep float64 exact enough: Go, the port and Fraction agree.
    text = f"{whole}.{fraction:03d}{unit}"
    exact = int(Fraction(f"{whole}.{fraction:03d}") * UNITS[unit])
    assert parse_go_duration(text) == exact


@given(st.text(alphabet="0123456789.+-nsuµmh \n", max_size=12))
def test_milliseconds_exist_exactly_when_go_parses(text):
    try:
        nanoseconds = parse_go_duration(text)
    except InvalidDuration:
        assert duration_milliseconds(text) is None
    else:
        assert abs(nanoseconds) <= INT64_MAX + 1
        assert duration_milliseconds(text) == int(Fraction(nanoseconds, 10**6))
