"""Running the CLI for the robustness tests: one process, its stderr as lines."""

from __future__ import annotations

import os
import subprocess
import sys

PROVLINT = [sys.executable, "-m", "provlint"]


def run(*args: str, cwd=None, stdin=subprocess.DEVNULL, close_stdin: bool = False, timeout: float = 60) -> subprocess.CompletedProcess:
    """``provlint ARGS``; a timeout fails the test (a FIFO opened by mistake blocks for ever)."""
    return subprocess.run(
        [*PROVLINT, *args], stdin=None if close_stdin else stdin, capture_output=True, cwd=cwd, timeout=timeout,
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,
    )


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    """The single stderr line of a usage error (exit 2); fails unless there is exactly one."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("provlint: error: "), lines
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr
    return lines[0]
