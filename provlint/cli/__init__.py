"""The command line: the only part of provlint that imports click or exits."""

from __future__ import annotations

import sys
from typing import Optional, Sequence

import click

from provlint import __version__

# Subcommand -> "module:attribute". A subcommand's module is imported only when it runs (or for
# --help), so `provlint check` inside `git commit` never pays for hashing or schema code.
SUBCOMMANDS = {
    "check": "provlint.cli.check:check",
    "lint": "provlint.cli.check:check",
    "rule": "provlint.cli.rules:rule_command",
    "rules": "provlint.cli.rules:rules_command",
    "hash": "provlint.cli.hash:hash_command",
    "schema": "provlint.cli.schema:schema_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name in SUBCOMMANDS or name.startswith("-"):
            return super().resolve_command(ctx, args)
        from provlint.suggest import closest

        close = closest(name, SUBCOMMANDS)
        hint = f" Did you mean `{close}`?" if close else f" Commands: {', '.join(sorted(SUBCOMMANDS))}."
        ctx.fail(f"No such command `{name}`.{hint}")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole first line: click would cut it at 45 characters."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            first = (command.help or "").strip().split("\n\n")[0]
            rows.append((name, " ".join(first.split())))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        if name not in SUBCOMMANDS:
            return None
        import importlib

        module_name, attribute = SUBCOMMANDS[name].split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="provlint")
def cli() -> None:
    """Lint and validate Bifrost LLM gateway provider configuration."""


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Console entry point: usage errors exit 2 (click), and so does anything unexpected."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="provlint")
    except BrokenPipeError:
        # The reader (``| head``) went away; nothing left to say.
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        from provlint.secrets import escape_control

        click.echo(escape_control(f"provlint: internal error: {type(exc).__name__}: {exc}"), err=True)
        sys.exit(2)
