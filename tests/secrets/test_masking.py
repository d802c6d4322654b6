"""mask() and escape_control(): what they replace, and a bound on their work."""

from hypothesis import given, strategies as st

from provlint.secrets import REDACTED, SecretMap, escape_control, mask, mask_source_line
from provlint.source.yaml_errors import excerpt
from provlint.secrets.masking import PieceIndex, occurrences, merge


class _Pieces(SecretMap):
    """A map with given pieces, to test masking alone."""

    def __init__(self, *pieces: str) -> None:
        super().__init__("")
        self.__dict__["pieces"] = tuple(sorted(pieces, key=len, reverse=True))


def test_every_occurrence_of_every_piece_is_masked():
    secrets = _Pieces("Zk7pQ2vX9mLr4TtY", "Rd6eSw5aQz4xCv3b")
    text = "a Zk7pQ2vX9mLr4TtY b Rd6eSw5aQz4xCv3b c Zk7pQ2vX9mLr4TtY"
    assert mask(text, secrets) == f"a {REDACTED} b {REDACTED} c {REDACTED}"


def test_overlapping_and_touching_pieces_become_one_mask():
    assert mask("xxAAAABBBBCCCCyy", _Pieces("AAAABBBB", "BBBBCCCC")) == f"xx{REDACTED}yy"
    assert mask("AAAAAAAABBBBBBBB", _Pieces("AAAAAAAA", "BBBBBBBB")) == REDACTED


def test_many_pieces_are_found_in_one_pass_over_the_text():
    pieces = [f"Secret{n:05d}Zq" for n in range(1000)]
    text = f"a {pieces[7]} b {pieces[999]}{pieces[0]} c Secret00007Z"
    assert mask(text, _Pieces(*pieces)) == f"a {REDACTED} b {REDACTED} c Secret00007Z"


def test_the_longest_piece_wins_where_several_start_at_one_place():
    pieces = [f"Secret{n:05d}Zq" for n in range(100)] + ["Secret00001ZqAndMore"]
    assert mask("xSecret00001ZqAndMorex", _Pieces(*pieces)) == f"x{REDACTED}x"


def test_no_map_or_no_piece_leaves_the_text_alone():
    assert mask("text", None) == "text"
    assert mask("text", _Pieces()) == "text"


def test_a_map_built_from_text_masks_its_secrets_in_a_message():
    secrets = SecretMap.of_text("password: Fh3kWq9zLm2Pd8Rt\n")
    assert mask("value Fh3kWq9zLm2Pd8Rt is wrong", secrets) == f"value {REDACTED} is wrong"


class _CountingText(str):
    finds = 0

    def find(self, *args):
        _CountingText.finds += 1
        return super().find(*args)


def test_masking_does_one_search_per_piece_plus_one_per_occurrence():
    # A bound on the work, not a timing: each piece is found with str.find (linear, no
    # backtracking), once per occurrence and once more to learn there is none left.
    text = _CountingText(("a" * 40_000) + " Zk7pQ2vX9mLr4TtY " + ("b" * 1_000_000) + " Zk7pQ2vX9mLr4TtY")
    _CountingText.finds = 0
    ranges = occurrences(text, ("Zk7pQ2vX9mLr4TtY", "Rd6eSw5aQz4xCv3b", "Lp0oKi9jUh8yGt7f"))
    assert len(ranges) == 2
    assert _CountingText.finds == 3 + 2


@given(st.text(), st.lists(st.text(min_size=1, max_size=12).filter(lambda p: "*" not in p), max_size=4))
def test_no_piece_survives_masking(text, pieces):
    masked = mask(text, _Pieces(*pieces))
    assert not [piece for piece in pieces if piece in masked]


def test_escape_control_escapes_terminal_controls_and_keeps_ordinary_text():
    assert escape_control("a\x1b]0;title\x07b") == "a\\u001b]0;title\\u0007b"
    assert escape_control("\x1b[2J\x9b1m\x7f\x00\n\r\t") == "\\u001b[2J\\u009b1m\\u007f\\u0000\\u000a\\u000d\\u0009"
    assert escape_control("\ud800 \u202e \u2028") == "\\ud800 \\u202e \\u2028"
    assert escape_control("héllo — 名前 🙂 ~") == "héllo — 名前 🙂 ~"


@given(st.text())
def test_escaped_text_holds_no_control_character(text):
    escaped = escape_control(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in escaped)


_CONTROLS = "\x00\x07\x1b\x1f\x7f\x85\x9b\x9f\ud800\udfff\u2028\u2029\u202a\u202e\u2066\u2069"


@given(st.text(st.one_of(st.characters(), st.sampled_from(_CONTROLS))))
def test_printable_text_is_returned_as_the_escaping_regex_would_leave_it(text):
    # escape_control returns a printable text without running its regex: the answer is the
    # regex's own, whatever the text (controls, separators, surrogates, private use).
    from provlint.secrets.terminal import _CONTROL, _escaped

    assert escape_control(text) == _CONTROL.sub(_escaped, text)


def test_excerpt_never_shows_eight_characters():
    assert excerpt("nope") == "nope" and excerpt("eighty!") == "eighty!"
    assert excerpt("Zk7pQ2vX9mLr4TtY") == "Zk7p\u2026"


def test_a_source_line_is_masked_by_place_and_by_text():
    text = 'k:\n  password: "Hq3nZ8wLp2Vt\n    Ry6mKx9Fb4Js"\n  copy: Hq3nZ8wLp2Vt\n'
    secrets = SecretMap.of_text(text)
    assert mask_source_line('    Ry6mKx9Fb4Js"', 3, secrets) == f"    {REDACTED}"
    assert mask_source_line("  copy: Hq3nZ8wLp2Vt", 4, secrets) == f"  copy: {REDACTED}"
    assert mask_source_line("anything", 1, None) == "anything"


def test_a_periodic_piece_is_masked_to_the_end_of_its_overlapping_occurrences():
    assert occurrences("xababababy", ("abab",)) == [(1, 9)]
    assert mask("key ababab!", _Pieces("abab")) == "key ********!"


@given(st.text(alphabet="ab-", max_size=40), st.lists(st.text(alphabet="ab", min_size=1, max_size=6), min_size=1, max_size=4))
def test_searching_each_piece_and_the_piece_index_find_the_same_ranges(text, pieces):
    # mask() searches each piece for a few pieces and uses the index for many: both must agree.
    pieces = tuple(sorted(set(pieces), key=lambda p: (-len(p), p)))
    assert occurrences(text, pieces) == merge(PieceIndex(pieces).occurrences(text))
