from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def pl205(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL205"]


def test_config_key_is_reported_with_the_lower_case_id():
    text = '{\n  "providers": {\n    "OpenAI": {%s}\n  }\n}\n' % KEYS
    (found,) = pl205(text)
    assert codes_at([found]) == [("PL205", 3, 5)]
    assert found.span.end.column == 13
    assert found.pointer == "/providers/OpenAI"
    assert found.severity.value == "warning"
    assert found.message == (
        "provider id `OpenAI` is not lower case: Bifrost lowercases provider ids when it loads "
        "them, so it becomes `openai`; write `openai`"
    )


def test_custom_provider_names_count_too():
    text = '{"providers": {"MyGateway": {%s, "custom_provider_config": {"base_provider_type": "openai"}}}}' % KEYS
    (found,) = pl205(text)
    assert "becomes `mygateway`" in found.message


def test_lower_case_ids_and_non_letters_are_fine():
    assert pl205('{"providers": {"openai": {%s}, "my-gw_2": {%s}}}' % (KEYS, KEYS)) == []


def test_payloads():
    assert codes_at(pl205('{"provider": "Groq"}')) == [("PL205", 1, 14)]
    assert codes_at(pl205('{"name": "GROQ", "provider_status": "active"}')) == [("PL205", 1, 10)]
    assert pl205('{"network_config": {}}', kind="update-provider") == []
    # A wrong type is not a name.
    assert pl205('{"provider": 3}') == []


def test_yaml():
    assert codes_at(pl205("providers:\n  Anthropic:\n    keys: []\n", "c.yaml")) == [("PL205", 2, 3)]
