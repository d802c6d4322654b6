"""RFC 6901 pointers: join escapes each token as the definition says, and split undoes it."""

from hypothesis import given
from hypothesis import strategies as st

from provlint.source.pointer import escape, join, split

TOKENS = st.lists(st.text(alphabet="ab~/01é") | st.integers(min_value=0, max_value=99), max_size=4)


@given(st.text(alphabet="ab~/0"), TOKENS)
def test_join_is_the_escaped_tokens_each_after_a_slash(pointer, tokens):
    assert join(pointer, *tokens) == pointer + "".join("/" + escape(t) for t in tokens)


@given(TOKENS)
def test_split_undoes_join(tokens):
    assert split(join("", *tokens)) == [str(t) for t in tokens]


def test_examples():
    assert join("/providers", "a/b", "m~n", 0) == "/providers/a~1b/m~0n/0"
    assert join("") == "" and join("/x") == "/x"
