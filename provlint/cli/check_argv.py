"""``provlint check``'s usual argv, read without click.

Importing click costs a one-file run about a quarter of its time, and the argv pre-commit and
CI pass (``check --isolated --select ALL --output-format concise a.json``) needs none of it.
``parse_check_argv`` reads the options of ``check_options.CHECK_OPTIONS`` and returns exactly
the parameters click would give the check command, or None ("declined") for anything it cannot
read exactly as click would: help, an unknown or misspelt option, a flag given a value, a
missing value, a value click would refuse (a bad choice, a folder for a file, a count it would
not read as an integer), anything shaped like an option where a value or a path is expected, a
byte string click's path check would raise on, or shell completion. A declined argv goes whole
to click, which prints today's help and today's messages with today's exit codes.
"""

from __future__ import annotations

import os
import stat

from provlint.cli.check_options import CHECK_OPTIONS, CHOICE, COUNT, FILE, FLAG, MULTIPLE, PATHS, CheckOption

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, Optional, Sequence

# click answers shell completion instead of running a command when _{PROG_NAME}_COMPLETE is set.
COMPLETION_VARIABLE = "_PROVLINT_COMPLETE"
_MAX_COUNT_DIGITS = 18  # int() of longer strings may be refused (sys.set_int_max_str_digits): leave them to click

_BY_FLAG = {flag: option for option in CHECK_OPTIONS for flag in option.flags}


def parse_check_argv(args: Sequence[str], environment: Mapping[str, str]) -> Optional[dict[str, Any]]:
    """The check command's parameters for ``args`` (what follows ``check``), as click's
    ``ctx.params`` holds them, or None where this reader would not be exactly click."""
    if environment.get(COMPLETION_VARIABLE):
        return None
    params: dict[str, Any] = {option.name: option.default for option in CHECK_OPTIONS}
    paths: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":  # click reads everything after it as a path, options too
            paths.extend(args[index:])
            break
        if not _looks_like_option(arg):  # `-` (standard input) is a path to click too
            paths.append(arg)
            continue
        name, equals, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = _BY_FLAG.get(name)
        if option is None:
            return None
        if option.kind == FLAG:
            if equals:
                return None  # click: "Option '--x' does not take a value."
            params[option.name] = True
            continue
        if equals:
            raw = attached
        elif index < len(args) and not _looks_like_option(args[index]):
            raw = args[index]
            index += 1
        else:
            return None  # a missing value, or an option where the value should be: click decides
        value = _converted(option, raw)
        if value is None:
            return None
        params[option.name] = params[option.name] + (value,) if option.kind == MULTIPLE else value
    if not all(_path_click_accepts(path) for path in paths):
        return None
    params[PATHS] = tuple(paths)
    return params


def _looks_like_option(arg: str) -> bool:
    """What click's parser tries to read as an option: a dash and at least one more character."""
    return arg[:1] == "-" and len(arg) > 1


def _converted(option: CheckOption, raw: str):
    """``raw`` as click's type for the option converts it, or None where click would refuse it
    (or where this reader cannot be sure it would not)."""
    if option.values == CHOICE:
        return raw if raw in option.choices() else None
    if option.values == COUNT:  # click.IntRange(min=0): int(raw); ASCII digits are read the same by both
        return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= _MAX_COUNT_DIGITS else None
    if option.values == FILE:
        return raw if _file_click_accepts(raw) else None
    return raw


def _file_click_accepts(value: str) -> bool:
    """click.Path(dir_okay=False) (readable by default): a missing file passes; an existing one
    must not be a folder and must be readable."""
    if not _path_click_accepts(value):
        return False
    try:
        status = os.stat(value)
    except OSError:
        return True
    return not stat.S_ISDIR(status.st_mode) and os.access(value, os.R_OK)


def _path_click_accepts(value: str) -> bool:
    """click.Path stats every path, and os.stat raises (not OSError: ValueError) on a NUL byte
    or a string the file system encoding cannot encode; click then fails with a traceback of
    its own. Those are left to click."""
    try:
        return b"\0" not in os.fsencode(value)
    except (UnicodeError, TypeError):
        return False
