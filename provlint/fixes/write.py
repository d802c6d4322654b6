"""Writing a fixed file: through the one atomic writer, and never over a change made since the
file was read."""

from __future__ import annotations

from provlint.atomic_write import write_bytes


class ChangedOnDisk(Exception):
    """The file is no longer what was read and fixed: it is left as it is."""


def write_fixed(path: str, content: bytes, *, expected: bytes) -> None:
    """Replace the file at ``path`` (its target, when it is a symlink) with ``content``, as
    atomic_write does (temporary file in the same folder, fsync, rename, mode kept; on failure
    the temporary file is removed and the original stays). If the file no longer holds
    ``expected`` (what was read), raise ChangedOnDisk and write nothing; the check runs again
    just before the rename. A device or FIFO is never a file to fix: refused."""
    write_bytes(path, content, streams=False, before_rename=lambda target: _check_unchanged(target, expected))


def _check_unchanged(path: str, expected: bytes) -> None:
    with open(path, "rb") as stream:
        if stream.read() != expected:
            raise ChangedOnDisk(path)
