"""Two keys of one provider with the same ``name``.

Key names identify keys in Bifrost's logs, metrics, UI and config store, and a key's name is
part of its ``config_hash``: two keys called the same cannot be told apart, and the config store
may keep only one of them. The second and later uses of a name are reported, at their name.

Fails::

    {"providers": {"openai": {"keys": [{"name": "main", "value": "env.OPENAI_KEY_A", "weight": 1}, {"name": "main", "value": "env.OPENAI_KEY_B", "weight": 1}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "main-a", "value": "env.OPENAI_KEY_A", "weight": 1, "models": ["*"]}, {"name": "main-b", "value": "env.OPENAI_KEY_B", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL502"
NAME = "duplicate-key-name"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "give every key of the provider its own name"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        entries = ctx.keys_of(provider)
        if _all_distinct([key.get("name") for _provider, _index, key in entries]):
            continue  # the common provider: one set in C instead of a look-up per key
        first_index: dict[str, int] = {}
        for entry in entries:
            name, index = entry.key.get("name"), entry.index
            if not isinstance(name, str):
                continue  # missing (PL102) or a type error (PL100)
            if name in first_index:
                yield Finding(
                    entry.at("name"),
                    f"key name `{name}` is already used by `keys[{first_index[name]}]` of this "
                    f"provider; give each key its own name",
                )
            else:
                first_index[name] = index


def _all_distinct(names: list) -> bool:
    """True when no two names are equal (so no string name repeats); False where a name cannot
    be hashed (a type error, PL100) or two are equal: then each is looked at."""
    try:
        return len(set(names)) == len(names)
    except TypeError:
        return False
