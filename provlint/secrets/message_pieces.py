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

The walk is paid by every file with a finding, so it does the least per node: an object with no
credential or headers name is walked by its values alone, and what is judged of a name or a
string (credential or not, literal or not, its pieces) is judged once per run, texts with no
mark the net or the shape looks for not at all. ``tests/secrets/reference_message_pieces.py``
keeps the first walk, node by node, that a property test holds this one to.
"""

from __future__ import annotations

from functools import lru_cache

from provlint.records import cached_property
from provlint.secrets.lexical import _MEMBER_COLON, MAX_KEY, _key_before, _url_userinfo
from provlint.secrets.map import MIN_PIECE, _REFERENCE_MEMBERS, _is_literal, _pieces_of, _shaped_like_secret
from provlint.secrets.shape import _PREFIXED, _TOKEN, credential_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Optional

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
    memo = _memo_of(secrets._known, secrets._names)
    names, judged, risky, literal = memo.names, memo.judged, memo.risky, _literal_string
    found: set[str] = set()
    objects: list[dict] = []  # every member name is read by the net
    strings: list[str] = []  # every string read by the net (with its own pieces if shaped like a secret)
    masked: list[str] = []  # a credential member's value, masked whole by the net: tokens only
    # Most of a document is ordinary: objects and arrays outside any secret or headers, walked
    # here without flags; the rest (headers, and what a secret holds) is judged member by member.
    data = secrets._data
    ordinary = [data] if type(data) is dict or type(data) is list else []
    special: list[tuple[Any, bool, bool]] = []
    if type(data) is str:
        strings.append(data)
    while ordinary:
        value = ordinary.pop()
        if type(value) is dict:
            objects.append(value)
            if not judged.issuperset(value):
                memo.judge(value)
            if not risky.isdisjoint(value):
                for name, member in value.items():
                    member_kind = type(member)
                    if name in risky:
                        if not names[name]:
                            special.append((member, False, True))  # not a credential's name: it holds headers
                        elif len(name) > _LONGEST_NAME_READ:
                            return None  # the net may not read it as a name
                        elif member_kind is str:
                            if literal(member):
                                found.update(_pieces_of(member))
                                masked.append(member)
                            else:
                                strings.append(member)
                        elif member_kind is dict or member_kind is list:
                            if member:
                                return None  # the net masks its source lines
                        elif member_kind is int or member_kind is float:
                            return None  # a secret number: its source text is the piece
                    elif member_kind is str:
                        strings.append(member)
                    elif member_kind is dict or member_kind is list:
                        ordinary.append(member)
                    # a number, a boolean or null outside a secret holds no piece
                continue
            value = value.values()
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                strings.append(item)
            elif item_kind is dict or item_kind is list:
                ordinary.append(item)
    while special:
        value, secret, in_headers = special.pop()
        kind = type(value)
        if kind is dict:
            objects.append(value)
            if not judged.issuperset(value):
                memo.judge(value)
            if not _judge_members(value, secret, in_headers, secrets, names, found, masked, special.append):
                return None
        elif kind is list:
            for item in value:
                special.append((item, secret, False))
        elif kind is str:
            if secret and literal(value):
                found.update(_pieces_of(value))
            strings.append(value)
        elif secret and _is_literal(value):
            return None  # a secret number: its source text is the piece
    if not (memo.name_pieces.pieces_of(set().union(*objects), found)
            and memo.string_pieces.pieces_of(set(strings), found)
            and memo.masked_pieces.pieces_of(set(masked), found)):
        return None  # a name or string whose pieces only the net over the whole text knows
    return Pieces(found)


def _judge_members(members: dict, secret: bool, in_headers: bool, secrets: "SecretMap", names: dict,
                   found: set, masked: list, push: Callable) -> bool:
    """The members of a headers object or of an object inside a secret, as the data walk judges
    them (a header by the catalog's lists too); False where only the whole map knows."""
    for name, member in members.items():
        credential_name = names[name]
        member_secret = secrets._names_secret(name, True) if in_headers else credential_name
        if secret and name not in _REFERENCE_MEMBERS:
            member_secret = True
        if credential_name:
            if len(name) > _LONGEST_NAME_READ:
                return False  # the net may not read it as a name
            if type(member) is dict or type(member) is list:
                if member:
                    return False  # the net masks its source lines
            elif not member_secret and _is_literal(member):
                return False  # a credential-named header the catalog exempts
            elif type(member) is str and member_secret and _is_literal(member):
                found.update(_pieces_of(member))
                masked.append(member)
                continue
        push((member, member_secret, _names_headers(name)))
    return True


class _Answers:
    """One net's pieces of each text, kept across the documents of a run (configs repeat their
    names and values), with the texts that have any apart: most have none."""

    def __init__(self, judge: Callable[[str], Optional[tuple[str, ...]]]) -> None:
        self.judge = judge
        self.answers: dict[str, tuple[str, ...]] = {}
        self.judged: set[str] = set()  # the answers' texts, for set arithmetic at C speed
        self.holding: set[str] = set()  # texts whose answer is not empty
        self.unknown: set[str] = set()  # texts whose pieces the net over the text alone cannot tell

    def pieces_of(self, texts: set, found: set) -> bool:
        """Adds the pieces of every text in ``texts`` to ``found``; False if one of them is
        unknown (``found`` is then of no use)."""
        new = texts - self.judged
        if new:
            if len(self.judged) + len(new) >= _MAX_NET_ANSWERS:
                self.answers.clear()
                self.judged.clear()
                self.holding.clear()
                self.unknown.clear()
                new = texts
            for text in new:
                if len(text) >= MIN_PIECE and _may_hold_pieces(text):
                    pieces = self.judge(text)
                    if pieces is None:
                        self.unknown.add(text)
                    elif pieces:
                        self.answers[text] = pieces
                        self.holding.add(text)
            self.judged.update(new)
        if self.unknown and not self.unknown.isdisjoint(texts):
            return False
        for text in texts & self.holding:
            found.update(self.answers[text])
        return True


class _Memo:
    """What the walk remembers across documents for one set of known names: each member name's
    verdict, and each net's pieces of each text."""

    def __init__(self, known: frozenset, names: Any) -> None:
        self.known = known
        self._is_credential = names.is_credential
        self.names: dict[str, bool] = {}  # whether each name is a credential's (known or by the net)
        self.judged: set[str] = set()  # the names judged, for a set's C-speed look-ups
        # Names that change what their member is: a credential's name, or a name saying that its
        # object holds headers (whose members are judged as headers).
        self.risky: set[str] = set()
        self.name_pieces = _Answers(lambda text: _net_pieces(text, known, names, True))
        self.string_pieces = _Answers(lambda text: _string_pieces(text, known, names))
        self.masked_pieces = _Answers(lambda text: _net_pieces(text, known, names, False))

    def judge(self, members: dict) -> None:
        if len(self.names) + len(members) >= _MAX_NET_ANSWERS:
            self.names.clear()
            self.judged.clear()
            self.risky.clear()
        for name in members:
            if name not in self.names:
                credential = self.names[name] = name in self.known or self._is_credential(name)
                self.judged.add(name)
                if credential or _names_headers(name):
                    self.risky.add(name)


def _memo_of(known: frozenset, names: Any) -> _Memo:
    memo = _MEMOS.get(known)
    if memo is None:
        if len(_MEMOS) >= 16:
            _MEMOS.clear()
        memo = _MEMOS[known] = _Memo(known, names)
    return memo


_MEMOS: dict[frozenset, _Memo] = {}


def _may_hold_pieces(text: str) -> bool:
    """False where neither the net nor the shape of a secret can find anything in ``text``: each
    needs one of these (a credential-shaped token is a run of 20 token characters with an upper
    case letter; a vendor key has its prefix; a ``name: value`` run its colon; URL user-info its
    ``@``; a key block its armour). Checked first: most names and values (URLs too) have none,
    and the net and the shape judged in full cost ten times this."""
    return bool(
        "@" in text or "-----BEGIN" in text or _MEMBER_COLON.search(text) or _PREFIXED.search(text)
        or (text != text.lower() and _TOKEN.search(text))
    )


def _string_pieces(text: str, known: frozenset, names: Any) -> Optional[tuple[str, ...]]:
    """A string's pieces outside a secret: its own when it is shaped like a secret, and the net's."""
    net = _net_pieces(text, known, names, True)
    if net is None:
        return None
    pieces = set(net)
    if _shaped_like_secret(text):
        pieces.update(_pieces_of(text))
    return tuple(pieces)


# Both pure functions of a name or string that a run's files repeat: remembered, bounded.
@lru_cache(maxsize=65536)
def _names_headers(name: Any) -> bool:
    """Whether a member's name says it holds headers (as the data walk reads it)."""
    return isinstance(name, str) and "header" in name.lower()


@lru_cache(maxsize=65536)
def _literal_string(text: str) -> bool:
    """``map._is_literal`` of a string."""
    return _is_literal(text)


# A member name the net reads (lexical._key_before) is shorter than MAX_KEY; with a margin.
_LONGEST_NAME_READ = MAX_KEY - 10

# Answers kept per kind across the documents of a run, at most: memory stays bounded whatever
# the files hold.
_MAX_NET_ANSWERS = 65536


def _net_pieces(text: str, known: frozenset, names: Any, members: bool) -> Optional[tuple[str, ...]]:
    """The lexical net's pieces inside ``text`` alone; ``members``: its ``name: value`` runs
    too (not inside a value the net already masks as a whole). None where the text holds a
    ``name: value`` run that may read otherwise in the whole text: a credential's name, or one
    the net reads up to a quote or the text's start (over the whole text the run's value goes on
    past the closing quote, its extent depends on the layout, and the name may begin before
    the opening quote)."""
    if members:
        for colon in _MEMBER_COLON.finditer(text):
            name, _ = _key_before(text, colon.start())
            if name is None or name in known or names.is_credential(name) or _reads_to_a_quote(text, colon.start()):
                return None
    ranges = [*_url_userinfo(text), *credential_words(text)]
    pieces: set[str] = set()
    for start, end in ranges:
        pieces.update(_pieces_of(text[start:end]))
    return tuple(pieces)


def _reads_to_a_quote(text: str, colon: int) -> bool:
    """Whether the name before ``colon`` ends in a quote: over the whole text the net then looks
    for its opening quote, which may stand in another string."""
    before = text[:colon].rstrip(" \t")
    return before.endswith(("\"", "'"))
