"""The reporter lifecycle and how the command line chooses a format."""

import io
import os

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from provlint.findings import Diagnostic, FileResult, Position, Severity, Span
from provlint.reporters import REPORTERS, Summary, make_reporter
from provlint.reporters.base import relative_path
from provlint.rules import all_rules
from tests.reporters.helpers import run_check

SKIP_VERIFY = '{"network_config": {"insecure_skip_verify": true}}'


def diagnostic(path="a.json", severity=Severity.ERROR):
    return Diagnostic("PL301", "insecure-skip-verify", severity, path, Span(Position(1, 2), Position(1, 6)),
                      "/network_config/insecure_skip_verify", "TLS verification is off")


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_runs_the_lifecycle_with_only_what_it_is_given(name, tmp_path):
    stream = io.StringIO()
    reporter = make_reporter(name, stream, quiet=False, color=False, cwd=str(tmp_path), environment={})
    reporter.start(all_rules())
    result = FileResult("a.json", [diagnostic()], text=SKIP_VERIFY)
    reporter.file(result)
    reporter.finish(Summary.of([result]))
    assert "PL301" in stream.getvalue()


def test_summary_counts_by_severity():
    results = [FileResult("a.json", [diagnostic(), diagnostic(severity=Severity.INFO)]), FileResult("b.json")]
    summary = Summary.of(results, files_skipped=4)
    assert summary.as_json() == {"files_checked": 2, "files_skipped": 4, "errors": 1, "warnings": 0, "infos": 1}
    assert (summary.findings, summary.files_with_findings) == (2, 1)


@pytest.mark.parametrize(("path", "cwd", "shown"), [
    ("a/b.json", "/w", "a/b.json"),
    ("/w/a/b.json", "/w", "a/b.json"),
    ("/elsewhere/b.json", "/w/x", "../../elsewhere/b.json"),
    ("./a//b.json", "/w", "a/b.json"),
    ("-", "/w", "-"),
])
def test_shown_paths_are_relative_with_slashes(path, cwd, shown):
    assert relative_path(path, cwd) == shown


@given(st.text(alphabet="ab./", max_size=12), st.sampled_from(["/w", "/w/x/", "/", ".", "", "w/.."]))
@example("..", "/")
@example("../a", "/")
def test_a_relative_path_is_shown_as_the_absolute_paths_relate(path, cwd):
    # The short way for a path inside the folder gives what relpath of the absolute paths does.
    if path == "-":
        return
    relative = os.path.relpath(os.path.abspath(os.path.join(cwd, path)), os.path.abspath(cwd))
    assert relative_path(path, cwd) == relative


def test_statistics_is_a_format_and_the_flag_chooses_it(tmp_path):
    (tmp_path / "a.json").write_text(SKIP_VERIFY)
    flag = run_check("--isolated", "--statistics", ".", cwd=tmp_path)
    named = run_check("--isolated", "--output-format", "statistics", ".", cwd=tmp_path)
    assert flag.stdout == named.stdout == b"    1\tPL301\tinsecure-skip-verify\t[error]\n"


def test_the_environment_variable_chooses_the_format_and_the_flag_wins(tmp_path):
    (tmp_path / "a.json").write_text(SKIP_VERIFY)
    by_variable = run_check("--isolated", "a.json", cwd=tmp_path, env={"PROVLINT_OUTPUT_FORMAT": "statistics"})
    assert by_variable.stdout == b"    1\tPL301\tinsecure-skip-verify\t[error]\n"
    by_flag = run_check("--isolated", "--output-format", "concise", "a.json", cwd=tmp_path,
                        env={"PROVLINT_OUTPUT_FORMAT": "statistics", "GITHUB_ACTIONS": "true"})
    assert by_flag.stdout.decode().startswith("a.json:1:45: PL301 [error]")


def test_an_unknown_format_in_the_environment_is_a_usage_error(tmp_path):
    (tmp_path / "a.json").write_text(SKIP_VERIFY)
    proc = run_check("--isolated", "a.json", cwd=tmp_path, env={"PROVLINT_OUTPUT_FORMAT": "sarif2"})
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().startswith("provlint: error: PROVLINT_OUTPUT_FORMAT='sarif2' is no output format; choose one of ")


def test_not_a_terminal_and_not_github_is_concise(tmp_path):
    (tmp_path / "a.json").write_text(SKIP_VERIFY)
    proc = run_check("--isolated", "a.json", cwd=tmp_path)
    assert proc.stdout.decode().startswith("a.json:1:45: PL301 [error]")
