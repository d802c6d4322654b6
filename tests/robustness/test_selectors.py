"""Issue 9, point 6: an empty selector is an error; selecting nothing is said with NONE.

Before: `--select ""` (what `--select "$RULES"` gives with RULES unset), `" "`, `","` or
`select = [""]` left zero rules, and a config full of errors passed with exit 0.
"""

from __future__ import annotations

import pytest

from provlint.selection import NONE, layered_rules
from provlint.settings import Settings, SettingsError, parse_settings, with_overrides
from tests.paths import fixture
from tests.robustness.helpers import one_error_line, run

DEMO = fixture("demo/config.json").read_bytes()


@pytest.mark.parametrize("selector", ["", " ", ",", "PL301,", ", PL301"])
def test_a_blank_command_line_selector_is_refused(selector):
    with pytest.raises(SettingsError, match=r"`--select`: empty rule selector"):
        with_overrides(Settings(), select=(selector,))


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore"])
@pytest.mark.parametrize("selectors", [[""], [" "], ["PL301", ""], ","])
def test_a_blank_selector_in_settings_is_refused(key, selectors):
    with pytest.raises(SettingsError, match=f"`{key}`: empty rule selector"):
        parse_settings({key: selectors})


def test_the_cli_exits_2_with_one_line(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    line = one_error_line(run("check", "config.json", "--select", "", cwd=tmp_path))
    assert line == (
        "provlint: error: `--select`: empty rule selector '': name rules (codes, prefixes like PL3, names, ALL), "
        "or NONE to select no rule"
    )


def test_none_selects_no_rule_on_purpose(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    proc = run("check", "-q", "--output-format", "concise", "config.json", "--select", "NONE", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


def test_none_then_extend_select_builds_from_nothing():
    settings = with_overrides(parse_settings({"select": ["NONE"]}), extend_select=("PL301",))
    assert [r.code for r in layered_rules(settings.selection_layers())] == ["PL301"]
    assert [r.code for r in layered_rules(parse_settings({"select": [NONE.lower()]}).selection_layers())] == []
