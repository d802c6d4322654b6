"""Properties of --fix over every fixture with fixable findings, JSON and YAML, whatever rules
are fixable and whether unsafe fixes are on: the result parses, each fixed finding is gone, no
finding appears that was not there, a second run changes nothing, and only the lines the
fixes' edits touch differ."""

import difflib
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provlint.rules import all_rules
from provlint.source import load_bytes
from provlint.source.text import LineIndex
from tests.fixes.helpers import FIXTURES, fix, options

FIXABLE_CODES = sorted(r.code for r in all_rules() if r.fixable)
SOURCES = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("*.before.*"))}


def test_every_rule_with_a_fix_says_so():
    assert FIXABLE_CODES == ["PL101", "PL103", "PL104", "PL201", "PL205", "PL301", "PL302", "PL304", "PL402", "PL505", "PL601"]


def _findings(raw: bytes, name: str, chosen) -> Counter:
    from provlint.engine import lint_document

    return Counter(d.code for d in lint_document(load_bytes(raw, name), options=chosen).diagnostics)


def _touched_lines(text: str, diagnostics) -> set[int]:
    lines = LineIndex(text)
    touched = set()
    for d in diagnostics:
        for edit in d.autofix.edits:
            first, last = lines.position(edit.start).line, lines.position(max(edit.start, edit.end - 1)).line
            touched.update(range(first, last + 1))
    return touched


def _changed_lines(before: str, after: str) -> set[int]:
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    changed = set()
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            changed.update(range(i1 + 1, max(i2, i1 + 1) + 1) if tag == "insert" else range(i1 + 1, i2 + 1))
    return changed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(SOURCES)),
    fixable=st.sets(st.sampled_from(FIXABLE_CODES)),
    unsafe=st.booleans(),
)
def test_fix_properties(name, fixable, unsafe):
    raw = SOURCES[name]
    chosen = options(fixable=frozenset(fixable))
    outcome = fix(raw, name, unsafe=unsafe, lint_options=chosen)
    assert outcome.error is None

    fixed = load_bytes(outcome.fixed, name)
    assert fixed.ok  # the result parses

    before, after = _findings(raw, name, chosen), _findings(outcome.fixed, name, chosen)
    assert all(after[code] <= before[code] for code in after)  # no new finding
    for code, count in Counter(d.code for d in outcome.applied).items():
        assert after[code] <= before[code] - count  # each fixed finding is gone
        assert code in fixable
    if not unsafe:
        assert all(d.autofix.applicability == "safe" for d in outcome.applied)

    again = fix(outcome.fixed, name, unsafe=unsafe, lint_options=chosen)
    assert again.fixed == outcome.fixed and again.applied == []  # a second run changes nothing

    for text, applied in outcome.steps:  # each round changed only the lines its edits touch
        next_text = load_bytes(_next(outcome, text), name).text
        assert _changed_lines(text, next_text) <= _touched_lines(text, applied)


def _next(outcome, text: str) -> bytes:
    texts = [t for t, _ in outcome.steps]
    index = texts.index(text)
    return texts[index + 1].encode() if index + 1 < len(texts) else outcome.fixed
