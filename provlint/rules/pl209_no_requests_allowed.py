"""``allowed_requests`` that allows no request type: the custom provider can serve nothing.

Without ``allowed_requests`` a custom provider serves every request type. Once the object is
present, Bifrost serves only the types set to ``true`` (BIFROST.md section 1), so an object
whose entries are all ``false``, and an empty object ``{}``, refuse every request. ``null``
is the same as absent and allows everything. When an entry is not a boolean (PL100) or a key
that is no request type is set to true (PL207, whose fix is the real one) this rule stays
silent.

Fails::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat_completion": false}}, "network_config": {"base_url": "https://llm.example.com"}}

Passes::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat_completion": true, "embedding": false}}, "network_config": {"base_url": "https://llm.example.com"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL209"
NAME = "no-requests-allowed"
SEVERITY = Severity.WARNING
TAGS = ("correctness", "reliability")
FIX = "set the request types the provider serves to true, or remove `allowed_requests` to allow all"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider, custom in ctx.providers_with("custom_provider_config"):
        allowed = custom.get("allowed_requests")
        if not isinstance(allowed, dict):
            continue
        if any(not isinstance(v, bool) for v in allowed.values()) or any(allowed.values()):
            continue
        state = "is empty" if not allowed else "sets every request type it lists to false"
        yield Finding(
            provider.at("custom_provider_config", "allowed_requests"),
            f"`allowed_requests` {state}, so the provider serves no request at all: once the "
            f"object is present Bifrost allows only the types set to true; set the types the "
            f"provider serves to true, or remove `allowed_requests` to allow every type",
            target="key",
        )
