"""check_argv reads ``provlint check``'s argv exactly as click does, or declines (issue 12)."""

import re
from pathlib import Path

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provlint.cli.check_argv import COMPLETION_VARIABLE, parse_check_argv
from provlint.cli.check_command import check
from provlint.cli.check_options import CHECK_OPTIONS, CHOICE, COUNT, FILE, FLAG, MULTIPLE
from provlint.cli.group import cli
from tests.paths import REPO

REFUSED = "click refuses it"


def click_params(args):
    """What click gives the check command for ``args`` (under the provlint group, as a run
    does: the group's -h/--help), or REFUSED when it raises instead (usage error, help, a
    traceback of its own)."""
    try:
        with cli.make_context("provlint", ["check"]) as parent:
            return check.make_context("check", list(args), parent=parent).params
    except (click.exceptions.ClickException, click.exceptions.Exit, ValueError):
        return REFUSED


# Places on disk a file option or a path may name (absolute: the parser and click stat them).
@pytest.fixture(scope="module")
def places(tmp_path_factory):
    root = tmp_path_factory.mktemp("places")
    (root / "a.json").write_text("{}")
    (root / "folder").mkdir()
    return {"file": str(root / "a.json"), "folder": str(root / "folder"), "missing": str(root / "missing.json")}


LOOKS_LIKE_OPTIONS = ["--isolated", "-q", "-o", "--bogus", "-h", "--help", "-V", "--version", "-x.json", "---", "--=x",
                      "-qo", "-oq", "-o=x", "-ofile", "-output-file", "--Quiet", "--no-quiet", "--no-color=1", "--jobs=",
                      "--selec", "-"]
TEXT = st.sampled_from(["ALL", "PL3", "2.2", "v2.2.5", "", " ", "a=b", "x y", "é", "a\0b", "\udcff", "\ud800",
                        *LOOKS_LIKE_OPTIONS]) | st.text(alphabet="-=aqo.\0", max_size=4)


def values(option, places):
    if option.values == CHOICE:
        choices = list(option.choices())
        return st.sampled_from(choices + [c.upper() for c in choices] + [f" {choices[0]}", "", "nope", "--isolated"])
    if option.values == COUNT:
        return st.integers(0, 10**6).map(str) | st.sampled_from(
            ["007", "-1", "+1", " 1", "1 ", "1.5", "x", "\u0663", "1_0", "9" * 30, "", "--jobs"])
    if option.values == FILE:
        return st.sampled_from([places["file"], places["folder"], places["missing"], "", "-", "a\0b", "\ud800", "--x"])
    return TEXT


def spellings(option, places):
    """One appearance of ``option`` on a command line, well or badly formed."""
    long = option.flags[0]
    if option.kind == FLAG:
        return st.sampled_from([[flag] for flag in option.flags] + [[f"{long}=1"], [f"{long}="]])
    value = values(option, places)
    return st.one_of(
        st.tuples(st.sampled_from(option.flags), value).map(list),
        value.map(lambda v: [f"{long}={v}"]),
        st.just([long]),  # a value missing (at the end) or taken from the next token
    )


def well_formed(option, places):
    """An appearance click reads: a known spelling with a value it accepts."""
    long = option.flags[0]
    if option.kind == FLAG:
        return st.sampled_from([[flag] for flag in option.flags])
    if option.values == CHOICE:
        value = st.sampled_from(list(option.choices()))
    elif option.values == COUNT:
        value = st.integers(0, 10**6).map(str)
    elif option.values == FILE:
        value = st.sampled_from([places["file"], places["missing"], "-", "out put.txt"])
    else:
        value = st.sampled_from(["ALL", "PL3", "PL301", "2.2", "v2.2.5", "a=b", "", "-", "é"])
    return st.one_of(st.tuples(st.sampled_from(option.flags), value).map(list), value.map(lambda v: [f"{long}={v}"]))


PATH_WORDS = ["a.json", "b.yaml", "-", ".", "", "dir/", "é.json", "a b.json"]


def argvs(places, item):
    paths = st.sampled_from(PATH_WORDS + [places["file"], places["folder"]]).map(lambda p: [p])
    after_dashes = st.lists(st.sampled_from(PATH_WORDS + LOOKS_LIKE_OPTIONS + ["--"]), max_size=3).map(lambda t: ["--", *t])
    body = st.lists(st.one_of(paths, *(item(o, places) for o in CHECK_OPTIONS)), max_size=8)
    return st.tuples(body, st.one_of(st.just([]), after_dashes)).map(lambda parts: sum(parts[0], []) + parts[1])


@st.composite
def any_argv(draw, places):
    unusual = st.sampled_from(LOOKS_LIKE_OPTIONS).map(lambda t: [t]) | TEXT.map(lambda t: [t])
    tokens = draw(argvs(places, spellings))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(tokens)))
        tokens[at:at] = draw(unusual)
    return tokens


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_reader_gives_what_click_gives_or_declines(places, data):
    args = data.draw(any_argv(places))
    parsed = parse_check_argv(args, {})
    if parsed is not None:
        assert parsed == click_params(args), args


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_what_click_reads_plainly_the_reader_reads_too(places, data):
    """Known spellings, accepted values, repeated options, paths in any order and anything
    after `--`: never declined, so the property above is not won by declining."""
    args = data.draw(argvs(places, well_formed))
    assert click_params(args) != REFUSED, args
    assert parse_check_argv(args, {}) == click_params(args), args


def hook_argvs():
    """The argv each hook of .pre-commit-hooks.yaml runs with (entry and args, then files)."""
    text = (REPO / ".pre-commit-hooks.yaml").read_text()
    hooks = []
    for block in text.split("- id: ")[1:]:
        entry = re.search(r"^  entry: (.+)$", block, re.MULTILINE).group(1).split()
        args = re.search(r"^  args: \[(.*)\]$", block, re.MULTILINE)
        hooks.append([*entry[1:], *(a.strip() for a in args.group(1).split(",") if a.strip())] if args else entry[1:])
    return hooks


@pytest.mark.parametrize("hook", hook_argvs(), ids=" ".join)
def test_every_pre_commit_hook_is_read_without_click(hook):
    args = [*hook, "config.json", "providers/openai.yaml"]
    assert hook[0] == "check"
    assert parse_check_argv(args[1:], {}) == click_params(args[1:]) != REFUSED


def test_the_usual_ci_argv_is_read_without_click():
    args = ["--isolated", "--select", "ALL", "--output-format", "concise", "a.json", "b.yaml"]
    parsed = parse_check_argv(args, {})
    assert parsed == click_params(args)
    assert (parsed["paths"], parsed["select"], parsed["output_format"], parsed["isolated"]) == (
        ("a.json", "b.yaml"), ("ALL",), "concise", True)


@pytest.mark.parametrize("args", [
    ["--help"], ["-h"], ["--bogus"], ["--output-format", "nope"], ["--output-format"], ["--quiet=1"],
    ["--jobs", "-1"], ["--jobs", "+1"], ["-qo", "x"], ["-x.json"], ["--select", "--isolated"],
])
def test_what_the_reader_declines(args):
    assert parse_check_argv(args, {}) is None


def test_a_folder_for_a_file_option_is_declined(places):
    assert parse_check_argv(["-o", places["folder"]], {}) is None
    assert parse_check_argv(["-o", places["missing"]], {})["output_file"] == places["missing"]


def test_shell_completion_is_left_to_click():
    assert parse_check_argv(["a.json"], {COMPLETION_VARIABLE: "bash_complete"}) is None
    assert parse_check_argv(["a.json"], {COMPLETION_VARIABLE: ""}) is not None


def test_every_option_kind_is_read_as_click_reads_it():
    """The table's kinds are those the reader knows (a new kind needs reading code)."""
    assert {(o.kind, o.values) for o in CHECK_OPTIONS} <= {
        (FLAG, "text"), ("value", "text"), ("value", CHOICE), ("value", FILE), ("value", COUNT), (MULTIPLE, "text")}
    assert Path(check.callback.__code__.co_filename).name == "check_command.py"
