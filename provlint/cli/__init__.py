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
    """Console entry point; exit codes are README's (see run_with_exit_codes)."""
    run_with_exit_codes(cli, argv)


# Exit codes besides 0 (clean), 1 (findings) and 2 (usage error): README, "Exit codes".
INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a process SIGPIPE ended


def run_with_exit_codes(command: click.Command, argv: Optional[Sequence[str]]) -> None:
    """Run ``command`` so that every ending says what happened.

    - A closed pipe (``provlint check . | head -1``) ends the process by SIGPIPE, quietly, as
      every Unix tool does (the shell sees 141), never 1 (the code for findings).
    - Ctrl-C ends with 130 and one line.
    - A click usage error is one line, ``provlint: error: ...``, exit 2; so is a bare
      ``provlint`` (it names the commands).
    - Anything unexpected is one line and exit 2, never a traceback.
    """
    import signal

    from provlint.cli.common import fail_usage

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        if not args:
            fail_usage(f"missing command ({', '.join(sorted(SUBCOMMANDS))}); run `provlint --help` for help")
        code = command.main(args=args, prog_name="provlint", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _say("provlint: interrupted")
        sys.exit(INTERRUPTED)
    except click.UsageError as exc:
        fail_usage(exc.format_message().rstrip(".") + f" (see `{_command_path(exc, args)} --help`)")
    except click.ClickException as exc:
        fail_usage(exc.format_message())
    except BrokenPipeError:
        _quiet_after_broken_pipe()
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        from provlint.secrets import escape_control

        click.echo(escape_control(f"provlint: internal error: {type(exc).__name__}: {exc}"), err=True)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _command_path(error: click.UsageError, args: list[str]) -> str:
    if error.ctx is not None:
        return error.ctx.command_path
    # Some errors (a missing option value) are raised before click made the command's context.
    return f"provlint {args[0]}" if args and args[0] in SUBCOMMANDS else "provlint"


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")  # click has already ended the ^C line
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _quiet_after_broken_pipe() -> None:
    """Where SIGPIPE is not the default action (Windows has none): end as quietly, same code."""
    import os

    os._exit(CLOSED_PIPE)
