"""A key's ``models`` or ``blacklisted_models`` mixing ``"*"`` with names, or naming a model twice.

``"*"`` already means every model, so a list that holds it and other names is contradictory:
the names do nothing, or the ``"*"`` was left over by mistake. Bifrost's model-list validation
rejects such a list, and also a list that names one model twice, compared case-insensitively
(``gpt-4o`` and ``GPT-4o``).

Fails::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*", "gpt-4o"]}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["gpt-4o", "gpt-4o-mini"]}]}}}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, RemoveMember, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL505"
NAME = "mixed-wildcard-models"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = 'keep either "*" alone or the explicit model names, each once'
FIXABLE = "removes a model named a second time (safe: Bifrost reads the list as a set)"

LISTS = ("models", "blacklisted_models")


def check(ctx: RuleContext) -> Iterator[Finding]:
    wildcard = ctx.catalog.model_wildcard
    fields = [field for field in LISTS if field in ctx.key_member_names]  # most files: models alone
    for entry in ctx.key_entries:
        for field in fields:
            models = entry.key.get(field)
            if isinstance(models, list) and len(models) > 1 and _may_find(models, wildcard):
                yield from _check_list(entry.at(field), field, models, wildcard)


def _may_find(models: list, wildcard: str) -> bool:
    """Whether ``_check_list`` can find anything in ``models`` (two entries or more): two
    names or more, with the wildcard among them (mixed, or itself repeated) or one name
    repeated. The common list passes at once."""
    try:
        joined = "".join(models)  # the common list: names only
    except TypeError:
        pass  # an entry that is no string (PL100)
    else:
        if wildcard in models:
            return True
        # Names already in lower case (the common list) fold to themselves: one lower() of the
        # whole list tells, where lowering each name cost a string apiece. Where lower() leaves
        # the joined text alone it changes no character, nor so any one name (the only
        # context-dependent mapping, final sigma, is of a capital sigma, which lower() changes).
        folded = set(models) if joined == joined.lower() else set(map(str.lower, models))
        return len(folded) < len(models)
    names = [m for m in models if isinstance(m, str)]
    if len(names) < 2:
        return False
    return wildcard in names or len({name.lower() for name in names}) < len(names)


def _check_list(pointer: str, field: str, models: list, wildcard: str) -> Iterator[Finding]:
    names = [(i, m) for i, m in enumerate(models) if isinstance(m, str)]
    others = [m for _, m in names if m != wildcard]
    if others and any(m == wildcard for _, m in names):
        index = next(i for i, m in names if m == wildcard)
        covers = "blocks every model" if field == "blacklisted_models" else "allows every model"
        yield Finding(
            f"{pointer}/{index}",
            f'`{field}` mixes "{wildcard}" with other entries: "{wildcard}" already {covers}, and '
            f'Bifrost rejects the list; keep either "{wildcard}" alone or only the model names',
        )
    seen: dict[str, tuple[int, str]] = {}
    for index, name in names:
        folded = name.lower()
        if folded in seen:
            first_index, first = seen[folded]
            same = "" if first == name else f" (as `{first}`; names are compared case-insensitively)"
            yield Finding(
                f"{pointer}/{index}",
                f"`{field}` lists `{name}` again: it is already at index {first_index}{same}; "
                f"Bifrost rejects duplicates: remove this entry",
                autofix=FixIntent(RemoveMember(f"{pointer}/{index}"), "safe", f"remove the repeated `{name}`"),
            )
        else:
            seen[folded] = (index, name)
