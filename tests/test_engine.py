"""The engine alone stamps code, severity and position; rules only yield pointers."""

from provlint.engine import LintOptions, lint_bytes
from provlint.findings import Severity
from provlint.rules import find_rule
from provlint.selection import enabled_rules

PROXY = b'{"proxy_config": {"type": "http", "url": "http://proxy.example:3128", "username": "env.U", "password": "env.P"}}'


def lint(raw, **options):
    return lint_bytes(raw, "p.json", options=LintOptions(**options)).diagnostics


def test_a_finding_may_raise_its_own_severity_but_configured_severity_wins():
    (found,) = [d for d in lint(PROXY) if d.code == "PL305"]
    assert found.severity is Severity.ERROR and find_rule("PL305").severity is Severity.WARNING
    (configured,) = [d for d in lint(PROXY, severities={"PL305": Severity.INFO}) if d.code == "PL305"]
    assert configured.severity is Severity.INFO


def test_only_enabled_rules_run():
    rules = tuple(r for r in enabled_rules(None) if r.code != "PL305")
    assert [d.code for d in lint(PROXY, rules=rules)] == []


def test_root_pointer_prefixes_pointers_and_positions():
    raw = b'{"chart": {"bifrost": {"network_config": {"insecure_skip_verify": true}}}}'
    (found,) = lint(raw, root="/chart/bifrost")
    assert (found.code, found.pointer, found.line, found.column) == (
        "PL301", "/chart/bifrost/network_config/insecure_skip_verify", 1, 67)


def test_root_pointer_that_is_missing_makes_an_unknown_document_that_names_it():
    (found,) = lint(b'{"chart": {}}', root="/chart/bifrost")
    # At the deepest member of the pointer that exists: the key "chart".
    assert (found.code, found.line, found.column) == ("PL003", 1, 2)
    assert found.message.startswith("the settings' `roots` pointer `/chart/bifrost` names nothing in this file")


def test_diagnostics_are_sorted_by_line_then_column():
    raw = b'{"network_config": {"max_retry": 1,\n"insecure_skip_verify": true}, "proxy_config": {"type": "htp"}}'
    found = lint(raw)
    assert [(d.line, d.column) for d in found] == sorted((d.line, d.column) for d in found)
    assert len(found) == 3


def test_parse_error_runs_no_other_rule_and_its_secrets_are_found_in_the_text():
    result = lint_bytes(b'{"proxy_config": {"password": "x",}}', "p.json")
    assert [d.code for d in result.diagnostics] == ["PL001"]
    assert [(s.start.line, s.start.column) for s in result.secrets.spans] == [(1, 31)]


def test_secret_spans_are_found_whatever_rules_run():
    raw = b'{"proxy_config": {"type": "http", "url": "https://p:1", "password": "hunter2"}, "network_config": {"insecure_skip_verify": true}}'
    rules = (find_rule("PL301"),)
    result = lint_bytes(raw, "p.json", options=LintOptions(rules=rules))
    assert [d.code for d in result.diagnostics] == ["PL301"]
    assert {(s.start.line, s.start.column) for s in result.secrets.spans} == {(1, 69)}
