"""``provlint schema``: print, write or drift-check the generated JSON Schema and OpenAPI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from provlint.catalog import DEFAULT_TARGET_VERSION, lintable_versions
from provlint.cli.common import fail_usage

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


@click.command("schema")
@click.option("--write", "write_dir", type=click.Path(file_okay=False), default=None,
              help="Write every generated file to DIR/<version>/ (e.g. schemas/2.2/).")
@click.option("--check", "check_dir", type=click.Path(file_okay=False), default=None,
              help="Exit 1 with a summary when the files in DIR/<version>/ differ from what would be generated.")
@click.option("--openapi", "print_openapi", is_flag=True, help="Print the OpenAPI 3.1 fragment instead of the config.json schema.")
@click.option("--target-version", type=click.Choice(lintable_versions()), default=None,
              help=f"The Bifrost line [default: every line for --write/--check, {DEFAULT_TARGET_VERSION} for printing].")
def schema_command(write_dir: Optional[str], check_dir: Optional[str], print_openapi: bool,
                   target_version: Optional[str]) -> None:
    """Generate the JSON Schema and OpenAPI 3.1 fragment of Bifrost's provider configuration.

    Without --write or --check, print the JSON Schema of config.json (or, with --openapi, the
    OpenAPI fragment) to standard output. DIR is the folder that holds one folder per Bifrost
    line, such as the repository's `schemas/`.
    """
    if write_dir and check_dir:
        fail_usage("--write and --check exclude each other")
    if print_openapi and (write_dir or check_dir):
        fail_usage("--openapi prints the fragment; --write and --check handle every file, openapi.json included")
    from provlint import schema  # pydantic: only when this command runs

    versions = [target_version] if target_version else lintable_versions()
    if write_dir:
        try:
            for path in schema.write_folder(Path(write_dir), versions):
                click.echo(f"wrote {path}", err=True)
        except OSError as exc:
            fail_usage(f"cannot write schemas to {write_dir}: {exc.strerror or exc}")
        sys.exit(0)
    if check_dir:
        drift = schema.check_folder(Path(check_dir), versions)
        for item in drift:
            click.echo(item.summary(), err=True)
        if drift:
            click.echo(f"{len(drift)} generated schema file(s) out of date: run "
                       f"`provlint schema --write {check_dir}` (and delete files it does not write)", err=True)
            sys.exit(1)
        sys.exit(0)
    version = target_version or DEFAULT_TARGET_VERSION
    document = schema.openapi(version) if print_openapi else schema.json_schema(version)
    click.echo(schema.render_json(document), nl=False)
