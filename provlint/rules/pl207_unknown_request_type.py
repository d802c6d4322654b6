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

from __future__ import annotations

from provlint.catalog import available_versions, lines_phrase, load_catalog
from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.suggest import closest, did_you_mean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL207"
NAME = "unknown-request-type"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "use a request type of the target Bifrost line"

# The models report an unknown key of `allowed_requests` too (PL101); this says more.
SUPERSEDES = ("PL101",)
REQUEST_TYPE_MAPS = ("allowed_requests", "request_path_overrides")

_EFFECT = {
    "allowed_requests": "Bifrost ignores it, so the request type it was meant to allow stays refused",
    "request_path_overrides": "Bifrost never uses this override",
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    known = None  # the request types as a set, for the first custom provider
    for provider, custom in ctx.providers_with("custom_provider_config"):
        if known is None:
            known = set(ctx.catalog.request_types)
        for map_name in REQUEST_TYPE_MAPS:
            entries = custom.get(map_name)
            if isinstance(entries, dict):
                for key in entries:
                    if key not in known:
                        pointer = provider.at("custom_provider_config", map_name, key)
                        yield Finding(pointer, _message(key, map_name, ctx), target="key")


def _message(key: str, map_name: str, ctx: RuleContext) -> str:
    version = ctx.catalog.version
    head = (
        f"`{key}` in `{map_name}` is not a request type of Bifrost {version}: "
        f"{_EFFECT[map_name]}"
    )
    lines = _lines_with(key, version)
    if lines:
        return f"{head}; it is a request type of Bifrost {lines_phrase(lines)}"
    close = closest(key, ctx.catalog.request_types)
    if close:
        return head + did_you_mean(close)
    # A misspelling of a later line's type: say both, so the fix is not a third wrong name.
    others = [t for v in available_versions() if v != version for t in load_catalog(v).request_types]
    close = closest(key, others)
    if close:
        return f"{head}{did_you_mean(close)} (a request type of Bifrost {lines_phrase(_lines_with(close, version))})"
    return f"{head}; request types: {', '.join(ctx.catalog.request_types)}"


def _lines_with(request_type: str, version: str) -> list[str]:
    return [v for v in available_versions() if v != version and request_type in load_catalog(v).request_types]
