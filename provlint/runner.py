"""A whole run: find the inputs, read each, lint it under its own settings, then the run-level
checks (settings exceptions and baseline entries that matched nothing)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping, Optional

from provlint.catalog import load_catalog
from provlint.discovery import STDIN, InputFile, input_files, may_be_bifrost, read_limited, read_regular_file
from provlint.engine import PARSE_ERROR, UNUSED_SUPPRESSION, LintOptions, lint_bytes
from provlint.findings import Diagnostic, FileResult, Position, Severity, Span
from provlint.rules import Rule, find_rule
from provlint.selection import layered_rules
from provlint.settings import Settings, find_settings_file, load_settings_file, with_overrides
from provlint.source import DocumentKind, format_for


@dataclass
class SettingsResolver:
    """Which settings apply to a file: ``--config``, ``--isolated``, or the nearest file, plus
    the command-line flags on top."""

    config_file: Optional[Path] = None
    isolated: bool = False
    overrides: dict = field(default_factory=dict)
    _cache: dict = field(default_factory=dict, repr=False)
    _by_folder: dict = field(default_factory=dict, repr=False)

    def for_path(self, path: str) -> Settings:
        folder = os.path.dirname(path) if path != STDIN else "."
        if folder not in self._by_folder:
            self._by_folder[folder] = self._resolve(path)
        return self._by_folder[folder]

    def _resolve(self, path: str) -> Settings:
        if self.config_file is not None:
            base = load_settings_file(self.config_file.resolve())
        elif self.isolated:
            base = Settings()
        else:
            start = Path(path).parent if path != STDIN else Path.cwd()
            found = find_settings_file(start if str(start) else Path("."))
            base = load_settings_file(found) if found else Settings()
        key = id(base)
        if key not in self._cache:
            self._cache[key] = with_overrides(base, **self.overrides)
        return self._cache[key]


def options_for(settings: Settings, path: str, *, kind: Optional[DocumentKind], environment: Mapping[str, str]) -> LintOptions:
    off = {code for code, level in settings.severity if level == "off"}
    rules = tuple(r for r in layered_rules(settings.selection_layers(), settings.ignores_for(path)) if r.code not in off)
    return LintOptions(
        target_version=settings.target_version,
        kind=kind,
        rules=rules,
        severities={code: Severity(level) for code, level in settings.severity if level != "off"},
        environment=environment,
        placeholder_patterns=settings.placeholder_patterns,
        root=settings.root_for(path),
        exceptions=tuple(e for e in settings.exceptions if settings.matches(e.files, path)),
        fail_level=settings.fail_level,
    )


def lint_paths(
    paths: Iterable[str],
    *,
    resolver: Optional[SettingsResolver] = None,
    kind: Optional[DocumentKind] = None,
    environment: Optional[Mapping[str, str]] = None,
    stdin: Optional[BinaryIO] = None,
    stdin_filename: Optional[str] = None,
    baseline=None,
) -> list[FileResult]:
    """Lint files and folders. Raises discovery.InputPathError (a path does not exist) and
    settings.SettingsError before anything is linted; bad input files are results."""
    resolver = resolver or SettingsResolver()
    environment = dict(os.environ) if environment is None else environment
    results: list[FileResult] = []
    used_settings: dict[Path, Settings] = {}
    applicable: set = set()  # exceptions whose file glob matched a file of this run
    for item in input_files(paths):
        shown = stdin_filename or STDIN if item.path == STDIN else item.path
        settings = resolver.for_path(shown if item.path == STDIN else item.path)
        if not item.explicit and settings.is_excluded(item.path):
            continue
        if settings.path is not None:
            used_settings[settings.path] = settings
        options = options_for(settings, shown, kind=kind, environment=environment)
        applicable.update(options.exceptions)
        result = _lint_input(item, options, stdin, shown, settings.max_file_bytes)
        if not result.skipped:
            results.append(result)
    results.extend(_unused_exceptions(results, used_settings, applicable))
    if baseline is not None:
        results = _apply_baseline(results, baseline, resolver)
    return sorted(results, key=lambda r: r.path)


def _lint_input(item: InputFile, options: LintOptions, stdin: Optional[BinaryIO], shown: str, max_bytes: int) -> FileResult:
    try:
        if item.path == STDIN:
            raw = read_limited(stdin, max_bytes) if stdin is not None else b""
            return lint_bytes(raw, shown, fmt=format_for(shown), options=options)
        raw = read_regular_file(item.path, max_bytes)
    except OSError as exc:
        return _read_failure(shown if item.path == STDIN else item.path, exc, options)
    result = lint_bytes(raw, item.path, explicit=item.explicit, options=options)
    if not item.explicit and _failed_to_parse(result) and not may_be_bifrost(raw, load_catalog(options.target_version).settings_fields):
        # A walk lints only what looks like Bifrost; an unparseable stranger stays quiet.
        result.skipped = True
    return result


def _failed_to_parse(result: FileResult) -> bool:
    return any(d.code == PARSE_ERROR for d in result.diagnostics)


def _read_failure(path: str, exc: OSError, options: LintOptions) -> FileResult:
    rule = find_rule(PARSE_ERROR)
    reason = exc.strerror or str(exc)
    diagnostic = Diagnostic(rule.code, rule.name, options.severity_of(rule), path, _START, "", f"cannot read the file: {reason}")
    return FileResult(path, [diagnostic], fail_level=options.fail_level)


_START = Span(Position(1, 1), Position(1, 1))


def _unused_rule(settings: Settings, path: str) -> Optional[tuple[Rule, LintOptions]]:
    options = options_for(settings, path, kind=None, environment={})
    rule = next((r for r in options.enabled_rules() if r.code == UNUSED_SUPPRESSION), None)
    return (rule, options) if rule else None


def _unused_exceptions(results: list[FileResult], used_settings: dict[Path, Settings], applicable: set) -> list[FileResult]:
    """Exceptions that could have waived something in this run and waived nothing. One whose
    files were not linted (pre-commit passes only changed files) says nothing either way."""
    waived = set().union(*(r.waived_by for r in results)) if results else set()
    reports = []
    for path, settings in used_settings.items():
        found = _unused_rule(settings, str(path))
        unused = [e for e in settings.exceptions if e in applicable and e not in waived]
        if not found or not unused:
            continue
        rule, options = found
        text = path.read_text(encoding="utf-8", errors="replace")
        shown = display_path(path)
        diagnostics = [
            Diagnostic(
                rule.code, rule.name, options.severity_of(rule), shown, _exception_span(text, e.index), "",
                f"exception {e.index + 1} (files `{e.files}`, pointer `{e.pointer or '/'}`, rules {', '.join(e.rules)}) "
                f"matched no finding; remove it",
                fix=rule.fix,
            )
            for e in unused
        ]
        reports.append(FileResult(shown, diagnostics, text=text, fail_level=options.fail_level))
    return reports


def display_path(path: Path) -> str:
    """Relative to the working folder when inside it, as users name their files."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _exception_span(text: str, index: int) -> Span:
    """The ``[[...exceptions]]`` header of the index-th entry, or the file start."""
    seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().replace(" ", "") in ("[[exceptions]]", "[[tool.provlint.exceptions]]"):
            seen += 1
            if seen == index:
                start = len(line) - len(line.lstrip()) + 1
                return Span(Position(number, start), Position(number, len(line.rstrip()) + 1))
    return _START


def _apply_baseline(results: list[FileResult], baseline, resolver: SettingsResolver) -> list[FileResult]:
    from provlint.baseline import baseline_folder, entry_for, relative_path

    base = baseline_folder(baseline.path)
    for result in results:
        result.diagnostics = [d for d in result.diagnostics if not baseline.match(entry_for(d, result.data, base))]
    # Only entries for files linted in this run can be stale (pre-commit passes changed files only).
    stale = baseline.stale({relative_path(result.path, base) for result in results})
    found = _unused_rule(resolver.for_path(baseline.path), baseline.path)
    if stale and found:
        rule, options = found
        text = Path(baseline.path).read_text(encoding="utf-8", errors="replace")
        spans = _baseline_spans(text, baseline.path)
        diagnostics = [
            Diagnostic(
                rule.code, rule.name, options.severity_of(rule), baseline.path, spans(index), f"/findings/{index}",
                f"baseline entry {entry.rule} at {entry.path}#{entry.pointer} matched no finding; "
                f"remove it or run --write-baseline again",
                fix=rule.fix,
            )
            for index, entry in stale
        ]
        results.append(FileResult(baseline.path, diagnostics, text=text, fail_level=options.fail_level))
    return results


def _baseline_spans(text: str, path: str):
    from provlint.source.json_source import load_json

    doc = load_json(text.encode("utf-8"), path)

    def span(index: int) -> Span:
        return doc.span_of(f"/findings/{index}") if doc.ok else _START

    return span


__all__ = ["SettingsResolver", "lint_paths", "options_for"]
