"""New values and keys written in the file's own syntax, in the style of what they replace."""

from __future__ import annotations

import json
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# A string YAML reads back as that same string when written without quotes (conservative: it
# starts with a letter or underscore, so it is no number, and it holds no indicator).
_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-/]*")
# Plain words YAML 1.1 or 1.2 reads as booleans or null.
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def yaml_scalar(value: Any, old: str) -> str:
    """``value`` as a YAML scalar, quoted as ``old`` was where that keeps the meaning."""
    if isinstance(value, str):
        return _yaml_string(value, old)
    if value is None:
        return "null"
    return json_text(value)  # booleans and numbers read the same in YAML


def yaml_key(key: str, old: str) -> str:
    return _yaml_string(key, old)


def _yaml_string(value: str, old: str) -> str:
    quote = old[:1]
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote != '"' and _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    return json_text(value)  # a JSON string is a YAML double-quoted scalar
