"""How ``check`` reports: the format and colour are decided here, once, from the flags and the
environment, and handed to the reporter, which reads nothing from the process itself."""

from __future__ import annotations

import os

from provlint.cli.common import fail_usage
from provlint.reporters import REPORTERS, Reporter, make_reporter, reporter_class
from provlint.rules import all_rules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Mapping, Optional, TextIO

FORMAT_VARIABLE = "PROVLINT_OUTPUT_FORMAT"


def choose_format(explicit: Optional[str], environment: Mapping[str, str], stream: TextIO) -> str:
    """--output-format, else PROVLINT_OUTPUT_FORMAT, else GitHub annotations under GitHub Actions,
    else snippets for a person at a terminal and one line a finding otherwise."""
    chosen = explicit or environment.get(FORMAT_VARIABLE)
    if chosen and chosen not in REPORTERS:
        fail_usage(f"{FORMAT_VARIABLE}={chosen!r} is no output format; choose one of {', '.join(sorted(REPORTERS))}")
    return _format_of(chosen, environment, stream)


def _format_of(chosen: Optional[str], environment: Mapping[str, str], stream: Optional[TextIO]) -> Optional[str]:
    if chosen:
        return chosen
    if environment.get("GITHUB_ACTIONS") == "true":
        return "github" if "github" in REPORTERS else "concise"
    if stream is None:
        return None
    return "full" if _is_terminal(stream) else "concise"


def reads_documents(statistics: bool, explicit: Optional[str], environment: Mapping[str, str],
                    stream: Optional[TextIO]) -> bool:
    """Whether the report ``choose_format`` will pick reads the results' documents (before the
    run, when ``stream`` is the output if known, else None); True when that is not yet known."""
    chosen = explicit or environment.get(FORMAT_VARIABLE)
    name = "statistics" if statistics else _format_of(chosen, environment, stream)
    if name not in REPORTERS:
        return True  # no format yet, or a wrong one: the report refuses it later
    return reporter_class(name).reads_documents


def wants_color(no_color: bool, environment: Mapping[str, str], stream: TextIO) -> bool:
    """Colour only on a terminal, and never with --no-color or a non-empty NO_COLOR (no-color.org)."""
    return not no_color and not environment.get("NO_COLOR") and _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def start_reporter(name: str, stream: TextIO, *, quiet: bool, no_color: bool, environment: Mapping[str, str]) -> Reporter:
    reporter = make_reporter(
        name, stream, quiet=quiet, color=wants_color(no_color, environment, stream), cwd=os.getcwd(),
        environment=environment,
    )
    reporter.start(all_rules())
    return reporter
