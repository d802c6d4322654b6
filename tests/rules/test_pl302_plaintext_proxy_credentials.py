from tests.conftest import codes_at, lint

SECRET = "hunter2-Very-Secret"


def pl302(text, path="config.json"):
    return [d for d in lint(text, path) if d.code == "PL302"]


def proxy(username, password):
    return '{\n  "proxy_config": {\n    "type": "http",\n    "url": "https://proxy:3128",\n    "username": %s,\n    "password": %s\n  }\n}\n' % (username, password)


def test_literal_username_and_password_at_their_values():
    found = pl302(proxy('"svc"', '"%s"' % SECRET))
    assert codes_at(found) == [("PL302", 5, 17), ("PL302", 6, 17)]
    assert [d.pointer for d in found] == ["/proxy_config/username", "/proxy_config/password"]


def test_message_never_contains_the_secret():
    for d in pl302(proxy('"svc"', '"%s"' % SECRET)):
        assert SECRET not in d.message and "svc\"" not in d.message
        assert "env.PROXY_" in d.message


def test_references_redactions_and_empty_values_are_quiet():
    assert pl302(proxy('"env.PROXY_USER"', '"env.PROXY_PASSWORD"')) == []
    assert pl302(proxy('"vault.proxy/user"', '"<REDACTED>"')) == []
    assert pl302(proxy('""', '"********"')) == []
    assert pl302(proxy('"abcd************************wxyz"', '"[REDACTED]"')) == []
    assert pl302(proxy('{"value": "", "ref": "env.U", "type": "env"}', '{"env_var": "P", "from_env": true}')) == []


def test_object_form_with_a_literal_value_is_reported():
    found = pl302(proxy('{"value": "svc", "type": "plain_text"}', '"env.P"'))
    assert codes_at(found) == [("PL302", 5, 17)]
