"""One secret policy in one place: the secret map of a document, the masking every emitted text
passes through, and the escaping of terminal control characters.

The names load on first use (PEP 562): a clean file's run needs only ``escape_control`` (the
reporters), never the map, and the map's modules cost about 15 ms of start-up.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_HOME = {
    "MIN_PIECE": "map",
    "SecretMap": "map",
    "REDACTED": "masking",
    "mask": "masking",
    "mask_message": "masking",
    "mask_source_line": "masking",
    "escape_control": "terminal",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__, not importlib.import_module: `python -X importtime` sees only the former.
    value = getattr(__import__(f"provlint.secrets.{_HOME[name]}", fromlist=[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


__all__ = ["MIN_PIECE", "REDACTED", "SecretMap", "escape_control", "mask", "mask_message", "mask_source_line"]
