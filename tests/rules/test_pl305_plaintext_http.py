import json

import pytest

from tests.conftest import codes_at, lint

PASSWORD = "pr0xy-Pa55word-Secret"


def pl305(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL305"]


def base_url(url):
    return json.dumps({"network_config": {"base_url": url}})


def test_plain_http_base_url_is_reported_at_the_value():
    text = '{\n  "network_config": {\n    "base_url": "http://llm.example.com/v1"\n  }\n}\n'
    found = pl305(text)
    assert codes_at(found) == [("PL305", 3, 17)]
    assert found[0].pointer == "/network_config/base_url"
    assert found[0].severity.value == "warning"
    assert "https://" in found[0].message and "`network_config.base_url`" in found[0].message


@pytest.mark.parametrize("url", [
    "http://10.0.0.5:8000", "HTTP://LLM.EXAMPLE.COM", "http://vllm:8000/v1", "http://[2001:db8::1]:80/",
    "http://128.0.0.1/", "http://localhost.example.com/",
])
def test_non_loopback_hosts(url):
    assert [d.pointer for d in pl305(base_url(url))] == ["/network_config/base_url"]
    assert not pl305(base_url(url))[0].secret


def test_a_base_url_with_user_info_is_marked_secret():
    found = pl305(base_url("http://user:%s@gw.example.com/" % PASSWORD))
    assert len(found) == 1 and found[0].secret and PASSWORD not in found[0].message


@pytest.mark.parametrize("url", [
    "https://llm.example.com/v1", "http://localhost:8000", "http://LOCALHOST", "http://127.0.0.1:11434",
    "http://127.8.9.10/", "http://[::1]:8000/v1", "http://[::ffff:127.0.0.1]/", "http://vllm.localhost/",
    "http://localhost./", "env.BASE_URL", "", "llm.example.com", "http://", "http://[::1", "ftp://x.example.com",
])
def test_https_loopback_references_and_odd_urls_are_quiet(url):
    assert pl305(base_url(url)) == []


def test_wrong_types_do_not_raise():
    for text in (
        '{"network_config": {"base_url": 5}}',
        '{"network_config": {"base_url": ["http://x.example.com"]}}',
        '{"network_config": null}',
        '{"network_config": "http://x.example.com"}',
        '{"proxy_config": {"type": 3, "url": {"weird": 1}}}',
        '{"proxy_config": {"type": "http", "url": null, "username": 5}}',
        '{"proxy_config": ["http://proxy.example.com"]}',
    ):
        assert pl305(text, kind="update-provider") == []


def test_plain_http_proxy_without_credentials():
    found = pl305('{"proxy_config": {"type": "http", "url": "http://proxy.corp.example:3128"}}')
    assert [d.pointer for d in found] == ["/proxy_config/url"]
    assert "unencrypted" in found[0].message and "clear text" not in found[0].message


def proxy_with_credentials():
    return (
        '{\n  "proxy_config": {\n    "type": "http",\n    "url": "http://proxy.corp.example:3128",\n'
        '    "username": "env.PROXY_USER",\n    "password": "%s"\n  }\n}\n' % PASSWORD
    )


def test_plain_http_proxy_with_credentials_is_pl312_not_pl305():
    assert pl305(proxy_with_credentials()) == []
    codes = [d.code for d in lint(proxy_with_credentials())]
    assert "PL312" in codes and "PL305" not in codes


def test_proxy_types_that_ignore_the_url_https_and_loopback_proxies_are_quiet():
    for proxy in (
        {"type": "none", "url": "http://proxy.example:3128"},
        {"type": "environment", "url": "http://proxy.example:3128"},
        {"type": "http", "url": "https://proxy.example:3128", "username": "env.U", "password": "env.P"},
        {"type": "http", "url": "http://127.0.0.1:3128", "username": "env.U", "password": "env.P"},
        {"type": "socks5", "url": "socks5://proxy.example:1080", "username": "env.U"},
        {"type": "http", "url": "env.PROXY_URL"},
    ):
        assert pl305(json.dumps({"proxy_config": proxy})) == [], proxy


def test_missing_proxy_type_still_checks_the_url():
    assert [d.pointer for d in pl305('{"proxy_config": {"url": "http://proxy.example:3128"}}', kind="update-provider")] == ["/proxy_config/url"]


def test_every_document_kind_and_several_providers():
    text = json.dumps({"providers": {
        "openai": {"keys": [], "network_config": {"base_url": "http://gw.example.com"}},
        "groq": {"keys": [], "network_config": {"base_url": "https://api.groq.com"}},
        "mistral": {"keys": [], "proxy_config": {"type": "http", "url": "http://p.example"}},
    }})
    assert [d.pointer for d in pl305(text)] == [
        "/providers/openai/network_config/base_url", "/providers/mistral/proxy_config/url"]
    add = {"provider": "openai", "network_config": {"base_url": "http://gw.example.com"}}
    assert [d.pointer for d in pl305(json.dumps(add))] == ["/network_config/base_url"]
    response = {"name": "openai", "provider_status": "active", "network_config": {"base_url": "http://gw.example.com"}}
    assert [d.pointer for d in pl305(json.dumps(response))] == ["/network_config/base_url"]
    assert [d.pointer for d in pl305(base_url("http://gw.example.com"))] == ["/network_config/base_url"]


def test_yaml():
    text = "network_config:\n  base_url: http://gw.example.com/v1\n"
    assert codes_at(pl305(text, "p.yaml")) == [("PL305", 2, 13)]
