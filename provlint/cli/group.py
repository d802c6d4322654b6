"""The ``provlint`` click group: help, version, and every subcommand but the usual ``check``
run (which ``provlint.cli.main`` runs without click when it can)."""

from __future__ import annotations

import click

from provlint import __version__
from provlint.cli import SUBCOMMANDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


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
