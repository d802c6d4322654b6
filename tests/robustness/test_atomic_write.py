"""Issue 9, point 4: writes that cannot destroy (provlint.atomic_write, used by -o,
--write-baseline and schema --write).

Before: `-o FILE` wrote FILE.tmp-PID and renamed it over FILE, so `-o /dev/null` as root
replaced the system's null device with a regular file, a symlink was replaced by a file, and a
failed write left the temporary file behind.
"""

from __future__ import annotations

import errno
import os
import stat
import threading

import pytest

from provlint.atomic_write import NotARegularFile, write_bytes
from provlint.baseline import write_baseline
from tests.paths import fixture
from tests.robustness.helpers import run

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")


def _null_device(folder) -> str:
    """A node like /dev/null (character device 1,3) in a folder of the test's own."""
    path = str(folder / "null")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


def _leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if ".tmp" in name)


def test_a_regular_file_is_replaced_whole_and_keeps_its_mode(tmp_path):
    target = tmp_path / "report.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    before = os.stat(target).st_ino
    write_bytes(str(target), b"new report\n")
    assert target.read_bytes() == b"new report\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert os.stat(target).st_ino != before  # a new file renamed over the old one, not rewritten in place
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        write_bytes(str(tmp_path / "new.txt"), b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o640


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real.txt").write_bytes(b"old")
    (tmp_path / "link.txt").symlink_to("real.txt")
    write_bytes(str(tmp_path / "link.txt"), b"new")
    assert os.path.islink(tmp_path / "link.txt")
    assert (tmp_path / "real.txt").read_bytes() == b"new"


def test_a_dangling_symlink_creates_its_target(tmp_path):
    (tmp_path / "link.txt").symlink_to("made.txt")
    write_bytes(str(tmp_path / "link.txt"), b"new")
    assert os.path.islink(tmp_path / "link.txt")
    assert (tmp_path / "made.txt").read_bytes() == b"new"


def test_a_fifo_is_written_as_a_stream_and_never_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_bytes(str(fifo), b"through the pipe")
    reader.join(timeout=30)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@as_root
def test_a_character_device_is_written_to_and_never_replaced(tmp_path):
    null = _null_device(tmp_path)
    write_bytes(null, b"discarded")
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert os.stat(null).st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path) == []


@as_root
def test_a_device_is_refused_where_only_regular_files_are_written(tmp_path):
    null = _null_device(tmp_path)
    with pytest.raises(NotARegularFile):
        write_bytes(null, b"x", streams=False)
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_bytes(str(tmp_path), b"x")


def test_a_failed_write_leaves_the_original_byte_identical_and_no_temporary_file(tmp_path):
    target = tmp_path / "baseline.json"
    target.write_bytes(b"the original\n")
    seen = []

    def fail_half_way(handle, data):
        handle.write(data[: len(data) // 2])
        seen.extend(_leftovers(tmp_path))  # the temporary file exists at this point
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_bytes(str(target), b"a much longer replacement\n" * 100, writer=fail_half_way)
    assert len(seen) == 1
    assert target.read_bytes() == b"the original\n"
    assert _leftovers(tmp_path) == []


def test_write_baseline_goes_through_a_symlink(tmp_path):
    (tmp_path / "real.json").write_text("{}")
    (tmp_path / "link.json").symlink_to("real.json")
    write_baseline(str(tmp_path / "link.json"), [])
    assert os.path.islink(tmp_path / "link.json")
    assert '"findings": []' in (tmp_path / "real.json").read_text()


# --- through the command line ----------------------------------------------------------------

DEMO = fixture("demo/config.json").read_bytes()


@as_root
def test_check_dash_o_a_null_device_as_root_leaves_a_character_device(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    null = _null_device(tmp_path)
    proc = run("check", "config.json", "-o", null, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b""
    assert stat.S_ISCHR(os.lstat(null).st_mode) and os.stat(null).st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path) == []


@as_root
def test_write_baseline_to_a_null_device_leaves_a_character_device(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    null = _null_device(tmp_path)
    proc = run("check", "config.json", "--write-baseline", null, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_check_dash_o_dev_stdout_prints_the_report(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    plain = run("check", "-q", "--output-format", "concise", "config.json", cwd=tmp_path)
    through = run("check", "-q", "--output-format", "concise", "config.json", "-o", "/dev/stdout", cwd=tmp_path)
    assert through.returncode == plain.returncode == 1
    assert through.stdout == plain.stdout != b""


def test_check_dash_o_a_symlink_writes_its_target(tmp_path):
    (tmp_path / "config.json").write_bytes(DEMO)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "lint.txt").write_text("old")
    (tmp_path / "latest.txt").symlink_to("reports/lint.txt")
    proc = run("check", "-q", "--output-format", "concise", "config.json", "-o", "latest.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert os.path.islink(tmp_path / "latest.txt")
    assert (tmp_path / "reports" / "lint.txt").read_text().startswith("config.json:")


@as_root
def test_root_rewriting_another_users_file_keeps_its_owner(tmp_path):
    target = tmp_path / "theirs.txt"
    target.write_text("old")
    os.chown(target, 1234, 5678)
    write_bytes(str(target), b"new")
    assert (os.stat(target).st_uid, os.stat(target).st_gid) == (1234, 5678)
