from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]'


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def test_update_request_with_keys_is_an_error_at_the_key():
    text = '{\n  "network_config": {"max_retries": 1},\n  %s\n}\n' % KEYS
    diagnostics = lint(text)
    (found,) = only(diagnostics, "PL105")
    assert codes_at([found]) == [("PL105", 3, 3)]
    assert found.span.end.column == 9
    assert found.pointer == "/keys"
    assert found.severity.value == "error"
    assert found.message == (
        "`keys` does not belong in this request: Bifrost rejects an update-provider request that "
        "carries keys; remove it and add or change keys through /api/providers/{provider}/keys"
    )
    assert only(diagnostics, "PL101") == []


def test_add_provider_request():
    (found,) = only(lint('{"provider": "openai", %s}' % KEYS), "PL105")
    assert codes_at([found]) == [("PL105", 1, 24)]
    assert "the add-provider request takes no keys" in found.message


def test_keys_of_any_type_and_empty_keys_are_reported():
    for value in ("[]", "null", '"x"', "{}"):
        found = only(lint('{"provider": "openai", "keys": %s}' % value), "PL105")
        assert [d.pointer for d in found] == ["/keys"], value


def test_keys_beside_settings_is_an_update_request_but_keys_alone_is_no_bifrost_shape():
    assert codes_at(only(lint('{"keys": [], "network_config": {}}'), "PL105")) == [("PL105", 1, 2)]
    # {"keys": [...]} alone is as likely a JWKS file: named explicitly it is PL003, not PL105.
    assert [d.code for d in lint('{"keys": []}')] == ["PL003"]


def test_config_file_and_response_are_not_requests():
    assert only(lint('{"providers": {"openai": {%s}}}' % KEYS), "PL105") == []
    assert only(lint('{"name": "openai", "provider_status": "active", %s}' % KEYS), "PL105") == []


def test_yaml():
    text = "provider: openai\nkeys: []\n"
    assert codes_at(only(lint(text, "add.yaml"), "PL105")) == [("PL105", 2, 1)]
