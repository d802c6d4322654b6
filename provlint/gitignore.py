"""Which files a folder walk leaves out because git ignores them, as ruff does: every
``.gitignore`` from the repository's root down to the file's folder, and ``.git/info/exclude``.

Only inside a git repository (a folder with ``.git`` at or above the walk's root), as ruff's
walker does. The patterns are git's own (negation, ``dir/``, ``**``, anchoring), matched by
pathspec's GitIgnoreSpec; a deeper file's patterns win over a shallower one's.
"""

from __future__ import annotations

import os
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


class GitIgnored:
    def __init__(self, repository: Path) -> None:
        self.repository = repository
        self._specs: dict[Path, Optional[object]] = {}
        exclude = repository / ".git" / "info" / "exclude"
        self._exclude = _spec(exclude) if exclude.is_file() else None

    @classmethod
    def around(cls, folder: str) -> Optional["GitIgnored"]:
        """The ignore rules for a walk of ``folder``; None outside a git repository."""
        start = Path(folder).resolve()
        for candidate in (start, *start.parents):
            if (candidate / ".git").exists():
                return cls(candidate)
        return None

    def ignores(self, path: str, *, is_dir: bool) -> bool:
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.repository)
        except ValueError:
            return False
        verdict = None
        for base, spec in [(self.repository, self._exclude), *self._chain(absolute.parent)]:
            if spec is None:
                continue
            below = absolute.relative_to(base).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(below)
            if result.include is not None:
                verdict = result.include
        return bool(verdict) and relative.parts[:1] != (".git",)

    def _chain(self, folder: Path):
        """(folder, its .gitignore spec) from the repository root down to ``folder``."""
        chain = []
        for candidate in (folder, *folder.parents):
            chain.append((candidate, self._spec_in(candidate)))
            if candidate == self.repository:
                break
        return reversed(chain)

    def _spec_in(self, folder: Path):
        if folder not in self._specs:
            file = folder / ".gitignore"
            self._specs[folder] = _spec(file) if file.is_file() else None
        return self._specs[folder]


def _spec(file: Path):
    import pathspec  # only for a walk inside a repository that has ignore files

    with open(file, encoding="utf-8", errors="replace") as handle:
        return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
