"""The secret pieces a message can hold, from the parsed data alone: what ``stamp`` masks a
rule's message against, without the document-wide map (whose lexical net over the raw text
and position look-ups cost more than everything else of a file with findings).

A message holds nothing but the rule's wording and what the rule read from the parsed data.
The whole map's pieces come from the data walk (secret values and their source text) and from
the lexical net over the raw text. Where the text is JSON with no escape (no backslash), no
duplicate key and no value longer than the net reads, every string's source is the string
itself between quotes, so:

- a secret string's source pieces are its own pieces: no position is needed;
- the net's tokens, URL user-info and ``name: value`` runs never cross a quote, so the net
  over the text finds, inside each key and string, what the net over that key or string alone
  finds; outside strings JSON has only punctuation, numbers and literals, where it finds nothing;
- a member whose name the net reads as a credential's has its value masked by the net as the
  data walk masks it, when that value is a string or a number (the walk: the same value).

What is left depends on the layout, and then the whole map is used (``None`` here): a
credential-named member holding a non-empty object or array (the net masks its source lines),
a secret number (its source text may differ from ``str(value)``), and a credential-named
header that the catalog exempts (the net masks it, the walk does not). The property test in
``tests/secrets/test_message_pieces.py`` checks that both give every rule's message alike.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable, Optional

from provlint.secrets.lexical import MAX_KEY, _url_userinfo, lexical_ranges
from provlint.secrets.map import MIN_PIECE, _REFERENCE_MEMBERS, _is_literal, _pieces_of, _shaped_like_secret
from provlint.secrets.shape import credential_words

if TYPE_CHECKING:
    from provlint.secrets.map import SecretMap


class Pieces:
    """Texts masked wherever they appear, longest first: what ``mask`` reads of a SecretMap."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self.pieces = tuple(sorted(set(pieces), key=lambda p: (-len(p), p)))

    @cached_property
    def piece_index(self):
        from provlint.secrets.masking import PieceIndex

        return PieceIndex(self.pieces)


def message_pieces(secrets: "SecretMap") -> Optional[Pieces]:
    """The pieces of ``secrets`` a message can hold, or None where only the whole map knows."""
    found: set[str] = set()
    read: set[str] = set()  # keys and strings the whole net reads, by name too
    masked: set[str] = set()  # a credential member's value, masked whole by the net: tokens only
    is_credential = secrets._names.is_credential
    known = secrets._known
    stack: list[tuple[Any, bool, bool]] = [(secrets._data, False, False)]
    while stack:
        value, secret, in_headers = stack.pop()
        kind = type(value)
        if kind is dict:
            for name, member in value.items():
                read.add(name)
                credential_name = name in known or is_credential(name)
                # The data walk's verdict (SecretMap._names_secret): the net's, but in headers.
                if in_headers:
                    member_secret = secrets._names_secret(name, True)
                else:
                    member_secret = credential_name
                if secret and name not in _REFERENCE_MEMBERS:
                    member_secret = True
                if credential_name:
                    if len(name) > _LONGEST_NAME_READ:
                        return None  # the net may not read it as a name
                    if type(member) is dict or type(member) is list:
                        if member:
                            return None  # the net masks its source lines
                    elif not member_secret and _is_literal(member):
                        return None  # a credential-named header the catalog exempts
                    elif type(member) is str and member_secret and _is_literal(member):
                        found.update(_pieces_of(member))
                        masked.add(member)
                        continue
                stack.append((member, member_secret, _names_headers(name)))
        elif kind is list:
            for item in value:
                stack.append((item, secret, False))
        elif kind is str:
            if _is_literal(value) if secret else _shaped_like_secret(value):
                found.update(_pieces_of(value))
            read.add(value)
        elif secret and _is_literal(value):
            return None  # a secret number: its source text is the piece
    net = _NET_ANSWERS.setdefault(known, ({}, {}))
    if len(net[0]) + len(net[1]) >= _MAX_NET_ANSWERS:
        net[0].clear()
        net[1].clear()
    for texts, answers, members in ((read, net[0], True), (masked, net[1], False)):
        for text in texts:
            if len(text) >= MIN_PIECE:
                pieces = answers.get(text)
                if pieces is None:
                    pieces = answers[text] = _net_pieces(text, known, secrets._names, members)
                found.update(pieces)
    return Pieces(found)


def _names_headers(name: Any, _answers: dict = {}) -> bool:
    """Whether a member's name says it holds headers (as the data walk reads it), remembered."""
    answer = _answers.get(name)
    if answer is None:
        if len(_answers) >= _MAX_NET_ANSWERS:
            _answers.clear()
        answer = _answers[name] = isinstance(name, str) and "header" in name.lower()
    return answer


# A member name the net reads (lexical._key_before) is shorter than MAX_KEY; with a margin.
_LONGEST_NAME_READ = MAX_KEY - 10

# The net's pieces of each key or string (with its member runs; without), per set of known
# names, kept across the documents of a run (configs repeat their names and values); bounded.
_NET_ANSWERS: dict[frozenset, tuple[dict, dict]] = {}
_MAX_NET_ANSWERS = 65536


def _net_pieces(text: str, known: frozenset, names: Any, members: bool) -> tuple[str, ...]:
    """The lexical net's pieces inside ``text`` alone; ``members``: its ``name: value`` runs
    too (not inside a value the net already masks as a whole)."""
    ranges = lexical_ranges(text, known, names) if members else [*_url_userinfo(text), *credential_words(text)]
    pieces: set[str] = set()
    for start, end in ranges:
        pieces.update(_pieces_of(text[start:end]))
    return tuple(pieces)
