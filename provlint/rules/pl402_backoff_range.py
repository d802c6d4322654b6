"""A retry backoff outside the bounds of the target Bifrost line, or written as a duration string.

Bifrost's management API refuses a backoff (``retry_backoff_initial``, ``retry_backoff_max``)
outside its bounds (100 ms .. 1,000,000 ms in Bifrost 1.5); a config file is loaded without that
check, so a value of ``5`` meant as seconds silently becomes 5 milliseconds. The Bifrost 1.5
API document and Bifrost's config schema take integer milliseconds only (the catalog's
``duration_strings: false``); a Go duration string such as ``"500ms"`` is read by some Bifrost
builds but refused by the schema, the API document and older builds. Such a string is reported
here, once (the model validation leaves it to this rule), with the integer to write instead. A
value of 0 or less is not a bound violation: Bifrost replaces it with its default.

Fails::

    {"network_config": {"retry_backoff_initial": 5, "retry_backoff_max": 2000}}

Passes::

    {"network_config": {"retry_backoff_initial": 500, "retry_backoff_max": 2000}}
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from typing import Any, Iterator, Optional

from provlint.findings import Finding, FixIntent, ReplaceValue, Severity
from provlint.rules.context import RuleContext, block

CODE = "PL402"
NAME = "backoff-range"
SEVERITY = Severity.ERROR
TAGS = ("correctness", "reliability")
FIX = "write the backoff as integer milliseconds within the bounds of the target Bifrost line"
FIXABLE = "writes a duration string as its integer milliseconds (safe; only where that is exact and above 0)"

# A duration string is also a string where the models want an integer (PL100); this says more.
SUPERSEDES = ("PL100",)
BACKOFF_FIELDS = ("retry_backoff_initial", "retry_backoff_max")

# Go's time.ParseDuration: an optional sign, then one or more <decimal number><unit>; "0" alone.
_UNIT_NS = {"ns": 1, "us": 10**3, "µs": 10**3, "μs": 10**3, "ms": 10**6, "s": 10**9, "m": 60 * 10**9, "h": 3600 * 10**9}
_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)")
_DURATION = re.compile(r"^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$")


def parse_go_duration_ms(text: Any) -> Optional[int]:
    """The milliseconds of a Go duration string (truncated, as Bifrost writes them back), or None."""
    exact = _duration_ms(text)
    if exact is None:
        return None
    return int(exact)  # truncates toward zero, like int64(d / time.Millisecond)


def _duration_ms(text: Any) -> Optional[Fraction]:
    """The exact milliseconds of a Go duration string, or None."""
    if not isinstance(text, str):
        return None
    if text in ("0", "+0", "-0"):
        return Fraction(0)
    if not _DURATION.match(text):
        return None
    total_ns = Fraction(0)
    for number, unit in _PART.findall(text.lstrip("+-")):
        total_ns += Fraction(number) * _UNIT_NS[unit]
    return -total_ns / 10**6 if text.startswith("-") else total_ns / 10**6


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check(ctx: RuleContext) -> Iterator[Finding]:
    bounds = ctx.catalog.bounds
    low, high = bounds.get("retry_backoff_min_ms"), bounds.get("retry_backoff_max_ms")
    strings_allowed = bool(ctx.catalog.get("duration_strings", False))
    for provider in ctx.providers:
        network = block(provider.settings, "network_config")
        for field in BACKOFF_FIELDS:
            value = network.get(field)
            pointer = provider.at("network_config", field)
            if is_integer(value):
                ms = value
            else:
                ms = parse_go_duration_ms(value)
                if ms is not None and not strings_allowed:
                    finding = _duration_string(field, ms, pointer, ctx.catalog.version, low, high)
                    if ms > 0 and _duration_ms(value) == ms:  # exact: nothing truncated
                        finding = replace(finding, autofix=FixIntent(ReplaceValue(pointer, ms), "safe", f"write {ms}"))
                    yield finding
                    continue
            if ms is None:
                continue  # absent, or a type error for PL100
            problem = _out_of_bounds(ms, low, high)
            if problem:
                yield Finding(pointer, f"`{field}` is {ms} ms, {problem}; {_accepted(low, high)}")


def _duration_string(field: str, ms: int, pointer: str, version: str, low: Optional[int], high: Optional[int]) -> Finding:
    head = f"`{field}` is a duration string, but Bifrost {version} takes integer milliseconds here"
    if ms <= 0:
        return Finding(
            pointer,
            f"{head}; a duration of 0 or less means Bifrost's default: leave the field out",
            fix="remove the field",
        )
    message = f"{head}: write {ms}"
    problem = _out_of_bounds(ms, low, high)
    if problem:
        message += f", and note that {ms} ms is {problem.split(' (')[0]}; {_accepted(low, high)}"
    return Finding(pointer, message, fix=f"replace the string with the integer {ms}")


def _out_of_bounds(ms: int, low: Optional[int], high: Optional[int]) -> Optional[str]:
    if ms <= 0:
        return None  # Bifrost keeps its default for 0 or less
    if low is not None and ms < low:
        return f"below the minimum of {low} ms (backoffs are in milliseconds, not seconds)"
    if high is not None and ms > high:
        return f"above the maximum of {high} ms"
    return None


def _accepted(low: Optional[int], high: Optional[int]) -> str:
    return f"the management API accepts {low}..{high} ms, and a config file is loaded unchecked"
