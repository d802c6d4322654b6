"""The failing and passing examples in a rule's docstring (``Fails::`` / ``Passes::`` blocks)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

_BLOCK = re.compile(r"^(Fails|Passes)(?: \((json|yaml)\))?::\n\n((?:(?:    .*)?\n?)+)", re.MULTILINE)


@dataclass(frozen=True)
class Example:
    passes: bool
    format: str  # "json" or "yaml"
    text: str

    @property
    def filename(self) -> str:
        return f"example.{self.format}"


def examples(doc: str) -> list[Example]:
    found = []
    for match in _BLOCK.finditer(doc + "\n"):
        body = textwrap.dedent(match.group(3)).strip("\n") + "\n"
        found.append(Example(match.group(1) == "Passes", match.group(2) or "json", body))
    return found
