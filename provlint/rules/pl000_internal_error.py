"""A rule failed with an unexpected error on this file: a bug in provlint, not in the file.

The engine runs every rule under a guard: when one raises, this finding names the rule and
the error type, the other rules still run on the file and every other file is still checked.
The run then exits with code 2, as for other internal errors, so CI does not take a partial
check for a pass. It is reported whatever rules are selected or ignored. No document triggers
it on purpose; please report the file (with its secrets removed).

Passes::

    {"provider": "openai", "network_config": {"max_retries": 2}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL000"
NAME = "internal-error"
SEVERITY = Severity.ERROR
TAGS = ("internal",)
FIX = "report the bug with the rule named in the message; the other results of the run stand"


def check(ctx: RuleContext) -> Iterator[Finding]:
    # The engine reports a rule that raised; there is nothing to look for in a document.
    return iter(())
