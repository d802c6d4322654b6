from tests.conftest import codes_at, lint


def pl303(text, path="config.json"):
    return [d for d in lint(text, path) if d.code == "PL303"]


def test_proxy_url_with_userinfo():
    text = '{"proxy_config": {\n  "type": "http",\n  "url": "http://svc:pa55word@proxy:3128"\n}}\n'
    found = pl303(text)
    assert codes_at(found) == [("PL303", 3, 10)]
    assert found[0].pointer == "/proxy_config/url"
    assert "pa55word" not in found[0].message and "svc" not in found[0].message


def test_base_url_with_user_only():
    text = '{"network_config": {"base_url": "https://token@llm.example.com/v1"}}'
    found = pl303(text)
    assert codes_at(found) == [("PL303", 1, 33)]
    assert "token" not in found[0].message


def test_clean_urls_references_and_at_signs_in_paths_are_quiet():
    assert pl303('{"network_config": {"base_url": "https://llm.example.com/v1"}}') == []
    assert pl303('{"network_config": {"base_url": "https://llm.example.com/users/@me"}}') == []
    assert pl303('{"proxy_config": {"type": "http", "url": "env.PROXY_URL"}}') == []
    assert pl303('{"network_config": {"base_url": "http://[::1"}}') == []
