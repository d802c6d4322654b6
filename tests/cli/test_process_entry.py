"""provlint.cli.run, the process's entry: main()'s ending, its output all out, without the
interpreter's teardown."""

import os
import subprocess
import sys

import pytest

import provlint.cli as cli
from tests.cli.test_check_without_click import FINDING


class Ended(Exception):
    def __init__(self, code):
        self.code = code


@pytest.fixture
def ends(monkeypatch):
    """os._exit, recorded instead of ending the test process; what was flushed before it."""
    flushed = []
    monkeypatch.setattr(os, "_exit", lambda code: (_ for _ in ()).throw(Ended(code)))
    monkeypatch.setattr(sys.stdout, "flush", lambda: flushed.append("stdout"))
    monkeypatch.setattr(sys.stderr, "flush", lambda: flushed.append("stderr"))
    return flushed


@pytest.mark.parametrize("code, status", [(0, 0), (1, 1), (2, 2), (None, 0)])
def test_main_s_exit_status_ends_the_process_after_a_flush(monkeypatch, ends, code, status):
    monkeypatch.setattr(cli, "main", lambda: sys.exit(code))
    monkeypatch.setattr(cli, "_something_waits_for_the_end", lambda: False)  # pytest's own tracers
    with pytest.raises(Ended) as ended:
        cli.run()
    assert ended.value.code == status and ends == ["stdout", "stderr"]


def test_an_exit_with_a_message_is_left_to_the_interpreter(monkeypatch, ends):
    monkeypatch.setattr(cli, "main", lambda: sys.exit("a message"))
    with pytest.raises(SystemExit, match="a message"):
        cli.run()
    assert ends == []


def test_a_profiler_tracer_or_atexit_handler_gets_the_interpreter_s_ending(monkeypatch, ends):
    import atexit

    monkeypatch.setattr(cli, "main", lambda: sys.exit(1))
    for waiting in (lambda: sys.setprofile(lambda *a: None), lambda: atexit.register(print)):
        before = sys.getprofile()
        waiting()
        try:
            with pytest.raises(SystemExit):
                cli.run()
        finally:
            sys.setprofile(before)
            atexit.unregister(print)
    assert ends == []


def test_a_failed_flush_ends_as_the_interpreter_ends_it(monkeypatch):
    monkeypatch.setattr(cli, "main", lambda: sys.exit(1))
    monkeypatch.setattr(cli, "_something_waits_for_the_end", lambda: False)
    monkeypatch.setattr(os, "_exit", lambda code: pytest.fail("ended without its output"))

    def broken():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys.stdout, "flush", broken)
    with pytest.raises(SystemExit) as ended:
        cli.run()
    assert ended.value.code == 1


def test_a_plain_run_has_nothing_waiting_for_its_end():
    code = "import sys\nfrom provlint import cli\nprint(cli._something_waits_for_the_end())\n"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout == "False\n"


def test_a_profile_is_written_under_cprofile(tmp_path):
    (tmp_path / "a.json").write_text(FINDING)
    proc = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(tmp_path / "out.prof"), "-m", "provlint", "check", "--isolated",
         "a.json"], cwd=tmp_path, capture_output=True, timeout=120,
    )
    assert b"PL" in proc.stdout and (tmp_path / "out.prof").stat().st_size > 0


def test_every_line_of_a_long_report_reaches_a_pipe(tmp_path):
    for n in range(300):
        (tmp_path / f"{n:03d}.json").write_text(FINDING)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PROVLINT_", "GITHUB_", "NO_COLOR"))}
    proc = subprocess.run(
        [sys.executable, "-m", "provlint", "check", "--isolated", "--output-format", "concise", "--jobs", "1", "."],
        cwd=tmp_path, env=environment, capture_output=True, timeout=120,
    )
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1
    assert [line.split(":")[0] for line in lines[:-1]] == [f"{n:03d}.json" for n in range(300)]
    assert lines[-1].startswith("Found 300 problems")
