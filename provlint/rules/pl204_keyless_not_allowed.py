"""``is_key_less: true`` on a custom provider whose base cannot work without keys.

Some bases need credentials to sign every request (the catalog's ``keyless_forbidden_bases``;
Bifrost 1.5: bedrock). Bifrost rejects such a provider ("Bedrock providers cannot be keyless")
and skips it when it loads the file.

Fails::

    {"provider": "my-bedrock", "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": true}, "network_config": {"base_url": "https://llm.example.com"}}

Passes::

    {"provider": "my-bedrock", "custom_provider_config": {"base_provider_type": "bedrock"}, "network_config": {"base_url": "https://llm.example.com"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL204"
NAME = "keyless-not-allowed"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "remove `is_key_less` and give the provider keys"


def check(ctx: RuleContext) -> Iterator[Finding]:
    forbidden = ctx.catalog.keyless_forbidden_bases
    for provider, custom in ctx.providers_with("custom_provider_config"):
        base = custom.get("base_provider_type")
        if custom.get("is_key_less") is not True or not isinstance(base, str) or base not in forbidden:
            continue
        yield Finding(
            provider.at("custom_provider_config", "is_key_less"),
            f"`is_key_less: true` is not allowed on a custom provider based on `{base}`: Bifrost "
            f"rejects keyless `{base}` providers and skips the entry; remove `is_key_less` and "
            f"give the provider keys",
            fix=FIX,
        )
