"""What ``provlint check`` (alias ``lint``) does with its parameters; no click here.

The parameters come from click (``check_command``) or from the argv reader that spares the
usual run importing click (``check_argv``); both hand the same mapping, named as in
``check_options.CHECK_OPTIONS``, to ``run_check``.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from provlint.cli.common import echo, environment_from, fail_usage, output_stream, standard_input
from provlint.discovery import InputPathError
from provlint.engine import result_status
from provlint.reporters.base import SummaryCounts
from provlint.runner import SettingsResolver, iter_lint_paths
from provlint.settings import SettingsError
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, NoReturn, TextIO


def run_check(params: Mapping[str, Any], stdout: TextIO, stderr: TextIO) -> NoReturn:
    """Lint, report on ``stdout`` (or --output-file) and messages on ``stderr``; always exits."""
    o = SimpleNamespace(**params)
    if o.config_file and o.isolated:
        fail_usage("--config and --isolated exclude each other")
    if o.config_file and not os.path.exists(o.config_file):
        fail_usage(f"settings file does not exist: {o.config_file}")  # a FIFO or device: refused when read
    if o.baseline and o.write_baseline:
        fail_usage("--baseline and --write-baseline exclude each other; use --write-baseline alone to refresh a baseline")
    if o.stdin_filename and "-" not in o.paths:
        fail_usage("--stdin-filename names standard input: pass `-` among the PATHS to read it")
    paths = list(o.paths) or ["."]
    resolver = SettingsResolver(
        config_file=Path(o.config_file) if o.config_file else None,
        isolated=o.isolated,
        overrides=dict(target_version=o.target_version, select=o.select, extend_select=o.extend_select,
                       ignore=o.ignore, fail_level=o.fail_level),
    )
    kind = DocumentKind(o.kind) if o.kind else None
    try:
        if o.show_settings:
            from provlint.cli.show_settings import render_settings

            shown = (o.stdin_filename or paths[0]) if paths[0] == "-" else paths[0]
            echo(render_settings(resolver.for_path(shown), shown), stdout, nl=False)
            sys.exit(0)
        environment = environment_from(o.env_file)
        recorded = _read_baseline(o.baseline) if o.baseline else None
        if o.fix or o.unsafe_fixes or o.diff or o.fix_only:
            from provlint.cli.fix import run_fixes

            fixed_status = run_fixes(paths, unsafe=o.unsafe_fixes, diff=o.diff, only=o.fix_only, quiet=o.quiet,
                                     stdout=stdout, stderr=stderr, lint_args=dict(
                resolver=resolver, kind=kind, environment=environment, now=time.time(),
                stdin=standard_input() if "-" in paths else None, stdin_filename=o.stdin_filename, baseline=recorded))
            if fixed_status is not None:
                sys.exit(fixed_status)
        skipped: list[str] = []
        # Usage errors (a missing path, bad settings) are raised here, before anything is linted.
        results = iter_lint_paths(
            paths, resolver=resolver, kind=kind, environment=environment,
            now=time.time(), stdin=standard_input() if "-" in paths else None,
            stdin_filename=o.stdin_filename, baseline=recorded, skipped=skipped, force_exclude=o.force_exclude,
            jobs=1 if o.write_baseline else o.jobs,  # a baseline is written from every result's data and secrets
            documents=_report_reads_documents(o, stdout),
        )
    except (InputPathError, SettingsError) as exc:
        fail_usage(str(exc))
    if o.write_baseline:
        _write_baseline(o.write_baseline, list(results), stderr)
        sys.exit(0)
    status = _report(results, paths, skipped, o, stdout, stderr)
    sys.exit(0 if o.exit_zero and status == 1 else status)


def _report_reads_documents(o: SimpleNamespace, stdout: TextIO) -> bool:
    """Whether the report will read the results' documents: a worker then sends them back."""
    from provlint.cli.output import reads_documents

    return reads_documents(o.statistics, o.output_format, dict(os.environ), None if o.output_file else stdout)


def _report(results, paths, skipped, o: SimpleNamespace, stdout: TextIO, stderr: TextIO) -> int:
    """Report each result as it comes and let go of it (its text, data and secret map), so a
    run's memory does not grow with its files; returns the exit status."""
    from provlint.cli.output import choose_format, start_reporter

    process_environment = dict(os.environ)  # not --env-file: that one resolves env.NAME references
    first = next(results, None)
    if first is None:
        from provlint.reporters.base import relative_path
        from provlint.secrets import escape_control

        named = ", ".join(relative_path(p, os.getcwd()) for p in paths)  # shown as every format shows paths
        echo(escape_control(f"provlint: no Bifrost files found under {named}"), stderr)
    counts = SummaryCounts()
    status = 0
    with output_stream(o.output_file, stdout) as stream:
        name = "statistics" if o.statistics else choose_format(o.output_format, process_environment, stream)
        reporter = start_reporter(name, stream, quiet=o.quiet, no_color=o.no_color, environment=process_environment)
        for result in itertools.chain(() if first is None else (first,), results):
            reporter.file(result)
            counts.add(result)
            status = max(status, result_status(result))
        first = result = None
        reporter.finish(counts.summary(files_skipped=len(skipped)))
    return status


def _read_baseline(path):
    from provlint.baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as exc:
        fail_usage(str(exc))


def _write_baseline(path, results, stderr: TextIO) -> None:
    from provlint.baseline import baseline_folder, entry_for, write_baseline

    base = baseline_folder(path)
    entries = [entry_for(d, r.data, base, r.secrets) for r in results for d in r.diagnostics]
    try:
        write_baseline(path, entries)
    except OSError as exc:
        fail_usage(f"cannot write baseline {path}: {exc.strerror or exc}")
    from provlint.secrets import escape_control

    echo(escape_control(f"provlint: recorded {len(entries)} finding{'s' if len(entries) != 1 else ''} in {path}"), stderr)
