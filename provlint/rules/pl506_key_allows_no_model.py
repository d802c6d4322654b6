"""A key whose ``models`` is empty or absent: since Bifrost 1.5.0 such a key serves no model.

Bifrost 1.5.0 changed the meaning of an empty allow-list (changelog v1.5.0: "Empty models array
now means allow none instead of allow all"), and a key without ``models`` has an empty one. So
the key is never chosen for any request: a file written for older Bifrost, where it meant
"every model", loses the key without a word. ``["*"]`` allows every model. A config file whose
top-level ``"version"`` is ``1`` keeps the old meaning (empty = allow all) and is not reported.

Keys are found wherever the document keeps them (config files, and the API payloads that carry
keys). No automatic fix: writing ``["*"]`` changes which models the key serves, and whether
the key should serve all of them or a few is the team's choice.

Fails::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": []}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, is_integer
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL506"
NAME = "key-allows-no-model"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = 'list the models the key may serve in `models`, or `["*"]` for every model'

FIELD = "models"
# The config-file version that keeps the pre-1.5.0 meaning of an empty list (allow all).
ALLOW_ALL_VERSION = 1


def check(ctx: RuleContext) -> Iterator[Finding]:
    if _keeps_old_meaning(ctx):
        return
    wildcard = ctx.catalog.model_wildcard
    for entry in ctx.key_entries:
        key, index = entry.key, entry.index
        models = key.get(FIELD)
        if models is not None and models != []:
            continue  # a list with entries, or a type error (PL100)
        label = f"key `{key['name']}`" if isinstance(key.get("name"), str) else f"`keys[{index}]`"
        if FIELD in key:
            state = "an empty `models` list" if models == [] else "`models: null`"
            pointer = entry.at(FIELD)
        else:
            state, pointer = "no `models`", entry.at()
        yield Finding(
            pointer,
            f"{label} has {state}: since Bifrost 1.5.0 an empty allow-list means \"allow "
            f"none\", so the key serves no model; list the models it may serve, or "
            f'`["{wildcard}"]` to allow every model',
        )


def _keeps_old_meaning(ctx: RuleContext) -> bool:
    """A config file with ``"version": 1``, which keeps "empty = allow all"."""
    if ctx.kind is not DocumentKind.CONFIG or not isinstance(ctx.data, dict):
        return False
    version = ctx.data.get("version")
    return is_integer(version) and version == ALLOW_ALL_VERSION
