from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.MY_LLM_KEY", "weight": 1}]'


def pl407(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL407"]


def test_custom_provider_without_network_config_is_reported_at_the_custom_config_key():
    text = (
        '{"providers": {\n'
        '  "my-llm": {\n'
        "    %s,\n"
        '    "custom_provider_config": {"base_provider_type": "openai"}\n'
        "  }\n"
        "}}\n"
    ) % KEYS
    found = pl407(text)
    assert codes_at(found) == [("PL407", 4, 5)]
    assert found[0].pointer == "/providers/my-llm/custom_provider_config"
    assert found[0].severity.value == "warning"
    assert "`my-llm`" in found[0].message and "`openai`" in found[0].message
    assert "network_config.base_url" in found[0].message


def test_blank_or_null_base_url_and_an_empty_network_config_are_reported():
    for network in ('{}', '{"base_url": ""}', '{"base_url": null}', '{"base_url": "   "}', "null"):
        text = '{"providers": {"my-llm": {%s, "network_config": %s, "custom_provider_config": {"base_provider_type": "anthropic"}}}}' % (KEYS, network)
        assert len(pl407(text)) == 1, network


def test_base_url_set_or_not_custom_is_quiet():
    text = '{"providers": {"my-llm": {%s, "network_config": {"base_url": "https://llm.internal"}, "custom_provider_config": {"base_provider_type": "openai"}}}}' % KEYS
    assert pl407(text) == []
    assert pl407('{"providers": {"openai": {%s}}}' % KEYS) == []
    assert pl407('{"providers": {"openai": {%s, "custom_provider_config": null}}}' % KEYS) == []
    # Wrong types are PL100's.
    assert pl407('{"custom_provider_config": {"base_provider_type": "openai"}, "network_config": {"base_url": 5}}') == []
    assert pl407('{"custom_provider_config": {"base_provider_type": "openai"}, "network_config": "x"}') == []
    assert pl407('{"custom_provider_config": "openai"}') == []


def test_unknown_base_gets_generic_wording():
    found = pl407('{"provider": "my-llm", "custom_provider_config": {}}')
    assert len(found) == 1 and "its base provider's public endpoint" in found[0].message


def test_update_payload_without_network_config_keeps_the_stored_one():
    assert pl407('{"custom_provider_config": {"base_provider_type": "openai"}}', kind="update-provider") == []
    found = pl407('{"custom_provider_config": {"base_provider_type": "openai"}, "network_config": {"max_retries": 1}}', kind="update-provider")
    assert [d.pointer for d in found] == ["/custom_provider_config"]
    assert "this custom provider" in found[0].message


def test_add_payload_response_and_yaml():
    add = '{"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai"}}'
    assert [d.pointer for d in pl407(add)] == ["/custom_provider_config"]
    response = '{"name": "my-llm", "provider_status": "active", "custom_provider_config": {"base_provider_type": "openai"}}'
    assert [d.pointer for d in pl407(response)] == ["/custom_provider_config"]
    text = "providers:\n  my-llm:\n    custom_provider_config:\n      base_provider_type: openai\n"
    assert codes_at(pl407(text, "p.yaml")) == [("PL407", 3, 5)]
