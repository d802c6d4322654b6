"""Each Bifrost line's `provlint rules` output is pinned whole (issue 10: which line, each rule's
first line). Regenerate with `make rules-outputs` after adding or changing a rule."""

import pytest

from provlint.catalog import lintable_versions
from tests.cli.rules_outputs import FOLDER, expected_file, rules_output

LINES = ["1.5", "2.0", "2.1", "2.2"]


@pytest.mark.parametrize("line", LINES)
def test_the_rules_output_of_each_line_is_pinned(line):
    assert rules_output(line) == expected_file(line).read_bytes(), (
        f"`provlint rules --target-version {line}` changed; if that is intended, run `make rules-outputs`"
    )


def test_there_is_one_pinned_output_per_line_and_no_stale_one():
    assert lintable_versions() == LINES
    assert sorted(p.name for p in FOLDER.iterdir()) == [f"{line}.txt" for line in LINES]


@pytest.mark.parametrize("line", LINES)
def test_the_output_names_the_line_it_lists(line):
    assert expected_file(line).read_text().splitlines()[0] == f"# Bifrost line: {line}"
