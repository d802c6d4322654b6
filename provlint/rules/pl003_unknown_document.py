"""A file named on the command line is neither a Bifrost config nor a provider API payload.

provlint knows four shapes: a config file (``providers`` or Bifrost's ``$schema``), an
add-provider request (``provider``), a provider response (``provider_status``,
``config_hash``, or ``name`` with settings) and bare provider settings (the update-provider
request). Folder walks skip other files silently; a file named explicitly gets this warning so
a wrong path does not pass unnoticed. ``--kind`` forces a shape.

Fails::

    {"name": "my-app", "version": "1.0.0"}

Passes::

    {"provider": "openai", "network_config": {"max_retries": 2}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL003"
NAME = "unknown-document"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = "check the path, or pass --kind config|add-provider|update-provider|provider-response"


def unmatched_root(root: str) -> str:
    """Why a file where the settings' ``roots`` pointer finds nothing is not linted (or hashed)."""
    return f"the settings' `roots` pointer `{root}` names nothing in this file; fix the pointer or the file glob"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.kind is DocumentKind.UNKNOWN and ctx.root and ctx.data is None:
        yield Finding("", unmatched_root(ctx.root))
    elif ctx.kind is DocumentKind.UNKNOWN:
        yield Finding(
            "",
            "not a Bifrost config file or provider API payload (no `providers`, `provider`, "
            "`provider_status` or provider settings found); pass --kind to lint it as one",
        )
