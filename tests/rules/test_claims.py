"""One problem, one finding: PL101 leaves a key to the more specific rule only while it is on."""

import pytest

from provlint.engine import LintOptions, lint_bytes
from provlint.rules import all_rules
from provlint.rules.claims import claimed_by
from provlint.rules.context import RuleContext
from provlint.catalog import load_catalog
from provlint.source import detect_kind, load_bytes
from provlint.source.document import DocumentKind
from provlint.structure import StructureIssue

# Every rule that is on by default; PL901 would read the environment of the test run.
ALL = tuple(r for r in all_rules() if r.default_enabled)


def lint_with(text, *, without=(), path="config.json", kind=None):
    rules = tuple(r for r in ALL if r.code not in without)
    options = LintOptions(rules=rules, kind=DocumentKind(kind) if kind else None)
    return [(d.code, d.pointer) for d in lint_bytes(text.encode(), path, options=options).diagnostics]


CASES = [
    # (document, kind, the specific rule, the pointer both would report)
    ('{"network_config": {"retry_backoff_initial_ms": 500}}', None, "PL104", "/network_config/retry_backoff_initial_ms"),
    ('{"provider": "openai", "keys": []}', None, "PL105", "/keys"),
    ('{"network_config": {}, "keys": []}', "update-provider", "PL105", "/keys"),
    ('{"provider": "openai", "config_hash": "abc"}', None, "PL103", "/config_hash"),
    ('{"network_config": {}, "status": "ok"}', "update-provider", "PL103", "/status"),
    ('{"providers": {"openai": {"keys": [], "provider_status": "active"}}}', None, "PL103", "/providers/openai/provider_status"),
    (
        '{"provider": "x", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat": true}}}',
        None, "PL207", "/custom_provider_config/allowed_requests/chat",
    ),
]


@pytest.mark.parametrize("text, kind, code, pointer", CASES, ids=[f"{c[2]}:{c[3]}" for c in CASES])
def test_the_specific_rule_alone_reports_while_it_is_enabled(text, kind, code, pointer):
    found = [f for f in lint_with(text, kind=kind) if f[1] == pointer]
    assert found == [(code, pointer)]


@pytest.mark.parametrize("text, kind, code, pointer", CASES, ids=[f"{c[2]}:{c[3]}" for c in CASES])
def test_with_the_specific_rule_disabled_the_key_is_an_unknown_field_again(text, kind, code, pointer):
    found = [f for f in lint_with(text, kind=kind, without=(code,)) if f[1] == pointer]
    assert found == [("PL101", pointer)]


def test_with_both_disabled_nothing_is_reported():
    text = '{"network_config": {"retry_backoff_initial_ms": 500}}'
    assert lint_with(text, without=("PL101", "PL104")) == []


def test_read_only_fields_the_models_accept_are_never_pl101():
    # config_hash/status/description are valid members of a config entry for the models,
    # so turning PL103 off leaves no finding at all, not a PL101.
    text = '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "weight": 1}], "config_hash": "abc"}}}'
    assert lint_with(text) == [("PL103", "/providers/openai/config_hash")]
    assert lint_with(text, without=("PL103",)) == []


def test_unclaimed_unknown_fields_stay_pl101():
    assert lint_with('{"network_config": {"max_retry": 3}}') == [("PL101", "/network_config/max_retry")]


def test_claims_of_a_mixed_document_each_go_to_their_rule():
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


def _context(text):
    document = load_bytes(text.encode(), "x.json")
    catalog = load_catalog("1.5")
    return RuleContext(document=document, kind=detect_kind(document.data, catalog), catalog=catalog)


def test_claimed_by_ignores_other_categories_and_unclaimed_pointers():
    ctx = _context('{"provider": "openai", "keys": []}')
    assert claimed_by(StructureIssue("unknown", "/keys", "m", "key"), ctx) == "PL105"
    assert claimed_by(StructureIssue("invalid", "/keys", "m", "value"), ctx) is None
    assert claimed_by(StructureIssue("missing", "/keys", "m", "value"), ctx) is None
    assert claimed_by(StructureIssue("unknown", "/other", "m", "key"), ctx) is None
    assert claimed_by(StructureIssue("unknown", "", "m", "key"), ctx) is None
    assert claimed_by(StructureIssue("unknown", "not-a-pointer", "m", "key"), ctx) is None


def test_keys_in_a_config_entry_are_not_claimed():
    ctx = _context('{"providers": {"openai": {"keys": []}}}')
    assert claimed_by(StructureIssue("unknown", "/providers/openai/keys", "m", "key"), ctx) is None
