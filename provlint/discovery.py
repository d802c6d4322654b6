"""Which files a run reads: explicit files as given, folders walked for Bifrost-looking files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from provlint.source import LINTABLE_SUFFIXES

STDIN = "-"
# Folders no one keeps gateway configs in, and that are large enough to slow a walk down.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


class InputPathError(Exception):
    """A path given on the command line does not exist."""


@dataclass(frozen=True)
class InputFile:
    path: str
    explicit: bool  # named by the user, not found by a folder walk


def input_files(paths: Iterable[str]) -> list[InputFile]:
    """Every file to lint, in a stable order; raises InputPathError before reading any."""
    paths = list(paths)
    missing = [p for p in paths if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise InputPathError(f"path does not exist: {missing[0]}")
    files: list[InputFile] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            files.extend(InputFile(p, explicit=False) for p in sorted(_walk(path)))
        else:
            files.append(InputFile(path, explicit=True))
    return files


def _walk(root: str) -> Iterator[str]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in names:
            if Path(name).suffix.lower() in LINTABLE_SUFFIXES:
                yield os.path.normpath(os.path.join(folder, name))
