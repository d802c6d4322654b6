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

from provlint.findings import Finding, FixIntent, ReplaceValue, Severity
from provlint.go_duration import InvalidDuration, duration_milliseconds, parse_go_duration
from provlint.records import replace
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

CODE = "PL402"
NAME = "backoff-range"
SEVERITY = Severity.ERROR
TAGS = ("correctness", "reliability")
FIX = "write the backoff as integer milliseconds within the bounds of the target Bifrost line"
FIXABLE = "writes a duration string as its integer milliseconds (safe; only where that is exact and above 0)"

# A duration string is also a string where the models want an integer (PL100); this says more.
SUPERSEDES = ("PL100",)
BACKOFF_FIELDS = ("retry_backoff_initial", "retry_backoff_max")

def _exact_ms(text: Any) -> Optional[int]:
    """The milliseconds of a duration string when no part of a millisecond is lost, else None."""
    try:
        nanoseconds = parse_go_duration(text)
    except InvalidDuration:
        return None
    return nanoseconds // 10**6 if nanoseconds % 10**6 == 0 else None



def check(ctx: RuleContext) -> Iterator[Finding]:
    low, high = ctx.catalog.bounds.retry_backoff_min_ms, ctx.catalog.bounds.retry_backoff_max_ms
    strings_allowed = ctx.catalog.duration_strings
    for provider, network in ctx.providers_with("network_config"):
        for field in BACKOFF_FIELDS:
            value = network.get(field)
            if value is None:
                continue  # absent: nothing to judge
            if is_integer(value):
                ms = value
            else:
                ms = duration_milliseconds(value)
                if ms is not None and not strings_allowed:
                    pointer = provider.at("network_config", field)
                    finding = _duration_string(field, ms, pointer, ctx.catalog.version, low, high)
                    if ms > 0 and _exact_ms(value) == ms:  # exact: nothing truncated
                        finding = replace(finding, autofix=FixIntent(ReplaceValue(pointer, ms), "safe", f"write {ms}"))
                    yield finding
                    continue
            if ms is None:
                continue  # absent, or a type error for PL100
            problem = _out_of_bounds(ms, low, high)
            if problem:
                yield Finding(provider.at("network_config", field), f"`{field}` is {ms} ms, {problem}; {_accepted(low, high)}")


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
