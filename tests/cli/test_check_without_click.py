"""``provlint check`` run without click ends exactly as the same run through click (issue 12)."""

import os
import shutil
import signal
import subprocess
import sys

import pytest

import provlint.cli.check as check_body
from provlint.cli import main, run_with_exit_codes
from provlint.cli.group import cli
from tests.fixes.helpers import FIXTURES
from tests.test_fast_path import CLEAN

# The same argv through click alone: what every run did before the argv reader.
THROUGH_CLICK = "import sys\nfrom provlint.cli import run_with_exit_codes\nfrom provlint.cli.group import cli\nrun_with_exit_codes(cli, sys.argv[1:])\n"
FINDING = '{\n  "network_config": {"insecure_skip_verify": true}\n}\n'


def project(root):
    root.mkdir()
    (root / "clean.json").write_text(CLEAN)
    (root / "finding.json").write_text(FINDING)
    (root / "\x1b[31mred.json").write_text(FINDING)
    (root / "é.json").write_text(FINDING)
    shutil.copyfile(FIXTURES / "safe-config.before.json", root / "fixable.json")
    (root / "folder").mkdir()
    return root


def run(command, args, cwd, input=b""):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PROVLINT_", "GITHUB_", "NO_COLOR"))}
    proc = subprocess.run([sys.executable, *command, *args], cwd=cwd, env=environment, input=input, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("args", [
    ["check", "--isolated", "--output-format", "concise", "clean.json"],
    ["check", "--isolated", "--select", "ALL", "--output-format", "concise", "clean.json", "finding.json"],
    ["lint", "--isolated", "--output-format=full", "-q", "finding.json"],
    ["check", "--isolated", "--output-format", "json", "--exit-zero", "--", "finding.json"],
    ["check", "--isolated", "--output-format", "concise", "\x1b[31mred.json", "é.json"],  # click.echo strips escapes off a terminal
    ["check", "--isolated", "--output-format", "concise", "--stdin-filename", "in.json", "-"],
    ["check", "--isolated", "--show-settings", "\x1b[31mred.json"],
    ["check", "--isolated", "--diff", "fixable.json"],
    ["check", "--isolated", "--fix", "--output-format", "concise", "fixable.json", "é.json"],
    ["check", "--isolated", "--write-baseline", "base.json", "finding.json"],
    ["check", "--isolated", "folder"],  # no Bifrost files: a message on stderr
    ["check", "--isolated", "missing.json"],
    ["check", "--isolated", "--stdin-filename", "x.json", "clean.json"],
    ["check", "--config", "missing.toml", "clean.json"],
    ["check", "--help"],
    ["check", "--output-format", "nope", "clean.json"],
    ["check", "--bogus"],
    ["check", "-o", "folder", "clean.json"],
    ["check", "--isolated", "-x.json"],
])
def test_both_ways_print_the_same_and_end_the_same(tmp_path, args):
    fast = run(["-m", "provlint"], args, project(tmp_path / "fast"), input=FINDING.encode())
    through_click = run(["-c", THROUGH_CLICK], args, project(tmp_path / "click"), input=FINDING.encode())
    assert fast == through_click
    assert sorted(p.name for p in (tmp_path / "fast").iterdir()) == sorted(p.name for p in (tmp_path / "click").iterdir())
    for written in ("fixable.json", "base.json"):
        if (tmp_path / "fast" / written).exists():
            assert (tmp_path / "fast" / written).read_bytes() == (tmp_path / "click" / written).read_bytes()


@pytest.mark.parametrize("command", [["-m", "provlint"], ["-c", THROUGH_CLICK]], ids=["without-click", "click"])
def test_a_closed_pipe_ends_by_sigpipe(tmp_path, command):
    """As a shell sees it, 141; never 1 (findings) or a traceback."""
    project(tmp_path / "p")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, *command, "check", "--isolated", "--output-format", "concise", "finding.json"],
                              cwd=tmp_path / "p", stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (-signal.SIGPIPE, b"")


def end_of(runner, capsys):
    with pytest.raises(SystemExit) as ended:
        runner()
    out, err = capsys.readouterr()
    return ended.value.code, out, err


@pytest.mark.parametrize("raised, expected", [
    (KeyboardInterrupt(), (130, "", "\nprovlint: interrupted\n")),
    (EOFError(), (130, "", "\nprovlint: interrupted\n")),
    (RuntimeError("boom\x1b[2J"), (2, "", "provlint: internal error: RuntimeError: boom\\u001b[2J\n")),
])
def test_ctrl_c_and_internal_errors_end_the_same_both_ways(monkeypatch, capsys, tmp_path, raised, expected):
    (tmp_path / "clean.json").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(check_body, "iter_lint_paths", fail)
    args = ["check", "--isolated", "--output-format", "concise", "clean.json"]
    assert end_of(lambda: main(args), capsys) == expected
    assert end_of(lambda: run_with_exit_codes(cli, args), capsys) == expected


def test_a_message_prints_as_click_echo_prints_it():
    """The body writes without click, and as click.echo would: styles stripped off a terminal."""
    import io

    from provlint.cli.common import echo

    for text, nl, printed in [("plain", True, "plain\n"), ("a\x1b[31mb\x1b[0m", True, "ab\n"), ("é", False, "é"), ("", True, "\n")]:
        stream = io.StringIO()
        echo(text, stream, nl=nl)
        assert stream.getvalue() == printed
    echo("nowhere", None)  # no standard stream at all, as click.echo


def test_show_settings_prints_a_styled_path_without_its_escapes(tmp_path):
    project(tmp_path / "p")
    code, out, _ = run(["-m", "provlint"], ["check", "--isolated", "--show-settings", "\x1b[31mred.json"], tmp_path / "p")
    assert code == 0 and b"\x1b" not in out
    assert out.decode().splitlines()[-1].startswith("# enabled rules for red.json (")
