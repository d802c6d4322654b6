"""A ``base_provider_type`` that Bifrost does not accept as the base of a custom provider.

Bifrost builds custom providers on a few standard integrations only (the catalog's
``custom_provider_bases``; Bifrost 1.5: anthropic, bedrock, cohere, gemini, openai,
huggingface, replicate). Its JSON schema lists every provider id here, so an editor accepts
``groq``, but Bifrost rejects it ("unsupported base_provider_type") and skips the provider
when it loads the file. A value that is no provider id at all is PL100's finding.

Fails::

    {"provider": "my-groq", "custom_provider_config": {"base_provider_type": "groq"}, "network_config": {"base_url": "https://llm.example.com"}}

Passes::

    {"provider": "my-groq", "custom_provider_config": {"base_provider_type": "openai"}, "network_config": {"base_url": "https://llm.example.com"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL203"
NAME = "unsupported-base-provider"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "choose a base_provider_type whose API the custom provider speaks, among the supported bases"


def check(ctx: RuleContext) -> Iterator[Finding]:
    bases = ctx.catalog.custom_provider_bases
    for provider, custom in ctx.providers_with("custom_provider_config"):
        base = custom.get("base_provider_type")
        if not isinstance(base, str) or base not in ctx.catalog.provider_ids or base in bases:
            continue
        yield Finding(
            provider.at("custom_provider_config", "base_provider_type"),
            f"`base_provider_type` `{base}` cannot be the base of a custom provider: Bifrost "
            f"{ctx.catalog.version} accepts only {', '.join(bases)} and skips the provider "
            f"otherwise; choose the one whose API the provider speaks",
        )
