"""Waivers: YAML ``# provlint: ignore[...]`` comments and ``[[exceptions]]`` from settings.

JSON has no comments, and Bifrost rejects unknown keys, so a JSON finding is waived only by
an exception in the settings file (file glob + JSON Pointer + rules + a required reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from provlint.findings import Diagnostic, Position, Span
from provlint.selection import specificity
from provlint.settings import WaivedFinding

# A comment that starts the line or follows whitespace; good enough because YAML requires the
# space before ``#`` for a comment, and a quoted ``" #"`` is rare in gateway configs.
_COMMENT = re.compile(r"(?:^|\s)#\s*provlint:\s*(?P<what>disable-file|ignore\[(?P<rules>[^\]]*)\])")


_QUOTED = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")


@dataclass
class IgnoreComment:
    line: int
    column: int
    selectors: tuple[str, ...]
    own_line: bool  # the comment is alone on its line, so it waives the next line
    used: bool = False

    @property
    def span(self) -> Span:
        return Span(Position(self.line, self.column), Position(self.line, self.column + 1))


@dataclass
class YamlWaivers:
    disable_file: bool = False
    comments: list[IgnoreComment] = field(default_factory=list)


def yaml_waivers(text: str) -> YamlWaivers:
    waivers = YamlWaivers()
    for number, line in enumerate(text.splitlines(), start=1):
        # Quoted text is blanked out (same length, so columns stay) so that a "# provlint:"
        # inside a string value is no comment.
        match = _COMMENT.search(_QUOTED.sub(lambda m: " " * len(m.group()), line))
        if not match:
            continue
        if match.group("what") == "disable-file":
            waivers.disable_file = True
            continue
        selectors = tuple(s.strip() for s in match.group("rules").split(",") if s.strip())
        column = match.start() + (1 if line[match.start()] != "#" else 0) + 1
        own_line = line[: match.start()].strip() == ""
        waivers.comments.append(IgnoreComment(number, column, selectors, own_line))
    return waivers


def _names(selectors: Iterable[str], diagnostic: Diagnostic) -> bool:
    from provlint.rules import find_rule

    rule = find_rule(diagnostic.code)
    return rule is not None and any(specificity(s, rule) is not None for s in selectors)


def waived_by_comment(diagnostic: Diagnostic, waivers: YamlWaivers) -> bool:
    hit = False
    for comment in waivers.comments:
        applies_to = comment.line + 1 if comment.own_line else comment.line
        if applies_to == diagnostic.line and _names(comment.selectors, diagnostic):
            comment.used = hit = True
    return hit


def waived_by_exception(diagnostic: Diagnostic, exception: WaivedFinding) -> bool:
    pointer = exception.pointer
    inside = diagnostic.pointer == pointer or diagnostic.pointer.startswith(pointer + "/") or pointer == ""
    return inside and _names(exception.rules, diagnostic)


def first_matching(diagnostic: Diagnostic, exceptions: Iterable[WaivedFinding]) -> Optional[WaivedFinding]:
    for exception in exceptions:
        if waived_by_exception(diagnostic, exception):
            return exception
    return None
