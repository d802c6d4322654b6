"""Issue 11: every format shows a path relative to the working folder with `/`, however the file
was named on the command line, and no format prints an absolute path of the machine (a file
outside the working folder is shown with `../`, where ruff would print it absolute)."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from provlint.reporters import REPORTERS
from tests.reporters.helpers import run_check

SKIP_VERIFY = '{"network_config": {"insecure_skip_verify": true}}'
MESSAGE = ("TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path can "
           "read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead")


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "x.json").write_text(SKIP_VERIFY)
    return tmp_path


def report(fmt, path, cwd):
    proc = run_check("--isolated", "--target-version", "2.2", "--output-format", fmt, path, cwd=cwd)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout.decode()


def namings(workspace):
    return [str(workspace / "x.json"), "./sub/../x.json", "sub/../x.json"]


def test_concise_shows_the_relative_path_however_the_file_is_named(workspace):
    for path in namings(workspace):
        assert report("concise", path, workspace) == (
            f"x.json:1:45: PL301 [error] {MESSAGE}\n"
            "Found 1 problem (1 error) in 1 file.\n"
        ), path


def test_full_shows_the_relative_path_however_the_file_is_named(workspace):
    for path in namings(workspace):
        assert report("full", path, workspace) == (
            f"x.json:1:45: PL301 [error] {MESSAGE}\n"
            "  |\n"
            f"1 | {SKIP_VERIFY}\n"
            "  |                                             ^^^^\n"
            "  pointer: /network_config/insecure_skip_verify\n"
            "  help: remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate\n"
            "  fix: remove `insecure_skip_verify`, fixable with --unsafe-fixes (if the provider's certificate is "
            "signed by a private CA, set `ca_cert_pem` to it)\n"
            "\n"
            "Found 1 problem (1 error) in 1 file.\n"
        ), path


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_prints_the_same_report_for_every_naming_of_the_file(workspace, fmt):
    plain = report(fmt, "x.json", workspace)
    assert "x.json" in plain or fmt == "statistics"
    for path in namings(workspace):
        assert report(fmt, path, workspace) == plain, path


# Where each machine-readable format carries the path.
PATHS_IN = {
    "json": lambda out: [r["path"] for r in json.loads(out)["results"]],
    "json-lines": lambda out: [json.loads(line)["path"] for line in out.splitlines()],
    "sarif": lambda out: [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                          for r in json.loads(out)["runs"][0]["results"]],
    "gitlab": lambda out: [r["location"]["path"] for r in json.loads(out)],
    "github": lambda out: [line.split("file=", 1)[1].split(",", 1)[0] for line in out.splitlines() if "file=" in line],
    "concise": lambda out: [out.split(":", 1)[0]],
    "full": lambda out: [out.split(":", 1)[0]],
}


@pytest.mark.parametrize("fmt", sorted(PATHS_IN))
def test_a_file_outside_the_working_folder_is_shown_with_dot_dot(workspace, fmt):
    (workspace / "work").mkdir()
    for path in (str(workspace / "x.json"), "../x.json", "../sub/../x.json"):
        assert PATHS_IN[fmt](report(fmt, path, workspace / "work")) == ["../x.json"], path


def test_junit_names_the_testcase_by_the_shown_path(workspace):
    (workspace / "work").mkdir()
    out = report("junit", str(workspace / "x.json"), workspace / "work")
    assert '<testcase name="../x.json" classname="provlint" file="../x.json">' in out


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_no_format_prints_the_absolute_path_of_the_folder(workspace, fmt):
    (workspace / "work").mkdir()
    (workspace / "provlint.toml").write_text('extend-select = ["PL902"]\n[[exceptions]]\nfiles = "*.json"\n'
                                             'pointer = "/proxy_config"\nrules = ["PL302"]\nreason = "r"\n')
    for cwd in (workspace, workspace / "work"):
        # Settings discovered from the file's folder: their unused exception (PL902) is reported too.
        proc = run_check("--target-version", "2.2", "--output-format", fmt, str(workspace / "x.json"), cwd=cwd)
        assert proc.returncode == 1
        assert b"PL902" in proc.stdout
        assert str(workspace).encode() not in proc.stdout + proc.stderr


def test_the_no_files_message_shows_the_path_as_reports_do(workspace):
    (workspace / "empty").mkdir()
    proc = run_check("--isolated", "--target-version", "2.2", str(workspace / "empty"), "./sub/../empty", cwd=workspace)
    assert proc.stderr.decode() == "provlint: no Bifrost files found under empty, empty\n"


# Path parts that normalising changes (empty, ".", "..", a leading "."), and ordinary ones.
_PARTS = st.sampled_from(["a", "b c", ".", "..", "", ".x", "x.", "é", "-"])
_ABSOLUTE = st.builds(lambda slashes, parts: "/" * slashes + "/".join(parts),
                      st.integers(1, 3), st.lists(_PARTS, max_size=5))


@settings(max_examples=2000, deadline=None)
@given(_ABSOLUTE, _ABSOLUTE, st.lists(_PARTS, max_size=4))
def test_an_absolute_path_is_shown_as_the_general_way_shows_it(cwd, elsewhere, rest):
    """The shortcut for an absolute path inside the folder gives what relpath gives."""
    import os

    from provlint.reporters.base import relative_path

    for path in (os.path.join(cwd, *rest) if rest else cwd, elsewhere, cwd + "/" + "/".join(rest)):
        expected = os.path.relpath(os.path.abspath(os.path.join(cwd, path)), os.path.abspath(cwd))
        assert relative_path(path, cwd) == expected, (path, cwd)
