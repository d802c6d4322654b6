"""Proxy credentials sent through a proxy reached over plain ``http://``.

When ``proxy_config`` carries a ``username``/``password`` (or user info in its ``url``) and the
proxy is reached over ``http://`` on a host that is not loopback, those credentials travel in
clear text with every request: anyone on the path can take them and use the proxy. This is the
graver case of PL305 (plaintext-http), reported instead of it at the same place.

Fails::

    {"proxy_config": {"type": "http", "url": "http://proxy.corp.example:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}

Passes::

    {"proxy_config": {"type": "http", "url": "https://proxy.corp.example:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.rules.plain_http import plain_remote, proxy_has_credentials, proxy_uses_url
from provlint.rules.secrets import url_has_userinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL312"
NAME = "credentials-over-plain-http"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 8.0
FIX = "use an https:// proxy URL"
SUPERSEDES = ("PL305",)


def check(ctx: RuleContext) -> Iterator[Finding]:
    loopback = ctx.catalog.loopback_hostnames
    for provider, proxy in ctx.providers_with("proxy_config"):
        url = proxy.get("url")
        if (
            proxy_uses_url(proxy, ctx.catalog.proxy_types_requiring_url)
            and plain_remote(url, loopback)
            and proxy_has_credentials(proxy)
        ):
            yield Finding(
                provider.at("proxy_config", "url"),
                "`proxy_config.url` uses plain http:// to a proxy that is not loopback while the "
                "proxy takes credentials: the proxy username and password travel in clear text "
                "with every request; use an https:// proxy URL",
                secret=url_has_userinfo(url),
            )
