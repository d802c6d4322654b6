"""A value of the wrong type, out of its range, or not one of its allowed values.

Found by validating the document against provlint's models of Bifrost's provider API; one
finding per error, at the value. The message names the expected type or values and never
repeats the value itself, which may be a secret.

Fails::

    {"network_config": {"max_retries": "3"}}

Passes::

    {"network_config": {"max_retries": 3}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL100"
NAME = "invalid-value"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "write a value of the type and range the message names"
CATEGORY = "invalid"


def check(ctx: RuleContext) -> Iterator[Finding]:
    yield from ctx.structure_findings(CATEGORY)
