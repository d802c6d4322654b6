"""A waiver that waives nothing: an ignore comment, a settings exception or a baseline entry.

Stale waivers hide nothing today but will silently hide a real problem later, when someone
introduces it at the same place. The engine reports them; this module only documents the rule.

Fails (yaml)::

    network_config:
      max_retries: 2  # provlint: ignore[insecure-skip-verify]

Passes (yaml)::

    network_config:
      insecure_skip_verify: true  # provlint: ignore[insecure-skip-verify]
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL902"
NAME = "unused-suppression"
SEVERITY = Severity.WARNING
TAGS = ("style",)
FIX = "remove the waiver, or run --write-baseline again to refresh a baseline"


def check(ctx: RuleContext) -> Iterator[Finding]:
    # Waivers are applied after every rule has run, so the engine itself reports unused ones.
    return iter(())
