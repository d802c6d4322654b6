"""Output formats. REPORTERS maps a format name to its class; each is imported only when chosen."""

from __future__ import annotations

import importlib
from typing import TextIO

from provlint.reporters.base import Reporter

REPORTERS = {
    "concise": "provlint.reporters.concise:ConciseReporter",
    "full": "provlint.reporters.full:FullReporter",
}


def make_reporter(name: str, stream: TextIO) -> Reporter:
    module_name, class_name = REPORTERS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)(stream)
