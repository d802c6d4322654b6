from tests.conftest import codes_at, lint


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def payload(field, entries, name="my-llm"):
    return (
        '{"provider": "%s", "network_config": {"base_url": "https://llm.example.com"},\n'
        '"custom_provider_config": {"base_provider_type": "openai",\n'
        '"%s": %s}}\n' % (name, field, entries)
    )


def test_misspelt_allowed_request_is_reported_at_the_key_with_a_suggestion():
    diagnostics = lint(payload("allowed_requests", '{"chat_completion": true, "embedings": true}'), target_version="1.5")
    (found,) = only(diagnostics, "PL207")
    assert codes_at([found]) == [("PL207", 3, 47)]
    assert found.span.end.column == 58
    assert found.pointer == "/custom_provider_config/allowed_requests/embedings"
    assert found.severity.value == "error"
    assert found.message == (
        "`embedings` in `allowed_requests` is not a request type of Bifrost 1.5: Bifrost ignores "
        "it, so the request type it was meant to allow stays refused; did you mean `embedding`?"
    )
    # The models report the unknown key too; PL207 claims it.
    assert only(diagnostics, "PL101") == []


def test_path_override_under_an_unknown_type():
    (found,) = only(lint(payload("request_path_overrides", '{"chat": "/v2/chat"}'), target_version="1.5"), "PL207")
    assert found.pointer == "/custom_provider_config/request_path_overrides/chat"
    assert "in `request_path_overrides` is not a request type of Bifrost 1.5: Bifrost never uses this override" in found.message


def test_a_type_of_a_later_line_says_so():
    (found,) = only(lint(payload("allowed_requests", '{"rerank": true}'), target_version="1.5"), "PL207")
    assert found.message.endswith("; it is a request type of Bifrost 2.0 and later")


def test_no_close_match_lists_the_request_types():
    (found,) = only(lint(payload("allowed_requests", '{"zzz": false}'), target_version="1.5"), "PL207")
    assert "did you mean" not in found.message
    assert "; request types: list_models, text_completion," in found.message


def test_every_catalog_request_type_is_known_in_both_maps():
    from provlint.catalog import load_catalog

    types = load_catalog("1.5").request_types
    allowed = "{" + ", ".join('"%s": true' % t for t in types) + "}"
    overrides = "{" + ", ".join('"%s": "/x"' % t for t in types) + "}"
    assert only(lint(payload("allowed_requests", allowed)), "PL207") == []
    assert only(lint(payload("request_path_overrides", overrides)), "PL207") == []


def test_wrong_types_are_quiet():
    for value in ("null", "[]", '"chat"', "3"):
        assert only(lint(payload("allowed_requests", value)), "PL207") == []
        assert only(lint(payload("request_path_overrides", value)), "PL207") == []
    assert only(lint('{"provider": "x", "custom_provider_config": "y"}'), "PL207") == []


def test_config_file_with_several_providers():
    text = (
        '{"providers": {\n'
        '"a": {"keys": [], "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"speach": true}}},\n'
        '"b": {"keys": [], "custom_provider_config": {"base_provider_type": "openai", "request_path_overrides": {"speach": "/s"}}}\n'
        "}}\n"
    )
    found = only(lint(text), "PL207")
    assert [d.pointer for d in found] == [
        "/providers/a/custom_provider_config/allowed_requests/speach",
        "/providers/b/custom_provider_config/request_path_overrides/speach",
    ]
    assert all("did you mean `speech`?" in d.message for d in found)


def test_update_and_response_payloads():
    update = '{"custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat": true}}}'
    assert len(only(lint(update), "PL207")) == 1
    response = '{"name": "x", "provider_status": "active", "custom_provider_config": {"base_provider_type": "openai", "allowed_requests": {"chat": true}}}'
    assert len(only(lint(response), "PL207")) == 1


def test_yaml():
    text = "provider: x\ncustom_provider_config:\n  base_provider_type: openai\n  allowed_requests:\n    chat: true\n"
    assert codes_at(only(lint(text, "add.yaml"), "PL207")) == [("PL207", 5, 5)]
