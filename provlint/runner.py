"""Reading inputs (files, folders, stdin) and linting each one; I/O failures become results."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO, Iterable, Optional

from provlint.catalog import load_catalog
from provlint.discovery import STDIN, InputFile, input_files
from provlint.engine import PARSE_ERROR, LintOptions, lint_bytes
from provlint.findings import Diagnostic, FileResult, Position, Span
from provlint.rules import find_rule
from provlint.source import Format, format_for


def lint_paths(
    paths: Iterable[str],
    options: Optional[LintOptions] = None,
    *,
    stdin: Optional[BinaryIO] = None,
    stdin_filename: Optional[str] = None,
) -> list[FileResult]:
    """Lint files and folders; raises discovery.InputPathError for a path that does not exist."""
    options = options or LintOptions()
    results = []
    for item in input_files(paths):
        result = _lint_input(item, options, stdin, stdin_filename)
        if not result.skipped:
            results.append(result)
    return results


def _lint_input(item: InputFile, options: LintOptions, stdin: Optional[BinaryIO], stdin_filename: Optional[str]) -> FileResult:
    if item.path == STDIN:
        name = stdin_filename or "-"
        raw = stdin.read() if stdin is not None else b""
        return lint_bytes(raw, name, fmt=format_for(name), options=options)
    try:
        raw = _read_regular_file(item.path)
    except OSError as exc:
        return _read_failure(item.path, exc, options)
    result = lint_bytes(raw, item.path, explicit=item.explicit, options=options)
    if not item.explicit and _failed_to_parse(result) and not _may_be_bifrost(raw, options):
        # A walk lints only what looks like Bifrost; an unparseable stranger stays quiet.
        result.skipped = True
    return result


def _read_regular_file(path: str) -> bytes:
    # Opening a FIFO or a device would block or never end: refuse anything but a regular file.
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise OSError("not a regular file")
    with open(path, "rb") as handle:
        return handle.read()


def _failed_to_parse(result: FileResult) -> bool:
    return any(d.code == PARSE_ERROR for d in result.diagnostics)


def _may_be_bifrost(raw: bytes, options: LintOptions) -> bool:
    catalog = load_catalog(options.target_version)
    markers = (b"provider", b"getbifrost") + tuple(f.encode() for f in catalog.settings_fields)
    return any(marker in raw for marker in markers)


def _read_failure(path: str, exc: OSError, options: LintOptions) -> FileResult:
    rule = find_rule(PARSE_ERROR)
    reason = exc.strerror or str(exc)
    at = Span(Position(1, 1), Position(1, 1))
    severity = options.severity_of(rule)
    diagnostic = Diagnostic(rule.code, rule.name, severity, path, at, "", f"cannot read the file: {reason}")
    return FileResult(path, [diagnostic])


__all__ = ["lint_paths", "Format"]
