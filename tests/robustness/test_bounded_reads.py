"""Issue 9, point 3: special files are refused before they are opened, every read is bounded.

Before: a FIFO named as --env-file, --baseline or a `schema --write` target blocked for ever;
`-` reading /dev/zero read 4.3 GB before failing.
"""

from __future__ import annotations

import io
import os
import stat

import pytest

from provlint.discovery import InputTooLarge, read_limited
from provlint.runner import SettingsResolver, lint_paths
from provlint.settings import SettingsError
from provlint.settings_files import load_settings_file
from tests.conftest import NOW
from tests.paths import fixture
from tests.robustness.helpers import one_error_line, run

CLEAN = fixture("bifrost-examples/docker-volume__config.json").read_bytes()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "config.json").write_bytes(CLEAN)
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--env-file", "cannot read env file fifo: not a regular file"),
        ("--baseline", "cannot read baseline fifo: not a regular file"),
    ],
)
def test_a_fifo_named_as_a_side_file_is_refused_not_opened(folder, option, message):
    line = one_error_line(run("check", "config.json", option, "fifo", cwd=folder, timeout=30))
    assert line == f"provlint: error: {message}"


def test_a_fifo_named_as_the_settings_file_is_refused_not_opened(folder):
    line = one_error_line(run("check", "config.json", "--config", "fifo", cwd=folder, timeout=30))
    assert line == f"provlint: error: {(folder / 'fifo').resolve()}: cannot read settings: not a regular file"


def test_a_fifo_named_as_an_input_is_pl001_in_check_and_an_error_row_in_hash(folder):
    checked = run("check", "-q", "--output-format", "concise", "fifo", cwd=folder, timeout=30)
    hashed = run("hash", "fifo", cwd=folder, timeout=30)
    assert (checked.returncode, checked.stdout) == (1, b"fifo:1:1: PL001 [error] cannot read the file: not a regular file\n")
    assert (hashed.returncode, hashed.stderr) == (1, b"provlint: fifo: cannot read the file: not a regular file\n")


def test_a_fifo_among_the_generated_schema_files_is_refused_and_kept(tmp_path):
    (tmp_path / "1.5").mkdir()
    target = tmp_path / "1.5" / "bifrost-config.schema.json"
    os.mkfifo(target)
    line = one_error_line(run("schema", "--write", str(tmp_path), "--target-version", "1.5", timeout=120))
    assert line == f"provlint: error: cannot write schemas to {tmp_path}: not a regular file"
    assert stat.S_ISFIFO(os.lstat(target).st_mode)


class _Endless(io.RawIOBase):
    """/dev/zero as a stream that counts what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = bytes(len(buffer))
        self.taken += len(buffer)
        return len(buffer)


def test_reading_an_endless_stream_stops_just_past_the_limit():
    endless = _Endless()
    with pytest.raises(InputTooLarge) as raised:
        read_limited(io.BufferedReader(endless), 5 * 1024 * 1024)
    assert endless.taken <= 5 * 1024 * 1024 + 2 * 1024 * 1024  # the limit and at most one chunk and buffer
    assert raised.value.strerror == "larger than 5 MiB, the `max-file-size` setting (raise it to lint this input)"


def test_standard_input_from_dev_zero_is_pl001_at_the_limit():
    with open("/dev/zero", "rb") as zero:
        proc = run("check", "-q", "--output-format", "concise", "-", stdin=zero)
    assert proc.returncode == 1
    assert proc.stdout == (
        b"-:1:1: PL001 [error] cannot read the file: larger than 32 MiB, the `max-file-size` setting "
        b"(raise it to lint this input)\n"
    )


@pytest.mark.parametrize(("limit", "too_large"), [(1, True), (2, False)])
def test_the_max_file_size_setting_sets_the_limit(tmp_path, limit, too_large):
    padded = CLEAN.rstrip() + b" " * (1536 * 1024) + b"\n"  # 1.5 MiB of a clean config
    (tmp_path / "config.json").write_bytes(padded)
    (tmp_path / "provlint.toml").write_text(f"max-file-size = {limit}\n")
    (result,) = lint_paths([str(tmp_path / "config.json")], resolver=SettingsResolver(), environment={}, now=NOW)
    messages = [d.message for d in result.diagnostics]
    assert messages == (["cannot read the file: larger than 1 MiB, the `max-file-size` setting (raise it to lint this input)"] if too_large else [])


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "true", '"32"', "65537"])
def test_max_file_size_must_be_a_whole_number_of_mib(tmp_path, value):
    (tmp_path / "provlint.toml").write_text(f"max-file-size = {value}\n")
    with pytest.raises(SettingsError, match="`max-file-size` must be a whole number of MiB from 1 to 65536"):
        load_settings_file(tmp_path / "provlint.toml")


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 1024 * 1024 + 3])
def test_a_regular_file_is_read_whole_at_every_size(tmp_path, size):
    from provlint.discovery import read_regular_file

    path = tmp_path / "f.json"
    content = bytes(range(256)) * (size // 256) + bytes(range(size % 256))
    path.write_bytes(content)
    assert read_regular_file(str(path)) == content
    assert read_regular_file(str(path), max_bytes=size) == content
    if size:
        with pytest.raises(InputTooLarge):
            read_regular_file(str(path), max_bytes=size - 1)


def test_a_regular_file_whose_stat_says_zero_bytes_is_still_read_to_its_end(monkeypatch, tmp_path):
    # /proc files are regular files of size 0 with content: the read must not trust the size.
    from provlint import discovery

    path = tmp_path / "f.json"
    path.write_bytes(b'{"a": 1}')
    real_fstat = os.fstat
    monkeypatch.setattr(discovery.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    assert discovery.read_regular_file(str(path)) == b'{"a": 1}'
