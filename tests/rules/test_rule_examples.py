"""Every rule's docstring examples do what they say: the failing one fires, the passing one not."""

import pytest

from provlint.catalog import lintable_versions
from provlint.engine import LintOptions, lint_bytes
from provlint.rules import all_rules
from provlint.rules.examples import examples
from provlint.selection import enabled_rules
from tests.conftest import NOW

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_has_a_failing_and_a_passing_example(rule):
    if rule.code == "PL000":
        pytest.skip("no document triggers an internal error: tests/test_engine.py injects one")
    found = examples(rule.doc)
    assert [e.passes for e in found].count(False) >= 1
    assert [e.passes for e in found].count(True) >= 1


def lines_where_it_applies(rule) -> list[str]:
    """Every line from the rule's first (its ``since``; every line when it has none)."""
    lines = list(lintable_versions())
    return lines[lines.index(rule.since):] if rule.since else lines


RULE_LINES = [(rule, line) for rule in RULES for line in lines_where_it_applies(rule)]


@pytest.mark.parametrize(("rule", "line"), RULE_LINES, ids=[f"{r.code}-{line}" for r, line in RULE_LINES])
def test_failing_example_fires_and_passing_example_is_clean(rule, line):
    # The defaults plus the rule itself, so an off-by-default rule shows its examples too.
    rules = tuple(r for r in RULES if r in enabled_rules(None) or r is rule)
    for example in examples(rule.doc):
        options = LintOptions(rules=rules, environment={}, now=NOW, target_version=line)
        result = lint_bytes(example.text.encode(), example.filename, options=options)
        codes = [d.code for d in result.diagnostics]
        if example.passes:
            assert codes == [], f"{rule.code} passing example gave {codes}"
        else:
            assert rule.code in codes, f"{rule.code} failing example gave {codes}"


def test_registry_matches_rules_md():
    """RULES.md's catalogue, minus PL6 (config_hash rules come with hashing), is registered."""
    from tests.paths import REPO

    listed = set(__import__("re").findall(r"^\| (PL\d{3}) \| ([a-z0-9-]+) \| (error|warning|info) \|", (REPO / "docs" / "RULES.md").read_text(), __import__("re").M))
    registered = {(r.code, r.name, r.severity.value) for r in RULES}
    assert {row for row in listed if not row[0].startswith("PL6")} <= registered


def test_rule_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert codes == sorted(codes)
    for rule in RULES:
        assert rule.code[:2] == "PL" and rule.code[2:].isdigit() and len(rule.code) == 5
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.tags and set(rule.tags) <= {"security", "correctness", "reliability", "style", "internal"}
        assert rule.fix and rule.summary.endswith(".")
        if "security" in rule.tags:
            assert rule.security_severity is not None and 0 < rule.security_severity <= 10
