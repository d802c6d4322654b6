from tests.conftest import codes_at, lint

KEY = '{"name": "k", "value": "env.K", "weight": 1}'


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def test_legacy_backoff_key_is_reported_at_the_key_with_its_replacement():
    text = '{\n  "network_config": {\n    "retry_backoff_initial_ms": 500\n  }\n}\n'
    diagnostics = lint(text, target_version="1.5")
    (found,) = only(diagnostics, "PL104")
    assert codes_at([found]) == [("PL104", 3, 5)]
    assert found.span.end.column == 31
    assert found.pointer == "/network_config/retry_backoff_initial_ms"
    assert found.severity.value == "warning"
    assert found.message == (
        "`retry_backoff_initial_ms` is a legacy field that Bifrost 1.5 no longer reads (it is "
        "silently ignored); use retry_backoff_initial (milliseconds) instead"
    )
    assert only(diagnostics, "PL101") == []


def test_every_dropped_field_of_the_catalog_in_a_config_file():
    text = (
        '{"providers": {"openai": {\n'
        '  "keys": [%s],\n'
        '  "network_config": {"retry_backoff_max_ms": 5000},\n'
        '  "meta_config": {},\n'
        '  "pricing_overrides": []\n'
        "}}}\n" % KEY
    )
    found = only(lint(text), "PL104")
    assert codes_at(found) == [("PL104", 3, 22), ("PL104", 4, 3), ("PL104", 5, 3)]
    assert "use retry_backoff_max (milliseconds) instead" in found[0].message
    assert "use the per-key sub-configs" in found[1].message
    assert "use governance.pricing_overrides instead" in found[2].message


def test_key_deployments_is_legacy():
    text = '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "weight": 1, "deployments": {}}]}}}'
    (found,) = only(lint(text), "PL104")
    assert found.pointer == "/providers/openai/keys/0/deployments"
    assert "the key's aliases map" in found.message


def test_a_dropped_name_where_any_name_is_allowed_is_fine():
    # extra_headers takes any header name; a header called meta_config is no legacy field.
    text = '{"network_config": {"extra_headers": {"meta_config": "x", "pricing_overrides": "y"}}}'
    assert only(lint(text), "PL104") == []


def test_azure_deployments_is_legacy_in_1_5():
    text = (
        '{"providers": {"azure": {"keys": [{"name": "k", "value": "env.K", "weight": 1, '
        '"azure_key_config": {"endpoint": "https://x.openai.azure.com", "deployments": {"gpt-4o": "d"}}}]}}}'
    )
    (found,) = only(lint(text), "PL104")
    assert found.pointer == "/providers/azure/keys/0/azure_key_config/deployments"


def test_add_update_and_response_documents():
    assert codes_at(only(lint('{"provider": "openai", "meta_config": {}}'), "PL104")) == [("PL104", 1, 24)]
    update = '{"network_config": {"retry_backoff_max_ms": 1}}'
    assert [d.pointer for d in only(lint(update), "PL104")] == ["/network_config/retry_backoff_max_ms"]
    response = '{"name": "openai", "provider_status": "active", "pricing_overrides": []}'
    assert [d.pointer for d in only(lint(response), "PL104")] == ["/pricing_overrides"]


def test_ordinary_typos_stay_unknown_fields():
    diagnostics = lint('{"network_config": {"max_retry": 3}}')
    assert only(diagnostics, "PL104") == []
    assert [d.code for d in diagnostics] == ["PL101"]


def test_yaml():
    text = "network_config:\n  retry_backoff_initial_ms: 500\n"
    assert codes_at(only(lint(text, "p.yaml"), "PL104")) == [("PL104", 2, 3)]
