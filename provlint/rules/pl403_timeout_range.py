"""A request timeout of 0 or less, or above the sane maximum of the target Bifrost line.

Bifrost silently replaces a ``default_request_timeout_in_seconds`` of 0 or less with its
default, so the written value is not the one in force. A very long timeout (above an hour in
Bifrost 1.5's catalog) lets one hung upstream hold a worker, and the caller, for that long.

Fails::

    {"network_config": {"default_request_timeout_in_seconds": 0}}

Passes::

    {"network_config": {"default_request_timeout_in_seconds": 60}}
"""

from __future__ import annotations

from typing import Iterator

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, block, is_integer

CODE = "PL403"
NAME = "timeout-range"
SEVERITY = Severity.WARNING
TAGS = ("reliability",)
FIX = "set `default_request_timeout_in_seconds` to a positive number of seconds within the sane maximum"

FIELD = "default_request_timeout_in_seconds"


def check(ctx: RuleContext) -> Iterator[Finding]:
    high = ctx.catalog.bounds.get("request_timeout_max_seconds")
    default = ctx.catalog.defaults.get("network_config", {}).get(FIELD)
    for provider in ctx.providers:
        value = block(provider.settings, "network_config").get(FIELD)
        if not is_integer(value):
            continue  # absent, null or a type error (PL100)
        pointer = provider.at("network_config", FIELD)
        if value <= 0:
            yield Finding(
                pointer,
                f"`{FIELD}` is {value}: Bifrost ignores a timeout of 0 or less and uses its "
                f"default of {default} seconds; write a positive number of seconds, or leave the "
                f"field out to get the default",
            )
        elif high is not None and value > high:
            yield Finding(
                pointer,
                f"`{FIELD}` is {value} seconds, above the sane maximum of {high} seconds: a hung "
                f"upstream would hold a worker and its caller that long; lower it",
            )
