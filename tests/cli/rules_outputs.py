"""The pinned ``provlint rules`` output of every Bifrost line, in fixtures/rules-output/<line>.txt.

Regenerate after adding or changing a rule: ``make rules-outputs`` (that is
``python -m tests.cli.rules_outputs``); tests/cli/test_rules_outputs.py fails while a file differs.
"""

from __future__ import annotations

import subprocess
import sys

from provlint.catalog import lintable_versions
from tests.paths import REPO

FOLDER = REPO / "fixtures" / "rules-output"


def expected_file(line: str):
    return FOLDER / f"{line}.txt"


def rules_output(line: str) -> bytes:
    """What `provlint rules` prints for ``line``, settings files ignored (so any folder gives it)."""
    return subprocess.run(
        [sys.executable, "-m", "provlint", "rules", "--isolated", "--target-version", line],
        capture_output=True, check=True, cwd=REPO, timeout=120,
    ).stdout


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for line in lintable_versions():
        expected_file(line).write_bytes(rules_output(line))
        print(f"wrote {expected_file(line).relative_to(REPO)}")


if __name__ == "__main__":
    main()
