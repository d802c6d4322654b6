"""Output formats. REPORTERS maps a format name to its class; each is imported only when chosen."""

from __future__ import annotations

import importlib

from provlint.reporters.base import Reporter, Summary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

REPORTERS = {
    "concise": "provlint.reporters.concise:ConciseReporter",
    "full": "provlint.reporters.full:FullReporter",
    "github": "provlint.reporters.github:GithubReporter",
    "gitlab": "provlint.reporters.gitlab:GitlabReporter",
    "json": "provlint.reporters.json_report:JsonReporter",
    "json-lines": "provlint.reporters.json_lines:JsonLinesReporter",
    "junit": "provlint.reporters.junit:JunitReporter",
    "sarif": "provlint.reporters.sarif:SarifReporter",
    "statistics": "provlint.reporters.statistics:StatisticsReporter",
}


def make_reporter(name: str, stream: TextIO, **options) -> Reporter:
    """The reporter of format ``name``; ``options`` are Reporter's keyword arguments."""
    return reporter_class(name)(stream, **options)


def reporter_class(name: str) -> type[Reporter]:
    module_name, class_name = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)


__all__ = ["REPORTERS", "Reporter", "Summary", "make_reporter", "reporter_class"]
