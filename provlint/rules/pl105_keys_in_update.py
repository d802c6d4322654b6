"""A ``keys`` field in an add- or update-provider request.

The provider endpoints do not take keys: Bifrost rejects an update request that carries
``keys``, and the add-provider request has no such field. Keys have their own endpoints under
``/api/providers/{provider}/keys``. (A config file's provider entry does hold its keys; it is
not checked here.)

Fails::

    {"provider": "openai", "keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]}

Passes::

    {"provider": "openai"}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL105"
NAME = "keys-in-update"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "remove `keys` and manage keys through /api/providers/{provider}/keys"

# `keys` is also an unknown field of a request for the models (PL101); this says more.
SUPERSEDES = ("PL101",)

_EFFECT = {
    "add-provider": "the add-provider request takes no keys",
    "update-provider": "Bifrost rejects an update-provider request that carries keys",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.kind.value not in _EFFECT:
        return
    for provider in ctx.providers:
        if "keys" in provider.settings:
            yield Finding(
                provider.at("keys"),
                f"`keys` does not belong in this request: {_EFFECT[ctx.kind.value]}; remove it and "
                f"add or change keys through /api/providers/{{provider}}/keys",
                target="key",
            )
