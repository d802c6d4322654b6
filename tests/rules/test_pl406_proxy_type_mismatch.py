from tests.conftest import codes_at, lint


def pl406(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL406"]


def proxy(body):
    return '{\n  "proxy_config": {\n%s\n  }\n}\n' % body


def test_http_or_socks5_without_url_is_reported_at_the_type():
    for proxy_type in ("http", "socks5"):
        found = pl406(proxy('    "type": "%s"' % proxy_type))
        assert codes_at(found) == [("PL406", 3, 13)]
        assert found[0].pointer == "/proxy_config/type"
        assert found[0].severity.value == "error"
        assert proxy_type in found[0].message and "`url`" in found[0].message


def test_empty_or_null_url_counts_as_missing():
    for url in ('""', "null", '"  "', '{"value": "", "type": "plain_text"}'):
        assert len(pl406(proxy('    "type": "http",\n    "url": %s' % url))) == 1, url


def test_url_given_in_any_form_is_quiet():
    for url in ('"https://proxy.internal:3128"', '"env.PROXY_URL"', '{"value": "", "ref": "env.PROXY_URL", "type": "env"}'):
        assert pl406(proxy('    "type": "socks5",\n    "url": %s' % url)) == [], url


def test_none_and_environment_ignore_every_setting_each_reported_at_its_key():
    body = (
        '    "type": "none",\n    "url": "https://proxy.internal:3128",\n'
        '    "username": "env.PROXY_USER",\n    "password": "env.PROXY_PASSWORD",\n'
        '    "ca_cert_pem": "env.PROXY_CA"'
    )
    found = pl406(proxy(body))
    assert codes_at(found) == [("PL406", 4, 5), ("PL406", 5, 5), ("PL406", 6, 5), ("PL406", 7, 5)]
    assert [d.pointer for d in found] == [
        "/proxy_config/url", "/proxy_config/username", "/proxy_config/password", "/proxy_config/ca_cert_pem",
    ]
    assert "`none`" in found[0].message and "ignores `url`" in found[0].message
    found = pl406(proxy('    "type": "environment",\n    "url": "https://proxy.internal:3128"'))
    assert codes_at(found) == [("PL406", 4, 5)]
    assert "`environment`" in found[0].message


def test_no_type_means_none():
    found = pl406(proxy('    "url": "https://proxy.internal:3128"'))
    assert codes_at(found) == [("PL406", 3, 5)]
    assert "no `type`" in found[0].message and "`none`" in found[0].message
    assert "`http` or `socks5`" in found[0].message


def test_quiet_cases():
    assert pl406(proxy('    "type": "none"')) == []
    assert pl406(proxy('    "type": "environment"')) == []
    assert pl406(proxy('    "type": "none",\n    "url": "",\n    "username": null')) == []
    assert pl406('{"proxy_config": null}') == []
    assert pl406('{"proxy_config": {}}') == []
    # Unknown types and wrong types are PL100's.
    assert pl406(proxy('    "type": "https"')) == []
    assert pl406(proxy('    "type": 1')) == []
    assert pl406(proxy('    "type": "none",\n    "url": 5')) == []
    assert pl406('{"proxy_config": "http://proxy:3128"}') == []


def test_secrets_are_never_echoed():
    found = pl406(proxy('    "type": "none",\n    "password": "hunter2-Very-Secret"'))
    assert len(found) == 1 and "hunter2" not in found[0].message


def test_every_document_kind_and_yaml():
    config = '{"providers": {"openai": {"proxy_config": {"type": "http"}}, "groq": {"proxy_config": {"type": "none"}}}}'
    assert [d.pointer for d in pl406(config)] == ["/providers/openai/proxy_config/type"]
    add = '{"provider": "openai", "proxy_config": {"type": "socks5"}}'
    assert [d.pointer for d in pl406(add)] == ["/proxy_config/type"]
    response = '{"name": "openai", "provider_status": "active", "proxy_config": {"type": "none", "url": "http://p:3128"}}'
    assert [d.pointer for d in pl406(response)] == ["/proxy_config/url"]
    text = "proxy_config:\n  type: none\n  url: https://proxy.internal:3128\n"
    assert codes_at(pl406(text, "p.yaml")) == [("PL406", 3, 3)]
