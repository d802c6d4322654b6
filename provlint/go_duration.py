"""Go's ``time.ParseDuration``: the one reading of Go duration strings in provlint.

Bifrost reads some settings (retry backoffs) as Go durations; the rules that judge them and the
hashes computed from them both read them here. The parser follows Go's source
(src/time/format.go) step by step, over UTF-8 bytes as Go does, including its uint64 arithmetic
and overflow checks, so that every string Go accepts gives the same nanoseconds here and every
string it rejects is rejected here.
"""

from __future__ import annotations

from provlint.go_strings import go_string_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

NANOSECONDS_PER_MILLISECOND = 1_000_000
INT64_MAX = (1 << 63) - 1
INT64_MIN = -(1 << 63)
_UINT64_WRAP = 1 << 64

_UNIT_NANOSECONDS = {
    b"ns": 1,
    b"us": 1_000,
    "\u00b5s".encode(): 1_000,  # micro sign
    "\u03bcs".encode(): 1_000,  # Greek small letter mu
    b"ms": 1_000_000,
    b"s": 1_000_000_000,
    b"m": 60 * 1_000_000_000,
    b"h": 3600 * 1_000_000_000,
}


class InvalidDuration(ValueError):
    """Go's ``time.ParseDuration`` would reject this text; the message is Go's."""


def _go_quote(raw: bytes) -> str:
    return '"' + raw.decode("utf-8", "replace").replace("\\", "\\\\").replace('"', '\\"') + '"'


def _leading_int(s: bytes) -> tuple[int, bytes] | None:
    """Go's leadingInt: the leading digits, or None on overflow past 1<<63."""
    x = 0
    i = 0
    while i < len(s) and 0x30 <= s[i] <= 0x39:
        if x > (1 << 63) // 10:
            return None
        x = x * 10 + (s[i] - 0x30)
        if x > 1 << 63:
            return None
        i += 1
    return x, s[i:]


def _leading_fraction(s: bytes) -> tuple[int, float, bytes]:
    """Go's leadingFraction: digits after the point; past uint64 precision they are skipped."""
    x = 0
    scale = 1.0
    overflow = False
    i = 0
    while i < len(s) and 0x30 <= s[i] <= 0x39:
        if not overflow:
            if x > INT64_MAX // 10:
                overflow = True
            else:
                y = x * 10 + (s[i] - 0x30)
                if y > 1 << 63:
                    overflow = True
                else:
                    x = y
                    scale *= 10
        i += 1
    return x, scale, s[i:]


def parse_go_duration(text: str) -> int:
    """Nanoseconds of a Go duration string such as ``"1.5s"``, ``"-2m"`` or ``"1h2m3ms"``."""
    orig = go_string_text(text).encode("utf-8")
    s = orig
    invalid = InvalidDuration(f"time: invalid duration {_go_quote(orig)}")
    neg = False
    if s[:1] in (b"-", b"+"):
        neg = s[:1] == b"-"
        s = s[1:]
    if s == b"0":
        return 0
    if not s:
        raise invalid
    d = 0
    while s:
        if not (s[0] == 0x2E or 0x30 <= s[0] <= 0x39):
            raise invalid
        before = len(s)
        leading = _leading_int(s)
        if leading is None:
            raise invalid
        v, s = leading
        pre = before != len(s)
        f, scale, post = 0, 1.0, False
        if s[:1] == b".":
            s = s[1:]
            before = len(s)
            f, scale, s = _leading_fraction(s)
            post = before != len(s)
        if not pre and not post:
            raise invalid
        i = 0
        while i < len(s) and not (s[i] == 0x2E or 0x30 <= s[i] <= 0x39):
            i += 1
        if i == 0:
            raise InvalidDuration(f"time: missing unit in duration {_go_quote(orig)}")
        unit_text, s = s[:i], s[i:]
        unit = _UNIT_NANOSECONDS.get(unit_text)
        if unit is None:
            raise InvalidDuration(
                f"time: unknown unit {_go_quote(unit_text)} in duration {_go_quote(orig)}"
            )
        if v > (1 << 63) // unit:
            raise invalid
        v *= unit
        if f > 0:
            # Go computes the fraction in float64 and truncates it to an integer; so do we.
            v += int(float(f) * (float(unit) / scale))
            if v > 1 << 63:
                raise invalid
        # d is a uint64 in Go: 2^63 + 2^63 wraps to 0 and passes the check below.
        d = (d + v) % _UINT64_WRAP
        if d > 1 << 63:
            raise invalid
    if neg:
        return -d  # d <= 2^63, so -d fits an int64 (2^63 itself wraps to the minimum in Go too)
    if d > INT64_MAX:
        raise invalid
    return d


def duration_milliseconds(text: Any) -> Optional[int]:
    """Whole milliseconds of a Go duration string, as Go's ``int64(d / time.Millisecond)``
    gives them (truncated toward zero, sign kept); None for anything Go would not parse."""
    if not isinstance(text, str):
        return None
    try:
        nanoseconds = parse_go_duration(text)
    except InvalidDuration:
        return None
    milliseconds = abs(nanoseconds) // NANOSECONDS_PER_MILLISECOND
    return -milliseconds if nanoseconds < 0 else milliseconds


__all__ = ["INT64_MAX", "INT64_MIN", "InvalidDuration", "duration_milliseconds", "parse_go_duration"]
