"""Writing a file so that no failure, and no odd target, destroys what was there.

Every writer of provlint (``-o``, ``--write-baseline``, ``schema --write``, autofix) goes
through :func:`write_bytes`:

- a regular file (or a new one) is replaced atomically: the data goes to a temporary file in
  the same folder, is flushed to disk, gets the old file's mode (and owner, where allowed)
  and is renamed over the target; readers see the old file or the new one, never half of one;
- a symlink is followed: its target is written, the link stays a link;
- a device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe) is written to as a
  stream and never replaced, or refused where a caller asks for regular files only: renaming
  over ``/dev/null`` as root would replace the system's null device with a file;
- a write that fails removes its temporary file and leaves the target byte-identical.
"""

from __future__ import annotations

import errno
import os
import stat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, Callable, Optional

    Writer = Callable[[BinaryIO, bytes], None]


class NotARegularFile(OSError):
    """The target is a device, FIFO or socket and the caller writes regular files only."""


def _write_all(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)


def write_text(path: str, text: str, *, streams: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), streams=streams)


def write_bytes(
    path: str,
    data: bytes,
    *,
    streams: bool = True,
    writer: Writer = _write_all,
    before_rename: Optional[Callable[[str], None]] = None,
) -> None:
    """Write ``data`` to ``path`` as described above; raises OSError on failure.

    ``streams``: whether a device, FIFO or socket target is written to (True) or refused with
    NotARegularFile (False). ``writer`` writes the bytes to an open file (tests inject one
    that fails half-way). ``before_rename(target)`` runs as late as possible before a regular
    file is replaced (autofix checks there that the file did not change since it was read);
    when it raises, nothing is replaced and the temporary file is removed.
    """
    try:
        existing: Optional[os.stat_result] = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if not streams:
            raise NotARegularFile(errno.EINVAL, "not a regular file", path)
        with open(path, "wb") as handle:
            writer(handle, data)
        return
    _replace(os.path.realpath(path), data, existing, writer, before_rename)


def _replace(
    target: str, data: bytes, existing: Optional[os.stat_result], writer: Writer, before_rename=None
) -> None:
    folder = os.path.dirname(target) or "."
    temporary = _create_temporary(folder, os.path.basename(target))
    try:
        with open(temporary, "wb") as handle:
            writer(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            _keep_owner(temporary, existing)
        if before_rename is not None:
            before_rename(target)
        _rename(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _rename(temporary: str, target: str) -> None:
    os.replace(temporary, target)


def _keep_owner(temporary: str, existing: os.stat_result) -> None:
    """Root rewriting another user's file leaves it theirs; anyone else cannot, and need not."""
    if (existing.st_uid, existing.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temporary, existing.st_uid, existing.st_gid)
    except (OSError, AttributeError):
        pass


def _create_temporary(folder: str, name: str) -> str:
    # O_EXCL: never reuse (or follow a planted symlink at) an existing name. Mode 0o666 lets the
    # umask decide for a new file, as open() would have.
    for attempt in range(100):
        candidate = os.path.join(folder, f".{name}.provlint-{os.getpid()}-{attempt}.tmp")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "cannot create a temporary file", folder)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every system can open a folder, which is fine."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


__all__ = ["NotARegularFile", "write_bytes", "write_text"]
