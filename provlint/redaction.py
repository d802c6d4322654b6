"""The placeholders Bifrost writes in API responses instead of a secret (BIFROST.md §1).

Shared by the rules (a placeholder is not a literal secret) and hashing (a hash over a
placeholder is not the hash the gateway computed over the real value).
"""

from __future__ import annotations

from collections.abc import Mapping

from provlint.patterns import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_MASKED = lazy(r"^.{4}\*{24}.{4}$")


def is_redacted(text: str) -> bool:
    if text.lower() in ("<redacted>", "[redacted]"):
        return True
    if text and len(text) <= 8 and set(text) == {"*"}:
        return True
    return bool(_MASKED.match(text))


def first_redacted(settings: Any, blocks: tuple[str, ...]) -> Optional[str]:
    """The pointer of the first redacted value inside the given settings blocks, or None."""
    if not isinstance(settings, Mapping):
        return None
    for block in blocks:
        raw = settings.get(block)
        if not isinstance(raw, Mapping):
            continue
        for name, value in raw.items():
            if isinstance(value, Mapping):
                value = value.get("value")
            if isinstance(value, str) and is_redacted(value):
                return f"/{block}/{name}"
    return None
