"""``check --fix``, ``--unsafe-fixes``, ``--diff`` and ``--fix-only``: the fix step before the report.

``--fix`` (and ``--unsafe-fixes``, which implies it) writes the fixed files, then the usual
lint reports what is left. ``--diff`` prints what ``--fix`` would change and exits 1 when that
is something, 0 when nothing; it writes nothing. ``--fix-only`` fixes and reports nothing else.
From standard input the fixed text goes to stdout instead of a file, and the exit status says
whether findings remain. Messages go to stderr, so a report on stdout stays parseable.
"""

from __future__ import annotations

from provlint.cli.common import echo
from provlint.fixes.apply import FixOutcome

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional, TextIO

EXIT_FAILED_WRITE = 2


def run_fixes(paths, *, unsafe: bool, diff: bool, only: bool, quiet: bool, stdout: TextIO, stderr: TextIO,
              lint_args: dict) -> Optional[int]:
    """Fix (or show) every input. Returns None when the report should follow (``--fix`` on
    files), else the exit status the command ends with now; writes that failed make it 2,
    after the other files were written."""
    from provlint.fixes.run import fix_paths, masked_diff, write_outcomes

    outcomes = fix_paths(paths, unsafe=unsafe, **lint_args)
    if diff:
        for outcome in outcomes:
            if outcome.changed:
                echo(masked_diff(outcome), stdout, nl=False)
        _summary(outcomes, unsafe, quiet, stderr, verb="would fix")
        return 1 if any(o.changed for o in outcomes) else 0
    failures = write_outcomes(outcomes)
    for path, reason in failures:
        echo(f"provlint: error: {path}: {reason}", stderr)
    for outcome in outcomes:
        if outcome.from_stdin:
            stdout.buffer.write(outcome.fixed)
            stdout.flush()
        if outcome.error:
            echo(f"provlint: {outcome.path}: {outcome.error}", stderr)
        for d in outcome.applied:
            if d.autofix.note:
                echo(f"provlint: {d.path}:{d.line}:{d.column}: {d.code}: {d.autofix.note}", stderr)
    _summary(outcomes, unsafe, quiet, stderr, verb="fixed")
    if failures:
        return EXIT_FAILED_WRITE
    if any(o.from_stdin for o in outcomes):
        return 1 if any(o.remaining for o in outcomes) else 0
    return 0 if only else None


def _summary(outcomes: list[FixOutcome], unsafe: bool, quiet: bool, stderr: TextIO, *, verb: str) -> None:
    if quiet:
        return
    count = sum(len(o.applied) for o in outcomes)
    files = sum(1 for o in outcomes if o.changed)
    line = f"provlint: {verb} {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    hidden = sum(o.unsafe_left for o in outcomes) if not unsafe else 0
    if hidden:
        line += f"; {hidden} more with --unsafe-fixes"
    echo(line, stderr)
