from tests.conftest import codes_at, lint


def pl204(text, path="config.json"):
    return [d for d in lint(text, path) if d.code == "PL204"]


def test_keyless_bedrock_is_reported_at_is_key_less():
    text = (
        '{"providers": {"my-bedrock": {"keys": [],\n'
        '  "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": true}}}}\n'
    )
    (found,) = pl204(text)
    assert codes_at([found]) == [("PL204", 2, 78)]
    assert found.span.end.column == 82
    assert found.pointer == "/providers/my-bedrock/custom_provider_config/is_key_less"
    assert found.severity.value == "error"
    assert found.message == (
        "`is_key_less: true` is not allowed on a custom provider based on `bedrock`: Bifrost "
        "rejects keyless `bedrock` providers and skips the entry; remove `is_key_less` and give "
        "the provider keys"
    )


def test_other_bases_false_and_wrong_types_are_quiet():
    assert pl204('{"provider": "x", "custom_provider_config": {"base_provider_type": "openai", "is_key_less": true}}') == []
    assert pl204('{"provider": "x", "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": false}}') == []
    assert pl204('{"provider": "x", "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": "true"}}') == []
    assert pl204('{"provider": "x", "custom_provider_config": {"base_provider_type": ["bedrock"], "is_key_less": true}}') == []
    assert pl204('{"provider": "x", "custom_provider_config": {"is_key_less": true}}') == []
    assert pl204('{"provider": "x", "custom_provider_config": null}') == []


def test_update_and_response_payloads():
    block = '"custom_provider_config": {"is_key_less": true, "base_provider_type": "bedrock"}'
    assert codes_at(pl204('{%s}' % block)) == [("PL204", 1, 44)]
    assert len(pl204('{"name": "x", "provider_status": "active", %s}' % block)) == 1


def test_yaml():
    text = "provider: x\ncustom_provider_config:\n  base_provider_type: bedrock\n  is_key_less: true\n"
    assert codes_at(pl204(text, "add.yaml")) == [("PL204", 4, 16)]
