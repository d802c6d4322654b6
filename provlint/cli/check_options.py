"""``provlint check``'s parameters, declared once as data.

Two readers share this table: ``provlint.cli.check`` builds the click command from it (help,
usage errors and every unusual spelling), and ``provlint.cli.check_argv`` parses the usual
argv (pre-commit's, CI's) from it without importing click. Nothing here imports click.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Optional, Sequence, Union

# What an option is on the command line.
FLAG = "flag"  # present or not: False by default, True when given
VALUE = "value"  # one value; given again, the last one wins
MULTIPLE = "multiple"  # every value given, in order, as a tuple

# What its values are (the click type the command is built with).
TEXT = "text"  # any string
FILE = "file"  # click.Path(dir_okay=False): refused when it names a folder or an unreadable file
CHOICE = "choice"  # click.Choice(choices), case-sensitive
COUNT = "count"  # click.IntRange(min=0)


class CheckOption:
    """One option: ``name`` is the check function's parameter, ``flags`` its spellings (the
    long one first, as help shows them). ``choices`` and ``help`` may be functions, so what
    needs an import (the reporters, the Bifrost lines) is read only by the reader that needs it."""

    __slots__ = ("name", "flags", "kind", "values", "choices", "default", "help")

    def __init__(self, name: str, flags: Sequence[str], kind: str, help: Union[str, Callable[[], str]], *,
                 values: str = TEXT, choices: Optional[Callable[[], Sequence[str]]] = None, default=None) -> None:
        self.name = name
        self.flags = tuple(flags)
        self.kind = kind
        self.values = values
        self.choices = choices
        self.default = False if kind == FLAG else () if kind == MULTIPLE else default
        self.help = help

    def help_text(self) -> str:
        return self.help() if callable(self.help) else self.help


# The positional parameter: files, folders or `-`, any number (click.Path(readable=False): an
# unreadable file is a finding, not a usage error).
PATHS = "paths"


def _output_formats() -> list[str]:
    from provlint.reporters import REPORTERS

    return sorted(REPORTERS)


def _kinds() -> list[str]:
    from provlint.source.document import DocumentKind

    return [k.value for k in DocumentKind if k is not DocumentKind.UNKNOWN]


def _target_version_help() -> str:
    from provlint.catalog import DEFAULT_TARGET_VERSION, available_versions

    return (f"The Bifrost line to check against ({', '.join(available_versions())}), or a release such as v2.2.5 "
            f"[default: {DEFAULT_TARGET_VERSION}].")


CHECK_OPTIONS = (
    CheckOption("output_format", ["--output-format"], VALUE, values=CHOICE, choices=_output_formats,
                help="How to print findings [default: ${PROVLINT_OUTPUT_FORMAT}, else github under GitHub Actions, "
                     "full on a terminal, concise otherwise]."),
    CheckOption("output_file", ["--output-file", "-o"], VALUE, values=FILE, help="Write the report to this file."),
    CheckOption("stdin_filename", ["--stdin-filename"], VALUE, help="The name to report for input read from `-`."),
    CheckOption("force_exclude", ["--force-exclude"], FLAG,
                help="Judge named files as a folder walk does: skip those the settings exclude and those of no "
                     "Bifrost shape, in silence (for pre-commit)."),
    CheckOption("kind", ["--kind"], VALUE, values=CHOICE, choices=_kinds, help="Lint every input as this document kind."),
    CheckOption("target_version", ["--target-version"], VALUE, help=_target_version_help),
    CheckOption("select", ["--select"], MULTIPLE,
                help="Rules to enable (codes, prefixes like PL3, names, ALL); replaces the settings file's."),
    CheckOption("extend_select", ["--extend-select"], MULTIPLE, help="Rules to enable on top of the selection."),
    CheckOption("ignore", ["--ignore"], MULTIPLE, help="Rules to disable."),
    CheckOption("fail_level", ["--fail-level"], VALUE, values=CHOICE, choices=lambda: ["error", "warning", "info"],
                help="The lowest severity that makes the run fail [default: error]."),
    CheckOption("exit_zero", ["--exit-zero"], FLAG, help="Exit 0 even when findings fail the run."),
    CheckOption("statistics", ["--statistics"], FLAG,
                help="Print the number of findings per rule instead of the findings (--output-format statistics)."),
    CheckOption("no_color", ["--no-color"], FLAG, help="No colours, even on a terminal (so does a non-empty NO_COLOR)."),
    CheckOption("quiet", ["--quiet", "-q"], FLAG, help="Print findings only: no summary."),
    CheckOption("config_file", ["--config"], VALUE, values=FILE, help="Use this settings file for every input."),
    CheckOption("isolated", ["--isolated"], FLAG, help="Ignore all settings files."),
    CheckOption("show_settings", ["--show-settings"], FLAG, help="Print the settings in force for the first path and exit."),
    CheckOption("env_file", ["--env-file"], VALUE, values=FILE,
                help="Resolve env.NAME references from this dotenv file instead of the environment."),
    CheckOption("baseline", ["--baseline"], VALUE, values=FILE, help="Hide findings recorded in this baseline file."),
    CheckOption("write_baseline", ["--write-baseline"], VALUE, values=FILE,
                help="Record the current findings in this file and exit 0."),
    CheckOption("fix", ["--fix"], FLAG, help="Apply safe fixes, then report what is left (from `-`: print the fixed text)."),
    CheckOption("unsafe_fixes", ["--unsafe-fixes"], FLAG, help="Also apply unsafe fixes (implies --fix)."),
    CheckOption("diff", ["--diff"], FLAG,
                help="Print a diff of what --fix would change, write nothing; exit 1 if there is something."),
    CheckOption("fix_only", ["--fix-only"], FLAG, help="Apply fixes and report nothing else."),
    CheckOption("jobs", ["--jobs"], VALUE, values=COUNT, default=0,
                help="Processes that lint a long run (200 files or more) [default: 0, one per core; 1: this process alone]."),
)

CHECK_HELP = """Lint Bifrost config files and provider API payloads (JSON or YAML).

    PATHS are files, folders (walked for *.json, *.yaml, *.yml that look like Bifrost
    configs) or `-` for standard input. With no PATHS the current folder is walked.
    """
