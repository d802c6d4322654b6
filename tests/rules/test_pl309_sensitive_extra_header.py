import json

import pytest

from tests.conftest import codes_at, lint

SECRET = "sk-live-HeaderSecret-42"


def pl309(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL309"]


def headers(mapping):
    return json.dumps({"network_config": {"extra_headers": mapping}})


def test_reported_at_the_header_name():
    text = '{\n  "network_config": {\n    "extra_headers": {\n      "Authorization": "env.TOKEN",\n      "X-Team": "a"\n    }\n  }\n}\n'
    found = pl309(text)
    assert codes_at(found) == [("PL309", 4, 7)]
    assert found[0].pointer == "/network_config/extra_headers/Authorization"
    assert found[0].span.end.column == 22
    assert found[0].severity.value == "warning"
    assert "`Authorization`" in found[0].message and "key's `value`" in found[0].message


@pytest.mark.parametrize("name, words", [
    ("authorization", "credential"), ("X-API-KEY", "credential"), ("Api-Key", "credential"),
    ("Host", "HTTP client"), ("content-length", "HTTP client"),
    ("Connection", "hop-by-hop"), ("Keep-Alive", "hop-by-hop"), ("Proxy-Authenticate", "hop-by-hop"),
    ("Proxy-Authorization", "hop-by-hop"), ("Proxy-Connection", "hop-by-hop"), ("TE", "hop-by-hop"),
    ("Trailer", "hop-by-hop"), ("Transfer-Encoding", "hop-by-hop"), ("UPGRADE", "hop-by-hop"),
])
def test_every_listed_header_case_insensitively(name, words):
    found = pl309(headers({name: "x"}))
    assert [d.pointer for d in found] == ["/network_config/extra_headers/" + name]
    assert words in found[0].message and f"`{name}`" in found[0].message


def test_other_headers_wrong_types_and_empty_blocks_are_quiet():
    assert pl309(headers({"X-Team": "a", "anthropic-beta": "b", "OpenAI-Organization": "org", "x-max-tokens": "1"})) == []
    assert pl309(headers({})) == []
    assert pl309(headers(None)) == []
    assert pl309(headers(["Authorization"])) == []
    assert pl309('{"network_config": null}') == []
    assert pl309('{"network_config": ["Host"]}', kind="update-provider") == []


def test_pointer_escapes_and_several_providers():
    text = json.dumps({"providers": {
        "openai": {"keys": [], "network_config": {"extra_headers": {"Host": "a", "Upgrade": "h2c"}}},
        "groq": {"keys": [], "network_config": {"extra_headers": {"x-api-key": "env.K"}}},
    }})
    assert [d.pointer for d in pl309(text)] == [
        "/providers/openai/network_config/extra_headers/Host",
        "/providers/openai/network_config/extra_headers/Upgrade",
        "/providers/groq/network_config/extra_headers/x-api-key",
    ]


def test_every_document_kind():
    body = {"network_config": {"extra_headers": {"Host": "llm.example.com"}}}
    assert len(pl309(json.dumps({"provider": "openai", **body}))) == 1
    assert len(pl309(json.dumps({"name": "openai", "provider_status": "active", **body}))) == 1
    assert len(pl309(json.dumps(body))) == 1


def test_message_never_contains_a_header_secret():
    text = headers({"Authorization": "Bearer " + SECRET, "x-api-key": SECRET})
    everything = lint(text)
    assert [d.code for d in everything if d.code == "PL309"] == ["PL309", "PL309"]
    for d in everything:
        assert SECRET not in d.message


def test_yaml():
    text = "network_config:\n  extra_headers:\n    Content-Length: '12'\n"
    assert codes_at(pl309(text, "p.yaml")) == [("PL309", 3, 5)]
