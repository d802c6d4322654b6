from provlint.engine import LintOptions, lint_bytes
from provlint.rules import all_rules, find_rule
from provlint.selection import enabled_rules
from tests.conftest import codes_at, lint

RULE = find_rule("PL901")


def pl901(text, environment=None, path="config.json"):
    options = LintOptions(rules=(RULE,), environment=environment or {})
    return lint_bytes(text.encode(), path, options=options).diagnostics


PROXY = (
    '{\n  "proxy_config": {\n    "type": "http",\n    "url": "https://proxy.internal:3128",\n'
    '    "username": "env.PROXY_USER",\n    "password": "env.PROXY_PASSWORD"\n  }\n}\n'
)


def test_off_by_default():
    assert RULE not in enabled_rules(None)
    assert [d for d in lint(PROXY) if d.code == "PL901"] == []


def test_unset_variables_are_reported_at_the_reference():
    found = pl901(PROXY)
    assert codes_at(found) == [("PL901", 5, 17), ("PL901", 6, 17)]
    assert [d.pointer for d in found] == ["/proxy_config/username", "/proxy_config/password"]
    assert found[0].severity.value == "error"
    assert "PROXY_USER" in found[0].message and "not set" in found[0].message


def test_set_variables_are_quiet_and_empty_ones_are_reported():
    environment = {"PROXY_USER": "svc", "PROXY_PASSWORD": ""}
    found = pl901(PROXY, environment)
    assert [d.pointer for d in found] == ["/proxy_config/password"]
    assert "set but empty" in found[0].message
    assert pl901(PROXY, {"PROXY_USER": "svc", "PROXY_PASSWORD": "hunter2-Very-Secret"}) == []


def test_values_of_the_environment_are_never_echoed():
    found = pl901(PROXY, {"PROXY_USER": "", "PROXY_PASSWORD": ""})
    assert len(found) == 2
    found = pl901(PROXY.replace("env.PROXY_PASSWORD", "env.OTHER"), {"PROXY_USER": "svc-Secret-User"})
    assert all("svc-Secret-User" not in d.message for d in found)


def test_object_forms():
    text = (
        '{"providers": {"azure": {"keys": [{"name": "k", "weight": 1,'
        ' "value": {"value": "", "ref": "env.AZURE_KEY", "type": "env"},'
        ' "azure_key_config": {"endpoint": {"value": "env.AZURE_ENDPOINT", "env_var": "env.AZURE_ENDPOINT"},'
        ' "client_secret": {"value": "", "env_var": "AZURE_SECRET", "from_env": true},'
        ' "tenant_id": {"value": "literal", "type": "plain_text"}}}]}}}'
    )
    found = pl901(text)
    assert [d.pointer for d in found] == [
        "/providers/azure/keys/0/value/ref",
        "/providers/azure/keys/0/azure_key_config/endpoint/env_var",
        "/providers/azure/keys/0/azure_key_config/client_secret/env_var",
    ]
    assert "AZURE_SECRET" in found[2].message
    assert pl901(text, {"AZURE_KEY": "x", "AZURE_ENDPOINT": "y", "AZURE_SECRET": "z"}) == []


def test_only_exact_references_count():
    text = (
        '{"network_config": {"base_url": "https://env.example.com", "extra_headers":'
        ' {"X-Note": "env.", "X-Other": "env.1BAD", "X-Ref": "prefix env.NAME", "X-Vault": "vault.secret/x"}}}'
    )
    assert pl901(text) == []


def test_every_provider_of_a_config_file_and_yaml():
    text = (
        '{"providers": {\n'
        ' "openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]},\n'
        ' "groq": {"keys": [{"name": "k", "value": "env.GROQ_API_KEY", "weight": 1}]}\n'
        "}}\n"
    )
    found = pl901(text, {"OPENAI_API_KEY": "sk"})
    assert codes_at(found) == [("PL901", 3, 43)]
    assert found[0].pointer == "/providers/groq/keys/0/value"
    yaml_text = "network_config:\n  ca_cert_pem: env.PROVIDER_CA\n"
    assert codes_at(pl901(yaml_text, path="p.yaml")) == [("PL901", 2, 16)]


def test_env_references_outside_providers_are_not_checked():
    text = '{"encryption_key": "env.BIFROST_KEY", "providers": {}}'
    assert pl901(text) == []


def test_selected_with_the_defaults():
    rules = tuple(r for r in all_rules() if r in enabled_rules(["ALL"]))
    assert RULE in rules
