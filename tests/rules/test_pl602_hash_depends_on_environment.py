"""PL602: Bifrost's config_hash of a provider depends on environment variables (info, opt-in)."""

from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from provlint.selection import enabled_rules
from provlint.source.document import DocumentKind
from tests.conftest import lint

RULE = find_rule("PL602")

PROXY = (
    '{\n  "proxy_config": {\n    "type": "http",\n    "url": "https://proxy.internal:3128",\n'
    '    "username": "env.PROXY_USER",\n    "password": "env.PROXY_PASSWORD"\n  }\n}\n'
)


def pl602(text, target="1.5", environment=None, path="update.json"):
    # The 2.0 catalog carries hashing facts only, so the kind is given rather than detected.
    kind = DocumentKind.CONFIG if path == "config.json" else DocumentKind.UPDATE_PROVIDER
    options = LintOptions(target_version=target, rules=(RULE,), environment=environment or {}, kind=kind)
    return lint_bytes(text.encode(), path, options=options).diagnostics


def test_off_by_default_and_info():
    assert RULE not in enabled_rules(None) and RULE.severity.value == "info"
    assert [d for d in lint(PROXY, path="update.json") if d.code == "PL602"] == []
    assert RULE in enabled_rules(["PL602"])


def test_env_references_in_proxy_secrets_are_reported_once_per_provider():
    for target in ("1.5", "2.0"):
        [found] = pl602(PROXY, target)
        assert found.pointer == "/proxy_config/username" and (found.line, found.column) == (5, 17)
        assert found.message == (
            "Bifrost's `config_hash` of this provider includes the values of PROXY_USER and PROXY_PASSWORD, "
            "so it differs between machines where they are set differently, and changes when one of them "
            "changes (the gateway then sees the provider as changed)"
        )


def test_one_variable():
    [found] = pl602(PROXY.replace('"env.PROXY_USER"', '"svc"'))
    assert "includes the value of PROXY_PASSWORD, so it differs between machines where PROXY_PASSWORD is set" in found.message


def test_the_values_themselves_never_matter_nor_show():
    found = pl602(PROXY, environment={"PROXY_USER": "svc-Secret-User", "PROXY_PASSWORD": "pw-Secret"})
    assert len(found) == 1 and "Secret" not in found[0].message


def test_what_the_hash_does_not_resolve_is_quiet():
    assert pl602('{"proxy_config": {"type": "http", "url": "https://p:3128", "password": "literal"}}') == []
    assert pl602('{"network_config": {"ca_cert_pem": "env.CA_PEM"}}', target="2.0") == []  # hashed as the reference
    assert pl602('{"network_config": {"ca_cert_pem": "env.CA_PEM"}}') == []
    keys = '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]}}}'
    assert pl602(keys, path="config.json") == []  # keys are not in the provider hash


def test_object_forms_under_2_0_and_config_entries():
    text = (
        '{"providers": {"openai": {"proxy_config": {"type": "http", "url": "https://p:3128",'
        ' "password": {"env_var": "PW", "from_env": true}}}}}'
    )
    [found] = pl602(text, target="2.0", path="config.json")
    assert found.pointer == "/providers/openai/proxy_config/password" and "PW" in found.message
