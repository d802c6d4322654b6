"""Which files a run reads: explicit files as given, folders walked for Bifrost-looking files."""

from __future__ import annotations

import errno
import stat
import os

from provlint.records import Record
from provlint.source import LINTABLE_SUFFIXES, suffix_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, Callable, Iterable, Iterator, Optional

STDIN = "-"
# Folders no one keeps gateway configs in, and that are large enough to slow a walk down.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


class InputPathError(Exception):
    """A path given on the command line does not exist."""


class InputFile(Record):
    __slots__ = ("path", "explicit")

    def __init__(
        self,
        path: str,
        explicit: bool,  # named by the user, not found by a folder walk
    ) -> None:
        self.path = path
        self.explicit = explicit


def input_files(
    paths: Iterable[str], *, force_exclude: bool = False, respect_gitignore: Callable[[str], bool] = lambda folder: True
) -> list[InputFile]:
    """Every file to lint, in a stable order; raises InputPathError before reading any.

    ``force_exclude`` judges named files as a folder walk judges the files it finds (the
    settings' ``exclude`` applies, a file of no Bifrost shape is skipped in silence): a tool
    such as pre-commit names every JSON and YAML file, and no person chose them."""
    paths = list(paths)
    folders = {p for p in paths if p != STDIN and _is_folder(p)}
    files: list[InputFile] = []
    for path in paths:
        if path in folders:
            files.extend(InputFile(p, explicit=False) for p in sorted(_walk(path, respect_gitignore(path))))
        else:
            files.append(InputFile(path, explicit=path == STDIN or not force_exclude))
    return files


def _is_folder(path: str) -> bool:
    """Whether ``path`` is a folder (following links); InputPathError when nothing is there.
    One stat per named file (10,000 of them from pre-commit): a dangling link exists."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        if not os.path.lexists(path):
            raise InputPathError(f"path does not exist: {path}") from None
        return False


def _walk(root: str, respect_gitignore: bool = True) -> Iterator[str]:
    ignored: Optional[object] = None
    if respect_gitignore:
        from provlint.gitignore import GitIgnored

        ignored = GitIgnored.around(root)
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if d not in SKIPPED_DIRS and not (ignored and ignored.ignores(os.path.join(folder, d), is_dir=True))
        )
        for name in names:
            if suffix_of(name) not in LINTABLE_SUFFIXES:
                continue
            path = os.path.join(folder, name)
            if not (ignored and ignored.ignores(path, is_dir=False)):
                yield os.path.normpath(path)


# What one input (a file or standard input) may weigh unless the `max-file-size` setting says
# more. A gateway config is a few KB; past this an input is a mistake (a log, a dump, /dev/zero
# on standard input) and reading it whole would hold the machine's memory.
DEFAULT_MAX_FILE_MIB = 32
_MIB = 1024 * 1024


class InputTooLarge(OSError):
    """An input past the size limit; the reading stopped there."""

    def __init__(self, max_bytes: int) -> None:
        mib = max_bytes / _MIB
        size = f"{mib:g} MiB" if mib >= 1 else f"{max_bytes} bytes"
        super().__init__(errno.EFBIG, f"larger than {size}, the `max-file-size` setting (raise it to lint this input)")


def open_regular_file(path: str) -> BinaryIO:
    """The file opened for reading. Anything but a regular file is refused with an OSError
    before it is opened: opening a FIFO blocks for ever and reading a device may never end.
    The open itself does not block either, should a FIFO replace the file after the check."""
    descriptor, _ = _open_regular(path)
    try:
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _open_regular(path: str) -> tuple[int, int]:
    """A descriptor of the regular file at ``path`` (non-blocking: see open_regular_file) and
    its size; OSError for anything else."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file", path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", path)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info.st_size


def read_limited(handle: BinaryIO, max_bytes: int) -> bytes:
    """Everything ``handle`` holds, or InputTooLarge as soon as it holds more than ``max_bytes``:
    memory stays bounded by the limit, whatever the input (``-`` reading /dev/zero)."""
    try:
        hint = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        hint = 0
    chunks, total = [], 0
    want = min(hint, max_bytes) + 1 if hint > 0 else 65536
    while True:
        chunk = handle.read(min(want, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLarge(max_bytes)
        want = _MIB


def read_regular_file(path: str, max_bytes: int = DEFAULT_MAX_FILE_MIB * _MIB) -> bytes:
    """The file's bytes; OSError (InputTooLarge past ``max_bytes``) like any unreadable file.

    The checks of ``open_regular_file`` on a bare descriptor, read in one call where the file
    is as large as its stat says: five system calls per file instead of a dozen (no file
    object, no buffer, no blocking-mode switch: O_NONBLOCK does nothing to a regular file)."""
    descriptor, size = _open_regular(path)
    try:
        return _read_descriptor(descriptor, size, max_bytes)
    finally:
        os.close(descriptor)


def _read_descriptor(descriptor: int, size: int, max_bytes: int) -> bytes:
    chunks, total = [], 0
    want = min(size, max_bytes) + 1
    while True:
        chunk = os.read(descriptor, min(want, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLarge(max_bytes)
        if total == size and len(chunk) < want:
            break  # all the bytes its stat promised, and a short read: the end of the file
        want = _MIB
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)

