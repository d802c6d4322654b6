"""What every fuzzed run must satisfy, and how many examples each fuzz test draws.

The library runs in-process (a subprocess per example would allow a few hundred examples a
minute): an exception escaping provlint's functions is exactly what the CLI would have turned
into "internal error", so "no exception" is the test.
"""

from __future__ import annotations

import io
import re

from hypothesis import settings

from provlint.engine import LintOptions, exit_status
from provlint.findings import FileResult
from provlint.reporters import REPORTERS, Summary, make_reporter
from provlint.rules import all_rules
from tests.conftest import FUZZ_PROFILE, NOW

EVERY_RULE = LintOptions(rules=all_rules(), environment={"X": "1", "OPENAI_API_KEY": "sk-x"}, now=NOW)
_BREAK = re.compile(r"\r\n|\r|\n")


def fuzz_settings(share: float) -> settings:
    """This test's share of the profile's examples (``make test``: 20,000 in all; ``make fuzz``:
    100,000). The shares of the fuzz tests add up to 1."""
    profile = settings.get_profile(FUZZ_PROFILE)
    return settings(profile, max_examples=max(1, round(profile.max_examples * share)))


def check_result(result: FileResult) -> None:
    """Every finding lies inside the text the reporters show, and its span runs forward."""
    lines = _BREAK.split(result.text or "")
    for diagnostic in result.diagnostics:
        assert diagnostic.message, diagnostic
        for position in (diagnostic.span.start, diagnostic.span.end, *(p for s in diagnostic.related for p in (s.start, s.end))):
            assert 1 <= position.line <= len(lines), (diagnostic, len(lines))
            assert 1 <= position.column <= len(lines[position.line - 1]) + 1, (diagnostic, lines[position.line - 1][:80])
        assert diagnostic.span.start <= diagnostic.span.end, diagnostic


def exit_code(results: list[FileResult]) -> int:
    """What `provlint check` would exit with for these results."""
    code = exit_status(results)
    assert code in (0, 1), "a rule raised: PL000"
    return code


def render_every_format(results: list[FileResult]) -> dict[str, str]:
    """Every output format, as `provlint check` prints it; a reporter may not raise either."""
    outputs = {}
    for name in sorted(REPORTERS):
        stream = io.StringIO()
        reporter = make_reporter(name, stream, environment={})
        reporter.start(all_rules())
        for result in results:
            reporter.file(result)
        reporter.finish(Summary.of(results))
        outputs[name] = stream.getvalue()
    return outputs
