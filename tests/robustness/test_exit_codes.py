"""Issue 9, point 5: exit codes tell the truth.

Before: Ctrl-C and a closed pipe both exited 1 (the code for findings); click's usage errors
printed four lines (fifteen for a bare `provlint`).
"""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest

from provlint.reporters import REPORTERS

from tests.robustness.helpers import PROVLINT, one_error_line, run


def test_ctrl_c_exits_130_with_one_line():
    process = subprocess.Popen([*PROVLINT, "check", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(2)  # provlint is waiting on standard input by now (imports take ~0.1 s)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert out == b""
    assert err.decode().strip().splitlines() == ["provlint: interrupted"]


def test_a_closed_pipe_ends_quietly_by_sigpipe(tmp_path):
    # Thousands of findings: far more than a pipe buffer holds after the reader leaves.
    members = {f"unknown_{i}": 1 for i in range(3000)}
    (tmp_path / "config.json").write_text(json.dumps({"providers": {"openai": {"keys": [], "network_config": members}}}))
    process = subprocess.Popen([*PROVLINT, "check", "-q", "--output-format", "concise", "config.json"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = process.stdout.readline()
        process.stdout.close()  # `| head -1`
        err = process.stderr.read()
        process.wait(timeout=60)
    finally:
        process.kill()
    assert first.startswith(b"config.json:")
    assert process.returncode == -signal.SIGPIPE  # a shell shows 141, as for `cat big | head -1`
    assert err == b""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "missing command (check, hash, lint, rule, rules, schema); run `provlint --help` for help"),
        (("check", "--foo"), "No such option '--foo'. Did you mean '--fix'? (see `provlint check --help`)"),
        (("check", "--output-format", "bogus"),
         "Invalid value for '--output-format': 'bogus' is not one of " + ", ".join(repr(n) for n in sorted(REPORTERS)) + " (see `provlint check --help`)"),
        (("check", "--fail-level"), "Option '--fail-level' requires an argument (see `provlint check --help`)"),
    ],
)
def test_a_usage_error_is_one_line(args, message):
    assert one_error_line(run(*args)) == f"provlint: error: {message}"


def test_an_unknown_command_is_one_line():
    assert one_error_line(run("chek")).startswith("provlint: error: No such command `chek`. Did you mean `check`?")
    assert one_error_line(run("chek")).endswith("(see `provlint --help`)")


def test_help_and_version_still_exit_0():
    assert run("--help").returncode == 0
    assert run("check", "--help").returncode == 0
    assert run("--version").returncode == 0
