from tests.conftest import codes_at, lint

CUSTOM = '"custom_provider_config": {"base_provider_type": "openai"}'
KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def pl202(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL202"]


def test_config_entry_is_reported_at_its_key():
    text = '{\n  "providers": {\n    "openai": {%s, %s}\n  }\n}\n' % (KEYS, CUSTOM)
    (found,) = pl202(text)
    assert codes_at([found]) == [("PL202", 3, 5)]
    assert found.span.end.column == 13
    assert found.pointer == "/providers/openai"
    assert found.severity.value == "error"
    assert found.message == (
        "custom provider `openai` has the id of the standard provider `openai`: Bifrost refuses "
        "custom providers on standard ids and skips the entry; give it a name of its own (e.g. "
        "`openai-custom`) or remove `custom_provider_config`"
    )


def test_ids_are_compared_in_lower_case():
    (found,) = pl202('{"providers": {"Anthropic": {%s, %s}}}' % (KEYS, CUSTOM))
    assert "has the id of the standard provider `anthropic`" in found.message


def test_add_provider_and_response_point_at_the_name_value():
    assert codes_at(pl202('{"provider": "groq", %s}' % CUSTOM)) == [("PL202", 1, 14)]
    response = '{"name": "groq", "provider_status": "active", %s}' % CUSTOM
    assert codes_at(pl202(response)) == [("PL202", 1, 10)]


def test_custom_names_standard_without_custom_config_and_null_config_are_fine():
    assert pl202('{"providers": {"my-openai": {%s, %s}}}' % (KEYS, CUSTOM)) == []
    assert pl202('{"providers": {"openai": {%s}}}' % KEYS) == []
    assert pl202('{"providers": {"openai": {%s, "custom_provider_config": null}}}' % KEYS) == []
    # A custom_provider_config of the wrong type is PL100's.
    assert pl202('{"providers": {"openai": {%s, "custom_provider_config": "x"}}}' % KEYS) == []


def test_update_payload_has_no_name():
    assert pl202('{%s}' % CUSTOM, kind="update-provider") == []


def test_yaml():
    text = "providers:\n  cohere:\n    custom_provider_config:\n      base_provider_type: openai\n"
    assert codes_at(pl202(text, "c.yaml")) == [("PL202", 2, 3)]
