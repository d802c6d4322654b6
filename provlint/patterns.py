"""Regular expressions compiled on first use, not at import.

A module-level ``re.compile`` runs on every start-up whether or not the run needs it: the
rules and the modules they share held about 4 ms of them (PL004's YAML 1.1 numbers, the
secret shapes, the terminal escapes), most never used on a clean JSON file. ``lazy(pattern)``
is read as a compiled pattern is (``.match``, ``.search``, ``.sub``, ...); the first such read
compiles it, and its methods are then kept on the object, so later calls cost what a compiled
pattern's do.
"""

from __future__ import annotations

import re


class LazyPattern:
    def __init__(self, pattern, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Only reached for a name not yet on the object: compile once, keep the methods.
        compiled = re.compile(*self._source)
        for method in ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return LazyPattern(pattern, flags)
