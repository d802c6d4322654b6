"""How rules tell a literal secret from a reference or a redacted placeholder (BIFROST.md §1)."""

from __future__ import annotations

import re
from typing import Any, Optional

_ENV_REFERENCE = re.compile(r"^env\.[A-Za-z_][A-Za-z0-9_]*$")
_MASKED = re.compile(r"^.{4}\*{24}.{4}$")


def is_reference(text: str) -> bool:
    """``env.NAME`` or ``vault.path``: resolved by Bifrost at run time, safe to commit."""
    return bool(_ENV_REFERENCE.match(text)) or text.startswith("vault.")


def is_redacted(text: str) -> bool:
    """Placeholders Bifrost writes in its responses instead of the secret."""
    if text.lower() in ("<redacted>", "[redacted]"):
        return True
    if text and len(text) <= 8 and set(text) == {"*"}:
        return True
    return bool(_MASKED.match(text))


def literal_text(value: Any) -> Optional[str]:
    """The literal text of a secret-capable value, or None when it is a reference or empty.

    Accepts the bare string form and the object forms (``{"value": ...}``, with ``ref`` or the
    legacy ``env_var``/``from_env``); an object that carries a reference is not literal.
    """
    if isinstance(value, dict):
        if value.get("ref") or value.get("from_env") or value.get("type") in ("env", "vault"):
            return None
        value = value.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    if is_reference(value) or is_redacted(value):
        return None
    return value
