"""Helpers shared by the subcommands."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, NoReturn, Optional, TextIO


def echo(text: str, stream: Optional[TextIO], *, nl: bool = True) -> None:
    """Write ``text`` (and a line break) as ``click.echo`` writes it, without importing click
    for the usual line. click.echo changes a text only where it holds an escape sequence (it
    strips styles off a terminal) or characters beyond ASCII (it re-encodes a misconfigured
    ASCII standard stream): such a text is handed to click.echo itself, so either way of
    running ``check`` prints the same bytes."""
    if stream is None:  # no standard stream at all (pythonw): click.echo writes nothing either
        return
    if text.isascii() and "\x1b" not in text:
        stream.write(text + "\n" if nl else text)
        stream.flush()
        return
    import click

    if stream is sys.stdout or stream is sys.stderr:  # click's own view of the standard streams
        click.echo(text, nl=nl, err=stream is sys.stderr)
    else:
        click.echo(text, file=stream, nl=nl)


def fail_usage(message: str) -> NoReturn:
    """One line, whatever the message holds: a path with a newline or an escape sequence
    cannot forge a second ``provlint: error:`` line or drive the terminal."""
    from provlint.secrets import escape_control

    echo(f"provlint: error: {escape_control(message)}", sys.stderr)
    sys.exit(2)


class output_stream:
    """``with output_stream(path, stdout) as stream``: ``stdout`` (sys.stdout unless given), or
    a file written whole (provlint.atomic_write): a crash never leaves half a report behind, and
    ``-o /dev/null`` or ``-o /dev/stdout`` is written to, never replaced. A class, not
    ``contextlib.contextmanager``: a lint run never imports contextlib (0.3 ms)."""

    def __init__(self, path: Optional[str], stdout: Optional[TextIO] = None) -> None:
        self.path = path
        self.stream = sys.stdout if stdout is None else stdout
        self.buffer = None

    def __enter__(self) -> TextIO:
        if not self.path:
            return self.stream
        import io

        self.buffer = io.StringIO()
        return self.buffer

    def __exit__(self, exc_type, exc, traceback) -> bool:
        if exc_type is not None:
            return False  # nothing is written after a failure: the exception goes on
        if self.buffer is None:
            self.stream.flush()
            return False
        from provlint.atomic_write import write_text

        try:
            write_text(self.path, self.buffer.getvalue())
        except OSError as exc:
            fail_usage(f"cannot write {self.path}: {exc.strerror or exc}")
        return False


def environment_from(env_file: Optional[str]) -> dict[str, str]:
    """What env.NAME references resolve against: --env-file, else the process environment."""
    import os

    if not env_file:
        return dict(os.environ)
    from provlint.envfile import EnvFileError, read_env_file

    try:
        return read_env_file(env_file)
    except EnvFileError as exc:
        fail_usage(str(exc))


def standard_input() -> BinaryIO:
    """The bytes of standard input; a closed one (``provlint check - <&-``) is a usage error."""
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", True) or not hasattr(stream, "buffer"):
        fail_usage("standard input is closed; `-` reads the input from it")
    return stream.buffer
