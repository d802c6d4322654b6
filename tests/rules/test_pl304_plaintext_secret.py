import json

from provlint.engine import LintOptions, lint_bytes
from tests.conftest import codes_at, lint

SECRET = "sk-live-Zq81vXr0PLAINsecret"
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET"


def pl304(text, path="config.json", kind=None, target_version=None):
    return [d for d in lint(text, path, kind=kind, target_version=target_version) if d.code == "PL304"]


def no_secret_in(found, *secrets):
    for d in found:
        if d.code == "PL304":
            assert d.secret  # reporters never show the value, not even in a snippet
        for secret in secrets:
            assert secret not in d.message
            assert d.fix is None or secret not in d.fix


def test_literal_key_value_in_a_config_file():
    text = (
        '{\n'
        '  "providers": {\n'
        '    "openai": {\n'
        '      "keys": [{"name": "k1", "value": "%s", "weight": 1}]\n'
        '    }\n'
        '  }\n'
        '}\n' % SECRET
    )
    found = pl304(text)
    assert codes_at(found) == [("PL304", 4, 40)]
    assert found[0].pointer == "/providers/openai/keys/0/value"
    assert found[0].severity.value == "error"
    assert "`keys[0].value`" in found[0].message
    assert '"env.OPENAI_API_KEY"' in found[0].message
    no_secret_in(found, SECRET)


def test_several_keys_and_several_providers_get_numbered_variables():
    data = {
        "providers": {
            "openai": {"keys": [
                {"name": "a", "value": SECRET, "weight": 1},
                {"name": "b", "value": "env.OPENAI_B", "weight": 1},
                {"name": "c", "value": SECRET + "2", "weight": 1},
            ]},
            "my-llm": {"keys": [{"name": "a", "value": SECRET + "3", "weight": 1}],
                       "custom_provider_config": {"base_provider_type": "openai"}},
        }
    }
    found = pl304(json.dumps(data, indent=2))
    assert [d.pointer for d in found] == [
        "/providers/openai/keys/0/value",
        "/providers/openai/keys/2/value",
        "/providers/my-llm/keys/0/value",
    ]
    assert "env.OPENAI_API_KEY_1" in found[0].message
    assert "env.OPENAI_API_KEY_3" in found[1].message
    assert "env.MY_LLM_API_KEY" in found[2].message
    no_secret_in(found, SECRET)


def test_secret_fields_of_key_sub_configs():
    data = {
        "providers": {
            "bedrock": {"keys": [{
                "name": "aws", "weight": 1, "value": "",
                "bedrock_key_config": {"access_key": "AKIAEXAMPLE0001", "secret_key": AWS_SECRET,
                                       "session_token": "env.AWS_SESSION_TOKEN", "region": "us-east-1"},
            }]},
            "azure": {"keys": [{
                "name": "az", "weight": 1, "value": "env.AZURE_KEY",
                "azure_key_config": {"endpoint": "https://x.openai.azure.com", "client_id": "app-id",
                                     "client_secret": {"value": SECRET, "type": "plain_text"}},
            }]},
            "vertex": {"keys": [{
                "name": "gcp", "weight": 1,
                "vertex_key_config": {"project_id": "p", "region": "us-central1",
                                      "auth_credentials": '{"type": "service_account", "private_key": "x"}'},
            }]},
        }
    }
    found = pl304(json.dumps(data, indent=2))
    assert [d.pointer for d in found] == [
        "/providers/bedrock/keys/0/bedrock_key_config/access_key",
        "/providers/bedrock/keys/0/bedrock_key_config/secret_key",
        "/providers/azure/keys/0/azure_key_config/client_secret",
        "/providers/vertex/keys/0/vertex_key_config/auth_credentials",
    ]
    messages = [d.message for d in found]
    assert "env.BEDROCK_ACCESS_KEY" in messages[0] and "`keys[0].bedrock_key_config.access_key`" in messages[0]
    assert "env.BEDROCK_SECRET_KEY" in messages[1]
    assert "env.AZURE_CLIENT_SECRET" in messages[2]
    assert "env.VERTEX_AUTH_CREDENTIALS" in messages[3]
    no_secret_in(found, SECRET, AWS_SECRET, "AKIAEXAMPLE0001", "service_account")


def test_references_redactions_empty_and_non_secret_fields_are_quiet():
    data = {
        "providers": {
            "openai": {"keys": [
                {"name": "a", "value": "env.OPENAI_API_KEY", "weight": 1},
                {"name": "b", "value": "vault.secret/openai", "weight": 1},
                {"name": "c", "value": "<REDACTED>", "weight": 1},
                {"name": "d", "value": "sk-1************************wxyz", "weight": 1},
                {"name": "e", "value": "", "weight": 1},
                {"name": "f", "value": {"value": "resolved", "ref": "env.X", "type": "env"}, "weight": 1},
                {"name": "g", "value": {"value": "", "env_var": "X", "from_env": True}, "weight": 1},
            ]},
            "azure": {"keys": [{"name": "az", "weight": 1, "value": "env.AZ",
                                "azure_key_config": {"endpoint": "https://x.openai.azure.com",
                                                     "client_id": "literal-app-id", "tenant_id": "literal-tenant"}}]},
        }
    }
    assert pl304(json.dumps(data)) == []


def test_wrong_types_do_not_raise():
    for text in (
        '{"providers": {"openai": {"keys": null}}}',
        '{"providers": {"openai": {"keys": "sk-abc"}}}',
        '{"providers": {"openai": {"keys": [null, 3, "x", {"value": 42}, {"value": ["a"]}]}}}',
        '{"providers": {"bedrock": {"keys": [{"bedrock_key_config": "x"}, {"bedrock_key_config": null}]}}}',
        '{"providers": {"openai": {"network_config": {"extra_headers": ["Authorization"]}}}}',
        '{"providers": {"openai": {"network_config": {"extra_headers": {"Authorization": 5}}}}}',
        '{"providers": {"openai": {"network_config": null}}}',
        '{"providers": []}',
    ):
        assert pl304(text) == []


def test_placeholder_patterns_configured_by_the_team_are_quiet():
    text = '{"providers": {"openai": {"keys": [{"name": "k", "value": "sk-123", "weight": 1}, {"name": "l", "value": "%s", "weight": 1}]}}}' % SECRET
    options = LintOptions(placeholder_patterns=(r"^sk-123$", r"(?i)changeme"))
    found = [d for d in lint_bytes(text.encode(), "config.json", options=options).diagnostics if d.code == "PL304"]
    assert [d.pointer for d in found] == ["/providers/openai/keys/1/value"]
    assert [d.pointer for d in pl304(text)] == ["/providers/openai/keys/0/value", "/providers/openai/keys/1/value"]


def test_credential_headers_in_extra_headers():
    headers = {
        "Authorization": "Bearer " + SECRET,
        "x-api-key": SECRET,
        "X-Auth-Token": SECRET,
        "Ocp-Apim-Subscription-Key": SECRET,
        "Cookie": "session=" + SECRET,
        "X-Team": "platform",
        "x-max-tokens": "4096",
        "Idempotency-Key": "abc-123",
        "Proxy-Authorization": "Basic",
        "X-Upstream-Token": "Bearer env.UPSTREAM_TOKEN",
        "api-key": "env.AZURE_API_KEY",
    }
    data = {"providers": {"openai": {"keys": [], "network_config": {"extra_headers": headers}}}}
    found = pl304(json.dumps(data, indent=2), target_version="1.5")
    assert [d.pointer for d in found] == [
        "/providers/openai/network_config/extra_headers/Authorization",
        "/providers/openai/network_config/extra_headers/x-api-key",
        "/providers/openai/network_config/extra_headers/X-Auth-Token",
        "/providers/openai/network_config/extra_headers/Ocp-Apim-Subscription-Key",
        "/providers/openai/network_config/extra_headers/Cookie",
    ]
    first = found[0].message
    assert "`network_config.extra_headers.Authorization`" in first
    # Bifrost 1.5 sends header values as written: the message must not promise env.NAME there.
    assert "does not resolve env.NAME" in first and "env.OPENAI_API_KEY" in first
    no_secret_in(found, SECRET)


def test_header_position_is_the_value():
    text = '{\n  "network_config": {\n    "extra_headers": {\n      "Authorization": "Bearer %s"\n    }\n  }\n}\n' % SECRET
    found = pl304(text, target_version="1.5")
    assert codes_at(found) == [("PL304", 4, 24)]
    assert found[0].pointer == "/network_config/extra_headers/Authorization"
    assert "PROVIDER_API_KEY" in found[0].message
    no_secret_in(found, SECRET)


def test_every_document_kind():
    key = {"name": "k", "value": SECRET, "weight": 1}
    add = pl304(json.dumps({"provider": "anthropic", "keys": [key]}))
    assert [d.pointer for d in add] == ["/keys/0/value"] and "env.ANTHROPIC_API_KEY" in add[0].message
    response = pl304(json.dumps({"name": "groq", "provider_status": "active", "keys": [key]}))
    assert [d.pointer for d in response] == ["/keys/0/value"] and "env.GROQ_API_KEY" in response[0].message
    update = pl304(json.dumps({"keys": [key], "network_config": {}}), kind="update-provider")
    assert [d.pointer for d in update] == ["/keys/0/value"] and "env.PROVIDER_API_KEY" in update[0].message
    no_secret_in(add + response + update, SECRET)


def test_yaml():
    text = (
        "providers:\n"
        "  openai:\n"
        "    keys:\n"
        "      - name: k\n"
        "        value: %s\n"
        "        weight: 1\n" % SECRET
    )
    found = pl304(text, "config.yaml")
    assert codes_at(found) == [("PL304", 5, 16)]
    assert found[0].pointer == "/providers/openai/keys/0/value"
    no_secret_in(found, SECRET)


def test_no_rule_echoes_the_secrets():
    data = {
        "providers": {
            "openai": {"keys": [{"name": "k", "value": SECRET, "weight": 1}],
                       "network_config": {"extra_headers": {"Authorization": "Bearer " + SECRET}}},
            "bedrock": {"keys": [{"name": "b", "weight": 1, "bedrock_key_config": {"secret_key": AWS_SECRET}}]},
        }
    }
    for path, text in (("config.json", json.dumps(data)), ("config.yaml", json.dumps(data, indent=1))):
        everything = lint(text, path)
        assert "PL304" in {d.code for d in everything}
        no_secret_in(everything, SECRET, AWS_SECRET)


def test_a_line_that_resolves_references_in_header_values_suggests_one(monkeypatch):
    import provlint.engine as engine
    from provlint.records import replace

    from provlint.catalog import load_catalog

    catalog = replace(load_catalog(), extra_header_values_resolve_references=True)
    monkeypatch.setattr(engine, "load_catalog", lambda version=None: catalog)
    found = pl304(json.dumps({"provider": "openai", "network_config": {"extra_headers": {"X-Api-Key": SECRET}}}))
    assert [d.pointer for d in found] == ["/network_config/extra_headers/X-Api-Key"]
    assert '"env.OPENAI_X_API_KEY"' in found[0].message and "does not resolve" not in found[0].message
    no_secret_in(found, SECRET)


def test_credential_words_elsewhere_in_a_header_name_are_quiet():
    text = json.dumps({"provider": "openai", "network_config": {"extra_headers": {
        "X-Auth-Mode": "oauth", "X-Token-Budget": "1000",
    }}})
    assert pl304(text) == []
    headers = {
        "X-Request-Id": "req-7f3a9c",
        "X-Auth-Mode": "oauth",
        "X-Token-Budget": "1000",
        "X-Max-Tokens": "4096",
        "Accept": "application/json",
        "OpenAI-Organization": "org-platform",
        "anthropic-version": "2023-06-01",
        "Idempotency-Key": "abc-123",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "X-Key-Id": "k-2024",
        "X-Secret-Rotation": "daily",
    }
    assert pl304(json.dumps({"provider": "openai", "network_config": {"extra_headers": headers}})) == []


def test_credential_header_names_and_last_words():
    names = (
        "Proxy-Authorization", "apikey", "X-Goog-Api-Key", "x_api_key", "X-Access-Token",
        "X-Service-Key", "X-Client-Secret", "X-Db-Password", "X-ApiKey", "X-Amz-Security-Token",
    )
    headers = {name: SECRET for name in names}
    found = pl304(json.dumps({"provider": "openai", "network_config": {"extra_headers": headers}}))
    assert [d.pointer.rsplit("/", 1)[-1] for d in found] == list(names)
    no_secret_in(found, SECRET)
