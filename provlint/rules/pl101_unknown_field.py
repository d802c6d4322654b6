"""A key Bifrost does not know, usually a typo.

Bifrost ignores unknown keys when it loads a file, so ``insecure_skip_verfy`` disables
nothing and a misspelt timeout silently keeps the default. The message suggests the closest
known field, and names the replacement of keys Bifrost has dropped.

A key that a more specific rule reports (a dropped legacy key: PL104, ``keys`` in a request:
PL105, a read-only field: PL103, a request type in ``allowed_requests``: PL207) is left to
that rule while it is enabled, so one problem gives one finding.

Fails::

    {"network_config": {"max_retry": 3}}

Passes::

    {"network_config": {"max_retries": 3}}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, RenameKey, Severity
from provlint.records import replace
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL101"
NAME = "unknown-field"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "rename the key to the field it was meant to be, or delete it"
FIXABLE = "renames the key to the one known field close to it, when there is exactly one (unsafe: Bifrost starts reading the setting)"
CATEGORY = "unknown"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for finding, issue in zip(ctx.structure_findings(CATEGORY), (i for i in ctx.structure if i.category == CATEGORY)):
        if issue.suggestion is None:
            yield finding
            continue
        rename = RenameKey(issue.pointer, issue.suggestion)
        yield replace(finding, autofix=FixIntent(rename, "unsafe", f"rename the key to `{issue.suggestion}`"))
