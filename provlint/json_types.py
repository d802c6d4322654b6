"""How a message names the JSON type of a value, never the value itself.

A value in a message may be a secret (a proxy URL with credentials where an object belongs,
say), so structural and hashing messages say only what kind of value they found.
"""

from __future__ import annotations

from collections.abc import Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

# A value Bifrost reads as a string or an object (a secret, an alias) is validated by the
# form its JSON type selects, so one bad value gives one error from the form the user meant.
STRING_FORM = "string"
OBJECT_FORM = "object"
# The error types reported when such a value is neither; structure/wording.py words them.
SECRET_FORM_ERROR = "secret_form"
ALIAS_FORM_ERROR = "alias_form"


def written_form(value: Any) -> Optional[str]:
    """Which form a string-or-object value was written in; None for any other JSON type."""
    if isinstance(value, str):
        return STRING_FORM
    if isinstance(value, dict):
        return OBJECT_FORM
    return None


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


__all__ = ["json_type", "written_form", "STRING_FORM", "OBJECT_FORM", "SECRET_FORM_ERROR", "ALIAS_FORM_ERROR"]
