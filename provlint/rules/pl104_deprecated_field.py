"""A legacy key that Bifrost no longer reads.

Older Bifrost configs used ``retry_backoff_initial_ms``/``retry_backoff_max_ms``,
``meta_config`` and a per-provider ``pricing_overrides``; current Bifrost ignores them
without a word, so the setting silently falls back to its default. The message names what
replaced each key (the catalog's ``dropped_fields``). Reported wherever the models do not
know the key, so a key of the same name that is valid in its place is left alone.

Fails::

    {"network_config": {"retry_backoff_initial_ms": 500}}

Passes::

    {"network_config": {"retry_backoff_initial": 500}}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, RenameKey, Severity
from provlint.rules.context import RuleContext
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL104"
NAME = "deprecated-field"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = "replace the legacy key with the field named in the message"
FIXABLE = "renames a legacy key whose replacement has the same meaning (the catalog's renamed_fields, e.g. retry_backoff_initial_ms) (safe)"
# The models report the same key as unknown (PL101); this finding says more.
SUPERSEDES = ("PL101",)


def check(ctx: RuleContext) -> Iterator[Finding]:
    dropped = ctx.catalog.dropped_fields
    for issue in ctx.structure:
        key = jp.last(issue.pointer) if issue.category == "unknown" else None
        if key not in dropped:
            continue
        yield Finding(
            issue.pointer,
            f"`{key}` is a legacy field that Bifrost {ctx.catalog.version} no longer reads (it "
            f"is silently ignored); use {dropped[key]} instead",
            target="key",
            autofix=_rename(issue.pointer, ctx.catalog.renamed_fields.get(key)),
        )


def _rename(pointer: str, replacement):
    if replacement is None:
        return None  # the replacement is shaped differently: a person must move the setting
    return FixIntent(RenameKey(pointer, replacement), "safe", f"rename the key to `{replacement}`")
