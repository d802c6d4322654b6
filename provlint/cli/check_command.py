"""The click command of ``provlint check``, built from ``check_options.CHECK_OPTIONS``: what
help shows and how click reads an argv come from the same table as the argv reader that the
usual run takes (``check_argv``)."""

from __future__ import annotations

import sys

import click

from provlint.cli.check_options import CHECK_HELP, CHECK_OPTIONS, CHOICE, COUNT, FILE, FLAG, MULTIPLE, PATHS, CheckOption


def _click_option(option: CheckOption) -> click.Option:
    settings: dict = {"help": option.help_text()}
    if option.kind == FLAG:
        settings["is_flag"] = True
    elif option.kind == MULTIPLE:
        settings["multiple"] = True
    else:
        settings["default"] = option.default
    if option.values == CHOICE:
        settings["type"] = click.Choice(option.choices())
    elif option.values == FILE:
        settings["type"] = click.Path(dir_okay=False)
    elif option.values == COUNT:
        settings.update(type=click.IntRange(min=0), show_default=False)
    return click.Option([*option.flags, option.name], **settings)


def _run(**params) -> None:
    from provlint.cli.check import run_check

    run_check(params, sys.stdout, sys.stderr)


check = click.Command(
    "check",
    callback=_run,
    # unreadable: a finding, not a usage error
    params=[click.Argument([PATHS], nargs=-1, type=click.Path(readable=False)), *map(_click_option, CHECK_OPTIONS)],
    help=CHECK_HELP,
)
