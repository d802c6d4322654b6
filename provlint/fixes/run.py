"""Fixing a whole run: each input under its own settings, as ``runner.lint_paths`` lints it."""

from __future__ import annotations


from provlint.discovery import STDIN, input_files, read_regular_file
from provlint.engine import lint_document
from provlint.fixes.apply import FixOutcome, fix_bytes
from provlint.fixes.diff import mask_secrets, unified_diff
from provlint.fixes.write import ChangedOnDisk, write_fixed
from provlint.runner import SettingsResolver, options_for
from provlint.source import DocumentKind, format_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import BinaryIO, Iterable, Mapping, Optional


def fix_paths(
    paths: Iterable[str],
    *,
    environment: Mapping[str, str],
    now: datetime | float | None,
    unsafe: bool,
    resolver: Optional[SettingsResolver] = None,
    kind: Optional[DocumentKind] = None,
    stdin: Optional[BinaryIO] = None,
    stdin_filename: Optional[str] = None,
    baseline=None,
) -> list[FixOutcome]:
    """What fixing each input would give; nothing is written. Raises what lint_paths raises
    (a missing path, bad settings); an input that cannot be read is left to the report."""
    resolver = resolver or SettingsResolver()
    outcomes = []
    for item in input_files(paths):
        shown = (stdin_filename or STDIN) if item.path == STDIN else item.path
        settings = resolver.for_path(shown if item.path == STDIN else item.path)
        if not item.explicit and settings.is_excluded(item.path):
            continue
        options = options_for(settings, shown, kind=kind, environment=environment, now=now, baseline=baseline)
        if item.path == STDIN:
            raw, fmt = (stdin.read() if stdin is not None else b""), format_for(shown)
        else:
            try:
                raw, fmt = read_regular_file(item.path), None
            except OSError:
                continue  # reported as PL001 by the lint that follows

        def lint(doc, explicit=item.explicit, options=options):
            return lint_document(doc, explicit=explicit, options=options)

        outcome = fix_bytes(raw, shown, lint=lint, unsafe=unsafe, fmt=fmt)
        outcome.from_stdin = item.path == STDIN
        if not item.explicit and outcome.error:
            continue  # a walk fixes only what it can read; it says nothing of strangers
        outcomes.append(outcome)
    return outcomes


def write_outcomes(outcomes: Iterable[FixOutcome]) -> list[tuple[str, str]]:
    """Write every changed file (never standard input); (path, reason) for each that was not."""
    failures = []
    for outcome in outcomes:
        if not outcome.changed or outcome.from_stdin:
            continue
        try:
            write_fixed(outcome.path, outcome.fixed, expected=outcome.original)
        except ChangedOnDisk:
            failures.append((outcome.path, "it changed on disk after provlint read it; not written"))
        except OSError as exc:
            failures.append((outcome.path, f"cannot write it: {exc.strerror or exc}"))
    return failures


def masked_diff(outcome: FixOutcome) -> str:
    """The diff of one outcome with every secret masked on both sides."""
    before = mask_secrets(outcome.text_before, outcome.secret_spans_before)
    after = mask_secrets(outcome.text_after, outcome.secret_spans_after)
    return unified_diff(outcome.path, before, after)
