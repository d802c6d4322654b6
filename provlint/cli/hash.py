"""``provlint hash``: the ``config_hash`` of every provider in config files and API payloads."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Optional

import click

from provlint.catalog import DEFAULT_TARGET_VERSION, available_versions, load_catalog
from provlint.cli.common import environment_from, fail_usage, standard_input
from provlint.discovery import (
    DEFAULT_MAX_FILE_MIB, STDIN, InputPathError, input_files, may_be_bifrost, read_limited, read_regular_file,
)
from provlint.hashing import (
    ALGORITHMS,
    BIFROST,
    HashResult,
    available_algorithms,
    config_hash,
    unavailable_reason,
)
from provlint.source import Format, load_bytes
from provlint.source.document import DocumentKind

BOTH = "both"
JSON_FORMAT_VERSION = 1
# A lone surrogate (from a `\\ud800` escape in the file, or an undecodable file name) cannot be
# printed as UTF-8: it is shown as that escape, which is also valid inside a JSON string.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Row:
    """One provider under one algorithm."""

    file: str
    provider: Optional[str]
    pointer: str  # of the provider entry in the file
    kind: DocumentKind
    result: HashResult
    stated: Optional[str] = None  # the entry's own config_hash, if it has one

    @property
    def reason_pointer(self) -> Optional[str]:
        return None if self.result.ok else self.pointer + self.result.pointer

    @property
    def matches(self) -> Optional[bool]:
        if self.result.algorithm != BIFROST or self.stated is None or not self.result.ok:
            return None
        return self.stated == self.result.value


@dataclass
class Report:
    target: str
    requested: str
    algorithms: tuple[str, ...]
    unavailable: list[tuple[str, str]]
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


@click.command("hash")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--provider", default=None, metavar="ID",
              help="Hash only this provider (ids compare in lower case, as Bifrost stores them); also the "
              "provider of a bare update-provider body, which names it only in the URL.")
@click.option("--algorithm", type=click.Choice([*ALGORITHMS, BOTH]), default=BOTH, show_default=True,
              help="bifrost: the value Bifrost computes (target 2.0); canonical: provlint's stable hash "
              "of the effective settings (target 1.5); both: every one the target line has.")
@click.option("--target-version", type=click.Choice(available_versions()), default=DEFAULT_TARGET_VERSION,
              show_default=True, help="The Bifrost line whose hash to compute.")
@click.option("--env-file", default=None, metavar="FILE",
              help="Resolve env.NAME references (bifrost algorithm) from this dotenv file instead of the environment.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def hash_command(paths, provider, algorithm, target_version, env_file, output_format) -> None:
    """Print the config_hash of every provider in PATHS.

    PATHS are config files, add-provider bodies, provider responses and update-provider
    bodies (JSON or YAML), folders (walked for those) or `-` (JSON on standard input); with
    no PATHS the current folder is walked. One row per provider and algorithm; a provider
    that could not be loaded gets no hash and the reason. Exit 0 when every provider has a
    hash, 1 when one has not, 2 on a usage error.
    """
    catalog = load_catalog(target_version)
    report = _plan(catalog, algorithm)
    if algorithm != BOTH and algorithm not in report.algorithms:
        (reason,) = [r for a, r in report.unavailable if a == algorithm]
        others = " and ".join(report.algorithms) or "no other"
        click.echo(f"provlint: note: {reason}; giving the {others} hash instead", err=True)
    environment = environment_from(env_file) if env_file or BIFROST in report.algorithms else {}
    try:
        files = input_files(list(paths) or ["."])
    except InputPathError as exc:
        fail_usage(str(exc))
    for item in files:
        _hash_file(item.path, item.explicit, report, catalog, provider, environment)
    if provider and not report.rows and not report.errors:
        fail_usage(f"no provider `{provider}` in the given files")
    if output_format == "json":
        click.echo(_lone_surrogates_escaped(json.dumps(_as_json(report), indent=2, ensure_ascii=False)))
    else:
        _print_text(report)
    failed = report.errors or any(not row.result.ok for row in report.rows)
    sys.exit(1 if failed else 0)


def _plan(catalog, algorithm: str) -> Report:
    requested = ALGORITHMS if algorithm == BOTH else (algorithm,)
    unavailable = [(a, unavailable_reason(a, catalog)) for a in ALGORITHMS if unavailable_reason(a, catalog)]
    chosen = tuple(a for a in requested if unavailable_reason(a, catalog) is None)
    if not chosen:
        # HASHING.md: asked for an algorithm the line does not have, say so and give the other.
        chosen = available_algorithms(catalog)
    return Report(catalog.version, algorithm, chosen, unavailable)


def _hash_file(path, explicit, report: Report, catalog, provider, environment) -> None:
    from provlint.hashing.documents import document_kind, provider_entries

    shown = "<stdin>" if path == STDIN else path
    try:
        raw = read_limited(standard_input(), DEFAULT_MAX_FILE_MIB << 20) if path == STDIN else read_regular_file(path)
    except OSError as exc:
        report.errors.append((shown, f"cannot read the file: {exc.strerror or exc}"))
        return
    doc = load_bytes(raw, path, Format.JSON if path == STDIN else None)
    if not doc.ok:
        if explicit or may_be_bifrost(raw, catalog.settings_fields):
            where = doc.error.span.start
            report.errors.append((shown, f"cannot parse ({where.line}:{where.column}): {doc.error.message}"))
        return
    kind = document_kind(doc.data, catalog)
    if kind is DocumentKind.UNKNOWN:
        if explicit:
            report.errors.append((shown, "not a Bifrost config file, provider request or provider response"))
        return
    for entry in provider_entries(doc.data, kind, provider):
        stated = entry.settings.get("config_hash") if isinstance(entry.settings, dict) else None
        for algorithm in report.algorithms:
            if entry.problem:
                result = HashResult(entry.provider, algorithm, catalog.version, reason=entry.problem)
            else:
                result = config_hash(entry.provider, entry.settings, algorithm=algorithm, catalog=catalog,
                                     environment=environment, kind=entry.kind)
            report.rows.append(Row(shown, entry.provider, entry.pointer, kind, result,
                                   stated if isinstance(stated, str) and stated else None))


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
