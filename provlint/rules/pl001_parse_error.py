"""The file is not valid JSON or YAML, so nothing else in it can be checked.

Invalid UTF-8, a byte-order mark in JSON, a UTF-16 file, an empty file, NaN or Infinity,
trailing commas and nesting deeper than the parser allows all land here, at the place the
parser stopped. The file is not linted further.

Fails::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}],}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL001"
NAME = "parse-error"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "correct the syntax at the reported position (JSON: no comments, no trailing commas, UTF-8 without BOM)"


def check(ctx: RuleContext) -> Iterator[Finding]:
    error = ctx.document.error
    if error is not None:
        yield Finding("", error.message, span=error.span)
