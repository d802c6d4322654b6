"""The one masking function every text provlint emits passes through.

Linear in the text: each secret piece is looked for with ``str.find`` (no regex, so no
backtracking), which makes the work at most (pieces x text length) character comparisons
whatever the text holds; a file has a handful of secrets.
"""

from __future__ import annotations

from typing import Iterable, Optional

from provlint.secrets.map import SecretMap

REDACTED = "********"


def occurrences(text: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Merged [start, end) offsets of every occurrence of any piece in ``text``."""
    found = []
    for piece in pieces:
        if not piece:
            continue
        start = text.find(piece)
        while start != -1:
            found.append((start, start + len(piece)))
            start = text.find(piece, start + len(piece))
    return merge(found)


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def mask(text: str, secrets: Optional[SecretMap]) -> str:
    """``text`` with every known secret piece replaced by ``********``."""
    if secrets is None or not text:
        return text
    ranges = occurrences(text, secrets.pieces)
    if not ranges:
        return text
    parts, position = [], 0
    for start, end in ranges:
        parts.append(text[position:start])
        parts.append(REDACTED)
        position = end
    parts.append(text[position:])
    return "".join(parts)


# A parse error may show this much of the text it could not read: never 8 characters, so never
# a leak however secret the text was.
EXCERPT_WHOLE = 7
EXCERPT_KEEP = 4


def excerpt(text: str) -> str:
    """Short text whole; longer text cut to its first few characters and an ellipsis."""
    return text if len(text) <= EXCERPT_WHOLE else text[:EXCERPT_KEEP] + "…"


def mask_message(message: str, secrets: Optional[SecretMap]) -> str:
    """A diagnostic's message, masked; the map is computed only here, on the first finding."""
    return mask(message, secrets)
