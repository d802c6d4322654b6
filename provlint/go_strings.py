"""Text as Bifrost's Go code holds it after decoding JSON.

Go's decoder replaces a lone surrogate (a ``\\ud800`` escape with no partner) by U+FFFD, so a
string provlint hashes or parses as Go would must be read the same way first.
"""

from __future__ import annotations

from provlint.patterns import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_LONE_SURROGATE = lazy("[\ud800-\udfff]")


def go_string_text(text: str) -> str:
    """``text`` as Go holds it after decoding: lone surrogates replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def go_value(value: Any) -> Any:
    """Parsed JSON/YAML data with every string and key as Go holds it after decoding."""
    if isinstance(value, str):
        return go_string_text(value)
    if isinstance(value, dict):
        return {go_string_text(key): go_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [go_value(item) for item in value]
    return value


__all__ = ["go_string_text", "go_value"]
