"""Folder walks leave out what git ignores, as ruff does; `respect-gitignore = false` turns it off;
`extend-exclude` sits beside `exclude`."""

import subprocess

import pytest

from tests.reporters.helpers import run_check

BAD = '{"network_config": {"insecure_skip_verify": true}}'


def project(root, files, *, git=True):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    if git:
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)


def linted(root, *paths):
    proc = run_check("--output-format", "concise", "-q", *paths, cwd=root)
    return sorted({line.split(":")[0] for line in proc.stdout.decode().splitlines()})


def test_gitignore_files_at_every_level_and_info_exclude(tmp_path):
    project(tmp_path, {
        ".gitignore": "build/\n*.local.json\n!keep.local.json\n",
        "a.json": BAD, "build/b.json": BAD, "x.local.json": BAD, "keep.local.json": BAD,
        "sub/.gitignore": "/c.json\n", "sub/c.json": BAD, "sub/d.json": BAD, "sub/deeper/c.json": BAD,
        "private.json": BAD,
    })
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private.json\n")
    assert linted(tmp_path, ".") == ["a.json", "keep.local.json", "sub/d.json", "sub/deeper/c.json"]
    # A walk of a subfolder still reads the ignore files above it, up to the repository's root.
    assert linted(tmp_path, "sub") == ["sub/d.json", "sub/deeper/c.json"]
    # A file named on the command line is linted whatever git ignores.
    assert linted(tmp_path, "build/b.json") == ["build/b.json"]


def test_respect_gitignore_false_walks_everything(tmp_path):
    project(tmp_path, {".gitignore": "*.json\n", "a.json": BAD, "provlint.toml": "respect-gitignore = false\n"})
    assert linted(tmp_path, ".") == ["a.json"]


def test_a_gitignore_outside_a_repository_is_not_read(tmp_path):
    project(tmp_path, {".gitignore": "*.json\n", "a.json": BAD}, git=False)
    assert linted(tmp_path, ".") == ["a.json"]


def test_extend_exclude_adds_to_exclude(tmp_path):
    project(tmp_path, {"provlint.toml": 'exclude = ["a.json"]\nextend-exclude = ["b/*"]\n',
                       "a.json": BAD, "b/b.json": BAD, "c.json": BAD}, git=False)
    assert linted(tmp_path, ".") == ["c.json"]


@pytest.mark.parametrize(("setting", "message"), [
    ("respect-gitignore = 1", "`respect-gitignore` must be true or false, not 1"),
    ('extend-exclude = [1]', "`extend-exclude` must be a list of strings"),
])
def test_the_settings_are_validated(tmp_path, setting, message):
    project(tmp_path, {"provlint.toml": setting + "\n", "a.json": BAD}, git=False)
    proc = run_check(".", cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr.decode()


def test_the_force_exclude_flag_skips_excluded_and_stranger_files_named_on_the_command_line(tmp_path):
    project(tmp_path, {"provlint.toml": 'exclude = ["vendor/*"]\n', "vendor/v.json": BAD,
                       "package.json": '{"name": "x"}', "a.json": BAD}, git=False)
    named = run_check("--output-format", "concise", "-q", "vendor/v.json", "package.json", "a.json", cwd=tmp_path)
    assert [line.split(":")[0] for line in named.stdout.decode().splitlines()] == ["a.json", "package.json", "vendor/v.json"]
    forced = run_check("--output-format", "concise", "-q", "--force-exclude", "vendor/v.json", "package.json", "a.json", cwd=tmp_path)
    assert [line.split(":")[0] for line in forced.stdout.decode().splitlines()] == ["a.json"]
