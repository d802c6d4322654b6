"""Which files a run reads: explicit files as given, folders walked for Bifrost-looking files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

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


def input_files(
    paths: Iterable[str], *, force_exclude: bool = False, respect_gitignore: Callable[[str], bool] = lambda folder: True
) -> list[InputFile]:
    """Every file to lint, in a stable order; raises InputPathError before reading any.

    ``force_exclude`` judges named files as a folder walk judges the files it finds (the
    settings' ``exclude`` applies, a file of no Bifrost shape is skipped in silence): a tool
    such as pre-commit names every JSON and YAML file, and no person chose them."""
    paths = list(paths)
    missing = [p for p in paths if p != STDIN and not os.path.lexists(p)]
    if missing:
        raise InputPathError(f"path does not exist: {missing[0]}")
    files: list[InputFile] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            files.extend(InputFile(p, explicit=False) for p in sorted(_walk(path, respect_gitignore(path))))
        else:
            files.append(InputFile(path, explicit=path == STDIN or not force_exclude))
    return files


def _walk(root: str, respect_gitignore: bool = True) -> Iterator[str]:
    ignored: Optional[object] = None
    if respect_gitignore:
        from provlint.gitignore import GitIgnored

        ignored = GitIgnored.around(root)
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if d not in SKIPPED_DIRS and not (ignored and ignored.ignores(os.path.join(folder, d), is_dir=True))
        )
        for name in names:
            if Path(name).suffix.lower() not in LINTABLE_SUFFIXES:
                continue
            path = os.path.join(folder, name)
            if not (ignored and ignored.ignores(path, is_dir=False)):
                yield os.path.normpath(path)

