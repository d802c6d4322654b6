"""More retries than is reasonable (``max_retries`` above 10).

Each retry of a failing upstream waits a growing backoff: with many retries a caller waits
minutes for an answer that will not come, and a provider that is down or rate-limiting is
hammered harder still. Fail over to another provider or key instead. The limit is the rule
option ``max`` (default 10): ``[tool.provlint.rule-options.excessive-retries] max = 5``.

Fails::

    {"network_config": {"max_retries": 25}}

Passes::

    {"network_config": {"max_retries": 3}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL404"
NAME = "excessive-retries"
SEVERITY = Severity.WARNING
TAGS = ("reliability",)
FIX = "lower `max_retries` and rely on fallbacks to other providers or keys"

OPTIONS = {"max": 10}  # a lint choice, not a Bifrost limit: Bifrost takes any count >= 0

FIELD = "max_retries"


def check(ctx: RuleContext) -> Iterator[Finding]:
    limit = ctx.options(CODE)["max"]
    for provider, network in ctx.providers_with("network_config"):
        value = network.get(FIELD)
        if is_integer(value) and value > limit:
            yield Finding(
                provider.at("network_config", FIELD),
                f"`{FIELD}` is {value}, above {limit}: a failing upstream is hammered and callers "
                f"wait through every backoff; use at most {limit} and let fallbacks take over",
            )
