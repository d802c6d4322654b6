"""What the generated validators of Bifrost's schema sections (``sections_<schema>/``) call
where Python alone may not decide as jsonschema-rs does: each check is exact or raises
``Unknown``, and the caller then asks jsonschema-rs (``validators/sections_emit.py`` says why)."""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Unknown(Exception):
    """Only jsonschema-rs can tell: the caller asks it."""


def number(v: Any) -> bool:
    # A number as jsonschema-rs reads it: an infinity or NaN (JSON's 1e400, YAML's .inf) is of
    # no JSON type there; an integer beyond 64 bits may be read otherwise.
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    if isinstance(v, float):
        return v - v == 0
    if not -(1 << 63) <= v < (1 << 64):
        raise Unknown
    return True


def integer(v: Any) -> bool:
    return number(v) and (isinstance(v, int) or v.is_integer())


def matches(pattern: str, v: str) -> bool:
    # ECMA's classes and `.` differ from Python's beyond ASCII and at a carriage return.
    if not v.isascii() or "\r" in v:
        raise Unknown
    return re.search(pattern, v, re.ASCII) is not None


def multiple_of(v: Any, step: Any) -> bool:
    if isinstance(v, float) or isinstance(step, float):
        raise Unknown
    return v % step == 0


def unique(v: list) -> bool:
    if not all(isinstance(item, str) and item.isascii() for item in v):
        raise Unknown
    return len(set(v)) == len(v)
