from tests.conftest import codes_at, lint


def pl505(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL505"]


def config(field, entries):
    return (
        '{"providers": {\n'
        '  "openai": {"keys": [\n'
        '    {"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1,\n'
        '     "%s": %s}\n'
        "  ]}\n"
        "}}\n"
    ) % (field, entries)


def test_wildcard_mixed_with_names_is_reported_at_the_wildcard():
    found = pl505(config("models", '["gpt-4o", "*", "gpt-4o-mini"]'))
    assert codes_at(found) == [("PL505", 4, 27)]
    assert found[0].pointer == "/providers/openai/keys/0/models/1"
    assert found[0].severity.value == "error"
    assert '"*"' in found[0].message and "allows every model" in found[0].message


def test_blacklist_wording():
    found = pl505(config("blacklisted_models", '["*", "gpt-4o"]'))
    assert [d.pointer for d in found] == ["/providers/openai/keys/0/blacklisted_models/0"]
    assert "blocks every model" in found[0].message


def test_case_insensitive_duplicates_are_reported_at_the_later_entry():
    found = pl505(config("models", '["gpt-4o", "o1", "GPT-4o"]'))
    assert codes_at(found) == [("PL505", 4, 33)]
    assert found[0].pointer == "/providers/openai/keys/0/models/2"
    assert "`GPT-4o`" in found[0].message and "`gpt-4o`" in found[0].message and "index 0" in found[0].message
    found = pl505(config("models", '["o1", "o1"]'))
    assert [d.pointer for d in found] == ["/providers/openai/keys/0/models/1"]
    assert "case-insensitively" not in found[0].message


def test_repeated_wildcard_is_a_duplicate_not_a_mix():
    found = pl505(config("models", '["*", "*"]'))
    assert [d.pointer for d in found] == ["/providers/openai/keys/0/models/1"]
    assert "again" in found[0].message


def test_mixed_and_duplicate_in_one_list():
    found = pl505(config("models", '["*", "a", "A"]'))
    assert [d.pointer for d in found] == ["/providers/openai/keys/0/models/0", "/providers/openai/keys/0/models/2"]


def test_quiet_cases():
    for entries in ('["*"]', "[]", '["gpt-4o", "gpt-4o-mini"]', "null", '"*"', '["*", 5]', '[null, "*"]', '["gpt-4o", 1, 1]'):
        assert pl505(config("models", entries)) == [], entries
    assert pl505('{"providers": {"openai": {"keys": [null, "k"]}}}') == []
    assert pl505('{"providers": {"openai": {"keys": {"models": ["*", "a"]}}}}') == []


def test_every_key_and_provider_yaml_and_payload():
    text = (
        '{"providers": {'
        '"openai": {"keys": [{"name": "a", "weight": 1, "models": ["*"]}, {"name": "b", "weight": 1, "models": ["*", "o1"]}]},'
        ' "groq": {"keys": [{"name": "a", "weight": 1, "models": ["x", "X"]}]}}}'
    )
    assert [d.pointer for d in pl505(text)] == ["/providers/openai/keys/1/models/0", "/providers/groq/keys/0/models/1"]
    text = "providers:\n  openai:\n    keys:\n      - name: a\n        weight: 1\n        models: ['*', gpt-4o]\n"
    assert codes_at(pl505(text, "c.yaml")) == [("PL505", 6, 18)]
    add = '{"provider": "openai", "keys": [{"name": "a", "weight": 1, "models": ["*", "o1"]}]}'
    assert [d.pointer for d in pl505(add)] == ["/keys/0/models/0"]
