"""A ``request_path_overrides`` entry that Bifrost cannot use as a path.

Bifrost appends an override to the provider's ``network_config.base_url``, so it must be an
absolute path that starts with ``/`` and holds no scheme or host: ``https://host/v1/chat``
and ``//host/v1/chat`` would send requests to a wrong URL, ``v1/chat`` glues onto the host
name. Some bases take no overrides at all (the catalog's ``path_overrides_forbidden_bases``;
Bifrost 1.5: bedrock); there the whole map is reported once. A value that is not a string is
PL100's finding.

Fails::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "request_path_overrides": {"chat_completion": "https://llm.example.com/v2/chat"}}, "network_config": {"base_url": "https://llm.example.com"}}

Passes::

    {"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai", "request_path_overrides": {"chat_completion": "/v2/chat"}}, "network_config": {"base_url": "https://llm.example.com"}}
"""

from __future__ import annotations

from urllib.parse import urlsplit

from provlint.findings import Finding, Severity
from provlint.patterns import lazy
from provlint.rules.context import RuleContext
from provlint.suggest import did_you_mean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator, Optional

CODE = "PL208"
NAME = "invalid-path-override"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "give only the absolute path (starting with `/`); the host belongs in `network_config.base_url`"

_SCHEME = lazy(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def check(ctx: RuleContext) -> Iterator[Finding]:
    forbidden = ctx.catalog.path_overrides_forbidden_bases
    for provider, custom in ctx.providers_with("custom_provider_config"):
        overrides = custom.get("request_path_overrides")
        if not isinstance(overrides, dict):
            continue
        base = custom.get("base_provider_type")
        if overrides and isinstance(base, str) and base in forbidden:
            yield Finding(
                provider.at("custom_provider_config", "request_path_overrides"),
                f"`request_path_overrides` is not supported on a custom provider based on "
                f"`{base}`: Bifrost does not apply path overrides to `{base}`; remove it",
                target="key",
            )
            continue
        for request_type, path in overrides.items():
            if not isinstance(path, str):
                continue
            problem = _problem(path)
            if problem is not None:
                yield Finding(
                    provider.at("custom_provider_config", "request_path_overrides", request_type),
                    f"the path override for `{request_type}` {problem}",
                )


def _problem(path: str) -> Optional[str]:
    """What is wrong with an override, or None. Never quotes the value: a URL may hold credentials."""
    if _SCHEME.match(path) or path.startswith("//"):
        suggestion, dropped = _path_of(path)
        hint = did_you_mean(suggestion) + _dropped_note(dropped) if suggestion else ""
        return (
            "contains a scheme or host: it must be only the absolute path, appended to "
            f"`network_config.base_url` (which holds the host){hint}"
        )
    if not path.startswith("/"):
        stripped = path.strip()
        if not stripped:
            return "is empty: it must be an absolute path starting with `/`"
        relative, dropped = _split_off_query(stripped)
        hint = ""
        if relative and not relative.startswith("/") and not any(c in relative for c in " @"):
            hint = did_you_mean(f"/{relative}") + _dropped_note(dropped)
        return f"must be an absolute path starting with `/`{hint}"
    return None


def _path_of(url: str) -> tuple[Optional[str], Optional[str]]:
    """The path part of a URL given as an override, for a suggestion (None when it has none),
    and what was dropped from it ("query string", "fragment", ...) or None.

    Only the path is suggested: a query string or fragment may hold a credential.
    """
    try:
        parts = urlsplit(url if not url.startswith("//") else "scheme:" + url)
    except ValueError:
        return None, None
    path = parts.path
    if not path.startswith("/") or path == "/":
        return None, None
    dropped = [name for name, present in (("query string", parts.query), ("fragment", parts.fragment)) if present]
    return path, " and ".join(dropped) or None


def _split_off_query(path: str) -> tuple[str, Optional[str]]:
    """A relative override without its query string and fragment, and what was dropped."""
    head, _, fragment = path.partition("#")
    head, _, query = head.partition("?")
    dropped = [name for name, present in (("query string", query), ("fragment", fragment)) if present]
    return head, " and ".join(dropped) or None


def _dropped_note(dropped: Optional[str]) -> str:
    # The query or fragment may carry a credential (`?api_key=...`), so it is never echoed.
    if not dropped:
        return ""
    verb = "were" if " and " in dropped else "was"
    return f" (the {dropped} {verb} dropped from the suggestion; keep credentials out of the override)"
