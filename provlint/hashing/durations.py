"""Bifrost's reading of a retry backoff as milliseconds, for the hashes."""

from __future__ import annotations

from provlint.go_duration import INT64_MAX, NANOSECONDS_PER_MILLISECOND, InvalidDuration, parse_go_duration


def backoff_milliseconds(value: int | str) -> int:
    """A backoff as Bifrost writes it: integer milliseconds, 0 for zero or negative.

    ``value`` is integer milliseconds or a Go duration string. Bifrost keeps the value only if
    the duration is positive, then writes ``int64(d / time.Millisecond)``, which truncates.
    Raises ``InvalidDuration`` for a bad string, and for milliseconds too large for a Go
    ``time.Duration`` (Go would overflow silently; provlint will not guess the wrapped value).
    """
    if isinstance(value, str):
        nanoseconds = parse_go_duration(value)
    else:
        if value <= 0:
            return 0
        nanoseconds = value * NANOSECONDS_PER_MILLISECOND
        if nanoseconds > INT64_MAX:
            raise InvalidDuration(
                f"{value} milliseconds is longer than a Go time.Duration can hold (about 292 years)"
            )
    if nanoseconds <= 0:
        return 0
    return nanoseconds // NANOSECONDS_PER_MILLISECOND
