"""A finding's fix is resolved into edits only when read; whether it is available is known
before, from a JSON document's data, and is what resolving it finds."""

from __future__ import annotations

import json
import pickle
import random

from hypothesis import given, settings, strategies as st

from provlint.engine import lint_bytes
from provlint.findings import Fix
from provlint.fixes.resolve import PendingFix
from tests.fuzz import generate
from tests.fuzz.invariants import EVERY_RULE
from tests.paths import fixture


def pending_fixes(raw: bytes, path: str = "config.json") -> list[PendingFix]:
    return [d.autofix for d in lint_bytes(raw, path, options=EVERY_RULE).diagnostics if d.autofix is not None]


def assert_available_as_resolved(raw: bytes, path: str = "config.json") -> int:
    fixes = pending_fixes(raw, path)
    for fix in fixes:
        assert isinstance(fix, PendingFix)
        told = fix.available  # before anything is resolved
        assert fix.resolved().available == told, (fix.resolved(), raw[:2000])
    return len(fixes)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1), st.sampled_from([None, 1, 2]))
def test_a_planted_documents_fixes_are_available_exactly_when_they_resolve(seed, indent):
    rng = random.Random(seed)
    assert_available_as_resolved(json.dumps(generate.planted(rng), indent=indent).encode("utf-8", "surrogatepass"))


def test_the_example_configs_fixes_are_available_exactly_when_they_resolve():
    total = sum(assert_available_as_resolved(path.read_bytes(), path.name)
                for path in sorted(fixture("bifrost-examples").glob("*.json")))
    assert total > 0


def test_a_fix_is_resolved_on_first_read_of_its_edits_and_sent_to_another_process():
    raw = b'{"providers": {"openai": {"keys": [{"name": "k", "value": "env.X", "models": ["*", "gpt-4o"], "weight": 1}],' \
          b' "network_config": {"insecure_skip_verify": true}}}}'
    fixes = pending_fixes(raw)
    assert fixes
    fix = fixes[0]
    assert fix._fix is None
    edits = fix.edits
    assert fix._fix is not None and edits == fix.resolved().edits
    sent = pickle.loads(pickle.dumps(fix))
    assert type(sent) is Fix and sent == fix
    unread = pending_fixes(raw)[0]
    sent = pickle.loads(pickle.dumps(unread))  # a JSON file's fix goes unresolved, with the text
    assert isinstance(sent, PendingFix) and sent._fix is None and unread._fix is None
    assert sent.resolved() == unread.resolved()
