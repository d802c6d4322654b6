"""``provlint check`` (alias ``lint``)."""

from __future__ import annotations

import sys

import click

from provlint.catalog import DEFAULT_TARGET_VERSION, lintable_versions
from provlint.discovery import InputPathError
from provlint.engine import LintOptions, worst_severity
from provlint.findings import Severity
from provlint.reporters import REPORTERS, make_reporter
from provlint.runner import lint_paths
from provlint.source.document import DocumentKind

KINDS = [k.value for k in DocumentKind if k is not DocumentKind.UNKNOWN]


def usage_error(message: str) -> "NoReturn":  # type: ignore[name-defined]
    click.echo(f"provlint: error: {message}", err=True)
    sys.exit(2)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output-format", type=click.Choice(sorted(REPORTERS)), default=None,
              help="How to print findings (default: full on a terminal, concise otherwise).")
@click.option("--stdin-filename", default=None, help="The name to report for input read from `-`.")
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Lint every input as this document kind instead of detecting it.")
@click.option("--target-version", type=click.Choice(lintable_versions()), default=DEFAULT_TARGET_VERSION,
              show_default=True, help="The Bifrost line to check against.")
def check(paths, output_format, stdin_filename, kind, target_version) -> None:
    """Lint Bifrost config files and provider API payloads (JSON or YAML).

    PATHS are files, folders (walked for *.json, *.yaml, *.yml that look like Bifrost
    configs) or `-` for standard input. With no PATHS the current folder is walked.
    """
    options = LintOptions(target_version=target_version, kind=DocumentKind(kind) if kind else None)
    try:
        results = lint_paths(paths or ["."], options, stdin=sys.stdin.buffer, stdin_filename=stdin_filename)
    except InputPathError as exc:
        usage_error(str(exc))
    results.sort(key=lambda r: r.path)
    if output_format is None:
        output_format = "full" if sys.stdout.isatty() else "concise"
    reporter = make_reporter(output_format, sys.stdout)
    reporter.start()
    for result in results:
        reporter.file(result)
    reporter.finish(results)
    sys.stdout.flush()
    sys.exit(1 if worst_severity(results) is Severity.ERROR else 0)
