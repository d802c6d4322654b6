"""Writing a fixed file: atomically, and never over a change made since it was read.

The one write of the fix layer. Another part of provlint is building a shared atomic-write
module for every writer; when it lands, ``write_fixed`` should call it and keep only the
changed-on-disk check.
"""

from __future__ import annotations

import os
import stat
import tempfile


class ChangedOnDisk(Exception):
    """The file is no longer what was read and fixed: it is left as it is."""


def write_fixed(path: str, content: bytes, *, expected: bytes) -> None:
    """Replace the file at ``path`` (its target, when it is a symlink) with ``content``: a
    temporary file in the same folder, written, fsynced and given the file's mode, then renamed
    over it; the folder is fsynced so the rename survives a crash. If the file no longer holds
    ``expected`` (what was read), raise ChangedOnDisk and write nothing. On any failure the
    temporary file is removed and the original stays as it was."""
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    _check_unchanged(target, expected)
    folder = os.path.dirname(target) or "."
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".provlint-fix", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        _check_unchanged(target, expected)  # as late as possible before the rename
        _replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _replace(source: str, target: str) -> None:
    os.replace(source, target)


def _check_unchanged(path: str, expected: bytes) -> None:
    with open(path, "rb") as stream:
        if stream.read() != expected:
            raise ChangedOnDisk(path)


def _fsync_folder(folder: str) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder that cannot be opened (Windows) cannot be fsynced either
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
