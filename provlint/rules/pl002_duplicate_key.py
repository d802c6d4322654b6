"""The same key twice in one object.

JSON parsers, Bifrost's included, silently keep the last value, so the first one is a
setting that looks active and is not. Both places are reported.

Fails::

    {"network_config": {"max_retries": 2, "max_retries": 5}}

Passes::

    {"network_config": {"max_retries": 5}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL002"
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "delete the occurrence whose value you do not want; only the last one takes effect"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if not ctx.document.has_duplicates:
        return
    for duplicate in ctx.document.positions.duplicate_keys():
        first = duplicate.first.start
        yield Finding(
            duplicate.pointer,
            f"duplicate key `{duplicate.key}`: it is also set at line {first.line}, column "
            f"{first.column}, and only the last value takes effect; keep one",
            target="key",
            span=duplicate.second,
            related=(duplicate.first,),
        )
