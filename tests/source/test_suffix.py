"""source.suffix_of is PurePath(path).suffix.lower() for every path."""

from pathlib import PurePath

from hypothesis import given
from hypothesis import strategies as st

from provlint.source import format_for, suffix_of

PATHS = st.text(alphabet="aY./\\ é", max_size=12) | st.sampled_from(
    ["a.json", "a.YAML", "dir/b.yml", "..yaml", ".yaml", "b.", "a/./", "a/b.yaml/.", "x.yaml/", "//x.Yml", "a.tar.yaml", "", "."])


@given(PATHS)
def test_the_suffix_is_pure_path_s(path):
    assert suffix_of(path) == PurePath(path).suffix.lower()


def test_the_format_follows_the_suffix():
    assert [format_for(p).value for p in ("a.json", "a.YML", "b/c.yaml", "..yaml", ".yaml", "yaml")] == [
        "json", "yaml", "yaml", "yaml", "json", "json"]
