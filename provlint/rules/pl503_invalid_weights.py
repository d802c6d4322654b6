"""A negative key weight, or a provider whose keys all weigh zero.

Bifrost spreads a provider's traffic over its keys in proportion to their ``weight``. A negative
weight corrupts that draw, and when every weight is zero no key has any share: the weighted pick
has nothing to choose from (older Bifrost versions fail outright). A key without a ``weight``
(PL102) counts as zero, as Bifrost reads it.

Fails::

    {"providers": {"openai": {"keys": [{"name": "a", "value": "env.OPENAI_KEY_A", "weight": 0}, {"name": "b", "value": "env.OPENAI_KEY_B", "weight": 0}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "a", "value": "env.OPENAI_KEY_A", "weight": 1, "models": ["*"]}, {"name": "b", "value": "env.OPENAI_KEY_B", "weight": 0, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

CODE = "PL503"
NAME = "invalid-weights"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "give every key a weight of 0 or more, and at least one key a positive weight"

_MISSING = object()


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        keys = provider.settings.get("keys")
        if not isinstance(keys, list) or not keys:
            continue
        weights = [key.get("weight", _MISSING) if isinstance(key, dict) else None for key in keys]
        for index, weight in enumerate(() if _none_negative(weights) else weights):
            # Python's True and False are numbers too, but neither is below 0.
            if isinstance(weight, (int, float)) and weight < 0:
                yield Finding(
                    provider.at("keys", index, "weight"),
                    f"`keys[{index}].weight` is negative ({weight}); a weight is a share of the "
                    f"provider's traffic: use 0 or more",
                )
        if 0 not in weights:
            continue  # no weight is 0 (nor false): the common provider, decided in one pass
        explicit = [w for w in weights if w is not _MISSING]
        if not explicit or not all(_is_number(w) and w == 0 for w in explicit):
            continue
        if any(not isinstance(key, dict) for key in keys):
            continue
        who = f"`{provider.name}`" if provider.name else "this provider"
        yield Finding(
            provider.at("keys"),
            f"every key of {who} has weight 0: no key gets any share of the traffic, so none can "
            f"be chosen; give at least one key a positive weight",
            target="key",
        )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _none_negative(weights: list) -> bool:
    """True when no weight is a number below 0, decided by one ``min`` in C for the common list
    of numbers. A NaN never replaces the running minimum, so one that comes before a negative
    leaves NaN, which fails ``>= 0``; other types refuse the comparison (False: look at each)."""
    try:
        return min(weights) >= 0
    except TypeError:
        return False
