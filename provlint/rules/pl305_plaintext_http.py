"""A provider ``base_url`` or a proxy ``url`` that uses plain ``http://`` to another machine.

Over ``http://`` prompts, responses and the provider's API key travel unencrypted: anyone on
the network path can read or change them. For a proxy, the connection to the proxy itself is
unencrypted; when the proxy takes ``username``/``password`` (or user info in the URL) those
credentials travel in clear text too, which is the serious case. Loopback hosts
(``localhost``, ``*.localhost``, 127.0.0.0/8, ``::1``) are exempt: that traffic never leaves
the machine. A proxy URL is checked only for the proxy types that use it (``http``,
``socks5``) or when the type is missing; references (``env.NAME``) cannot be judged offline.

Fails::

    {"network_config": {"base_url": "http://llm.example.com/v1"}}

Passes::

    {"network_config": {"base_url": "https://llm.example.com/v1"}}
"""

from typing import Iterator

from provlint.findings import Finding, Severity
from provlint.rules.context import ProviderView, RuleContext, block
from provlint.rules.secrets import host_address, host_matches, url_has_userinfo, url_parts

CODE = "PL305"
NAME = "plaintext-http"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 5.0
FIX = "use an https:// URL"
PLAIN_SCHEME = "http"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        network = block(provider.settings, "network_config")
        if _plain_remote(ctx, network.get("base_url")):
            yield Finding(
                provider.at("network_config", "base_url"),
                "`network_config.base_url` uses plain http:// to a host that is not loopback: "
                "prompts, responses and the provider's API key travel unencrypted; use https://",
                fix=FIX,
                secret=url_has_userinfo(network.get("base_url")),
            )
        yield from _proxy(ctx, provider)


def _proxy(ctx: RuleContext, provider: ProviderView) -> Iterator[Finding]:
    proxy = block(provider.settings, "proxy_config")
    kind = proxy.get("type")
    if isinstance(kind, str) and kind not in ctx.catalog.proxy_types_requiring_url:
        return  # a proxy type that ignores `url` (none, environment); PL406 reports the url
    url = proxy.get("url")
    if not _plain_remote(ctx, url):
        return
    pointer = provider.at("proxy_config", "url")
    if _has_credentials(proxy, url):
        # RULES.md: credentials through a plain-HTTP proxy raise this to error; the Finding
        # contract has no per-finding severity yet, so the message says it plainly.
        yield Finding(
            pointer,
            "`proxy_config.url` uses plain http:// to a proxy that is not loopback while the "
            "proxy takes credentials: the proxy username and password travel in clear text "
            "with every request; use an https:// proxy URL",
            fix=FIX,
            secret=url_has_userinfo(url),
            severity=Severity.ERROR,  # RULES.md: credentials over plain HTTP raise it to error
        )
    else:
        yield Finding(
            pointer,
            "`proxy_config.url` uses plain http:// to a proxy that is not loopback: the "
            "connection to the proxy is unencrypted; use an https:// proxy URL",
            fix=FIX,
        )


def _plain_remote(ctx: RuleContext, url: object) -> bool:
    parts = url_parts(url)
    if parts is None or parts[0] != PLAIN_SCHEME:
        return False
    host = parts[1]
    if host_matches(host, ctx.catalog.loopback_hostnames):
        return False
    address = host_address(host, legacy_forms=True)
    return address is None or not address.is_loopback


def _has_credentials(proxy: dict, url: object) -> bool:
    return any(_is_set(proxy.get(field)) for field in ("username", "password")) or url_has_userinfo(url)


def _is_set(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_is_set(value.get(k)) for k in ("value", "ref", "env_var"))
    return False
