"""A provider id that the target Bifrost line does not know, on an entry that is not custom.

Bifrost cannot route to a provider it does not have: the entry is skipped or the API call is
refused. A custom provider needs ``custom_provider_config``. Ids are compared the way Bifrost
stores them (lower case); a close match is suggested (``opnai`` -> ``openai``), and an id that
exists only in another Bifrost line says so.

Fails::

    {"providers": {"opnai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.catalog import available_versions, lines_phrase, load_catalog
from provlint.findings import Finding, FixIntent, RenameKey, ReplaceValue, Severity
from provlint.rules.context import RuleContext, catalog_set
from provlint.suggest import did_you_mean, two_closest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL201"
NAME = "unknown-provider"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "use a provider id of the target Bifrost line, or add `custom_provider_config` with a `base_provider_type`"
FIXABLE = "renames the id to the one known provider close to it, when there is exactly one (unsafe: it changes which provider serves the entry)"


def check(ctx: RuleContext) -> Iterator[Finding]:
    known = catalog_set(ctx.catalog, "provider_ids")
    taken = None  # the ids a rename must avoid, gathered for the first unknown id; most files have none
    for provider in ctx.providers:
        if provider.name is None or provider.name.lower() in known:
            continue
        if provider.settings.get("custom_provider_config") is not None:
            continue
        if taken is None:
            taken = {(p.name or "").lower() for p in ctx.providers}
        message, close = _message(provider.name, ctx)
        yield Finding(provider.name_pointer, message, target=provider.name_target, autofix=_rename(provider, close, taken))


def _rename(provider, close: list[str], taken: set):
    """Rename to the one close id (none for an id of another line, or none or several close,
    or one another entry already has)."""
    if len(close) != 1 or close[0] in taken:
        return None
    change = RenameKey if provider.name_target == "key" else ReplaceValue
    return FixIntent(change(provider.name_pointer, close[0]), "unsafe", f"write the provider id as `{close[0]}`")


def _message(name: str, ctx: RuleContext) -> tuple[str, list[str]]:
    """The message, and the known ids close to ``name`` (at most two: a fix needs exactly one)."""
    version = ctx.catalog.version
    head = f"unknown provider `{name}` for Bifrost {version}"
    other_lines = [v for v in available_versions() if v != version and name.lower() in load_catalog(v).provider_ids]
    if other_lines:
        which = "that line" if len(other_lines) == 1 else "the one you run"
        return (
            f"{head}: it is a provider of Bifrost {lines_phrase(other_lines)}; set "
            f"target-version to {which}, or add `custom_provider_config` to make it a custom provider"
        ), []
    # A fix needs exactly one close id: a second one makes the rename a guess.
    close, second = two_closest(name, ctx.catalog.provider_ids)
    if close:
        return head + did_you_mean(close), [close] + ([second] if second else [])
    return (
        f"{head}; known providers: {', '.join(ctx.catalog.provider_ids)}; a custom provider "
        f"needs `custom_provider_config`"
    ), []
