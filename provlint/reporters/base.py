"""The reporter lifecycle, as flake8's formatters have it: ``start(rules)`` once with the rule
metadata, ``file(result)`` once per checked file in path order, ``finish(summary)`` once.

A reporter reads nothing from the process: the command line hands it the stream, whether to be
quiet and to colour, the working folder paths are shown relative to, and the environment mapping
(a CI system's variables, such as GITHUB_STEP_SUMMARY). So a format is one module that
subclasses Reporter and one line in ``REPORTERS``.
"""

from __future__ import annotations

import os
from functools import lru_cache

from provlint.findings import Diagnostic, FileResult
from provlint.records import Record
from provlint.rules import Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Mapping, Optional, Sequence, TextIO


class Summary(Record):
    """The counts of a whole run, handed to ``finish``."""

    __slots__ = ("files_checked", "files_skipped", "errors", "warnings", "infos", "files_with_findings",
                 "target_versions")

    def __init__(
        self,
        files_checked: int,
        files_skipped: int,
        errors: int,
        warnings: int,
        infos: int,
        files_with_findings: int,
        # The Bifrost lines the checked files were read against (settings may differ by folder),
        # oldest first: what a report's header names.
        target_versions: tuple[str, ...] = (),
    ) -> None:
        self.files_checked = files_checked
        self.files_skipped = files_skipped
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.files_with_findings = files_with_findings
        self.target_versions = target_versions

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos

    @classmethod
    def of(cls, results: Sequence[FileResult], *, files_skipped: int = 0) -> "Summary":
        counts = SummaryCounts()
        for result in results:
            counts.add(result)
        return counts.summary(files_skipped=files_skipped)

    def as_json(self) -> dict:
        return {
            "files_checked": self.files_checked,
            "files_skipped": self.files_skipped,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
        }


class SummaryCounts:
    """The counts of ``Summary.of`` kept as the run goes, so results can be reported one at a
    time and dropped (a run of many files holds none of their texts)."""

    def __init__(self) -> None:
        self.files_checked = 0
        self.files_with_findings = 0
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.lines: set[str] = set()

    def add(self, result: FileResult) -> None:
        self.files_checked += 1
        if result.target_version is not None:
            self.lines.add(result.target_version)
        self.files_with_findings += bool(result.diagnostics)
        for diagnostic in result.diagnostics:
            self.counts[diagnostic.severity.value] += 1

    def summary(self, *, files_skipped: int = 0) -> Summary:
        return Summary(
            files_checked=self.files_checked,
            files_skipped=files_skipped,
            errors=self.counts["error"],
            warnings=self.counts["warning"],
            infos=self.counts["info"],
            files_with_findings=self.files_with_findings,
            target_versions=lines_used(self.lines),
        )


class Reporter:
    # Whether the format reads a result's document: its text (source lines, secrets masked),
    # data (fingerprints) or fixes' edits. A format that reads only the diagnostics says False,
    # and a worker process then sends back no document (provlint.workers.pack).
    reads_documents = True

    def __init__(
        self,
        stream: TextIO,
        *,
        quiet: bool = False,
        color: bool = False,
        cwd: str = ".",
        environment: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.stream = stream
        self.quiet = quiet
        self.color = color
        self.cwd = cwd
        self.environment = dict(environment or {})
        self.rules: dict[str, Rule] = {}

    def start(self, rules: Sequence[Rule]) -> None:
        self.rules = {rule.code: rule for rule in rules}

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass

    def write(self, text: str) -> None:
        self.stream.write(text)

    def shown_path(self, path: str) -> str:
        """``path`` relative to the working folder with ``/`` separators, never an absolute
        path of this machine. Every format shows paths through here.

        A file outside the folder gets ``../``: ruff shows such a path absolute
        (``relativize_path`` strips the working folder when it is a prefix and prints the rest
        as it is), but issue 11 wants no absolute path in any report, so provlint keeps it relative.
        """
        return relative_path(path, self.cwd)


def relative_path(path: str, cwd: str) -> str:
    if path == "-":
        return path
    if os.sep == "/" and not path.startswith("/"):
        # A relative path that stays inside the folder is its own normal form: what the
        # general way below gives, without its absolute paths (10 us a file, for every file).
        normal = os.path.normpath(path)
        if normal != ".." and not normal.startswith("../"):
            return normal
    elif os.sep == "/" and cwd.startswith("/"):
        # An absolute path inside the (absolute) folder whose rest has no empty, "." or ".."
        # part: the rest is what the general way gives (the folder's parts are a prefix of the
        # path's), without normalising and splitting both paths for every file.
        prefix = _folder_prefix(cwd)
        if path.startswith(prefix):
            rest = path[len(prefix):]
            probe = f"/{rest}/"
            if "//" not in probe and "/." not in probe:
                return rest
    try:
        relative = os.path.relpath(os.path.abspath(os.path.join(cwd, path)), os.path.abspath(cwd))
    except ValueError:  # another drive on Windows: no relative path exists
        relative = os.path.basename(path)
    return relative.replace(os.sep, "/")


@lru_cache(maxsize=16)
def _folder_prefix(cwd: str) -> str:
    """An absolute folder's normal form ending in one ``/``: a pure function of ``cwd`` (an
    absolute path's ``abspath`` is its ``normpath``), the same for every file of a run."""
    normal = os.path.normpath(cwd)
    return normal if normal.endswith("/") else normal + "/"


def lines_used(used: set[str]) -> tuple[str, ...]:
    """The lines a run used, oldest first."""
    from provlint.catalog import available_versions

    return tuple(line for line in available_versions() if line in used)


def count_by_rule(diagnostics: Sequence[Diagnostic]) -> list[tuple[tuple[str, str, str], int]]:
    """(code, name, severity) with its number of findings, the most frequent first."""
    counts: dict[tuple[str, str, str], int] = {}
    for d in diagnostics:
        key = (d.code, d.name, d.severity.value)
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def summary_line(summary: Summary) -> str:
    """The run in one sentence, as ruff ends its report."""
    if not summary.findings:
        checked = summary.files_checked
        return f"All checks passed ({checked} file{'s' if checked != 1 else ''} checked)."
    counts = {"error": summary.errors, "warning": summary.warnings, "info": summary.infos}
    parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    total, files = summary.findings, summary.files_with_findings
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
