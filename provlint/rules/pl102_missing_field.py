"""A required field is absent.

For example ``base_provider_type`` in ``custom_provider_config`` (Bifrost refuses the provider)
or ``provider`` in an add-provider request. Reported at the object that lacks it.

Fails::

    {"custom_provider_config": {"is_key_less": true}}

Passes::

    {"custom_provider_config": {"is_key_less": true, "base_provider_type": "openai"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL102"
NAME = "missing-field"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "add the missing field"
CATEGORY = "missing"


def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from ctx.structure_findings(CATEGORY)
