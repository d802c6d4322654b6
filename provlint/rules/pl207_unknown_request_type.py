"""A key of ``allowed_requests`` or ``request_path_overrides`` that is not a request type.

Bifrost ignores a key it does not know in ``allowed_requests``, so a misspelt
``chat_complete: true`` leaves chat completions refused; an override under an unknown request
type is never used. Request types come from the catalog of the target Bifrost line; the
message suggests the closest one, or says which Bifrost line has the type.

Fails::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat_complete": true}}, "network_config": {"base_url": "https://llm.example.com"}}

Passes::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat_completion": true}}, "network_config": {"base_url": "https://llm.example.com"}}
"""

import difflib
from typing import Iterator

from provlint.catalog import available_versions, lines_phrase, load_catalog
from provlint.findings import Finding, Severity
from provlint.rules.claims import Member, unknown_request_types
from provlint.rules.context import RuleContext

CODE = "PL207"
NAME = "unknown-request-type"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "use a request type of the target Bifrost line"

_EFFECT = {
    "allowed_requests": "Bifrost ignores it, so the request type it was meant to allow stays refused",
    "request_path_overrides": "Bifrost never uses this override",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for member in unknown_request_types(ctx):
        yield Finding(member.pointer, _message(member, ctx), target="key")


def _message(member: Member, ctx: RuleContext) -> str:
    version = ctx.catalog.version
    head = (
        f"`{member.key}` in `{member.where}` is not a request type of Bifrost {version}: "
        f"{_EFFECT[member.where]}"
    )
    lines = [
        v for v in available_versions()
        if v != version and member.key in load_catalog(v).request_types
    ]
    if lines:
        return f"{head}; it is a request type of Bifrost {lines_phrase(lines)}"
    close = difflib.get_close_matches(member.key.lower(), ctx.catalog.request_types, n=1, cutoff=0.6)
    if close:
        return f"{head}; did you mean `{close[0]}`?"
    return f"{head}; request types: {', '.join(ctx.catalog.request_types)}"
