"""Output formats. REPORTERS maps a format name to its class; each is imported only when chosen."""

from __future__ import annotations

import importlib
from typing import TextIO

from provlint.reporters.base import Reporter

REPORTERS = {
    "concise": "provlint.reporters.concise:ConciseReporter",
    "full": "provlint.reporters.full:FullReporter",
}


def make_reporter(name: str, stream: TextIO, *, quiet: bool = False) -> Reporter:
    module_name, class_name = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)(stream, quiet=quiet)


def default_format(stream: TextIO) -> str:
    """GitHub annotations under GitHub Actions, snippets for a person, one line each otherwise."""
    import os

    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS:
        return "github"
    return "full" if stream.isatty() else "concise"
