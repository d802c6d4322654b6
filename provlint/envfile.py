"""``--env-file``: dotenv files (``NAME=value``, double-quoted values with backslash escapes)."""

from __future__ import annotations


_MAX_ENV_FILE_BYTES = 1024 * 1024


class EnvFileError(ValueError):
    """The env file cannot be read, or a line of it cannot be parsed."""


def read_env_file(path: str) -> dict[str, str]:
    """The variables of a dotenv file. A line that does not parse is an error, never skipped:
    a dropped variable would silently resolve to "" and change every hash and check using it."""
    # python-dotenv's parser handles quoting, escapes, `export` and comments; values are taken
    # literally (no ${...} interpolation), as Bifrost resolves env.NAME from the plain value.
    import io

    from dotenv.parser import parse_stream

    from provlint.discovery import open_regular_file, read_limited

    try:
        # A FIFO or device is refused before it is opened; a huge file stops at the limit.
        with open_regular_file(path) as handle:
            text = read_limited(handle, _MAX_ENV_FILE_BYTES).decode("utf-8")
        bindings = list(parse_stream(io.StringIO(text, newline=None)))  # as open() reads it
    except (OSError, UnicodeDecodeError) as exc:
        raise EnvFileError(f"cannot read env file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    values: dict[str, str] = {}
    for binding in bindings:
        if binding.error:
            raise EnvFileError(
                f"env file {path}, line {binding.original.line}: cannot parse it (an unclosed quote?)"
            )
        if binding.key is not None:
            values[binding.key] = binding.value or ""
    return values
