"""A provider of a config file that needs keys and has none.

Bifrost picks one of a provider's keys for every request; with no key it answers "no keys found
for provider" to every call. In Bifrost 1.5 every provider needs at least one key except a
keyless custom provider (``custom_provider_config.is_key_less: true`` on a base that allows it)
and the standard providers the catalog lists as keyless (none in 1.5: Ollama, SGLang and vLLM
take a key that carries their server URL).

Note on the catalog's ``key_value_may_be_empty`` list (vertex, bedrock, azure, vllm, ollama,
sgl): it says that a *key's value* may be empty because the credentials live in the key's
sub-config (Bifrost's CanProviderKeyValueBeEmpty). It does not make the provider keyless: such a
provider still needs a key, carrying e.g. ``vertex_key_config``, so it is reported here too. The
legacy ``"vertex": {"keys": [], "meta_config": {...}}`` shape is a real finding: ``meta_config``
is no longer read (PL104) and the Vertex provider has no credentials at all.

Only config files are checked: the management API manages keys under
/api/providers/{provider}/keys, so a payload without keys is normal.

Fails::

    {"providers": {"openai": {"keys": []}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import ProviderView, RuleContext
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL501"
NAME = "no-keys"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "add a key with `name`, `value` (an env.NAME reference) and `weight`"

_ABSENT = object()


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.kind is not DocumentKind.CONFIG:
        return
    for provider in ctx.providers:
        keys = provider.settings.get("keys", _ABSENT)
        if isinstance(keys, list) and keys:
            continue
        if keys is not _ABSENT and keys is not None and not isinstance(keys, list):
            continue  # a type error (PL100)
        if not _needs_keys(provider, ctx):
            continue
        if keys is _ABSENT:
            pointer, target, state = provider.name_pointer, provider.name_target, "no `keys`"
        else:
            pointer, target = provider.at("keys"), "key"
            state = "an empty `keys` list" if keys == [] else "`keys: null`"
        yield Finding(pointer, _message(provider, ctx, state), target=target)


def _needs_keys(provider: ProviderView, ctx: RuleContext) -> bool:
    custom = provider.settings.get("custom_provider_config")
    if isinstance(custom, dict) and custom.get("is_key_less") is True:
        base = custom.get("base_provider_type")
        forbidden = ctx.catalog.keyless_forbidden_bases
        if not (isinstance(base, str) and base.lower() in forbidden):
            return False
    name = (provider.name or "").lower()
    return name not in ctx.catalog.keyless_providers


def _message(provider: ProviderView, ctx: RuleContext, state: str) -> str:
    name = provider.name or ""
    message = (
        f"provider `{name}` has {state}: Bifrost answers \"no keys found for provider\" to every "
        f"request it routes there; "
    )
    custom = provider.settings.get("custom_provider_config")
    kind = name.lower()
    if isinstance(custom, dict) and isinstance(custom.get("base_provider_type"), str):
        kind = custom["base_provider_type"].lower()
    requirement = ctx.catalog.key_config_requirements.get(kind)
    if requirement is not None:
        sub, field = requirement.config, requirement.field
        what = f"`{sub}.{field}`" if field else f"`{sub}`"
        message += f"add a key with `name`, `weight` and {what}"
    else:
        message += "add a key with `name`, `value` (an env.NAME reference) and `weight`"
    if isinstance(custom, dict) and custom.get("is_key_less") is not True:
        base = custom.get("base_provider_type")
        if not (isinstance(base, str) and base.lower() in ctx.catalog.keyless_forbidden_bases):
            message += ", or set `custom_provider_config.is_key_less: true` if the endpoint needs no key"
    return message
