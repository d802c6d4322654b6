"""``extra_headers`` sets a header that carries credentials or that the HTTP client owns.

Bifrost adds an extra header only when the request does not have it yet, so a credential
header (``Authorization``, ``x-api-key``, ``api-key``) either does nothing, because the
provider integration already set it from the key, or sends a second credential the key
configuration does not show. ``Host`` and ``Content-Length`` are set by the HTTP client from
the URL and body: a fixed value breaks routing or request framing. Hop-by-hop headers
(``Connection``, ``Keep-Alive``, ``Proxy-Authenticate``, ``Proxy-Authorization``,
``Proxy-Connection``, ``TE``, ``Trailer``, ``Transfer-Encoding``, ``Upgrade``; RFC 9110
section 7.6.1) belong to one connection and are managed by the client. Names compare case
insensitively; the lists are the catalog's ``sensitive_extra_headers``. The finding points at
the header name; a literal secret in the value is also PL304's.

Fails::

    {"network_config": {"extra_headers": {"Host": "llm.example.com"}}}

Passes::

    {"network_config": {"extra_headers": {"X-Team": "platform"}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL309"
NAME = "sensitive-extra-header"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 5.0
FIX = "remove the header from extra_headers"

WHY = {
    "credential": (
        "carries a credential: Bifrost never overrides a header the provider integration "
        "already set, so it does nothing or sends a second credential; put the provider's "
        "credential in a key's `value` (an env.NAME reference) instead"
    ),
    "framing": (
        "is set by the HTTP client from the URL and the body; a fixed value breaks routing or "
        "request framing; remove it"
    ),
    "hop_by_hop": (
        "is a hop-by-hop header that belongs to one connection and is managed by the HTTP "
        "client; remove it"
    ),
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    category = None  # built for the first provider with headers
    for provider, network in ctx.providers_with("network_config"):
        headers = network.get("extra_headers")
        if not isinstance(headers, dict) or not headers:
            continue
        if category is None:
            groups = ctx.catalog.sensitive_extra_headers
            category = {h.lower(): group for group, names in groups.items() for h in names}
        for name in headers:
            group = category.get(name.strip().lower()) if isinstance(name, str) else None
            if group is None:
                continue
            reason = WHY.get(group, "should not be set through extra_headers; remove it")
            yield Finding(
                provider.at("network_config", "extra_headers", name),
                f"`network_config.extra_headers` sets `{name}`, which {reason}",
                target="key",
            )
