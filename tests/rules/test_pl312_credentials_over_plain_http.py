import json

from tests.conftest import codes_at, lint

PASSWORD = "pr0xy-Pa55word-Secret"


def pl312(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL312"]


def proxy_with_credentials():
    return (
        '{\n  "proxy_config": {\n    "type": "http",\n    "url": "http://proxy.corp.example:3128",\n'
        '    "username": "env.PROXY_USER",\n    "password": "%s"\n  }\n}\n' % PASSWORD
    )


def test_plain_http_proxy_with_credentials_says_they_travel_in_clear_text():
    found = pl312(proxy_with_credentials())
    assert codes_at(found) == [("PL312", 4, 12)]
    assert "credentials" in found[0].message and "clear text" in found[0].message
    for d in lint(proxy_with_credentials()):
        assert PASSWORD not in d.message


def test_plain_http_proxy_with_credentials_is_an_error():
    assert pl312(proxy_with_credentials())[0].severity.value == "error"


def test_credentials_as_references_or_in_the_url_count_too():
    for proxy in (
        {"type": "http", "url": "http://proxy.example:3128", "password": {"ref": "env.P", "type": "env", "value": ""}},
        {"type": "socks5", "url": "http://proxy.example:3128", "username": "env.PROXY_USER"},
        {"type": "http", "url": "http://svc:%s@proxy.example:3128" % PASSWORD},
    ):
        found = pl312(json.dumps({"proxy_config": proxy}))
        assert len(found) == 1 and "clear text" in found[0].message
        assert PASSWORD not in found[0].message
        assert found[0].secret == ("@" in proxy["url"])
