"""A request timeout of 0 or less, or above a sane maximum.

Bifrost silently replaces a ``default_request_timeout_in_seconds`` of 0 or less with its
default, so the written value is not the one in force. A very long timeout (above an hour by
default) lets one hung upstream hold a worker, and the caller, for that long. Bifrost sets no
upper bound, so the maximum is the rule option ``max-seconds`` (default 3600):
``[tool.provlint.rule-options.timeout-range] max-seconds = 600``.

Fails::

    {"network_config": {"default_request_timeout_in_seconds": 0}}

Passes::

    {"network_config": {"default_request_timeout_in_seconds": 60}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL403"
NAME = "timeout-range"
SEVERITY = Severity.WARNING
TAGS = ("reliability",)
FIX = "set `default_request_timeout_in_seconds` to a positive number of seconds within the sane maximum"

OPTIONS = {"max-seconds": 3600}

FIELD = "default_request_timeout_in_seconds"


def check(ctx: RuleContext) -> Iterator[Finding]:
    high = ctx.options(CODE)["max-seconds"]
    default = ctx.catalog.defaults.get("network_config", {}).get(FIELD)
    for provider, network in ctx.providers_with("network_config"):
        value = network.get(FIELD)
        if not is_integer(value):
            continue  # absent, null or a type error (PL100)
        if value <= 0:
            yield Finding(
                provider.at("network_config", FIELD),
                f"`{FIELD}` is {value}: Bifrost ignores a timeout of 0 or less and uses its "
                f"default of {default} seconds; write a positive number of seconds, or leave the "
                f"field out to get the default",
            )
        elif value > high:
            yield Finding(
                provider.at("network_config", FIELD),
                f"`{FIELD}` is {value} seconds, above the sane maximum of {high} seconds: a hung "
                f"upstream would hold a worker and its caller that long; lower it",
            )
