"""``provlint check`` (alias ``lint``)."""

from __future__ import annotations

import itertools
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from provlint.catalog import DEFAULT_TARGET_VERSION, available_versions
from provlint.cli.common import environment_from, fail_usage, output_stream, standard_input
from provlint.discovery import InputPathError
from provlint.engine import result_status
from provlint.reporters import REPORTERS
from provlint.reporters.base import SummaryCounts
from provlint.runner import SettingsResolver, iter_lint_paths
from provlint.settings import SettingsError
from provlint.source.document import DocumentKind

KINDS = [k.value for k in DocumentKind if k is not DocumentKind.UNKNOWN]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: a finding, not a usage error
@click.option("--output-format", type=click.Choice(sorted(REPORTERS)), default=None,
              help="How to print findings [default: ${PROVLINT_OUTPUT_FORMAT}, else github under GitHub Actions, "
                   "full on a terminal, concise otherwise].")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--stdin-filename", default=None, help="The name to report for input read from `-`.")
@click.option("--force-exclude", is_flag=True,
              help="Judge named files as a folder walk does: skip those the settings exclude and those of no Bifrost shape, in silence (for pre-commit).")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Lint every input as this document kind.")
@click.option("--target-version", default=None,
              help=f"The Bifrost line to check against ({', '.join(available_versions())}), or a release such as v2.2.5 [default: {DEFAULT_TARGET_VERSION}].")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes like PL3, names, ALL); replaces the settings file's.")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="The lowest severity that makes the run fail [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the run.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings (--output-format statistics).")
@click.option("--no-color", is_flag=True, help="No colours, even on a terminal (so does a non-empty NO_COLOR).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Use this settings file for every input.")
@click.option("--isolated", is_flag=True, help="Ignore all settings files.")
@click.option("--show-settings", is_flag=True, help="Print the settings in force for the first path and exit.")
@click.option("--env-file", type=click.Path(dir_okay=False), default=None,
              help="Resolve env.NAME references from this dotenv file instead of the environment.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, help="Record the current findings in this file and exit 0.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left (from `-`: print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (implies --fix).")
@click.option("--diff", is_flag=True, help="Print a diff of what --fix would change, write nothing; exit 1 if there is something.")
@click.option("--fix-only", is_flag=True, help="Apply fixes and report nothing else.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=False,
              help="Processes that lint a long run (200 files or more) [default: 0, one per core; 1: this process alone].")
def check(paths, output_format, output_file, stdin_filename, force_exclude, kind, target_version, select, extend_select, ignore,
          fail_level, exit_zero, statistics, no_color, quiet, config_file, isolated, show_settings, env_file, baseline,
          write_baseline, fix, unsafe_fixes, diff, fix_only, jobs) -> None:
    """Lint Bifrost config files and provider API payloads (JSON or YAML).

    PATHS are files, folders (walked for *.json, *.yaml, *.yml that look like Bifrost
    configs) or `-` for standard input. With no PATHS the current folder is walked.
    """
    if config_file and isolated:
        fail_usage("--config and --isolated exclude each other")
    if config_file and not os.path.exists(config_file):
        fail_usage(f"settings file does not exist: {config_file}")  # a FIFO or device: refused when read
    if baseline and write_baseline:
        fail_usage("--baseline and --write-baseline exclude each other; use --write-baseline alone to refresh a baseline")
    if stdin_filename and "-" not in paths:
        fail_usage("--stdin-filename names standard input: pass `-` among the PATHS to read it")
    paths = list(paths) or ["."]
    resolver = SettingsResolver(
        config_file=Path(config_file) if config_file else None,
        isolated=isolated,
        overrides=dict(target_version=target_version, select=select, extend_select=extend_select,
                       ignore=ignore, fail_level=fail_level),
    )
    try:
        if show_settings:
            from provlint.cli.show_settings import render_settings

            shown = (stdin_filename or paths[0]) if paths[0] == "-" else paths[0]
            click.echo(render_settings(resolver.for_path(shown), shown), nl=False)
            sys.exit(0)
        environment = environment_from(env_file)
        recorded = _read_baseline(baseline) if baseline else None
        if fix or unsafe_fixes or diff or fix_only:
            from provlint.cli.fix import run_fixes

            fixed_status = run_fixes(paths, unsafe=unsafe_fixes, diff=diff, only=fix_only, quiet=quiet, lint_args=dict(
                resolver=resolver, kind=DocumentKind(kind) if kind else None, environment=environment,
                now=datetime.now(timezone.utc), stdin=standard_input() if "-" in paths else None, stdin_filename=stdin_filename, baseline=recorded))
            if fixed_status is not None:
                sys.exit(fixed_status)
        skipped: list[str] = []
        # Usage errors (a missing path, bad settings) are raised here, before anything is linted.
        results = iter_lint_paths(
            paths, resolver=resolver, kind=DocumentKind(kind) if kind else None, environment=environment,
            now=datetime.now(timezone.utc), stdin=standard_input() if "-" in paths else None,
            stdin_filename=stdin_filename, baseline=recorded, skipped=skipped, force_exclude=force_exclude,
            jobs=1 if write_baseline else jobs,  # a baseline is written from every result's data and secrets
        )
    except (InputPathError, SettingsError) as exc:
        fail_usage(str(exc))
    if write_baseline:
        _write_baseline(write_baseline, list(results))
        sys.exit(0)
    status = _report(results, paths, skipped, output_format, output_file, statistics, quiet, no_color)
    sys.exit(0 if exit_zero and status == 1 else status)


def _report(results, paths, skipped, output_format, output_file, statistics, quiet, no_color) -> int:
    """Report each result as it comes and let go of it (its text, data and secret map), so a
    run's memory does not grow with its files; returns the exit status."""
    from provlint.cli.output import choose_format, start_reporter

    process_environment = dict(os.environ)  # not --env-file: that one resolves env.NAME references
    first = next(results, None)
    if first is None:
        from provlint.reporters.base import relative_path
        from provlint.secrets import escape_control

        named = ", ".join(relative_path(p, os.getcwd()) for p in paths)  # shown as every format shows paths
        click.echo(escape_control(f"provlint: no Bifrost files found under {named}"), err=True)
    counts = SummaryCounts()
    status = 0
    with output_stream(output_file) as stream:
        name = "statistics" if statistics else choose_format(output_format, process_environment, stream)
        reporter = start_reporter(name, stream, quiet=quiet, no_color=no_color, environment=process_environment)
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


def _write_baseline(path, results) -> None:
    from provlint.baseline import baseline_folder, entry_for, write_baseline

    base = baseline_folder(path)
    entries = [entry_for(d, r.data, base, r.secrets) for r in results for d in r.diagnostics]
    try:
        write_baseline(path, entries)
    except OSError as exc:
        fail_usage(f"cannot write baseline {path}: {exc.strerror or exc}")
    from provlint.secrets import escape_control

    click.echo(escape_control(f"provlint: recorded {len(entries)} finding{'s' if len(entries) != 1 else ''} in {path}"), err=True)

