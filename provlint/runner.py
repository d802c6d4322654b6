"""A whole run: find the inputs, read each, lint it under its own settings, then the run-level
checks (settings exceptions and baseline entries that matched nothing)."""

from __future__ import annotations

import os
from pathlib import Path

from provlint.catalog import load_catalog
from provlint.discovery import STDIN, InputFile, input_files, read_regular_file
from provlint.engine import PARSE_ERROR, UNUSED_SUPPRESSION, LintOptions, lint_document, stamp
from provlint.findings import Diagnostic, FileResult, Finding, Severity
from provlint.inputs import JudgedInput, Verdict, judge_input
from provlint.records import Record, replace
from provlint.rules import find_rule
from provlint.rules.pl003_unknown_document import CODE as UNKNOWN_DOCUMENT
from provlint.selection import layered_rules
from provlint.settings import Settings, with_overrides
from provlint.settings_files import find_settings_file, load_settings_file
from provlint.source import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import BinaryIO, Iterable, Iterator, Mapping, Optional


class SettingsResolver(Record):
    """Which settings apply to a file: ``--config``, ``--isolated``, or the nearest file, plus
    the command-line flags on top. Files are read once per resolver (one run), never cached
    across runs, so a long-lived process sees edits."""

    __slots__ = ("config_file", "isolated", "overrides", "cwd", "_files", "_by_folder")
    _not_shown = ("_files", "_by_folder")
    __hash__ = None  # it remembers the settings it has read

    def __init__(
        self,
        config_file: Optional[Path] = None,
        isolated: bool = False,
        overrides: Optional[dict] = None,  # None: a new empty dict
        cwd: Optional[Path] = None,  # None: Path(".")
        _files: Optional[dict] = None,  # None: a new empty dict
        _by_folder: Optional[dict] = None,  # None: a new empty dict
    ) -> None:
        self.config_file = config_file
        self.isolated = isolated
        self.overrides = {} if overrides is None else overrides
        self.cwd = Path(".") if cwd is None else cwd
        self._files = {} if _files is None else _files
        self._by_folder = {} if _by_folder is None else _by_folder

    def for_path(self, path: str) -> Settings:
        folder = os.path.dirname(path) if path != STDIN else "."
        if folder not in self._by_folder:
            self._by_folder[folder] = self._resolve(path)
        return self._by_folder[folder]

    def _resolve(self, path: str) -> Settings:
        if self.config_file is not None:
            found: Optional[Path] = self.config_file.resolve()
        elif self.isolated:
            found = None
        else:
            start = Path(path).parent if path != STDIN else self.cwd
            found = find_settings_file(start if str(start) else Path("."))
        if found not in self._files:
            base = load_settings_file(found) if found is not None else Settings()
            self._files[found] = with_overrides(base, **self.overrides)
        return self._files[found]


def options_for(
    settings: Settings,
    path: str,
    *,
    kind: Optional[DocumentKind],
    environment: Mapping[str, str],
    now: Optional[datetime | float] = None,
    baseline=None,
) -> LintOptions:
    return SettingsOptions.of(settings).for_path(path, kind=kind, environment=environment, now=now, baseline=baseline)


class SettingsOptions(Record):
    """What ``options_for`` derives from settings whatever the file: a run makes it once per
    settings, not once per file (about 15 us a file)."""

    __slots__ = ("settings", "off", "rules", "severities", "rule_options", "fixable")

    def __init__(
        self,
        settings: Settings,
        off: frozenset,  # codes the settings' severity table turns off
        rules: Optional[tuple],  # the rules in force for a file no per-file-ignores pattern names
        severities: dict,  # shared by the files' options, which only read it
        rule_options: dict,  # likewise
        fixable: frozenset,
    ) -> None:
        self.settings = settings
        self.off = off
        self.rules = rules
        self.severities = severities
        self.rule_options = rule_options
        self.fixable = fixable

    @classmethod
    def of(cls, settings: Settings) -> "SettingsOptions":
        off = frozenset(code for code, level in settings.severity if level == "off")
        return cls(
            settings,
            off,
            _rules_in_force(settings, (), off),
            {code: Severity(level) for code, level in settings.severity if level != "off"},
            settings.rule_options_by_code(),
            settings.fixable_codes(),
        )

    def for_path(
        self, path: str, *, kind: Optional[DocumentKind], environment: Mapping[str, str],
        now: Optional[datetime | float] = None, baseline=None, root: Optional[str] = None,
    ) -> LintOptions:
        """``root``: the settings' root pointer for ``path``, where the caller knows it already."""
        settings = self.settings
        ignores = settings.ignores_for(path) if settings.per_file_ignores else ()
        return LintOptions(
            target_version=settings.target_version,
            kind=kind,
            rules=_rules_in_force(settings, ignores, self.off) if ignores else self.rules,
            severities=self.severities,
            environment=environment,
            now=now,
            placeholder_patterns=settings.placeholder_patterns,
            rule_options=self.rule_options,
            root=settings.root_for(path) if root is None else root,
            exceptions=tuple(e for e in settings.exceptions if settings.matches(e.files, path)) if settings.exceptions else (),
            baseline=baseline,
            fail_level=settings.fail_level,
            fixable=self.fixable,
        )


def _rules_in_force(settings: Settings, ignores: tuple, off: frozenset) -> tuple:
    return tuple(r for r in layered_rules(settings.selection_layers(), ignores) if r.code not in off)


def lint_paths(paths: Iterable[str], **options) -> list[FileResult]:
    """Lint files and folders: every result of ``iter_lint_paths`` (same keywords, one process),
    in path order, as a list."""
    return list(iter_lint_paths(paths, **options))


def iter_lint_paths(
    paths: Iterable[str],
    *,
    environment: Mapping[str, str],
    now: datetime | float | None,
    resolver: Optional[SettingsResolver] = None,
    kind: Optional[DocumentKind] = None,
    stdin: Optional[BinaryIO] = None,
    stdin_filename: Optional[str] = None,
    baseline=None,
    skipped: Optional[list[str]] = None,
    force_exclude: bool = False,
    jobs: int = 1,
    documents: bool = True,
) -> Iterator[FileResult]:
    """Lint files and folders, one result at a time in path order, so a caller can report a
    file and let go of its text and data before the next is read (memory stays flat however
    many files a run has). ``environment`` resolves ``env.NAME`` references and ``now`` is
    the time certificates are judged at: the caller's, never read here.

    Raises discovery.InputPathError (a path does not exist) and settings.SettingsError here,
    before anything is linted; bad input files are results. The paths of walked files
    skipped (excluded, or no Bifrost shape) are appended to ``skipped`` as the run goes;
    ``force_exclude`` judges named files as walked ones (discovery.input_files). ``jobs``
    processes lint a long run (0: one per core; provlint.workers says when it is worth it);
    the results are the same, in the same order. ``documents=False`` says the caller reads only
    the diagnostics (and whether each fix is available): a result linted in another process
    then comes back without its text, data and secret map, its fixes summarised."""
    resolver = resolver or SettingsResolver()

    def respect_gitignore(folder: str) -> bool:
        return resolver.for_path(os.path.join(folder, "-walk-")).respect_gitignore

    planned: list[tuple[str, InputFile, Settings]] = []
    for item in input_files(paths, force_exclude=force_exclude, respect_gitignore=respect_gitignore):
        shown = stdin_filename or STDIN if item.path == STDIN else item.path
        settings = resolver.for_path(shown if item.path == STDIN else item.path)
        if not item.explicit and settings.is_excluded(item.path):
            if skipped is not None:
                skipped.append(item.path)
            continue
        planned.append((shown, item, settings))
    # A result's path is the name shown: linting in that order yields results in report order.
    planned.sort(key=lambda entry: entry[0])
    return _lint_planned(planned, environment, now, resolver, kind, stdin, baseline, skipped, jobs, documents)


def _lint_each(planned, environment, now, kind, stdin, baseline, jobs, documents) -> Iterator[tuple[FileResult, tuple, set]]:
    """Each planned file's result with the exceptions that applied to it and those it used."""

    prepared: dict[int, SettingsOptions] = {}  # by id: the planned entries keep each settings alive

    def lint(index: int) -> tuple[FileResult, tuple, set]:
        shown, item, settings = planned[index]
        made = prepared.get(id(settings))
        if made is None:
            made = prepared[id(settings)] = SettingsOptions.of(settings)
        result, options = _lint_input(item, made, shown, kind, stdin, environment, now, baseline)
        return result, options.exceptions, options.used_exceptions

    processes = 1
    # Standard input is the run's own; the waiver stage marks a baseline's entries in place.
    if baseline is None and all(item.path != STDIN for _, item, _ in planned):
        from provlint.workers import worker_count

        processes = worker_count(jobs, len(planned))
    if processes > 1:
        from provlint.workers import run_in_workers

        return run_in_workers(lint, len(planned), processes, documents)
    return map(lint, range(len(planned)))


def _lint_planned(planned, environment, now, resolver, kind, stdin, baseline, skipped, jobs=1,
                  documents=True) -> Iterator[FileResult]:
    used_settings: dict[Path, Settings] = {}
    applicable: set = set()  # exceptions whose file glob matched a file of this run
    used: set = set()  # exceptions that waived something
    linted: set[str] = set()
    # Waiver files (settings with exceptions, the baseline) get their PL902 results only at the
    # end of the run; file results that sort after the first of them wait for it.
    waiver_paths = [display_path(s.path) for _, _, s in planned if s.path is not None and s.exceptions]
    if baseline is not None:
        waiver_paths.append(baseline.path)
    first_waiver = min(waiver_paths, default=None)
    held: list[FileResult] = []
    for (shown, item, settings), (result, exceptions, used_here) in zip(
            planned, _lint_each(planned, environment, now, kind, stdin, baseline, jobs, documents)):
        if settings.path is not None:
            used_settings[settings.path] = settings
        applicable.update(exceptions)
        used.update(used_here)
        if result.skipped:
            if skipped is not None:
                skipped.append(item.path)
            continue
        linted.add(result.path)
        if first_waiver is None or result.path <= first_waiver:
            yield result
        else:
            held.append(result)
    late: list[FileResult] = []
    if used_settings or baseline is not None:
        # Waiver files only: a plain run does not import the waiver and baseline modules.
        from provlint.baseline import relative_path
        from provlint.waivers import stale_baseline_findings, unused_exception_findings
    for path, settings in used_settings.items():
        unused = [e for e in settings.exceptions if e in applicable and e not in used]
        late.extend(_unused_waivers(settings, str(path), display_path(path), unused_exception_findings(unused)))
    if baseline is not None:
        # Only entries for files linted in this run can be stale (pre-commit passes changed files only).
        stale = stale_baseline_findings(baseline.stale({relative_path(path, baseline.folder) for path in linted}))
        late.extend(_unused_waivers(resolver.for_path(baseline.path), baseline.path, baseline.path, stale))
    yield from sorted(held + late, key=lambda r: r.path)


def _unused_waivers(settings: Settings, path: str, shown: str, findings: list) -> list[FileResult]:
    """PL902 for waivers written in a settings or baseline file, stamped under that file's own
    settings (where PL902 may be ignored)."""
    options = options_for(settings, path, kind=None, environment={})
    rule = find_rule(UNUSED_SUPPRESSION)
    if not findings or rule not in options.enabled_rules():
        return []
    diagnostics = sorted((stamp(rule, f, options=options, path=shown) for f in findings), key=Diagnostic.sort_key)
    return [FileResult(shown, diagnostics, text=_shown_text(path), fail_level=options.fail_level)]


def _shown_text(path: str) -> Optional[str]:
    """The waiver file's text, for the reporters that show source lines (the positions were
    recorded when the file was read)."""
    try:
        return read_regular_file(path).decode("utf-8", errors="replace")
    except OSError:
        return None


def _lint_input(
    item: InputFile, made: SettingsOptions, shown: str, kind: Optional[DocumentKind], stdin: Optional[BinaryIO],
    environment: Mapping[str, str], now: Optional[datetime | float], baseline,
) -> tuple[FileResult, LintOptions]:
    """Judge the input first (inputs.judge_input), then lint only what is Bifrost's; the
    result and the options it was linted with (built once the document's kind is known)."""
    settings = made.settings
    catalog = load_catalog(settings.target_version)
    root = settings.root_for(shown)
    judged = judge_input(item, shown, (catalog,), kind=kind, root=root, stdin=stdin, max_bytes=settings.max_file_bytes)
    if judged.verdict is Verdict.BIFROST:
        kind = judged.kind
    elif judged.verdict is Verdict.STRANGER:
        kind = DocumentKind.UNKNOWN
    options = made.for_path(shown, kind=kind, environment=environment, now=now, baseline=baseline, root=root)
    if judged.verdict is Verdict.SKIPPED:
        return FileResult(shown, skipped=True), options
    if judged.verdict is Verdict.UNREADABLE:
        return _read_failure(judged, options), options
    if judged.verdict is Verdict.STRANGER:
        # No rule judges a file that is not Bifrost's: it gets PL003 (if selected) and nothing else.
        options = replace(options, rules=tuple(r for r in options.enabled_rules() if r.code == UNKNOWN_DOCUMENT))
    # Judged already (a stranger gets here only to be reported: named, or under a `roots`
    # pointer that names nothing): the engine reports what reaches it, as for a named file.
    return lint_document(judged.document, options=options), options


def _read_failure(judged: JudgedInput, options: LintOptions) -> FileResult:
    diagnostic = stamp(find_rule(PARSE_ERROR), Finding("", judged.reason), options=options, path=judged.path)
    return FileResult(judged.path, [diagnostic], fail_level=options.fail_level, target_version=options.target_version)


def display_path(path: Path) -> str:
    """Relative to the working folder when inside it, as users name their files."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


__all__ = ["SettingsResolver", "iter_lint_paths", "lint_paths", "options_for"]
