from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def config(name: str, extra: str = "") -> str:
    return '{\n  "providers": {\n    "%s": {%s%s}\n  }\n}\n' % (name, KEYS, extra)


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def test_typo_is_reported_at_the_key_with_a_suggestion():
    found = only(lint(config("opnai"), target_version="1.5"), "PL201")
    assert codes_at(found) == [("PL201", 3, 5)]
    assert found[0].span.end.column == 12
    assert found[0].message == "unknown provider `opnai` for Bifrost 1.5; did you mean `openai`?"
    assert found[0].pointer == "/providers/opnai"


def test_no_close_match_lists_the_known_ids():
    (found,) = only(lint(config("claude")), "PL201")
    assert "did you mean" not in found.message
    assert "known providers: openai, azure, anthropic," in found.message
    assert found.message.endswith("a custom provider needs `custom_provider_config`")


def test_provider_of_a_later_line_says_so():
    (found,) = only(lint(config("deepseek"), target_version="1.5"), "PL201")
    assert found.message.startswith("unknown provider `deepseek` for Bifrost 1.5: it is a provider of Bifrost 2.0 and later")


def test_every_catalog_id_and_any_case_of_it_is_known():
    from provlint.catalog import load_catalog

    for name in load_catalog("1.5").provider_ids:
        assert only(lint(config(name)), "PL201") == []
        assert only(lint(config(name.upper())), "PL201") == []


def test_custom_provider_is_not_unknown():
    extra = ', "custom_provider_config": {"base_provider_type": "openai"}'
    assert only(lint(config("my-gateway", extra)), "PL201") == []


def test_add_provider_payload_points_at_the_value():
    text = '{\n  "provider": "opnai",\n  "network_config": {}\n}\n'
    found = only(lint(text), "PL201")
    assert codes_at(found) == [("PL201", 2, 15)]
    assert found[0].pointer == "/provider"


def test_provider_response_points_at_name():
    text = '{"name": "anthropc", "provider_status": "active"}'
    found = only(lint(text), "PL201")
    assert codes_at(found) == [("PL201", 1, 10)]
    assert "did you mean `anthropic`?" in found[0].message


def test_update_payload_has_no_name_to_check():
    assert only(lint('{"network_config": {"max_retries": 1}}'), "PL201") == []


def test_yaml_config_key_position():
    text = "providers:\n  opnai:\n    keys: []\n"
    assert codes_at(only(lint(text, "config.yaml"), "PL201")) == [("PL201", 2, 3)]
