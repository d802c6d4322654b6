"""A provider id that is not written in lower case.

Bifrost lowercases provider ids when it loads a config file, so ``OpenAI`` becomes
``openai``: clients, the management API URLs and other entries must use the lower-case id,
and the file no longer says what Bifrost really serves. Write ids in lower case. (Two ids
that are the same in lower case are PL206.)

Fails::

    {"provider": "OpenAI"}

Passes::

    {"provider": "openai"}
"""

from __future__ import annotations

from collections import Counter

from provlint.findings import Finding, FixIntent, RenameKey, ReplaceValue, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL205"
NAME = "provider-id-case"
SEVERITY = Severity.WARNING
TAGS = ("style", "correctness")
FIX = "write the provider id in lower case"
FIXABLE = "writes the id in lower case (safe; not offered when another entry has that id, PL206)"


def check(ctx: RuleContext) -> Iterator[Finding]:
    ids = None  # counted for the first id that is not lower case; most files have none
    for provider in ctx.providers:
        name = provider.name
        if name is None or name == name.lower():
            continue
        if ids is None:
            ids = Counter((p.name or "").lower() for p in ctx.providers)
        yield Finding(
            provider.name_pointer,
            f"provider id `{name}` is not lower case: Bifrost lowercases provider ids when it "
            f"loads them, so it becomes `{name.lower()}`; write `{name.lower()}`",
            target=provider.name_target,
            autofix=_lower_case(provider, ids),
        )


def _lower_case(provider, ids: Counter):
    lower = provider.name.lower()
    if ids[lower] > 1:
        return None  # two entries would become one: PL206, for a person to merge
    change = RenameKey if provider.name_target == "key" else ReplaceValue
    return FixIntent(change(provider.name_pointer, lower), "safe", f"write the provider id as `{lower}`")
