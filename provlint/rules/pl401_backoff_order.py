"""The first retry waits longer than the longest wait allowed (``retry_backoff_initial`` > ``retry_backoff_max``).

Bifrost waits ``min(initial * 2^attempt, max)`` between retries, so an initial backoff above the
maximum is never used and every retry waits exactly ``retry_backoff_max``: the setting does not
do what it says. The management API rejects the pair; a config file is loaded without a word.
A field that is absent (or 0 or less) takes Bifrost's default, so ``retry_backoff_initial: 8000``
alone is inverted too: the maximum then defaults to 5000 ms.

Fails::

    {"network_config": {"retry_backoff_initial": 8000, "retry_backoff_max": 2000}}

Passes::

    {"network_config": {"retry_backoff_initial": 500, "retry_backoff_max": 8000}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.go_duration import duration_milliseconds
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

CODE = "PL401"
NAME = "backoff-order"
SEVERITY = Severity.ERROR
TAGS = ("correctness", "reliability")
FIX = "make `retry_backoff_initial` less than or equal to `retry_backoff_max`"

INITIAL, MAXIMUM = "retry_backoff_initial", "retry_backoff_max"
_UNJUDGED = object()


def check(ctx: RuleContext) -> Iterator[Finding]:
    defaults = ctx.catalog.defaults.get("network_config", {})
    strings_allowed = ctx.catalog.duration_strings
    for provider, network in ctx.providers_with("network_config"):
        initial = _written_ms(network.get(INITIAL), strings_allowed)
        maximum = _written_ms(network.get(MAXIMUM), strings_allowed)
        if initial is _UNJUDGED or maximum is _UNJUDGED or (initial is None and maximum is None):
            continue
        initial_ms = initial if initial is not None else defaults.get(INITIAL)
        maximum_ms = maximum if maximum is not None else defaults.get(MAXIMUM)
        if not is_integer(initial_ms) or not is_integer(maximum_ms) or initial_ms <= maximum_ms:
            continue
        if initial is not None:
            where, message = INITIAL, (
                f"`{INITIAL}` ({initial_ms} ms) is greater than `{MAXIMUM}` "
                + (f"({maximum_ms} ms)" if maximum is not None else _defaulted(network, MAXIMUM, maximum_ms))
                + f": every retry would wait {maximum_ms} ms, so the initial backoff has no effect"
            )
        else:
            where, message = MAXIMUM, (
                f"`{MAXIMUM}` ({maximum_ms} ms) is less than `{INITIAL}` "
                f"{_defaulted(network, INITIAL, initial_ms)}: every retry would wait {maximum_ms} ms"
            )
        if initial is not None and maximum is not None:
            message += "; the management API rejects this pair"
        message += f"; make `{INITIAL}` less than or equal to `{MAXIMUM}`"
        yield Finding(provider.at("network_config", where), message)


def _defaulted(network: dict, field: str, ms: int) -> str:
    why = "it is not set" if network.get(field) is None else "Bifrost ignores 0 or less"
    return f"(which defaults to {ms} ms: {why})"


def _written_ms(value: Any, strings_allowed: bool) -> Any:
    """Milliseconds as written (> 0), None when Bifrost uses its default, _UNJUDGED otherwise."""
    if value is None:
        return None
    if is_integer(value):
        return value if value > 0 else None
    if strings_allowed:
        ms: Optional[int] = duration_milliseconds(value)
        if ms is not None:
            return ms if ms > 0 else None
    return _UNJUDGED
