"""Helpers shared by the subcommands."""

from __future__ import annotations

import contextlib
import sys
from typing import BinaryIO, Iterator, NoReturn, Optional, TextIO

import click


def fail_usage(message: str) -> NoReturn:
    """One line, whatever the message holds: a path with a newline or an escape sequence
    cannot forge a second ``provlint: error:`` line or drive the terminal."""
    from provlint.secrets import escape_control

    click.echo(f"provlint: error: {escape_control(message)}", err=True)
    sys.exit(2)


@contextlib.contextmanager
def output_stream(path: Optional[str]) -> Iterator[TextIO]:
    """stdout, or a file written whole (provlint.atomic_write): a crash never leaves half a
    report behind, and ``-o /dev/null`` or ``-o /dev/stdout`` is written to, never replaced."""
    if not path:
        yield sys.stdout
        sys.stdout.flush()
        return
    import io

    from provlint.atomic_write import write_text

    buffer = io.StringIO()
    yield buffer
    try:
        write_text(path, buffer.getvalue())
    except OSError as exc:
        fail_usage(f"cannot write {path}: {exc.strerror or exc}")


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
