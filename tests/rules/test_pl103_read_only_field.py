from tests.conftest import codes_at, lint

KEY = '{"name": "k", "value": "env.K", "weight": 1}'


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def pl103(text, path="config.json", kind=None):
    return only(lint(text, path, kind=kind), "PL103")


def test_add_provider_request_reports_each_read_only_field_at_its_key():
    text = (
        '{\n  "provider": "openai",\n  "provider_status": "active",\n  "status": "ok",\n'
        '  "description": "",\n  "config_hash": "abc",\n  "name": "openai"\n}\n'
    )
    diagnostics = lint(text)
    found = only(diagnostics, "PL103")
    assert codes_at(found) == [("PL103", 3, 3), ("PL103", 4, 3), ("PL103", 5, 3), ("PL103", 6, 3), ("PL103", 7, 3)]
    assert [d.pointer for d in found] == ["/provider_status", "/status", "/description", "/config_hash", "/name"]
    assert found[0].span.end.column == 20
    assert found[0].severity.value == "warning"
    assert found[0].message == (
        "`provider_status` is read-only: Bifrost reports it about the provider and ignores it in "
        "an add-provider request; remove it"
    )
    assert found[4].message.endswith("(the request names the provider in `provider`); remove it")
    # One problem, one finding: the model's unknown-field finding is left to PL103.
    assert only(diagnostics, "PL101") == []


def test_update_provider_request():
    text = '{"network_config": {"max_retries": 1}, "config_hash": "abc", "name": "openai"}'
    found = pl103(text, kind="update-provider")
    assert codes_at(found) == [("PL103", 1, 40), ("PL103", 1, 62)]
    assert "ignores it in an update-provider request" in found[0].message
    assert "(the request names the provider in its URL)" in found[1].message


def test_config_file_provider_entry_and_its_keys():
    text = (
        '{"providers": {\n'
        '  "openai": {\n'
        '    "keys": [{"name": "k", "value": "env.K", "weight": 1, "config_hash": "h", "status": "s"}],\n'
        '    "config_hash": "abc",\n'
        '    "status": "list_models_failed",\n'
        '    "description": "x",\n'
        '    "provider_status": "active"\n'
        "  }\n}}\n"
    )
    diagnostics = lint(text)
    found = only(diagnostics, "PL103")
    assert codes_at(found) == [
        ("PL103", 3, 59), ("PL103", 3, 79), ("PL103", 4, 5), ("PL103", 5, 5), ("PL103", 6, 5), ("PL103", 7, 5),
    ]
    by_pointer = {d.pointer: d.message for d in found}
    assert by_pointer["/providers/openai/config_hash"] == (
        "`config_hash` is read-only: Bifrost reports it about the provider and ignores it in a "
        "config file, where it computes the hash itself; remove it"
    )
    assert by_pointer["/providers/openai/keys/0/config_hash"].startswith(
        "`config_hash` is read-only: Bifrost reports it about the key and ignores it in a key of a config file"
    )
    assert "/providers/openai/keys/0/status" in by_pointer
    # The models accept config_hash/status/description in a config entry, but not
    # provider_status: that unknown field is PL103's, not PL101's.
    assert only(diagnostics, "PL101") == []


def test_config_entry_name_says_the_key_names_the_provider():
    (found,) = pl103('{"providers": {"openai": {"keys": [%s], "name": "openai"}}}' % KEY)
    assert "(the entry's key under `providers` names the provider)" in found.message


def test_provider_response_may_carry_them():
    text = '{"name": "openai", "provider_status": "active", "status": "ok", "description": "", "config_hash": "abc"}'
    assert pl103(text) == []


def test_clean_payloads_and_wrong_types_are_quiet():
    assert pl103('{"provider": "openai", "network_config": {"max_retries": 1}}') == []
    assert pl103('{"providers": {"openai": null, "groq": [], "x": "y"}}') == []
    assert pl103('{"providers": {"openai": {"keys": "nope"}}}') == []
    assert pl103('{"providers": {"openai": {"keys": [null, 3, {"name": "k"}]}}}') == []
    assert pl103('{"providers": []}') == []


def test_yaml_add_provider():
    text = "provider: openai\nconfig_hash: abc\n"
    assert codes_at(pl103(text, "add.yaml")) == [("PL103", 2, 1)]
