from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def custom(base):
    return '"custom_provider_config": {"base_provider_type": %s}' % base


def test_standard_id_that_is_no_base_is_reported_at_the_value():
    text = '{\n  "providers": {\n    "my-groq": {\n      %s,\n      %s\n    }\n  }\n}\n' % (KEYS, custom('"groq"'))
    (found,) = only(lint(text, target_version="1.5"), "PL203")
    assert codes_at([found]) == [("PL203", 5, 56)]
    assert found.span.end.column == 62
    assert found.pointer == "/providers/my-groq/custom_provider_config/base_provider_type"
    assert found.severity.value == "error"
    assert found.message == (
        "`base_provider_type` `groq` cannot be the base of a custom provider: Bifrost 1.5 accepts "
        "only anthropic, bedrock, cohere, gemini, openai, huggingface, replicate and skips the "
        "provider otherwise; choose the one whose API the provider speaks"
    )


def test_every_supported_base_passes():
    from provlint.catalog import load_catalog

    for base in load_catalog("1.5").custom_provider_bases:
        assert only(lint('{"provider": "mine", %s}' % custom('"%s"' % base)), "PL203") == []


def test_unknown_ids_and_wrong_types_are_pl100_only():
    diagnostics = lint('{"provider": "mine", %s}' % custom('"opnai"'))
    assert only(diagnostics, "PL203") == []
    assert [d.code for d in only(diagnostics, "PL100")] == ["PL100"]
    for value in ("3", "null", '"OpenAI"'):
        assert only(lint('{"provider": "mine", %s}' % custom(value)), "PL203") == []
    assert only(lint('{"provider": "mine", "custom_provider_config": []}'), "PL203") == []


def test_add_update_and_response_payloads():
    assert codes_at(only(lint('{"provider": "mine", %s}' % custom('"vertex"')), "PL203")) == [("PL203", 1, 71)]
    update = only(lint('{%s}' % custom('"mistral"')), "PL203")
    assert [d.pointer for d in update] == ["/custom_provider_config/base_provider_type"]
    response = '{"name": "mine", "provider_status": "active", %s}' % custom('"ollama"')
    assert len(only(lint(response), "PL203")) == 1


def test_yaml():
    text = "provider: mine\ncustom_provider_config:\n  base_provider_type: azure\n"
    assert codes_at(only(lint(text, "add.yaml"), "PL203")) == [("PL203", 3, 23)]
