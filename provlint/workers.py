"""Linting a long run's files on every core: worker processes forked from the run, each linting
files by their index in the run's plan, the results coming back in plan order.

Only ``runner`` uses this, and only where it changes nothing but the time: the results are the
same values in the same order (every cache on the lint path is a pure function of its input),
standard input is read by the run itself, and a run with a baseline stays in one process (the
waiver stage marks the baseline's matched entries). A result without findings comes back
without its text, data and secret map, which no reporter reads; one with findings brings its
text, data and secret map's pieces and spans (``SecretMap.__getstate__``).
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Iterator, Optional

from provlint.findings import FileResult, Severity

# Below this many files forking the workers and sending results back costs more than it saves;
# files are handed out this many at a time.
MIN_FILES = 200
CHUNK = 8
MAX_CHUNK = 64

Work = Callable[[int], tuple[FileResult, tuple, set]]
_work: Optional[Work] = None  # the forked worker's job, set before the fork (inherited, never pickled)


def worker_count(requested: int, files: int) -> int:
    """How many processes lint ``files`` files when ``requested`` were asked for (0: one per
    core); 1 means the run's own process alone."""
    # The cores this process may run on (a container or taskset may allow fewer than the machine has).
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = cores if requested <= 0 else requested
    if wanted <= 1 or files < MIN_FILES:
        return 1
    import multiprocessing  # only for a long run: a short one never pays for its import

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(wanted, cores, files // CHUNK or 1)


def run_in_workers(work: Work, count: int, processes: int) -> Iterator[tuple[FileResult, tuple, set]]:
    """``work(i)`` for i in 0..count-1 over ``processes`` forked processes, in order of i.

    The first file is linted here, before the fork: the lint path's modules (rules, the
    generated validator, the catalog) are then imported once and inherited, not imported again
    by every worker."""
    import multiprocessing

    global _work
    yield work(0)
    _work = work
    # The first result may be reported by now: a forked child inherits unwritten output, and a
    # worker flushes the standard streams when it ends, so they are flushed before the fork.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        try:
            for packed, exceptions, used in pool.imap(_run, range(1, count), chunksize=chunk_size(count, processes)):
                yield unpack(packed), exceptions, used
        finally:
            _work = None


def chunk_size(count: int, processes: int) -> int:
    """Files handed to a worker at a time: about 16 hand-outs per worker (one message each way
    per hand-out), never fewer files than CHUNK, nor more than MAX_CHUNK so that results still
    stream and the last hand-outs stay small against the run."""
    return max(CHUNK, min(MAX_CHUNK, count // (processes * 16)))


def _run(index: int) -> tuple[object, tuple, set]:
    assert _work is not None
    result, exceptions, used = _work(index)
    return pack(result), exceptions, used


def pack(result: FileResult) -> object:
    """What travels back from a worker: a plain tuple for a result with nothing to report (most
    of a long run; a tuple of builtins pickles and loads several times faster than the result
    object), else the result, slimmed."""
    if not result.diagnostics and not result.waived_by:
        return (result.path, result.skipped, result.fail_level.value, result.target_version)
    return slim(result)


def unpack(packed: object) -> FileResult:
    if isinstance(packed, FileResult):
        return packed
    path, skipped, fail_level, target_version = packed
    return FileResult(path, skipped=skipped, fail_level=Severity(fail_level), target_version=target_version)


def slim(result: FileResult) -> FileResult:
    """What a reporter reads of a result: nothing of the document for a result without findings."""
    if not result.diagnostics:
        result.text = result.data = result.secrets = None
    return result


__all__ = ["MIN_FILES", "run_in_workers", "worker_count"]
