"""Issue 9, point 3: memory follows the findings, not the lines; matching a baseline is an
index lookup, not a scan.

Before: a 10 MB file of blank lines with one finding cost 530 MB (a Python list of every line
start); a baseline compared every entry with every finding (20,000 findings: over 60 s).
"""

from __future__ import annotations

import tracemalloc

from provlint.baseline import Baseline, Entry
from provlint.engine import LintOptions, lint_bytes
from provlint.findings import Position


def _peak_bytes(work) -> tuple[object, int]:
    tracemalloc.start()
    try:
        value = work()
        return value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


KEY = b'[{"name": "k", "value": "env.K", "models": ["gpt-4o"], "weight": 1}]'


def test_ten_megabytes_of_blank_lines_with_one_finding_cost_the_text_not_a_list_of_lines():
    raw = b"\n" * 10_000_000 + b'{"providers": {"opnai": {"keys": ' + KEY + b"}}}\n"
    result, peak = _peak_bytes(lambda: lint_bytes(raw, "config.json", options=LintOptions()))
    assert [(d.code, d.span.start) for d in result.diagnostics] == [("PL201", Position(10_000_001, 16))]
    # The decoded text is 10 MB; the list of line starts alone was 530 MB.
    assert peak < 40_000_000, peak


def test_a_yaml_file_of_blank_lines_with_one_finding_stays_small():
    raw = b"\n" * 3_000_000 + b"providers:\n  opnai:\n    keys: " + KEY + b"\n"
    result, peak = _peak_bytes(lambda: lint_bytes(raw, "config.yaml", options=LintOptions()))
    assert [(d.code, d.span.start) for d in result.diagnostics] == [("PL201", Position(3_000_002, 3))]
    assert peak < 40_000_000, peak


def _entries(count: int) -> list[Entry]:
    return [Entry("PL101", f"f{i % 7}.json", f"/providers/p{i}/x", f"{i:016x}") for i in range(count)]


def test_matching_20000_findings_compares_each_about_once(monkeypatch):
    comparisons = 0
    original = Entry.__eq__

    def counting(self, other):
        nonlocal comparisons
        comparisons += 1
        return original(self, other)

    entries = _entries(20_000)
    baseline = Baseline("b.json", list(entries))
    monkeypatch.setattr(Entry, "__eq__", counting)
    assert all(baseline.match(Entry(e.rule, e.path, e.pointer, e.fingerprint)) for e in reversed(entries))
    assert comparisons <= 20_000  # a scan made 200 million here
    assert baseline.stale({"f0.json"}) == []


def test_each_entry_matches_one_finding_earliest_first():
    entry = Entry("PL301", "a.json", "/x", "0" * 16)
    other = Entry("PL301", "a.json", "/y", "1" * 16)
    baseline = Baseline("b.json", [entry, other, entry])
    assert [baseline.match(entry), baseline.match(entry), baseline.match(entry)] == [True, True, False]
    assert baseline.used == {0, 2}
    assert [(i, e) for i, e, _ in baseline.stale({"a.json"})] == [(1, other)]
