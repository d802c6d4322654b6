"""One problem, one finding: a rule that supersedes another takes its place at the same pointer.

Supersession is declared by the specific rule (SUPERSEDES) and applied by the engine before the
selection, so ignoring a rule only ever hides findings: with the specific rule ignored there
is no finding at that place, never the general one instead.
"""

import pytest
from hypothesis import given, settings, strategies as st

from provlint.engine import LintOptions, exit_status, lint_bytes
from provlint.rules import all_rules, find_rule
from provlint.selection import enabled_rules
from provlint.source.document import DocumentKind

DEFAULTS = enabled_rules(None)


def line_of(specific="PL101"):
    """The Bifrost line a case is linted under: a rule of later lines its first line, else 1.5."""
    return find_rule(specific).since or "1.5"


def lint_with(text, *, without=(), path="config.json", kind=None, line="1.5"):
    rules = tuple(r for r in DEFAULTS if r.code not in without)
    options = LintOptions(rules=rules, kind=DocumentKind(kind) if kind else None, target_version=line)
    return [(d.code, d.pointer) for d in lint_bytes(text.encode(), path, options=options).diagnostics]


PROXY = '"proxy_config": {"type": "http", "url": "http://proxy.corp.example:3128", "username": "env.U", "password": "env.P"}'
CASES = [
    # (document, kind, the specific rule, the general rule, the pointer both would report)
    ('{"network_config": {"retry_backoff_initial_ms": 500}}', None, "PL104", "PL101", "/network_config/retry_backoff_initial_ms"),
    ('{"provider": "openai", "keys": []}', None, "PL105", "PL101", "/keys"),
    ('{"network_config": {}, "keys": []}', "update-provider", "PL105", "PL101", "/keys"),
    ('{"provider": "openai", "config_hash": "abc"}', None, "PL103", "PL101", "/config_hash"),
    ('{"network_config": {}, "status": "ok"}', "update-provider", "PL103", "PL101", "/status"),
    ('{"providers": {"openai": {"keys": [], "provider_status": "active"}}}', None, "PL103", "PL101", "/providers/openai/provider_status"),
    (
        '{"provider": "x", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat": true}}}',
        None, "PL207", "PL101", "/custom_provider_config/allowed_requests/chat",
    ),
    ('{"network_config": {"retry_backoff_initial": "500ms"}}', "update-provider", "PL402", "PL100", "/network_config/retry_backoff_initial"),
    ("{" + PROXY + "}", "update-provider", "PL312", "PL305", "/proxy_config/url"),
    (
        '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "weight": 1, "models": ["*"], "aliases": {"best": ""}}]}}}',
        None, "PL507", "PL100", "/providers/openai/keys/0/aliases/best",
    ),
]
IDS = [f"{c[2]}>{c[3]}:{c[4]}" for c in CASES]


def test_every_pair_is_declared_by_the_specific_rule():
    declared = {(r.code, general) for r in all_rules() for general in r.supersedes}
    assert {(c[2], c[3]) for c in CASES} == declared


@pytest.mark.parametrize("text, kind, specific, general, pointer", CASES, ids=IDS)
def test_with_both_rules_on_only_the_specific_finding(text, kind, specific, general, pointer):
    assert [f for f in lint_with(text, kind=kind, line=line_of(specific)) if f[1] == pointer] == [(specific, pointer)]


@pytest.mark.parametrize("text, kind, specific, general, pointer", CASES, ids=IDS)
def test_with_the_specific_rule_ignored_no_finding_at_that_place(text, kind, specific, general, pointer):
    assert [f for f in lint_with(text, kind=kind, without=(specific,), line=line_of(specific)) if f[1] == pointer] == []


@pytest.mark.parametrize("text, kind, specific, general, pointer", CASES, ids=IDS)
def test_the_general_rule_alone_still_reports(text, kind, specific, general, pointer):
    rules = (find_rule(general),)
    options = LintOptions(rules=rules, kind=DocumentKind(kind) if kind else None, target_version=line_of(specific))
    found = [(d.code, d.pointer) for d in lint_bytes(text.encode(), "config.json", options=options).diagnostics]
    assert found == []  # the specific rule still runs to take its place, and is not selected


def test_unsuperseded_unknown_fields_stay_pl101():
    assert lint_with('{"network_config": {"max_retry": 3}}') == [("PL101", "/network_config/max_retry")]


def test_a_mixed_document_gives_each_problem_to_its_rule():
    text = (
        '{"provider": "openai", "keys": [], "name": "openai", "meta_config": {}, "typo_field": 1,'
        ' "network_config": {"retry_backoff_max_ms": 1}}'
    )
    assert sorted(lint_with(text)) == [
        ("PL101", "/typo_field"),
        ("PL103", "/name"),
        ("PL104", "/meta_config"),
        ("PL104", "/network_config/retry_backoff_max_ms"),
        ("PL105", "/keys"),
    ]


def status(text, without=(), kind=None, line="1.5"):
    rules = tuple(r for r in DEFAULTS if r.code not in without)
    options = LintOptions(rules=rules, kind=DocumentKind(kind) if kind else None, fail_level=find_rule("PL101").severity,
                          target_version=line)
    return exit_status([lint_bytes(text.encode(), "config.json", options=options)])


@pytest.mark.parametrize("text, kind, specific, general, pointer", CASES, ids=IDS)
def test_ignoring_the_warning_rule_never_turns_a_pass_into_a_failure(text, kind, specific, general, pointer):
    # Before supersession was declared, ignoring PL104 (a warning) brought back PL101 (an error).
    for code in (specific, general):
        assert status(text, without=(code,), kind=kind, line=line_of(specific)) <= status(text, kind=kind, line=line_of(specific))


@settings(max_examples=60, deadline=None)
@given(case=st.sampled_from(CASES), ignored=st.sets(st.sampled_from([r.code for r in DEFAULTS]), max_size=4))
def test_ignoring_any_rules_only_removes_findings(case, ignored):
    text, kind, line = case[0], case[1], line_of(case[2])
    full = set(lint_with(text, kind=kind, line=line))
    fewer = set(lint_with(text, kind=kind, without=tuple(ignored), line=line))
    assert fewer <= full
    assert {code for code, _ in fewer}.isdisjoint(ignored - {"PL000", "PL001"})
