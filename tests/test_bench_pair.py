"""benchmarks/pair.py, the paired timing of two versions that every speed claim of issue 12 cites:
it runs both trees on the same corpus and reports the median of same-round ratios."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import pair

REPO = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^2\.2 mixed 3 files, 2 rounds: base (\d+\.\d{4}) s, changed (\d+\.\d{4}) s, "
                  r"changed/base (\d+\.\d{3}) \(paired median; load \d+\.\d\)$")


def test_a_folder_is_used_as_it_is(tmp_path):
    assert pair.source_tree(str(REPO), tmp_path) == REPO
    assert list(tmp_path.iterdir()) == []


def test_a_revision_is_exported_with_git_archive(tmp_path):
    if subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    tree = pair.source_tree("HEAD", tmp_path)
    assert tree.parent == tmp_path
    assert (tree / "provlint" / "__init__.py").read_bytes() == subprocess.run(
        ["git", "-C", str(REPO), "show", "HEAD:provlint/__init__.py"], capture_output=True, check=True).stdout
    assert sorted(p.name for p in tree.iterdir()) == ["provlint"]


def test_two_trees_are_timed_in_pairs(tmp_path):
    venv = Path(sys.executable).parent.parent  # the test environment has provlint's dependencies
    run = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "pair.py"), str(REPO), str(REPO), "--venv", str(venv),
         "--corpus-dir", str(tmp_path), "--files", "3", "--rounds", "2"],
        capture_output=True, text=True, cwd=REPO, check=True,
    )
    found = LINE.match(run.stdout.strip())
    assert found, run.stdout
    base, changed, ratio = map(float, found.groups())
    assert base > 0 and changed > 0 and ratio > 0
    assert sorted(p.name for p in (tmp_path / "2.2" / "mixed").iterdir()) == ["00000.json", "00001.json", "00002.json"]
