"""``provlint hash``: the ``config_hash`` of every provider in config files and API payloads."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from provlint.catalog import DEFAULT_TARGET_VERSION, available_versions, load_catalog
from provlint.cli.common import environment_from, fail_usage, standard_input
from provlint.discovery import InputPathError
from provlint.hashing import ALGORITHMS, BIFROST
from provlint.hashing.run import BOTH, Report, Row, hash_paths, plan
from provlint.runner import SettingsResolver
from provlint.settings import SettingsError

JSON_FORMAT_VERSION = 1
# A lone surrogate (from a `\\ud800` escape in the file, or an undecodable file name) cannot be
# printed as UTF-8: it is shown as that escape, which is also valid inside a JSON string.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@click.command("hash")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--provider", default=None, metavar="ID",
              help="Hash only this provider (ids compare in lower case, as Bifrost stores them); also the "
              "provider of a bare update-provider body, which names it only in the URL.")
@click.option("--algorithm", type=click.Choice([*ALGORITHMS, BOTH]), default=BOTH, show_default=True,
              help="bifrost: the value Bifrost computes (2.0, and 2.1/2.2 where its inputs are known); "
              "canonical: provlint's stable hash of the effective settings (every line); both: every one "
              "the target line has.")
@click.option("--target-version", default=None,
              help=f"The Bifrost line whose hash to compute ({', '.join(available_versions())}), or a release such as "
              f"v2.2.5 [default: the settings' target-version for the first path, as in check; else {DEFAULT_TARGET_VERSION}].")
@click.option("--env-file", default=None, metavar="FILE",
              help="Resolve env.NAME references (bifrost algorithm) from this dotenv file instead of the environment.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="One row a provider for a person, or JSON for a program.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this settings file for every input (its `roots`), as `check --config` does.")
@click.option("--isolated", is_flag=True, help="Ignore all settings files.")
def hash_command(paths, provider, algorithm, target_version, env_file, output_format, config_file, isolated) -> None:
    """Print the config_hash of every provider in PATHS.

    PATHS are config files, add-provider bodies, provider responses and update-provider
    bodies (JSON or YAML), folders (walked for those) or `-` (JSON on standard input); with
    no PATHS the current folder is walked. The settings' `roots` apply as in `check`: in a
    file they match, the providers are read at that pointer. One row per provider and
    algorithm; a provider that could not be loaded, or whose Bifrost hash is not known on the
    target line (it sets a field whose place in Bifrost's hash is unknown), gets no hash and
    the reason. Exit 0 when every row has a hash, 1 when one has not, 2 on a usage error.
    """
    if config_file and isolated:
        fail_usage("--config and --isolated exclude each other")
    if config_file and not Path(config_file).exists():
        fail_usage(f"settings file does not exist: {config_file}")
    # The settings files and `roots` are found and applied as `check` finds and applies them; the
    # line is the first path's, as `check --show-settings` shows it (one line per run: one table).
    resolver = SettingsResolver(config_file=Path(config_file) if config_file else None, isolated=isolated,
                                overrides=dict(target_version=target_version))
    try:
        catalog = load_catalog(resolver.for_path(next((p for p in paths if p != "-"), "-" if paths else ".")).target_version)
    except SettingsError as exc:
        fail_usage(str(exc))
    report = plan(catalog, algorithm)
    if algorithm != BOTH and algorithm not in report.algorithms:
        # Never another algorithm's value in its place: a script asked for this one (issue 11).
        (reason,) = [r for a, r in report.unavailable if a == algorithm]
        others = ", ".join(f"--algorithm {a}" for a in report.algorithms)
        fail_usage(f"{reason}" + (f"; {others} gives what target {catalog.version} has" if others else ""))
    environment = environment_from(env_file) if env_file or BIFROST in report.algorithms else {}
    try:
        hash_paths(paths, report, catalog, provider=provider, environment=environment,
                   stdin=standard_input() if "-" in paths else None,
                   root_for=lambda path: resolver.for_path(path).root_for(path))
    except (InputPathError, SettingsError) as exc:
        fail_usage(str(exc))
    if provider and not report.rows and not report.errors:
        fail_usage(f"no provider `{provider}` in the given files")
    if output_format == "json":
        click.echo(_lone_surrogates_escaped(json.dumps(_as_json(report), indent=2, ensure_ascii=False)))
    else:
        _print_text(report)
    sys.exit(1 if report.failed else 0)


def _print_text(report: Report) -> None:
    cells = [
        (row.file, row.provider if row.provider is not None else "-", row.result.algorithm, row.result.target,
         row.result.value if row.result.ok else f"no hash: {_where(row)}{row.result.reason}")
        for row in report.rows
    ]
    widths = [max((len(c[i]) for c in cells), default=0) for i in range(3)]
    for cell in cells:
        line = "  ".join([cell[0].ljust(widths[0]), cell[1].ljust(widths[1]), cell[2].ljust(widths[2]), cell[3], cell[4]])
        click.echo(_printable(line))
    for file, reason in report.errors:
        click.echo(_printable(f"provlint: {file}: {reason}"), err=True)


def _printable(text: str) -> str:
    """One row is one line: control characters (a newline in a provider id) are escaped too."""
    from provlint.reporters.concise import one_line

    return one_line(text)


def _lone_surrogates_escaped(text: str) -> str:
    # json.dumps already escapes control characters; a lone surrogate is all UTF-8 cannot print.
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _where(row: Row) -> str:
    return f"{row.reason_pointer}: " if row.reason_pointer else ""


def _as_json(report: Report) -> dict:
    return {
        "version": JSON_FORMAT_VERSION,
        "target_version": report.target,
        "requested_algorithm": report.requested,
        "algorithms": list(report.algorithms),
        "unavailable": [{"algorithm": a, "target_version": report.target, "reason": r} for a, r in report.unavailable],
        "hashes": [
            {
                "file": row.file,
                "provider": row.provider,
                "pointer": row.pointer,
                "kind": row.kind.value,
                "algorithm": row.result.algorithm,
                "target_version": row.result.target,
                "value": row.result.value,
                "reason": row.result.reason,
                "reason_pointer": row.reason_pointer,
                "environment": list(row.result.environment),
                "config_hash": row.stated,
                "matches": row.matches,
            }
            for row in report.rows
        ],
        "errors": [{"file": file, "reason": reason} for file, reason in report.errors],
    }
