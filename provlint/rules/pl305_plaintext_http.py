"""A provider ``base_url`` or a proxy ``url`` that uses plain ``http://`` to another machine.

Over ``http://`` prompts, responses and the provider's API key travel unencrypted: anyone on
the network path can read or change them. For a proxy, the connection to the proxy itself is
unencrypted (when the proxy also takes credentials, PL312 reports the graver case instead).
Loopback hosts (``localhost``, ``*.localhost``, 127.0.0.0/8, ``::1``) are exempt: that traffic
never leaves the machine. A proxy URL is checked only for the proxy types that use it
(``http``, ``socks5``) or when the type is missing; references (``env.NAME``) cannot be judged
offline.

Fails::

    {"network_config": {"base_url": "http://llm.example.com/v1"}}

Passes::

    {"network_config": {"base_url": "https://llm.example.com/v1"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, block
from provlint.rules.plain_http import plain_remote, proxy_uses_url
from provlint.rules.secrets import url_has_userinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL305"
NAME = "plaintext-http"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 5.0
FIX = "use an https:// URL"


def check(ctx: RuleContext) -> Iterator[Finding]:
    loopback = ctx.catalog.loopback_hostnames
    for provider in ctx.providers:
        base_url = block(provider.settings, "network_config").get("base_url")
        if plain_remote(base_url, loopback):
            yield Finding(
                provider.at("network_config", "base_url"),
                "`network_config.base_url` uses plain http:// to a host that is not loopback: "
                "prompts, responses and the provider's API key travel unencrypted; use https://",
                secret=url_has_userinfo(base_url),
            )
        proxy = provider.settings.get("proxy_config")
        if not isinstance(proxy, dict):
            continue  # most providers have none (block() would give {}, where nothing is found)
        if proxy_uses_url(proxy, ctx.catalog.proxy_types_requiring_url) and plain_remote(proxy.get("url"), loopback):
            yield Finding(
                provider.at("proxy_config", "url"),
                "`proxy_config.url` uses plain http:// to a proxy that is not loopback: the "
                "connection to the proxy is unencrypted; use an https:// proxy URL",
                secret=url_has_userinfo(proxy.get("url")),
            )
