"""Fixing a text in-process, as `check --fix` does, with the options a test chooses."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from provlint.engine import LintOptions, lint_document
from provlint.fixes.apply import FixOutcome, fix_bytes
from provlint.source import DocumentKind
from tests.paths import fixture

FIXTURES = fixture("fixes")


def options(target: str = "1.5", fixable: Optional[frozenset] = None, kind: Optional[DocumentKind] = None) -> LintOptions:
    return LintOptions(target_version=target, fixable=fixable, kind=kind)


def fix(raw: bytes, path: str, *, unsafe: bool = False, lint_options: Optional[LintOptions] = None) -> FixOutcome:
    chosen = lint_options or options()
    return fix_bytes(raw, path, lint=lambda doc: lint_document(doc, options=chosen), unsafe=unsafe)


def unsafe_for(name: str) -> bool:
    """A fixture whose name starts with ``unsafe-`` is fixed with --unsafe-fixes."""
    return name.startswith("unsafe-")


def after_path(before: Path) -> Path:
    return before.with_name(before.name.replace(".before.", ".after."))


def regenerate() -> None:  # pragma: no cover - run by hand after changing a fix: review the diff
    for before in sorted(FIXTURES.glob("*.before.*")):
        outcome = fix(before.read_bytes(), before.name, unsafe=unsafe_for(before.name))
        after_path(before).write_bytes(outcome.fixed)


if __name__ == "__main__":  # pragma: no cover
    regenerate()
