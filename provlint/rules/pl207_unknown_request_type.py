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

from provlint.catalog import available_versions, load_catalog
from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

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
    known = set(ctx.catalog.request_types)
    for provider in ctx.providers:
        custom = provider.settings.get("custom_provider_config")
        if not isinstance(custom, dict):
            continue
        for map_name in REQUEST_TYPE_MAPS:
            entries = custom.get(map_name)
            if isinstance(entries, dict):
                for key in entries:
                    if key not in known:
                        pointer = provider.at("custom_provider_config", map_name, key)
                        yield Finding(pointer, _message(key, map_name, ctx), target="key")


def _message(key: str, map_name: str, ctx: RuleContext) -> str:
    version = ctx.catalog.version
    head = f"`{key}` in `{map_name}` is not a request type of Bifrost {version}: {_EFFECT[map_name]}"
    lines = [v for v in available_versions() if v != version and key in load_catalog(v).request_types]
    if lines:
        return f"{head}; it is a request type of Bifrost {', '.join(lines)} only"
    close = difflib.get_close_matches(key.lower(), ctx.catalog.request_types, n=1, cutoff=0.6)
    if close:
        return f"{head}; did you mean `{close[0]}`?"
    return f"{head}; request types: {', '.join(ctx.catalog.request_types)}"
