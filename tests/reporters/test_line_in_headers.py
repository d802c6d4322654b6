"""Issue 10 §1: `--show-settings` and every report that has a header name the Bifrost line used;
formats without a header (concise, full, github annotations, gitlab, json-lines, statistics)
print what they printed before."""

import json
import xml.etree.ElementTree as ET

import pytest

from tests.reporters.helpers import run_check

SKIP_VERIFY = '{"network_config": {"insecure_skip_verify": true}}'


@pytest.fixture
def two_lines(tmp_path):
    """Each folder's settings file names its line (--target-version would override both)."""
    for folder, line in (("old", "1.5"), ("new", "v2.1.0")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.json").write_text(SKIP_VERIFY)
        (tmp_path / folder / "provlint.toml").write_text(f'target-version = "{line}"\n')
    return tmp_path


def header(fmt, *args, cwd):
    out = run_check("--output-format", fmt, *args, cwd=cwd).stdout.decode()
    if fmt == "json":
        return json.loads(out)["target_versions"]
    if fmt == "sarif":
        return json.loads(out)["runs"][0]["properties"]["targetVersions"]
    suite = ET.fromstring(out).find("testsuite")
    assert [child.tag for child in suite][0] == "properties"
    return {p.get("name"): p.get("value") for p in suite.find("properties")}


@pytest.mark.parametrize("release", ["2.2", "v2.2.5", "transports/v2.2.5"])
def test_json_sarif_and_junit_name_the_line_a_release_maps_to(tmp_path, release):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    args = ("--isolated", "--target-version", release, "p.json")
    assert header("json", *args, cwd=tmp_path) == ["2.2"]
    assert header("sarif", *args, cwd=tmp_path) == ["2.2"]
    assert header("junit", *args, cwd=tmp_path) == {"target-versions": "2.2"}


def test_every_line_a_run_used_is_named_oldest_first(two_lines):
    args = ("new", "old")
    assert header("json", *args, cwd=two_lines) == ["1.5", "2.1"]
    assert header("sarif", *args, cwd=two_lines) == ["1.5", "2.1"]
    assert header("junit", *args, cwd=two_lines) == {"target-versions": "1.5, 2.1"}


def test_a_run_that_checked_no_file_names_no_line(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "x"}')
    args = ("--isolated", "--target-version", "2.2", ".")
    assert header("json", *args, cwd=tmp_path) == []
    assert header("sarif", *args, cwd=tmp_path) == []
    assert header("junit", *args, cwd=tmp_path) == {"target-versions": ""}


def test_the_github_step_summary_names_each_line(two_lines):
    # (one line: tests/reporters/test_ci_formats.py pins the whole summary)
    summary = two_lines / "summary.md"
    run_check("--output-format", "github", "new", "old", cwd=two_lines,
              env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text().splitlines()[:5] == [
        "## provlint", "", "Found 2 problems (2 errors) in 2 files.", "", "Bifrost lines: 1.5, 2.1"]


@pytest.mark.parametrize("fmt", ["concise", "full", "github", "gitlab", "json-lines", "statistics"])
def test_formats_without_a_header_do_not_name_the_line(tmp_path, fmt):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    out = run_check("--isolated", "--target-version", "2.1", "--output-format", fmt, "p.json", cwd=tmp_path).stdout
    assert b"2.1" not in out and b"target" not in out.lower() and b"Bifrost line" not in out


@pytest.mark.parametrize(("given", "line"), [("2.0", "2.0"), ("v2.2.5", "2.2"), ("1.5.3", "1.5")])
def test_show_settings_names_the_line(tmp_path, given, line):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    proc = run_check("--isolated", "--target-version", given, "--show-settings", "p.json", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode().splitlines()[:2] == ["# settings file: (none: defaults)", f'target-version = "{line}"']
