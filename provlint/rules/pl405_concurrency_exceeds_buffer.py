"""More concurrent workers than queue slots (``concurrency`` > ``buffer_size``).

Bifrost's management API refuses the pair ("Concurrency must be less than or equal to buffer
size"); a config file is loaded without that check. A field that is absent takes Bifrost's
default (concurrency 1000, buffer size 5000 in Bifrost 1.5), so ``concurrency: 6000`` alone is
too large as well. Zero, negative and non-integer values are type errors (PL100), not this rule.

Fails::

    {"concurrency_and_buffer_size": {"concurrency": 200, "buffer_size": 100}}

Passes::

    {"concurrency_and_buffer_size": {"concurrency": 100, "buffer_size": 200}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

CODE = "PL405"
NAME = "concurrency-exceeds-buffer"
SEVERITY = Severity.ERROR
TAGS = ("correctness", "reliability")
FIX = "make `concurrency` less than or equal to `buffer_size`"

BLOCK = "concurrency_and_buffer_size"
CONCURRENCY, BUFFER = "concurrency", "buffer_size"
_UNJUDGED = object()


def check(ctx: RuleContext) -> Iterator[Finding]:
    defaults = ctx.catalog.defaults.get(BLOCK, {})
    for provider in ctx.providers:
        sizes = provider.settings.get(BLOCK)
        if not isinstance(sizes, dict):
            continue
        concurrency, buffer = _written(sizes.get(CONCURRENCY)), _written(sizes.get(BUFFER))
        if concurrency is _UNJUDGED or buffer is _UNJUDGED or (concurrency is None and buffer is None):
            continue
        concurrency_n = concurrency if concurrency is not None else defaults.get(CONCURRENCY)
        buffer_n = buffer if buffer is not None else defaults.get(BUFFER)
        if not is_integer(concurrency_n) or not is_integer(buffer_n) or concurrency_n <= buffer_n:
            continue
        if concurrency is not None:
            where = CONCURRENCY
            message = f"`{CONCURRENCY}` ({concurrency_n}) is greater than `{BUFFER}` "
            message += f"({buffer_n})" if buffer is not None else f"(which defaults to {buffer_n}: it is not set)"
        else:
            where = BUFFER
            message = (
                f"`{BUFFER}` ({buffer_n}) is less than `{CONCURRENCY}` (which defaults "
                f"to {concurrency_n}: it is not set)"
            )
        message += (
            "; the management API rejects this (\"Concurrency must be less than or equal to "
            f"buffer size\"): raise `{BUFFER}` or lower `{CONCURRENCY}`"
        )
        yield Finding(provider.at(BLOCK, where), message)


def _written(value: Any) -> Any:
    """The positive integer as written, None when absent (the default applies), else _UNJUDGED."""
    if value is None:
        return None
    if is_integer(value) and value > 0:
        return value
    return _UNJUDGED
