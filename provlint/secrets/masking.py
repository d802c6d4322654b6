"""The one masking function every text provlint emits passes through.

Linear in the text: each secret piece is looked for with ``str.find`` (no regex, so no
backtracking), which makes the work at most (pieces x text length) character comparisons
whatever the text holds; a file has a handful of secrets.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

    from provlint.secrets.map import SecretMap

REDACTED = "********"


# Up to this many pieces each is looked for with str.find (k passes in C); past it one pass
# over the text looks each position up in an index of the pieces' first characters, so the
# work stays linear in the text however many secrets a file holds.
FIND_EACH_UP_TO = 16


class PieceIndex:
    """The pieces keyed by their first ``width`` characters (the shortest piece's length), each
    prefix with the set of its pieces per length: at one place of the text, one look-up per
    distinct length, however many pieces share the prefix."""

    def __init__(self, pieces: Iterable[str]) -> None:
        pieces = [p for p in pieces if p]
        self.width = min((len(p) for p in pieces), default=0)
        self.by_prefix: dict[str, dict[int, set[str]]] = {}
        for piece in pieces:
            self.by_prefix.setdefault(piece[: self.width], {}).setdefault(len(piece), set()).add(piece)
        # Longest first: where several pieces start at one place, the longest is masked.
        self.lengths = {prefix: sorted(by_length, reverse=True) for prefix, by_length in self.by_prefix.items()}

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        found = []
        width, by_prefix, lengths = self.width, self.by_prefix, self.lengths
        if not width:
            return found
        for start in range(len(text) - width + 1):
            prefix = text[start : start + width]
            by_length = by_prefix.get(prefix)
            if by_length is None:
                continue
            for length in lengths[prefix]:
                if text[start : start + length] in by_length[length]:
                    found.append((start, start + length))
                    break
        return found


def occurrences(text: str, pieces: Iterable[str], index: Optional[PieceIndex] = None) -> list[tuple[int, int]]:
    """Merged [start, end) offsets of every occurrence of any piece in ``text``."""
    pieces = tuple(pieces)
    if len(pieces) > FIND_EACH_UP_TO:
        return merge((index or PieceIndex(pieces)).occurrences(text))
    found = []
    for piece in pieces:
        if not piece:
            continue
        start = text.find(piece)
        while start != -1:
            found.append((start, start + len(piece)))
            # Overlapping occurrences too, as the index finds them: a periodic secret such as
            # "abab" in "ababab" is masked to its end, not up to a remnant of itself.
            start = text.find(piece, start + 1)
    return merge(found)


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def mask(text: str, secrets: Optional["SecretMap"]) -> str:
    """``text`` with every known secret piece replaced by ``********``."""
    if secrets is None or not text:
        return text
    pieces = secrets.pieces
    if not pieces:
        return text
    # The index is built only where it is used (most maps have a handful of pieces).
    ranges = occurrences(text, pieces, secrets.piece_index if len(pieces) > FIND_EACH_UP_TO else None)
    if not ranges:
        return text
    parts, position = [], 0
    for start, end in ranges:
        parts.append(text[position:start])
        parts.append(REDACTED)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def mask_message(message: str, secrets: Optional["SecretMap"]) -> str:
    """A diagnostic's message, masked; the map is computed only here, on the first finding."""
    return mask(message, secrets)


def mask_source_line(text: str, line: int, secrets: Optional["SecretMap"]) -> str:
    """One line of the linted file (1-based ``line``), every secret on it masked: by place
    (each line of a multi-line secret) and by text. For any format that shows source text."""
    if secrets is None:
        return text
    ranges = [(start - 1, end - 1) for start, end in secrets.columns_on(line, text)]
    ranges += occurrences(text, secrets.pieces, secrets.piece_index)
    parts, position = [], 0
    for start, end in merge(ranges):
        parts.append(text[position:start])
        parts.append(REDACTED)
        position = max(position, end)
    parts.append(text[position:])
    return "".join(parts)
