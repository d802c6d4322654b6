"""A custom provider named like a standard provider.

Bifrost refuses a ``custom_provider_config`` on a standard provider id ("cannot be created on
standard providers"): a config file load skips the whole entry with a warning, and the API
answers "Custom provider cannot be same as a standard provider". Ids are compared the way
Bifrost stores them, in lower case, so ``OpenAI`` is ``openai`` here too. Either give the
custom provider a name of its own, or drop ``custom_provider_config`` to configure the
standard provider.

Fails::

    {"provider": "openai", "custom_provider_config": {"base_provider_type": "openai"}}

Passes::

    {"provider": "my-openai", "custom_provider_config": {"base_provider_type": "openai"}, "network_config": {"base_url": "https://llm.example.com"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL202"
NAME = "custom-shadows-standard"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "rename the custom provider, or remove `custom_provider_config` to configure the standard provider"


def check(ctx: RuleContext) -> Iterator[Finding]:
    standard = ctx.catalog.provider_ids
    for provider, _custom in ctx.providers_with("custom_provider_config"):
        if provider.name is None or provider.name.lower() not in standard:
            continue
        yield Finding(
            provider.name_pointer,
            f"custom provider `{provider.name}` has the id of the standard provider "
            f"`{provider.name.lower()}`: Bifrost refuses custom providers on standard ids and "
            f"skips the entry; give it a name of its own (e.g. `{provider.name.lower()}-custom`) "
            f"or remove `custom_provider_config`",
            target=provider.name_target,
        )
