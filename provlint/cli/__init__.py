"""The command line: the only part of provlint that imports click or exits."""

from __future__ import annotations

import sys
from typing import Optional, Sequence

import click

from provlint import __version__
from provlint.cli.check import check
from provlint.cli.hash import hash_command
from provlint.cli.rules import rule_command, rules_command
from provlint.cli.schema import schema_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="provlint")
def cli() -> None:
    """Lint and validate Bifrost LLM gateway provider configuration."""


cli.add_command(check, "check")
cli.add_command(check, "lint")
cli.add_command(rule_command, "rule")
cli.add_command(rules_command, "rules")
cli.add_command(hash_command, "hash")
cli.add_command(schema_command, "schema")


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Console entry point: usage errors exit 2 (click), and so does anything unexpected."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="provlint")
    except BrokenPipeError:
        # The reader (``| head``) went away; nothing left to say.
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        click.echo(f"provlint: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
