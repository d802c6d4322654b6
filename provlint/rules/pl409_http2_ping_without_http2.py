"""``http2_ping_interval_in_seconds`` set while ``enforce_http2`` is not true: the ping never runs.

Bifrost sends its HTTP/2 keep-alive PING only on connections it forces to HTTP/2; without
``enforce_http2: true`` the interval is read and ignored, so idle streams are not kept alive
as the setting suggests. An interval of 0 (off) needs nothing. Applies from Bifrost 2.1 on,
the line that added the setting.

Fails::

    {"network_config": {"http2_ping_interval_in_seconds": 30}}

Passes::

    {"network_config": {"enforce_http2": true, "http2_ping_interval_in_seconds": 30}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL409"
NAME = "http2-ping-without-http2"
SEVERITY = Severity.WARNING
TAGS = ("correctness", "reliability")
FIX = "set `enforce_http2: true` beside the ping interval, or remove the interval"
SINCE = "2.1"

FIELD = "http2_ping_interval_in_seconds"
HTTP2 = "enforce_http2"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if FIELD not in ctx.catalog.fields.get("network_config", ()):
        return  # the line has no HTTP/2 ping (before 2.1)
    for provider, network in ctx.providers_with("network_config"):
        value = network.get(FIELD)
        if is_integer(value) and value > 0 and network.get(HTTP2) is not True:
            yield Finding(
                provider.at("network_config", FIELD),
                f"`{FIELD}` is {value} but `{HTTP2}` is not true: Bifrost sends the HTTP/2 ping "
                f"only on connections it forces to HTTP/2, so this setting does nothing; "
                f"set `{HTTP2}: true` or remove it",
            )
