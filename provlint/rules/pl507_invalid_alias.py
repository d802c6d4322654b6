"""An ``aliases`` entry Bifrost refuses: empty, foreign to the key's provider, or a case twin.

From Bifrost 2.0 on, a key's ``aliases`` map model names clients use to the identifier sent to
the provider, as a string (legacy form, ``{"best": "gpt-4o-deployment"}``) or an object whose
``model_id`` is that identifier. Bifrost validates the map against the key's provider
(``Aliases.Validate``) and refuses the key when an alias name or identifier is empty or only
whitespace, when an alias object sets a field of another provider's sub-config (``api_version``,
``anthropic_version``, ``endpoint``: Azure; ``project_number``, ``force_single_region``:
Vertex; ``inference_profile_arn``: Bedrock; ``use_deployments_endpoint``: Replicate; the
catalog's ``alias_provider_fields``), or when two alias names differ only in case. A custom
provider's provider is its ``base_provider_type``. Each finding is at the offending name,
identifier or field. Applies from Bifrost 2.0 on (1.5 does not validate aliases).

Fails::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"], "aliases": {"best": {"model_id": "gpt-4o", "api_version": "2024-10-21"}}}]}}}

Passes::

    {"providers": {"azure": {"keys": [{"name": "k", "value": "env.AZURE_API_KEY", "weight": 1, "models": ["*"], "azure_key_config": {"endpoint": "https://my-resource.openai.azure.com"}, "aliases": {"best": {"model_id": "gpt-4o-deployment", "api_version": "2024-10-21"}}}]}}}
"""

from __future__ import annotations

import json

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, key_provider_type
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Mapping, Optional

CODE = "PL507"
NAME = "invalid-alias"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "give every alias a non-blank name and identifier, only its provider's fields, and a name unique regardless of case"
SINCE = "2.0"
# An empty name or identifier is also below the model's minimum length: one finding, this one.
SUPERSEDES = ("PL100",)

MODEL_ID = "model_id"


def check(ctx: RuleContext) -> Iterator[Finding]:
    owners = ctx.catalog.alias_provider_fields
    if not owners:
        return  # the line does not validate aliases (before 2.0)
    if "aliases" not in ctx.key_member_names:
        return  # the common file; a look at the keys' names, not a search of the whole text
    for entry in ctx.key_entries:  # the key's provider is judged only for a key with aliases
        aliases = entry.key.get("aliases")
        if isinstance(aliases, dict):
            kind = key_provider_type(entry.provider)
            if kind not in ctx.catalog.provider_ids:
                kind = None  # an unknown id or base (PL201, PL203): which fields are foreign is a guess
            yield from _check_aliases(entry.at("aliases"), aliases, kind, owners)


def _check_aliases(pointer: str, aliases: dict, kind: Optional[str], owners: Mapping[str, tuple[str, ...]]) -> Iterator[Finding]:
    first_of: dict[str, str] = {}
    for name, value in aliases.items():
        at = jp.join(pointer, name)
        if not name.strip():
            yield Finding(at, f"alias name {_shown(name)} is {_blank(name)}: Bifrost refuses the key; "
                          f"name the alias as clients request the model", target="key")
        elif name.lower() in first_of:
            yield Finding(at, f"alias `{name}` differs from alias `{first_of[name.lower()]}` only in case: "
                          f"Bifrost compares alias names case-insensitively and refuses the key; "
                          f"keep one of them", target="key")
        else:
            first_of[name.lower()] = name
        if isinstance(value, str):
            if not value.strip():
                yield Finding(at, f"alias `{name}` maps to {_shown(value)}, which is {_blank(value)}: "
                              f"Bifrost refuses the key; give the identifier sent to the provider")
        elif isinstance(value, dict):
            yield from _check_object(at, name, value, kind, owners)


def _check_object(at: str, name: str, alias: dict, kind: Optional[str], owners: Mapping[str, tuple[str, ...]]) -> Iterator[Finding]:
    model_id = alias.get(MODEL_ID)
    if isinstance(model_id, str) and not model_id.strip():
        yield Finding(jp.join(at, MODEL_ID), f"`{MODEL_ID}` of alias `{name}` is {_blank(model_id)}: Bifrost "
                      f"refuses the key; give the identifier sent to the provider")
    if kind is None:
        return  # an update payload, or an id or base the line does not know
    for owner, fields in owners.items():
        if owner == kind:
            continue
        for field in fields:
            if field in alias and _is_set(alias[field]):
                yield Finding(
                    jp.join(at, field),
                    f"`{field}` of alias `{name}` belongs to `{owner}`, but this key's provider is "
                    f"`{kind}`: Bifrost refuses the key; remove `{field}`",
                    target="key",
                )


def _is_set(value: Any) -> bool:
    # Go reads null, false and "" as the field's zero value: nothing is overridden.
    return value is not None and value is not False and value != ""


def _blank(text: str) -> str:
    return "empty" if text == "" else "only whitespace"


def _shown(text: str) -> str:
    return json.dumps(text)

