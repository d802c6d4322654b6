from tests.conftest import codes_at, lint


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def payload(overrides, base="openai"):
    return (
        '{"provider": "my-llm", "network_config": {"base_url": "https://llm.example.com"},\n'
        '"custom_provider_config": {"base_provider_type": "%s",\n'
        '"request_path_overrides": %s}}\n' % (base, overrides)
    )


def pl208(text, path="config.json"):
    return only(lint(text, path), "PL208")


def test_full_url_is_reported_at_the_value_with_its_path_suggested():
    (found,) = pl208(payload('{"chat_completion": "https://llm.example.com/v2/chat"}'))
    assert codes_at([found]) == [("PL208", 3, 47)]
    assert found.span.end.column == 80
    assert found.pointer == "/custom_provider_config/request_path_overrides/chat_completion"
    assert found.severity.value == "error"
    assert found.message == (
        "the path override for `chat_completion` contains a scheme or host: it must be only the "
        "absolute path, appended to `network_config.base_url` (which holds the host); did you "
        "mean `/v2/chat`?"
    )


def test_credentials_in_a_url_are_never_echoed():
    (found,) = pl208(payload('{"embedding": "https://user:s3cret@llm.example.com/v1/embed?x=1"}'))
    assert "s3cret" not in found.message and "user" not in found.message
    assert "did you mean `/v1/embed`? (the query string was dropped from the suggestion" in found.message
    assert "x=1" not in found.message


def test_a_secret_in_the_query_string_is_never_echoed():
    (found,) = pl208(payload('{"chat_completion": "https://gw.example.com/v1/chat?api_key=AIzaLEAK99"}'))
    assert "AIzaLEAK99" not in found.message and "api_key" not in found.message
    assert found.message.endswith(
        "did you mean `/v1/chat`? (the query string was dropped from the suggestion; keep "
        "credentials out of the override)"
    )
    (fragment,) = pl208(payload('{"embedding": "//gw.example.com/v1/embed?key=AIzaLEAK99#tok=AIzaLEAK98"}'))
    assert "AIzaLEAK9" not in fragment.message
    assert "did you mean `/v1/embed`? (the query string and fragment were dropped" in fragment.message
    (relative,) = pl208(payload('{"embedding": "v1/embed?api_key=AIzaLEAK99"}'))
    assert "AIzaLEAK99" not in relative.message
    assert "did you mean `/v1/embed`? (the query string was dropped" in relative.message
    (userinfo,) = pl208(payload('{"embedding": "user:AIzaLEAK99@gw.example.com/v1"}'))
    assert "AIzaLEAK99" not in userinfo.message and "did you mean" not in userinfo.message


def test_scheme_relative_and_hostless_urls():
    (found,) = pl208(payload('{"embedding": "//llm.example.com/v1/embed"}'))
    assert "contains a scheme or host" in found.message and "did you mean `/v1/embed`?" in found.message
    (bare,) = pl208(payload('{"embedding": "https://llm.example.com"}'))
    assert "did you mean" not in bare.message


def test_relative_and_empty_paths():
    (relative,) = pl208(payload('{"embedding": "v1/embeddings"}'))
    assert relative.message == (
        "the path override for `embedding` must be an absolute path starting with `/`; did you mean `/v1/embeddings`?"
    )
    (empty,) = pl208(payload('{"embedding": ""}'))
    assert empty.message == "the path override for `embedding` is empty: it must be an absolute path starting with `/`"
    (spaced,) = pl208(payload('{"embedding": "v1 embeddings"}'))
    assert "did you mean" not in spaced.message


def test_good_paths_and_non_strings_are_quiet():
    assert pl208(payload('{"chat_completion": "/v2/chat", "embedding": "/embed?api-version=1"}')) == []
    assert pl208(payload('{"chat_completion": 3, "embedding": null}')) == []
    assert pl208(payload("null")) == []
    assert pl208(payload('"x"')) == []


def test_a_base_without_overrides_reports_the_map_once():
    (found,) = pl208(payload('{"chat_completion": "https://x/y", "embedding": "/e"}', base="bedrock"))
    assert codes_at([found]) == [("PL208", 3, 1)]
    assert found.pointer == "/custom_provider_config/request_path_overrides"
    assert found.message == (
        "`request_path_overrides` is not supported on a custom provider based on `bedrock`: "
        "Bifrost does not apply path overrides to `bedrock`; remove it"
    )
    assert pl208(payload("{}", base="bedrock")) == []


def test_config_file_and_update_payload():
    text = (
        '{"providers": {"my": {"keys": [], "custom_provider_config": {"base_provider_type": "openai",'
        ' "request_path_overrides": {"embedding": "embed"}}}}}'
    )
    assert [d.pointer for d in pl208(text)] == ["/providers/my/custom_provider_config/request_path_overrides/embedding"]
    update = '{"custom_provider_config": {"base_provider_type": "openai", "request_path_overrides": {"embedding": "embed"}}}'
    assert len(pl208(update)) == 1


def test_yaml():
    text = (
        "provider: x\ncustom_provider_config:\n  base_provider_type: openai\n"
        "  request_path_overrides:\n    embedding: embed\n"
    )
    assert codes_at(pl208(text, "add.yaml")) == [("PL208", 5, 16)]
