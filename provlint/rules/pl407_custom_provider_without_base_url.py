"""A custom provider without ``network_config.base_url``.

A custom provider speaks the protocol of its ``base_provider_type``; without a ``base_url`` it
sends its requests, prompts and keys to that base provider's public endpoint, which is rarely
what a custom provider was made for (a self-hosted or third-party endpoint). When a second
account of the same public provider is really meant, ignore this warning for that entry.

In an update payload, an absent ``network_config`` keeps the stored one, so only an update that
sends a ``network_config`` without ``base_url`` is reported.

Fails::

    {"providers": {"my-llm": {"keys": [{"name": "k", "value": "env.MY_LLM_KEY", "weight": 1}], "custom_provider_config": {"base_provider_type": "openai"}}}}

Passes::

    {"providers": {"my-llm": {"keys": [{"name": "k", "value": "env.MY_LLM_KEY", "weight": 1, "models": ["*"]}], "network_config": {"base_url": "https://llm.internal.example.com"}, "custom_provider_config": {"base_provider_type": "openai"}}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL407"
NAME = "custom-provider-without-base-url"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = "set `network_config.base_url` to the endpoint of the custom provider"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        settings = provider.settings
        custom = settings.get("custom_provider_config")
        if not isinstance(custom, dict):
            continue
        network = settings.get("network_config")
        if ctx.kind is DocumentKind.UPDATE_PROVIDER and "network_config" not in settings:
            continue  # the stored network_config is kept
        if network is not None and not isinstance(network, dict):
            continue  # a type error (PL100)
        base_url = (network or {}).get("base_url")
        if isinstance(base_url, str) and base_url.strip():
            continue
        if base_url is not None and not isinstance(base_url, str):
            continue  # a type error (PL100)
        base = custom.get("base_provider_type")
        target = f"the public endpoint of `{base}`" if isinstance(base, str) and base else "its base provider's public endpoint"
        who = f"custom provider `{provider.name}`" if provider.name else "this custom provider"
        yield Finding(
            provider.at("custom_provider_config"),
            f"{who} has no `network_config.base_url`: its requests and keys would go to "
            f"{target}; set `network_config.base_url` to the custom endpoint",
            target="key",
        )
