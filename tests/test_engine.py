"""The engine alone stamps code, severity and position; rules only yield pointers."""

from provlint.engine import LintOptions, lint_bytes
from provlint.findings import Severity
from provlint.rules import find_rule
from provlint.selection import enabled_rules

PROXY = b'{"proxy_config": {"type": "http", "url": "http://proxy.example:3128", "username": "env.U", "password": "env.P"}}'


def lint(raw, **options):
    return lint_bytes(raw, "p.json", options=LintOptions(**options)).diagnostics


def test_a_rule_has_one_severity_and_configured_severity_wins():
    # Credentials through a plain-HTTP proxy are their own rule (PL312, error), not an
    # error-level PL305 (warning): the table, `provlint rules` and the output agree.
    (found,) = lint(PROXY)
    assert (found.code, found.severity) == ("PL312", Severity.ERROR) == ("PL312", find_rule("PL312").severity)
    (configured,) = lint(PROXY, severities={"PL312": Severity.INFO})
    assert configured.severity is Severity.INFO


def test_only_enabled_rules_report():
    rules = tuple(r for r in enabled_rules(None) if r.code not in ("PL305", "PL312"))
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


def test_a_rule_that_raises_becomes_an_internal_error_finding_and_the_rest_runs():
    from provlint.records import replace

    def explode(ctx):
        if "boom" in ctx.document.path:
            raise KeyError("the rule's bug")
        return iter(())

    broken = replace(find_rule("PL308"), check=explode)
    rules = (broken, find_rule("PL301"))
    found = lint_bytes(b'{"network_config": {"insecure_skip_verify": true}}', "boom.json", options=LintOptions(rules=rules))
    assert [(d.code, d.name, d.line, d.column) for d in found.diagnostics] == [
        ("PL000", "internal-error", 1, 1), ("PL301", "insecure-skip-verify", 1, 45)]
    assert "PL308 (raw-payload-storage): KeyError" in found.diagnostics[0].message


def test_parse_errors_are_reported_whatever_is_selected_or_ignored():
    broken = b'{"network_config": {"max_retries": 2,}}'
    for rules in ((find_rule("PL301"),), ()):
        assert [d.code for d in lint(broken, rules=rules)] == ["PL001"]
