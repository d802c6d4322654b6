"""A proxy type that contradicts the other proxy settings.

``type: http`` or ``socks5`` needs a ``url``: without one there is no proxy to connect to. With
``type: none`` or ``environment`` (or no ``type``, which Bifrost reads as ``none``) Bifrost
ignores ``url``, ``username``, ``password`` and ``ca_cert_pem``: traffic that was meant to go
through the proxy goes straight to the provider, or through whatever HTTP(S)_PROXY the process
environment names.

Fails::

    {"proxy_config": {"type": "none", "url": "https://proxy.internal:3128"}}

Passes::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

CODE = "PL406"
NAME = "proxy-type-mismatch"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "set `proxy_config.type` to match the settings, or remove the settings that type ignores"

BLOCK = "proxy_config"
SETTINGS = ("url", "username", "password", "ca_cert_pem")


def check(ctx: RuleContext) -> Iterator[Finding]:
    needs_url = ctx.catalog.proxy_types_requiring_url
    no_settings = ctx.catalog.proxy_types_without_proxy_settings
    default_type = ctx.catalog.defaults.get(BLOCK, {}).get("type")
    for provider in ctx.providers:
        proxy = provider.settings.get(BLOCK)
        if not isinstance(proxy, dict):
            continue
        written = proxy.get("type")
        proxy_type = written if written is not None else default_type
        if not isinstance(proxy_type, str):
            continue  # a type error (PL100)
        if proxy_type in needs_url and is_missing(proxy.get("url")):
            yield Finding(
                provider.at(BLOCK, "type"),
                f"`{BLOCK}.type` is `{proxy_type}` but there is no `url`: Bifrost has no proxy "
                f"to connect to; set `url` (e.g. an env.NAME reference), or set `type` to `none`",
            )
        elif proxy_type in no_settings:
            why = (
                f"`{BLOCK}.type` is `{proxy_type}`"
                if written is not None
                else f"`{BLOCK}` has no `type`, so Bifrost uses `{proxy_type}`"
            )
            suggestion = " or ".join(f"`{t}`" for t in needs_url)
            for name in SETTINGS:
                if is_set(proxy.get(name)):
                    yield Finding(
                        provider.at(BLOCK, name),
                        f"{why} and ignores `{name}`; set `type` to {suggestion} to use this "
                        f"proxy, or remove `{name}`",
                        target="key",
                    )


def is_set(value: Any) -> bool:
    """A non-empty string, or a secret object that carries a value or a reference."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(is_set(value.get(k)) for k in ("value", "ref", "env_var"))
    return False  # another type is PL100's to report


def is_missing(value: Any) -> bool:
    """Absent, null, blank or an empty secret object (a wrong type is not "missing")."""
    return value is None or (isinstance(value, (str, dict)) and not is_set(value))
