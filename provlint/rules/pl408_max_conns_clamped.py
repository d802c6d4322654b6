"""``max_conns_per_host`` above the upper bound of the target Bifrost line, which Bifrost clamps.

Bifrost caps the connections per provider host at ``MaxConnsPerHostUpperBound`` (10,000 in
2.x) and silently replaces a larger value with the bound when it loads the provider: the
setting does not do what it says, and Bifrost's published schema refuses the file. Applies
from Bifrost 2.0 on (1.5 has no ``max_conns_per_host``).

Fails::

    {"network_config": {"max_conns_per_host": 20000}}

Passes::

    {"network_config": {"max_conns_per_host": 8000}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL408"
NAME = "max-conns-clamped"
SEVERITY = Severity.WARNING
TAGS = ("correctness", "reliability")
FIX = "set `max_conns_per_host` to at most the bound (more connections need more Bifrost instances)"
SINCE = "2.0"

FIELD = "max_conns_per_host"


def check(ctx: RuleContext) -> Iterator[Finding]:
    bound = ctx.catalog.bounds.max_conns_per_host_max
    if bound is None:  # the line has no such bound (1.5): nothing to clamp
        return
    for provider, network in ctx.providers_with("network_config"):
        value = network.get(FIELD)
        if is_integer(value) and value > bound:
            yield Finding(
                provider.at("network_config", FIELD),
                f"`{FIELD}` is {value}, above Bifrost {ctx.catalog.version}'s upper bound of {bound}: "
                f"Bifrost silently uses {bound} instead; set it to at most {bound}",
            )
