"""The command line as ruff users expect it (issue 11 §3)."""

import importlib

import click
import pytest

from provlint.cli import SUBCOMMANDS, cli
from tests.conftest import run_provlint
from tests.reporters.helpers import run_check

SKIP_VERIFY = '{\n  "network_config": {"insecure_skip_verify": true}\n}\n'


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    proc = run_provlint(flag)
    assert (proc.returncode, proc.stdout) == (0, b"provlint, version 0.1.0\n")


def test_a_mistyped_subcommand_gets_a_did_you_mean():
    proc = run_provlint("chekc", "x.json")
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines()[-1] == "provlint: error: No such command `chekc`. Did you mean `check`? (see `provlint --help`)"
    far = run_provlint("frobnicate")
    assert far.stderr.decode().splitlines()[-1] == "provlint: error: No such command `frobnicate`. Commands: check, hash, lint, rule, rules, schema (see `provlint --help`)"


def test_top_level_help_shows_each_whole_first_line():
    text = " ".join(run_provlint("--help").stdout.decode().split())
    for name, target in SUBCOMMANDS.items():
        module, attribute = target.split(":")
        first = " ".join(getattr(importlib.import_module(module), attribute).help.split("\n\n")[0].split())
        assert f"{name} {first}" in text


def test_every_option_of_every_command_has_help():
    commands = {"provlint": cli}
    for name, target in SUBCOMMANDS.items():
        module, attribute = target.split(":")
        commands[name] = getattr(importlib.import_module(module), attribute)
    missing = [f"{name} {p.opts[0]}" for name, command in commands.items() for p in command.params
               if isinstance(p, click.Option) and not p.help]
    assert missing == []


def test_stdin_filename_without_a_dash_is_a_usage_error(tmp_path):
    proc = run_check("--stdin-filename", "x.json", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, b"")
    assert proc.stderr == b"provlint: error: --stdin-filename names standard input: pass `-` among the PATHS to read it\n"


def test_a_run_that_checked_nothing_says_so_on_stderr(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "x"}')
    proc = run_check("--isolated", "--output-format", "concise", ".", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr == b"provlint: no Bifrost files found under .\n"
    assert proc.stdout == b"All checks passed (0 files checked).\n"


def test_concise_ends_with_a_summary_that_quiet_drops(tmp_path):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    (tmp_path / "clean.json").write_text('{"providers": {}}')
    lines = run_check("--isolated", "--output-format", "concise", ".", cwd=tmp_path).stdout.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith("p.json:2:46: PL301 [error]")
    assert lines[1] == "Found 1 problem (1 error) in 1 file."
    quiet = run_check("--isolated", "--output-format", "concise", "-q", ".", cwd=tmp_path).stdout.decode()
    assert quiet == lines[0] + "\n"


def test_full_shows_the_pointer_and_plain_text_off_a_terminal(tmp_path):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    lines = run_check("--isolated", "--output-format", "full", "p.json", cwd=tmp_path).stdout.decode().splitlines()
    assert lines[4:6] == [
        "  pointer: /network_config/insecure_skip_verify",
        "  help: remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate",
    ]
    assert "\x1b[" not in "".join(lines)


def full_on_a_terminal(tmp_path, *args, env=None):
    """The full format as a terminal shows it: a pseudo-terminal as standard output."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS", "PROVLINT_OUTPUT_FORMAT")}
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "provlint", "check", "--isolated", *args, "p.json"], cwd=tmp_path,
                          stdout=follower, stderr=subprocess.PIPE, env=environment, timeout=60)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.returncode == 1
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_full_colours_severity_code_and_caret_on_a_terminal(tmp_path):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    lines = full_on_a_terminal(tmp_path).splitlines()
    assert lines[0].startswith("p.json:2:46: \x1b[1mPL301\x1b[0m \x1b[1;31m[error]\x1b[0m TLS certificate verification is off")
    assert lines[3] == "  | " + " " * 45 + "\x1b[1;31m^^^^\x1b[0m"


@pytest.mark.parametrize(("args", "env"), [(("--no-color",), {}), ((), {"NO_COLOR": "1"})])
def test_no_color_and_NO_COLOR_turn_colours_off(tmp_path, args, env):
    (tmp_path / "p.json").write_text(SKIP_VERIFY)
    text = full_on_a_terminal(tmp_path, *args, env=env)
    assert "\x1b[" not in text and text.startswith("p.json:2:46: PL301 [error]")
