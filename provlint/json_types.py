"""How a message names the JSON type of a value, never the value itself.

A value in a message may be a secret (a proxy URL with credentials where an object belongs,
say), so structural and hashing messages say only what kind of value they found.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def json_type(value: Any) -> str:
    """The JSON type of a value, worded for a message ("a string", "null")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return f"a {type(value).__name__}"


__all__ = ["json_type"]
