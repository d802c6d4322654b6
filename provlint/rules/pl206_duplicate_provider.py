"""Two provider entries that are the same provider once Bifrost lowercases their ids.

Bifrost lowercases provider ids when it loads a config file, so ``OpenAI`` and ``openai`` in
one ``providers`` map are one provider: only one entry survives, and which one is not
obvious from the file. The later entry is reported and the message names the earlier one.
(The same key written twice is PL002.)

Fails::

    {"providers": {"openai": {"keys": [{"name": "a", "value": "env.OPENAI_KEY_A", "weight": 1}]}, "OpenAI": {"keys": [{"name": "b", "value": "env.OPENAI_KEY_B", "weight": 1}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "a", "value": "env.OPENAI_KEY_A", "weight": 1, "models": ["*"]}, {"name": "b", "value": "env.OPENAI_KEY_B", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL206"
NAME = "duplicate-provider"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "merge the two entries into one, under the lower-case id"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.kind is not DocumentKind.CONFIG or not isinstance(ctx.data, dict):
        return
    providers = ctx.data.get("providers")
    if not isinstance(providers, dict):
        return
    first_of: dict[str, str] = {}
    for name in providers:
        normalised = name.lower()
        earlier = first_of.setdefault(normalised, name)
        if earlier == name:
            continue
        earlier_span = ctx.document.span_of(ctx.root + jp.join("/providers", earlier), "key")
        yield Finding(
            jp.join("/providers", name),
            f"provider `{name}` is the same provider as `{earlier}` (line "
            f"{earlier_span.start.line}) once Bifrost lowercases ids to `{normalised}`: only one "
            f"of the two entries takes effect; merge them into one entry `{normalised}`",
            target="key",
            related=(earlier_span,),
        )
