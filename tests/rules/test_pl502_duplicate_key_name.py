from tests.conftest import codes_at, lint


def pl502(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL502"]


def key(name, env="OPENAI_KEY_A"):
    return '{"name": %s, "value": "env.%s", "weight": 1}' % (name, env)


def config(*keys, provider="openai"):
    return '{"providers": {\n  "%s": {"keys": [\n    %s\n  ]}\n}}\n' % (provider, ",\n    ".join(keys))


def test_second_use_is_reported_at_its_name_value():
    found = pl502(config(key('"main"'), key('"main"', "OPENAI_KEY_B")))
    assert codes_at(found) == [("PL502", 4, 14)]
    assert found[0].pointer == "/providers/openai/keys/1/name"
    assert found[0].severity.value == "error"
    assert "`main`" in found[0].message and "`keys[0]`" in found[0].message


def test_every_later_use_names_the_first():
    found = pl502(config(key('"a"'), key('"b"'), key('"a"'), key('"a"')))
    assert [d.pointer for d in found] == ["/providers/openai/keys/2/name", "/providers/openai/keys/3/name"]
    assert all("`keys[0]`" in d.message for d in found)


def test_names_are_compared_exactly_and_per_provider():
    assert pl502(config(key('"main"'), key('"Main"'), key('"main "'))) == []
    text = '{"providers": {"openai": {"keys": [%s]}, "groq": {"keys": [%s]}}}' % (key('"main"'), key('"main"'))
    assert pl502(text) == []


def test_missing_and_wrong_typed_names_and_keys_are_skipped():
    assert pl502(config('{"value": "env.A", "weight": 1}', '{"value": "env.B", "weight": 1}')) == []
    assert pl502(config(key("1"), key("1"), key("null"), key("null"))) == []
    assert pl502(config('"main"', '"main"', "null")) == []
    assert pl502('{"providers": {"openai": {"keys": {"main": {}}}}}') == []


def test_yaml_and_payload_with_keys():
    text = "providers:\n  openai:\n    keys:\n      - name: a\n        weight: 1\n      - name: a\n        weight: 1\n"
    assert codes_at(pl502(text, "c.yaml")) == [("PL502", 6, 15)]
    add = '{"provider": "openai", "keys": [%s, %s]}' % (key('"a"'), key('"a"'))
    assert [d.pointer for d in pl502(add)] == ["/keys/1/name"]
