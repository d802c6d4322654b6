"""Did-you-mean: the one way provlint suggests a known name for a misspelt one.

A candidate is suggested when it is like the word as a whole, both ways round (difflib's
ratio is asymmetric: ``stream_idle_timeout_in_seconds`` scores 0.72 against
``default_request_timeout_in_seconds`` one way and 0.66 the other), and when the two differ
by a misspelling or by a part added or left out, not by one word swapped for another. A long
shared part alone does not make a suggestion: ``responses_retreive`` shares ``responses_``
with ``responses_stream``, but ``retreive`` is no misspelling of ``stream``. Names compare
case-insensitively; the candidate is returned as spelt.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

# Typos score 0.7 and more, for whole names and for the words in them.
CUTOFF = 0.7
# A misspelling changes at most this many letters in a row (``htpp``, ``max_retry``).
_SLIP_LETTERS = 2


def similarity(a: str, b: str) -> float:
    """difflib's ratio of two names, the lower of both ways round, ignoring letter case."""
    import difflib  # here, as in _closest: a clean file asks for no suggestion (1 ms of start-up)

    a, b = a.casefold(), b.casefold()
    return min(difflib.SequenceMatcher(None, a, b).ratio(), difflib.SequenceMatcher(None, b, a).ratio())


# Answers of two_closest() by (word, candidates): a run over many files asks the same
# misspelling against the same names again and again (a pure function, so remembered); bounded.
_ANSWERS: dict[tuple[str, tuple[str, ...]], tuple[Optional[str], Optional[str]]] = {}
_MAX_ANSWERS = 4096


def closest(word: str, candidates: Iterable[str]) -> Optional[str]:
    """The candidate most like ``word``, or None when none is close enough.

    Ties go to the candidate listed first, so the answer does not depend on spelling order.
    """
    return two_closest(word, candidates)[0]


def two_closest(word: str, candidates: Iterable[str]) -> tuple[Optional[str], Optional[str]]:
    """``closest(word, candidates)`` and the closest of the other candidates (those spelt
    otherwise), in one pass: a fix renames to a suggestion only when no other is close."""
    candidates = tuple(candidates)
    key = (word, candidates)
    if key in _ANSWERS:
        return _ANSWERS[key]
    if len(_ANSWERS) >= _MAX_ANSWERS:
        _ANSWERS.clear()
    answer = _ANSWERS[key] = _two_closest(word, candidates)
    return answer


def _two_closest(word: str, candidates: tuple[str, ...]) -> tuple[Optional[str], Optional[str]]:
    import difflib  # here, as in similarity: a clean file asks for no suggestion (1 ms of start-up)

    best = second = None
    best_score = second_score = CUTOFF
    folded = word.casefold()
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(folded)  # difflib caches what it learns of the second sequence
    for candidate in candidates:
        # A candidate counts if it beats the second (ties go to the one listed first), or,
        # while there is none, if it reaches the cutoff.
        bar = second_score
        folded_candidate = candidate.casefold()
        length = len(folded) + len(folded_candidate)
        # Upper bounds of the ratio, the same both ways round: most candidates end here,
        # cheaply (the first is difflib's real_quick_ratio, without setting the sequence).
        if length and 2.0 * min(len(folded), len(folded_candidate)) / length < bar:
            continue
        matcher.set_seq1(folded_candidate)
        if matcher.quick_ratio() < bar:
            continue
        score = matcher.ratio()
        if score < bar:
            continue
        score = min(score, difflib.SequenceMatcher(None, folded, folded_candidate).ratio())
        if score < bar or (second is not None and score == bar) or candidate == best:
            continue
        if _swaps_a_part(word, candidate):
            continue
        if best is None or score > best_score:
            best, best_score, second, second_score = candidate, score, best, best_score
        else:
            second, second_score = candidate, score
    return best, second


def did_you_mean(suggestion: Optional[str]) -> str:
    """The message fragment for a suggestion: ``; did you mean `x`?``, or "" for none."""
    return f"; did you mean `{suggestion}`?" if suggestion else ""


def suggestion_for(word: str, candidates: Iterable[str]) -> str:
    """``did_you_mean(closest(word, candidates))``: what most messages append."""
    return did_you_mean(closest(word, candidates))


def _swaps_a_part(word: str, candidate: str) -> bool:
    """Whether the names differ by one part swapped for another rather than by a misspelling.

    What is left of each name without their common beginning and end is the part that
    differs. When one side is empty a part was added or left out (``project`` for
    ``project_id``); when both are longer than a slip of the fingers and unlike each other,
    one word was replaced by another (``retreive`` where ``stream`` stands).
    """
    a, b = word.casefold(), candidate.casefold()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    end = 0
    while end < min(len(a), len(b)) and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[: len(a) - end], b[: len(b) - end]
    return min(len(a), len(b)) > _SLIP_LETTERS and similarity(a, b) < CUTOFF


__all__ = ["CUTOFF", "closest", "did_you_mean", "similarity", "suggestion_for", "two_closest"]
