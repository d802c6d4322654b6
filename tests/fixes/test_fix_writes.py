"""Fixed files are written atomically, keep their mode, replace a symlink's target, and are
never written over a change made after provlint read them."""

import os
import stat

import pytest

from provlint import atomic_write

from provlint.fixes.run import fix_paths, write_outcomes
from provlint.fixes.write import ChangedOnDisk, write_fixed
from provlint.runner import SettingsResolver
from tests.fixes.helpers import FIXTURES

BEFORE = (FIXTURES / "safe-config.before.json").read_bytes()
AFTER = (FIXTURES / "safe-config.after.json").read_bytes()


def test_a_write_that_fails_after_the_temporary_file_is_written_leaves_the_original(tmp_path, monkeypatch):
    target = tmp_path / "config.json"
    target.write_bytes(BEFORE)
    written = []

    def fail(source, destination):
        written.append(open(source, "rb").read())  # the temporary file was complete
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write, "_rename", fail)
    with pytest.raises(OSError):
        write_fixed(str(target), AFTER, expected=BEFORE)
    assert written == [AFTER]
    assert target.read_bytes() == BEFORE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_the_mode_is_kept(tmp_path):
    target = tmp_path / "config.json"
    target.write_bytes(BEFORE)
    os.chmod(target, 0o640)
    write_fixed(str(target), AFTER, expected=BEFORE)
    assert target.read_bytes() == AFTER and stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path):
    real = tmp_path / "real" / "config.json"
    real.parent.mkdir()
    real.write_bytes(BEFORE)
    link = tmp_path / "config.json"
    link.symlink_to(real)
    write_fixed(str(link), AFTER, expected=BEFORE)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == AFTER
    assert sorted(p.name for p in real.parent.iterdir()) == ["config.json"]


def test_a_file_changed_on_disk_is_not_written(tmp_path):
    target = tmp_path / "config.json"
    target.write_bytes(BEFORE + b" ")
    with pytest.raises(ChangedOnDisk):
        write_fixed(str(target), AFTER, expected=BEFORE)
    assert target.read_bytes() == BEFORE + b" "


def test_a_changed_file_is_an_error_for_it_and_the_others_are_written(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_bytes(BEFORE)
    second.write_bytes(BEFORE)
    outcomes = fix_paths([str(first), str(second)], environment={}, now=None, unsafe=False,
                         resolver=SettingsResolver(isolated=True))
    first.write_bytes(BEFORE.replace(b'"main"', b'"edited"'))  # someone saved meanwhile
    failures = write_outcomes(outcomes)
    assert failures == [(str(first), "it changed on disk after provlint read it; not written")]
    assert b'"edited"' in first.read_bytes() and second.read_bytes() == AFTER


def test_the_command_exits_2_after_writing_the_files_it_could(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from provlint.cli import cli
    from provlint.fixes import run as run_module

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_bytes(BEFORE)
    second.write_bytes(BEFORE)
    real_write = run_module.write_fixed

    def changed_first(path, content, *, expected):
        if path.endswith("a.json"):
            raise ChangedOnDisk(path)
        real_write(path, content, expected=expected)

    monkeypatch.setattr(run_module, "write_fixed", changed_first)
    result = CliRunner().invoke(cli, ["check", "--isolated", "--fix", "-q", "--output-format", "concise", str(first), str(second)])
    assert result.exit_code == 2
    assert f"provlint: error: {first}: it changed on disk after provlint read it; not written" in result.output
    assert first.read_bytes() == BEFORE and second.read_bytes() == AFTER
