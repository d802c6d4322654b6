"""Helpers shared by the subcommands."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator, NoReturn, Optional, TextIO

import click


def fail_usage(message: str) -> NoReturn:
    """One line, whatever the message holds: a path with a newline or an escape sequence
    cannot forge a second ``provlint: error:`` line or drive the terminal."""
    from provlint.secrets import escape_control

    click.echo(f"provlint: error: {escape_control(message)}", err=True)
    sys.exit(2)


@contextlib.contextmanager
def output_stream(path: Optional[str]) -> Iterator[TextIO]:
    """stdout, or a file written whole: a crash never leaves half a report behind."""
    if not path:
        yield sys.stdout
        sys.stdout.flush()
        return
    import io
    import os

    buffer = io.StringIO()
    yield buffer
    temporary = f"{path}.tmp-{os.getpid()}"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(buffer.getvalue())
        os.replace(temporary, path)
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
