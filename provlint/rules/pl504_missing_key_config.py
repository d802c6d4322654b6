"""A key without the sub-config its provider needs (Azure endpoint, Vertex config, server URL).

Bifrost validates every key before it uses it and skips, with only a log warning, a key that
lacks its provider's sub-config: Azure needs ``azure_key_config.endpoint``, Vertex needs
``vertex_key_config``, and in Bifrost 1.5 vLLM, Ollama and SGLang need ``*_key_config.url``
(the catalog's ``key_config_requirements``). A provider whose keys are all skipped serves
nothing. A custom provider is checked against its ``base_provider_type``.

Decision for Ollama, SGLang and vLLM: older Bifrost versions treated Ollama and SGLang as
keyless and reached them through ``network_config.base_url`` (the shape of Bifrost's own
loadtest example). Bifrost 1.5 no longer does: its key validation (core ``validateKey``) rejects
such a key whatever ``network_config.base_url`` says, and its API document marks ``url``
required in these sub-configs. So the rule reports these keys even when ``base_url`` is set,
and says so.

Fails::

    {"providers": {"azure": {"keys": [{"name": "k", "value": "env.AZURE_API_KEY", "weight": 1}]}}}

Passes::

    {"providers": {"azure": {"keys": [{"name": "k", "value": "env.AZURE_API_KEY", "weight": 1, "models": ["*"], "azure_key_config": {"endpoint": "https://my-resource.openai.azure.com"}}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import KeyEntry, ProviderView, RuleContext, block, key_provider_type

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

CODE = "PL504"
NAME = "missing-key-config"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "add the provider's key sub-config (e.g. `azure_key_config.endpoint`) to the key"


def check(ctx: RuleContext) -> Iterator[Finding]:
    requirements = ctx.catalog.key_config_requirements
    for provider in ctx.providers:
        entries = ctx.keys_of(provider)
        if not entries:
            continue
        kind = key_provider_type(provider)
        requirement = requirements.get(kind) if kind else None
        if requirement is None:
            continue
        sub, field = requirement.config, requirement.field
        for entry in entries:
            config = entry.key.get(sub)
            if config is None:
                what = f"`{sub}`" + (f" with `{field}`" if field else "")
                yield Finding(
                    entry.at(),
                    f"{_label(entry)} of `{kind}` has no {what}: Bifrost skips the key when it validates "
                    f"it; add {what}{_base_url_note(provider, field)}",
                )
            elif isinstance(config, dict) and field and _is_empty(config.get(field)):
                yield Finding(
                    entry.at(sub),
                    f"`{sub}` of {_label(entry)} has no `{field}`: Bifrost skips the key when it validates "
                    f"it; set `{sub}.{field}`{_base_url_note(provider, field)}",
                    target="key",
                )


def _label(entry: KeyEntry) -> str:
    name = entry.key.get("name")
    return f"key `{name}`" if isinstance(name, str) else f"`keys[{entry.index}]`"


def _base_url_note(provider: ProviderView, field: Optional[str]) -> str:
    base_url = block(provider.settings, "network_config").get("base_url")
    if field == "url" and isinstance(base_url, str) and base_url.strip():
        return " (`network_config.base_url` does not replace it: each key names its own server)"
    return ""


def _is_empty(value: Any) -> bool:
    """Absent, null, blank, or a secret object with neither a value nor a reference."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, dict):
        return all(_is_empty(value.get(k)) for k in ("value", "ref", "env_var"))
    return False  # a type error (PL100)
