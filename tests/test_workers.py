"""provlint.workers: forked processes give the run's results in order, and every way a worker can
fail ends the run with an error, never a hang or a lost result."""

import os
import signal
import time

import pytest

from provlint.findings import Diagnostic, FileResult, Position, Severity, Span
from provlint.workers import run_in_workers

PARENT = os.getpid()


def result(index: int) -> FileResult:
    # Every third file has a finding (it travels whole), the others are clean (a plain tuple).
    diagnostics = [Diagnostic("PL301", "x", Severity.WARNING, f"{index:04d}.json", Span(Position(1, 1), Position(1, 2)),
                              "/a", f"finding {index}")] if index % 3 == 0 else []
    return FileResult(f"{index:04d}.json", diagnostics, target_version="2.2")


def linted(index: int):
    return result(index), (), {index} if index % 5 == 0 else set()


def slowly(index: int):
    """The run's own process lints slowly, so that a worker surely claims files."""
    if os.getpid() == PARENT:
        time.sleep(0.001)
    return linted(index)


def no_workers_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("processes", [2, 3])
def test_every_result_comes_once_in_order(processes):
    got = list(run_in_workers(slowly, 500, processes))
    assert [r.path for r, _, _ in got] == [f"{i:04d}.json" for i in range(500)]
    assert [(r.diagnostics, used) for r, _, used in got] == [(result(i).diagnostics, linted(i)[2]) for i in range(500)]
    assert no_workers_left()


def test_the_order_does_not_depend_on_which_process_is_faster():
    # The other way round from `slowly`: the worker is the slow one, the run's process races ahead.
    def worker_slowly(index: int):
        if os.getpid() != PARENT:
            time.sleep(0.002)
        return linted(index)

    got = list(run_in_workers(worker_slowly, 300, 2))
    assert [r.path for r, _, _ in got] == [f"{i:04d}.json" for i in range(300)]
    assert [(r.diagnostics, used) for r, _, used in got] == [(result(i).diagnostics, linted(i)[2]) for i in range(300)]


def test_an_exception_in_a_worker_is_raised_by_the_run():
    def failing(index: int):
        if os.getpid() != PARENT:
            raise ValueError(f"broken at {index}")
        return slowly(index)

    with pytest.raises(ValueError, match="broken at"):
        list(run_in_workers(failing, 300, 2))
    assert no_workers_left()


def test_a_worker_that_dies_ends_the_run_with_an_error():
    def dying(index: int):
        if os.getpid() != PARENT:
            os._exit(9)
        return slowly(index)

    with pytest.raises(RuntimeError, match="ended before sending"):
        list(run_in_workers(dying, 300, 2))
    assert no_workers_left()


def test_a_run_whose_every_result_was_taken_waits_for_its_workers(monkeypatch):
    # The runner zips the file list with the results, so it never resumes the generator past
    # the last result: the workers, with no claim left, must be waited for and end by
    # themselves, not be killed on their way out.
    killed = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: killed.append((pid, sig)))
    run = run_in_workers(slowly, 500, 2)
    assert [r.path for _, (r, _, _) in zip(range(500), run)] == [f"{i:04d}.json" for i in range(500)]
    run.close()
    assert killed == []
    assert no_workers_left()


def test_a_run_stopped_early_kills_the_workers_still_linting(monkeypatch):
    # A reporter that stopped reading, an error: the workers may have claims left, so they are ended.
    killed = []
    real_kill = os.kill
    monkeypatch.setattr(os, "kill", lambda pid, sig: (killed.append(sig), real_kill(pid, sig)))
    run = run_in_workers(linted, 3000, 2)
    assert [next(run)[0].path for _ in range(20)] == [f"{i:04d}.json" for i in range(20)]
    run.close()
    assert killed and set(killed) == {signal.SIGTERM}
    assert no_workers_left()
