"""Linting a long run's files on every core: the run's own process and processes forked from it
claim the run's files a few at a time, and the run yields every result in plan order.

Only ``runner`` uses this, and only where it changes nothing but the time: the results are the
same values in the same order (every cache on the lint path is a pure function of its input),
standard input is read by the run itself, and a run with a baseline stays in one process (the
waiver stage marks the baseline's matched entries). A result without findings comes back
without its text, data and secret map, which no reporter reads; one with findings brings its
text, data and secret map's pieces and spans (``SecretMap.__getstate__``).

Bare ``os.fork`` and pipes, not ``multiprocessing``: its import, its pool's three threads and
its extra process cost a 1,000-file run about a fifth of its time on two cores. The run's own
process lints too (one process per core in all), and reports between its files.
"""

from __future__ import annotations

import os
import sys
from provlint.findings import FileResult, FixSummary, Severity
from provlint.records import replace

# Below this many files forking and sending results back costs more than it saves.
MIN_FILES = 200
# Files claimed at a time: a claim costs a pipe read and a message back, and small claims keep
# the processes' shares even to the end of the run.
CHUNK = 8
# Claims are 4-byte records written before the fork, all at once, so they must fit in a pipe's
# buffer (16 KiB on every platform that forks): a very long run claims more files at a time.
MAX_CLAIMS = 4096
# A claim the run's own process makes past this many finished but unreported ones waits for
# the claim the others are still linting, so memory stays bounded behind one slow file.
MAX_AHEAD = 64
_CLAIM = 4
_HEADER = 8  # claim number and length of the message that follows
# A pipe's default capacity: a read as large would allocate (and free) its size each time,
# though most reads find the pipe empty.
_READ = 65536
_PIPE_SIZE = 1 << 20

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator

    Work = Callable[[int], tuple[FileResult, tuple, set]]
    Result = tuple[FileResult, tuple, set]


def worker_count(requested: int, files: int) -> int:
    """How many processes lint ``files`` files when ``requested`` were asked for (0: one per
    core); 1 means the run's own process alone."""
    # The cores this process may run on (a container or taskset may allow fewer than the machine has).
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = cores if requested <= 0 else requested
    if wanted <= 1 or files < MIN_FILES or not hasattr(os, "fork"):
        return 1
    return min(wanted, cores, files // CHUNK or 1)


def claims(count: int, processes: int) -> list[range]:
    """Files 1..count-1 (file 0 is linted before the fork) as the ranges the processes claim:
    CHUNK files at a time, fewer towards the end (down to one each), so that the processes
    finish together rather than one waiting while another lints a last full claim."""
    size = max(CHUNK, -(-(count - 1) // MAX_CLAIMS))
    ranges, start = [], 1
    while start < count:
        step = max(1, min(size, (count - start) // (processes * CHUNK)))
        ranges.append(range(start, start + step))
        start += step
    if len(ranges) > MAX_CLAIMS:  # a run of a few files a process on very many cores
        ranges = [range(start, min(count, start + size)) for start in range(1, count, size)]
    return ranges


def run_in_workers(work: Work, count: int, processes: int, documents: bool = True) -> Iterator[Result]:
    """``work(i)`` for i in 0..count-1 over ``processes`` processes (this one and forked ones),
    in order of i.

    The first file is linted here, before the fork: the lint path's modules (rules, the
    generated validator, the catalog) are then imported once and inherited, not imported again
    by every worker."""
    import struct

    yielded = 1  # counted before each yield: a caller may never resume after the last
    yield work(0)
    ranges = claims(count, processes)
    claims_read, claims_write = os.pipe()
    os.write(claims_write, b"".join(struct.pack("I", n) for n in range(len(ranges))))
    os.close(claims_write)
    # The first result may be reported by now: a forked child inherits unwritten output.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    workers: dict[int, int] = {}  # the read end of each worker's pipe -> its process id
    try:
        for _ in range(processes - 1):
            read_end, write_end = os.pipe()
            _widen(write_end)
            pid = os.fork()
            if pid == 0:
                for fd in workers:  # the others' pipes are the run's alone
                    os.close(fd)
                _serve(work, ranges, claims_read, write_end, documents)  # never returns
            os.close(write_end)
            os.set_blocking(read_end, False)
            workers[read_end] = pid
        for result in _gather(work, ranges, claims_read, workers):
            yielded += 1
            yield result
    finally:
        os.close(claims_read)
        # A caller that takes exactly ``count`` results (``zip`` with the file list) never
        # resumes this generator past the last one: every claim's results are in, so the
        # workers have nothing left to lint and end by themselves, and are waited for, not killed.
        _stop(workers, finished=yielded == count)


def _widen(descriptor: int) -> None:
    """A worker's pipe as wide as Linux lets anyone make it (1 MiB): a claim's results with
    findings (about 10 KB a file) then fit, and the worker goes on while the run lints its own
    file instead of waiting for the run to read."""
    try:
        import fcntl

        fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux, or a lower limit: the default buffer works, at some waiting


def _serve(work: Work, ranges: list[range], claims_read: int, out: int, documents: bool) -> None:
    """A forked worker: claim, lint, send back, until no claim is left; then end the process
    without running anything of the run it was forked from."""
    import pickle
    import struct

    status = 0
    try:
        while True:
            claim = os.read(claims_read, _CLAIM)
            if not claim:
                break
            (number,) = struct.unpack("I", claim)
            message = pickle.dumps([_packed(work, i, documents) for i in ranges[number]], pickle.HIGHEST_PROTOCOL)
            _write_all(out, struct.pack("II", number, len(message)) + message)
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the run says so
        status = 1
    except BaseException as exc:  # noqa: BLE001 - the run raises it, as if linted there
        status = 1
        try:
            message = pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that does not pickle still ends the run
            message = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
        try:
            _write_all(out, struct.pack("II", _FAILED, len(message)) + message)
        except BaseException:  # noqa: BLE001 - the run has gone: nothing to tell
            pass
    finally:
        os._exit(status)


_FAILED = 0xFFFFFFFF  # the claim number of a worker's exception


def _packed(work: Work, index: int, documents: bool) -> tuple[object, tuple, set]:
    result, exceptions, used = work(index)
    return pack(result, documents), exceptions, used


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]


def _gather(work: Work, ranges: list[range], claims_read: int, workers: dict[int, int]) -> Iterator[Result]:
    """Lint claims here while the workers lint theirs; yield each claim's results in order as
    soon as every earlier claim's are in."""
    import select
    import struct

    done: dict[int, list] = {}  # claim number -> its results, finished and not yet yielded
    pending = {fd: bytearray() for fd in workers}  # bytes read from each worker, not yet a whole message
    claiming = True
    following = 0  # the claim whose results come next

    def receive() -> None:
        """Whatever the workers have sent, without waiting."""
        for fd in list(pending):
            buffer = pending[fd]
            while True:
                try:
                    data = os.read(fd, _READ)
                except BlockingIOError:
                    break
                if not data:  # the worker ended: anything it claimed and did not send is lost
                    del pending[fd]
                    break
                buffer += data
            while len(buffer) >= _HEADER:
                number, size = struct.unpack_from("II", buffer)
                if len(buffer) < _HEADER + size:
                    break
                message = _unpickled(bytes(buffer[_HEADER:_HEADER + size]))
                del buffer[:_HEADER + size]
                if number == _FAILED:
                    raise message
                done[number] = [(unpack(packed), exceptions, used) for packed, exceptions, used in message]

    while following < len(ranges):
        receive()
        while following in done:
            yield from done.pop(following)
            following += 1
        if following == len(ranges):
            break
        if claiming and len(done) < MAX_AHEAD:
            claim = os.read(claims_read, _CLAIM)
            if claim:
                (number,) = struct.unpack("I", claim)
                results = []
                for index in ranges[number]:
                    result, exceptions, used = work(index)
                    results.append((slim(result), exceptions, used))
                    receive()  # a worker blocked on a full pipe would wait for this claim's end
                done[number] = results
                continue
            claiming = False
        if not pending:
            raise RuntimeError("a worker process ended before sending the results of its files")
        select.select(list(pending), [], [])


def _unpickled(message: bytes):
    import pickle

    return pickle.loads(message)


def _stop(workers: dict[int, int], finished: bool) -> None:
    """Close the pipes and reap the workers, which end once no claim is left; where the run
    stopped early (an error, Ctrl-C, a reader that stopped reading) they are ended first."""
    import signal

    for fd, pid in workers.items():
        os.close(fd)
        try:
            if not finished:
                os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def pack(result: FileResult, documents: bool = True) -> object:
    """What travels back from a worker: a plain tuple for a result with nothing to report (most
    of a long run; a tuple of builtins pickles and loads several times faster than the result
    object), else the result, slimmed; without its document where the report reads only the
    diagnostics (``documents`` False): the text, data and secret-map inputs of a heavy file
    took twice as long to unpickle as to lint its findings, in the run's own process."""
    if not result.diagnostics and not result.waived_by:
        return (result.path, result.skipped, result.fail_level.value, result.target_version)
    if not documents:
        return _without_document(result)
    return slim(result)


def _without_document(result: FileResult) -> FileResult:
    """``result`` as a report of its diagnostics alone reads it: each fix summarised (whether
    it is available is decided here, against the document that is not sent)."""
    result.text = result.data = result.secrets = None
    result.diagnostics = [
        d if d.autofix is None else replace(d, autofix=FixSummary.of(d.autofix)) for d in result.diagnostics
    ]
    return result


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
