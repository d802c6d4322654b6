"""The command line: the only part of provlint that imports click or exits.

click is the framework of every command, but the usual run, ``provlint check`` from pre-commit
or CI, is read by ``check_argv`` from the same option table and run without importing click (a
quarter of a one-file run); whatever that reader declines goes to click (``group.cli``).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, NoReturn, Optional, Sequence

    import click

CHECK_COMMAND = "provlint.cli.check_command:check"

# Subcommand -> "module:attribute". A subcommand's module is imported only when it runs (or for
# --help), so `provlint check` inside `git commit` never pays for hashing or schema code.
SUBCOMMANDS = {
    "check": CHECK_COMMAND,
    "lint": CHECK_COMMAND,
    "rule": "provlint.cli.rules:rule_command",
    "rules": "provlint.cli.rules:rules_command",
    "hash": "provlint.cli.hash:hash_command",
    "schema": "provlint.cli.schema:schema_command",
}


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Console entry point; exit codes are README's (see run_with_exit_codes)."""
    import os

    args = list(argv) if argv is not None else sys.argv[1:]
    if args and SUBCOMMANDS.get(args[0]) == CHECK_COMMAND:
        from provlint.cli.check_argv import parse_check_argv

        params = parse_check_argv(args[1:], os.environ)
        if params is not None:
            _run_guarded(lambda: _run_check_without_click(params))  # exits
    from provlint.cli.group import cli

    run_with_exit_codes(cli, args)


def run() -> NoReturn:
    """The process's entry (the ``provlint`` script, ``python -m provlint``): ``main()``, then
    the process ends as soon as its output is out. The interpreter's teardown (freeing every
    module and object one by one) would add about a tenth to a one-file run, and nothing of
    provlint waits for it: files are written and closed, worker processes reaped, by then.
    ``main()`` itself raises SystemExit, as a caller in the same process expects."""
    try:
        main()
    except SystemExit as ending:
        if not isinstance(ending.code, (int, type(None))) or _something_waits_for_the_end():
            raise  # a message to print, a profiler or coverage to write: the interpreter's way
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except BaseException:  # noqa: BLE001 - the interpreter reports a failed flush as usual
            raise ending from None
        import os

        os._exit(ending.code or 0)


def _something_waits_for_the_end() -> bool:
    """A tracer or profiler (coverage, cProfile) or an atexit handler that would write when the
    interpreter ends; where atexit cannot say (not CPython), assume one does."""
    import atexit

    callbacks = getattr(atexit, "_ncallbacks", None)
    return sys.gettrace() is not None or sys.getprofile() is not None or callbacks is None or callbacks() > 0


def __getattr__(name: str):
    """``provlint.cli.cli``, the click group, imported (with click) only when asked for."""
    if name == "cli":
        from provlint.cli.group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Exit codes besides 0 (clean), 1 (findings) and 2 (usage error): README, "Exit codes".
INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a process SIGPIPE ended


def run_with_exit_codes(command: "click.Command", argv: Optional[Sequence[str]]) -> NoReturn:
    """Run ``command`` so that every ending says what happened.

    - A closed pipe (``provlint check . | head -1``) ends the process by SIGPIPE, quietly, as
      every Unix tool does (the shell sees 141), never 1 (the code for findings).
    - Ctrl-C ends with 130 and one line.
    - A click usage error is one line, ``provlint: error: ...``, exit 2; so is a bare
      ``provlint`` (it names the commands).
    - Anything unexpected is one line and exit 2, never a traceback.
    """
    args = list(argv) if argv is not None else sys.argv[1:]

    def run():
        import click

        from provlint.cli.common import fail_usage

        if not args:
            fail_usage(f"missing command ({', '.join(sorted(SUBCOMMANDS))}); run `provlint --help` for help")
        try:
            return command.main(args=args, prog_name="provlint", standalone_mode=False)
        except click.exceptions.Abort:  # click's Ctrl-C (it has ended the ^C line)
            _interrupted()
        except click.UsageError as exc:
            fail_usage(exc.format_message().rstrip(".") + f" (see `{_command_path(exc, args)} --help`)")
        except click.ClickException as exc:
            fail_usage(exc.format_message())

    _run_guarded(run)


def _run_check_without_click(params: dict) -> NoReturn:
    """``check`` with parameters click would have given it, ending as under click: click's
    ``Command.main`` ends the ``^C`` line of a Ctrl-C (or an EOFError) before it aborts."""
    try:
        from provlint.cli.check import run_check

        run_check(params, sys.stdout, sys.stderr)
    except (EOFError, KeyboardInterrupt):
        _say("")
        _interrupted()


def _run_guarded(run: Callable[[], object]) -> NoReturn:
    """The endings both ways of running a command share (see run_with_exit_codes)."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = run()
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        _quiet_after_broken_pipe()
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        from provlint.cli.common import echo
        from provlint.secrets import escape_control

        echo(escape_control(f"provlint: internal error: {type(exc).__name__}: {exc}"), sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _command_path(error: "click.UsageError", args: list[str]) -> str:
    if error.ctx is not None:
        return error.ctx.command_path
    # Some errors (a missing option value) are raised before click made the command's context.
    return f"provlint {args[0]}" if args and args[0] in SUBCOMMANDS else "provlint"


def _interrupted() -> NoReturn:
    _say("provlint: interrupted")
    sys.exit(INTERRUPTED)


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _quiet_after_broken_pipe() -> NoReturn:
    """Where SIGPIPE is not the default action (Windows has none): end as quietly, same code."""
    import os

    os._exit(CLOSED_PIPE)
