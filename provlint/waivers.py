"""The waiver stage: YAML ``# provlint:`` comments, settings ``[[exceptions]]`` and the baseline.

One pass over a file's diagnostics removes the waived ones and records which waiver matched
(ruff's ``check_noqa``); what waived nothing is reported once, as PL902 findings at the place
the waiver's loader recorded (the comment, the exception's table header, the baseline entry),
for the engine or the runner to stamp.

JSON has no comments, and Bifrost rejects unknown keys, so a JSON finding is waived only by an
exception in the settings file (file glob + JSON Pointer + rules + a required reason) or by the
baseline.

A bare ``# provlint: ignore`` (no rule list) waives every rule on its line, as ruff's bare
``noqa`` does; when nothing is there to waive it is reported like any unused comment.
"""

from __future__ import annotations

from provlint.findings import Diagnostic, Finding, Position, Span
from provlint.patterns import lazy
from provlint.records import Record
from provlint.selection import SelectorError, specificity, validate_selector
from provlint.source import Document, Format

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Optional

    from provlint.engine import LintOptions
    from provlint.settings import WaivedFinding

# A comment that starts the line or follows whitespace (YAML requires the space before ``#``).
_COMMENT = lazy(
    r"(?:^|\s)#\s*provlint:\s*(?P<what>disable-file|ignore(?:\[(?P<rules>[^\]]*)\])?)(?![\w\[-])"
)
# Quoted text is blanked out (same length, so columns stay) so that a "# provlint:" inside a
# string value is no comment.
_QUOTED = lazy(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'""")


class IgnoreComment(Record):
    __slots__ = ("line", "column", "selectors", "own_line", "used")
    __hash__ = None  # marked used as findings are waived

    def __init__(
        self,
        line: int,
        column: int,
        selectors: tuple[str, ...],  # () for a bare ignore: every rule
        own_line: bool,  # the comment is alone on its line, so it waives the next line
        used: bool = False,
    ) -> None:
        self.line = line
        self.column = column
        self.selectors = selectors
        self.own_line = own_line
        self.used = used

    @property
    def span(self) -> Span:
        return Span(Position(self.line, self.column), Position(self.line, self.column + 1))

    @property
    def applies_to(self) -> int:
        return self.line + 1 if self.own_line else self.line

    @property
    def shown(self) -> str:
        return f"# provlint: ignore[{', '.join(self.selectors)}]" if self.selectors else "# provlint: ignore"


class CommentWaivers(Record):
    __slots__ = ("disable_file", "comments")
    __hash__ = None  # built up while the comments are read

    def __init__(
        self,
        disable_file: bool = False,
        comments: Optional[list[IgnoreComment]] = None,  # None: a new empty list
    ) -> None:
        self.disable_file = disable_file
        self.comments = [] if comments is None else comments


def comment_waivers(doc: Document) -> Optional[CommentWaivers]:
    """The ``# provlint:`` comments of a YAML document, or None when it has none."""
    if doc.format is not Format.YAML or not doc.text or "provlint:" not in doc.text:
        return None
    waivers = CommentWaivers()
    for number, line in enumerate(doc.text.splitlines(), start=1):
        match = _COMMENT.search(_QUOTED.sub(lambda m: " " * len(m.group()), line))
        if not match:
            continue
        if match.group("what") == "disable-file":
            waivers.disable_file = True
            continue
        rules = match.group("rules") or ""
        selectors = tuple(s.strip() for s in rules.split(",") if s.strip())
        column = match.start() + (1 if line[match.start()] != "#" else 0) + 1
        own_line = line[: match.start()].strip() == ""
        waivers.comments.append(IgnoreComment(number, column, selectors, own_line))
    return waivers


def names(selectors: Iterable[str], code: str) -> bool:
    """Whether ``selectors`` (an empty tuple: every rule) name the rule ``code``."""
    from provlint.rules import find_rule

    selectors = tuple(selectors)
    if not selectors:
        return True
    rule = find_rule(code)
    return rule is not None and any(specificity(s, rule) is not None for s in selectors)


def waived_by_exception(diagnostic: Diagnostic, exception: "WaivedFinding") -> bool:
    pointer = exception.pointer
    inside = pointer == "" or diagnostic.pointer == pointer or diagnostic.pointer.startswith(pointer + "/")
    return inside and names(exception.rules, diagnostic.code)


def waive(
    diagnostics: list[Diagnostic], *, doc: Document, options: "LintOptions", secrets=None
) -> tuple[list[Diagnostic], list[Finding]]:
    """(the diagnostics no waiver hides, the comment findings to report as unused).

    Exceptions that matched go into ``options``' run-level record through the caller's
    FileResult (``used_exceptions``); baseline entries that matched are marked in the baseline.
    """
    comments = comment_waivers(doc)
    if comments is not None and comments.disable_file:
        return [], []
    kept = []
    baseline = options.baseline
    for diagnostic in diagnostics:
        if comments is not None and _by_comment(diagnostic, comments):
            continue
        exception = next((e for e in options.exceptions if waived_by_exception(diagnostic, e)), None)
        if exception is not None:
            options.used_exceptions.add(exception)
            continue
        if baseline is not None and baseline.match_diagnostic(diagnostic, doc.data, secrets):
            continue
        kept.append(diagnostic)
    return kept, list(_comment_findings(comments)) if comments is not None else []


def _by_comment(diagnostic: Diagnostic, waivers: CommentWaivers) -> bool:
    hit = False
    for comment in waivers.comments:
        if comment.applies_to == diagnostic.line and names(comment.selectors, diagnostic.code):
            comment.used = hit = True
    return hit


def _comment_findings(waivers: CommentWaivers) -> Iterable[Finding]:
    for comment in waivers.comments:
        unknown = [message for message in map(_unknown_selector, comment.selectors) if message]
        if unknown:
            yield Finding("", f"`{comment.shown}`: {'; '.join(unknown)}", span=comment.span)
        elif not comment.used:
            yield Finding("", f"`{comment.shown}` waives no finding; remove it", span=comment.span)


def _unknown_selector(selector: str) -> Optional[str]:
    try:
        validate_selector(selector)
    except SelectorError as exc:
        return str(exc)
    return None


def unused_exception_findings(exceptions: Iterable["WaivedFinding"]) -> list[Finding]:
    return [
        Finding(
            "",
            f"exception {e.index + 1} (files `{e.files}`, pointer `{e.pointer or '/'}`, rules "
            f"{', '.join(e.rules)}) matched no finding; remove it",
            span=e.span,
        )
        for e in exceptions
    ]


def stale_baseline_findings(stale: Iterable) -> list[Finding]:
    """``stale`` holds (index, entry, span) of baseline entries that matched nothing."""
    return [
        Finding(
            f"/findings/{index}",
            f"baseline entry {entry.rule} at {entry.path}#{entry.pointer} matched no finding; "
            f"remove it or run --write-baseline again",
            span=span,
        )
        for index, entry, span in stale
    ]
