"""Rule selectors (codes, prefixes such as ``PL3``, names, ``ALL``) and which rules they enable.

As in ruff, the most specific selector that matches a rule decides: ``select = ["PL3"]`` with
``ignore = ["PL301"]`` drops PL301 only, and ``select = ["PL301"]`` with ``ignore = ["PL3"]``
keeps it. On a tie, ``ignore`` wins.
"""

from __future__ import annotations

from functools import lru_cache

from provlint.rules import Rule, all_rules
from provlint.suggest import closest, did_you_mean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

ALL = "ALL"
# Selects no rule: `select = ["NONE"]` (or `--select NONE`) then `extend-select` builds a set
# from nothing. A blank selector is an error instead, so that an unset variable in
# `--select "$RULES"` never disables every rule without a word.
NONE = "NONE"
_EXACT = 100


class SelectorError(ValueError):
    """A selector that names no rule."""


def specificity(selector: str, rule: Rule) -> Optional[int]:
    """How closely ``selector`` names ``rule`` (higher is closer), or None when it does not."""
    if selector == ALL:
        return 0
    if selector == NONE:
        return None
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return _EXACT
    if rule.code.startswith(selector.upper()) and selector.upper().startswith("PL"):
        return len(selector)
    return None


def validate_selector(selector: str) -> str:
    if not isinstance(selector, str) or not selector.strip():
        raise SelectorError(
            f"empty rule selector {selector!r}: name rules (codes, prefixes like PL3, names, ALL), "
            f"or {NONE} to select no rule"
        )
    selector = selector.strip()
    if selector.upper() == NONE:
        return NONE
    rules = all_rules()
    if any(specificity(selector, rule) is not None for rule in rules):
        return selector
    candidates = [r.code for r in rules] + [r.name for r in rules]
    close = closest(selector, candidates)
    hint = did_you_mean(close) if close else "; run `provlint rules` for the list"
    raise SelectorError(f"unknown rule or rule prefix `{selector}`{hint}")


def enabled_rules(
    select: Optional[Iterable[str]],
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[Rule, ...]:
    """The rules in force. ``select=None`` means the defaults (every rule whose module does not
    say ``DEFAULT_ENABLED = False``)."""
    # Every file of a run usually has the same selection: compute it once.
    return _enabled_rules(None if select is None else tuple(select), tuple(extend_select), tuple(ignore))


@lru_cache(maxsize=256)
def _enabled_rules(select, extend_select, ignore) -> tuple[Rule, ...]:
    chosen = []
    for rule in all_rules():
        if select is None:
            on = 0 if rule.default_enabled else None
        else:
            on = _best(select, rule)
        extended = _best(extend_select, rule)
        if extended is not None:
            on = max(on if on is not None else -1, extended)
        off = _best(ignore, rule)
        if on is not None and (off is None or on > off):
            chosen.append(rule)
    return tuple(chosen)


def _best(selectors: Iterable[str], rule: Rule) -> Optional[int]:
    scores = [s for s in (specificity(sel, rule) for sel in selectors) if s is not None]
    return max(scores) if scores else None


def layered_rules(layers: Iterable[tuple], per_file_ignores: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules in force (see _layered_rules); every file of a run usually has the same layers,
    so the answer is computed once per distinct selection."""
    return _layered_rules(tuple(tuple(_frozen(part) for part in layer) for layer in layers), tuple(per_file_ignores))


def _frozen(part):
    return part if part is None or isinstance(part, str) else tuple(part)


@lru_cache(maxsize=256)
def _layered_rules(layers: tuple, per_file_ignores: tuple) -> tuple[Rule, ...]:
    """The rules in force after each layer of selectors, the later layer winning (ruff's order:
    settings file, then command line), and the per-file ignores last.

    A layer is (select, extend_select, ignore). A layer with ``select`` starts afresh; one
    without it adds its extend-select to, and takes its ignores from, what came before (which
    counts as less specific than anything the layer names).
    """
    current: set[str] = {r.code for r in enabled_rules(None)}
    for select, extend_select, ignore in layers:
        if select is not None:
            current = {r.code for r in enabled_rules(select, extend_select, ignore)}
            continue
        if not extend_select and not ignore:
            continue
        kept = set()
        for rule in all_rules():
            on = 0 if rule.code in current else None
            extended = _best(extend_select, rule)
            if extended is not None:
                on = max(on if on is not None else -1, extended)
            off = _best(ignore, rule)
            if on is not None and (off is None or on > off):
                kept.add(rule.code)
        current = kept
    per_file_ignores = tuple(per_file_ignores)
    return tuple(
        r for r in all_rules() if r.code in current and _best(per_file_ignores, r) is None
    )
