from tests.conftest import codes_at, lint


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def payload(allowed):
    return (
        '{"provider": "my-llm", "network_config": {"base_url": "https://llm.example.com"},\n'
        '"custom_provider_config": {"base_provider_type": "openai",\n'
        '"allowed_requests": %s}}\n' % allowed
    )


def pl209(text, path="config.json"):
    return only(lint(text, path), "PL209")


def test_all_false_is_reported_at_the_key():
    (found,) = pl209(payload('{"chat_completion": false, "embedding": false}'))
    assert codes_at([found]) == [("PL209", 3, 1)]
    assert found.span.end.column == 19
    assert found.pointer == "/custom_provider_config/allowed_requests"
    assert found.severity.value == "warning"
    assert found.message == (
        "`allowed_requests` sets every request type it lists to false, so the provider serves no "
        "request at all: once the object is present Bifrost allows only the types set to true; "
        "set the types the provider serves to true, or remove `allowed_requests` to allow every type"
    )


def test_an_empty_object_allows_nothing():
    (found,) = pl209(payload("{}"))
    assert found.message.startswith("`allowed_requests` is empty, so the provider serves no request at all")


def test_one_true_entry_null_and_absent_are_fine():
    assert pl209(payload('{"chat_completion": true, "embedding": false}')) == []
    assert pl209(payload("null")) == []
    assert pl209('{"provider": "x", "custom_provider_config": {"base_provider_type": "openai"}}') == []


def test_non_booleans_and_wrong_types_are_left_to_pl100():
    assert pl209(payload('{"chat_completion": "true"}')) == []
    assert pl209(payload('{"chat_completion": false, "embedding": null}')) == []
    assert pl209(payload("[]")) == []
    assert pl209('{"provider": "x", "custom_provider_config": []}') == []


def test_a_misspelt_type_set_to_true_is_pl207s():
    diagnostics = lint(payload('{"chat_complete": true}'))
    assert only(diagnostics, "PL209") == []
    assert len(only(diagnostics, "PL207")) == 1


def test_config_file_with_several_providers():
    text = (
        '{"providers": {\n'
        '"a": {"keys": [], "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {}}},\n'
        '"b": {"keys": [], "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"speech": true}}},\n'
        '"c": {"keys": [], "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"speech": false}}}\n'
        "}}\n"
    )
    assert [d.pointer for d in pl209(text)] == [
        "/providers/a/custom_provider_config/allowed_requests",
        "/providers/c/custom_provider_config/allowed_requests",
    ]


def test_update_and_response_payloads():
    block = '"custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {}}'
    assert len(pl209('{%s}' % block)) == 1
    assert len(pl209('{"name": "x", "provider_status": "active", %s}' % block)) == 1


def test_yaml():
    text = "provider: x\ncustom_provider_config:\n  base_provider_type: openai\n  allowed_requests: {}\n"
    assert codes_at(pl209(text, "add.yaml")) == [("PL209", 4, 3)]
