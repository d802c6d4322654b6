"""``--env-file``: dotenv files (``NAME=value``, double-quoted values with backslash escapes)."""

from __future__ import annotations


class EnvFileError(ValueError):
    """The env file cannot be read."""


def read_env_file(path: str) -> dict[str, str]:
    # python-dotenv parses the format (quotes, escapes, `export`, comments); interpolation is off
    # because Bifrost resolves `env.NAME` against the literal environment, never `${...}`.
    from dotenv import dotenv_values

    try:
        with open(path, encoding="utf-8") as handle:
            values = dotenv_values(stream=handle, interpolate=False)
    except (OSError, UnicodeDecodeError) as exc:
        raise EnvFileError(f"cannot read env file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return {name: value or "" for name, value in values.items()}
