import json

import pytest

from tests.conftest import codes_at, lint


def pl307(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL307"]


def base_url(url, **extra):
    return json.dumps({"network_config": {"base_url": url, **extra}})


def test_aws_metadata_address_is_an_error_at_the_value():
    text = '{\n  "network_config": {\n    "base_url": "http://169.254.169.254/latest/meta-data"\n  }\n}\n'
    found = pl307(text)
    assert codes_at(found) == [("PL307", 3, 17)]
    assert found[0].pointer == "/network_config/base_url"
    assert found[0].severity.value == "error"
    assert "169.254.169.254" in found[0].message and "always blocks" in found[0].message


@pytest.mark.parametrize("url, words", [
    ("http://169.254.0.1:80/", "link-local"),
    ("https://[fe80::1]/", "link-local"),
    ("https://[fe80::1%25eth0]:8080/", "link-local"),
    ("http://0.0.0.0:8000/v1", "unspecified"),
    ("http://[::]:8000/", "unspecified"),
    ("http://metadata.google.internal/computeMetadata/v1", "metadata"),
    ("http://METADATA.google.internal./", "metadata"),
    ("http://[fd00:ec2::254]/latest", "metadata"),
    ("http://[::ffff:169.254.169.254]/", "link-local"),
    ("http://2852039166/", "169.254.169.254"),
    ("http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"),
    ("http://169.254.43518/", "169.254.169.254"),
])
def test_blocked_hosts_and_their_spellings(url, words):
    found = pl307(base_url(url))
    assert [d.pointer for d in found] == ["/network_config/base_url"]
    assert words in found[0].message


def test_user_info_marks_the_finding_secret():
    found = pl307(base_url("http://u:Pa55-w0rd-x@169.254.169.254/"))
    assert len(found) == 1 and found[0].secret and "Pa55-w0rd-x" not in found[0].message
    assert not pl307(base_url("http://169.254.169.254/"))[0].secret


def test_allow_private_network_does_not_help():
    assert len(pl307(base_url("http://169.254.169.254/", allow_private_network=True))) == 1


@pytest.mark.parametrize("url", [
    "https://api.openai.com/v1", "http://10.0.0.1/", "http://127.0.0.1/", "http://[::1]/", "http://169.253.0.1/",
    "http://[fe7f::1]/", "http://[fd00:ec2::253]/", "http://metadata.example.com/", "http://0.0.0.1/",
    "env.BASE_URL", "", "http://[fe80::1", "169.254.169.254",
])
def test_quiet(url):
    assert pl307(base_url(url)) == []


def test_wrong_types_do_not_raise():
    for text in (
        '{"network_config": {"base_url": 169254169254}}',
        '{"network_config": {"base_url": null}}',
        '{"network_config": "http://169.254.169.254"}',
        '{"network_config": null}',
    ):
        assert pl307(text, kind="update-provider") == []


def test_every_document_kind_and_several_providers():
    text = json.dumps({"providers": {
        "openai": {"keys": [], "network_config": {"base_url": "https://api.openai.com"}},
        "groq": {"keys": [], "network_config": {"base_url": "http://169.254.169.254"}},
    }})
    assert [d.pointer for d in pl307(text)] == ["/providers/groq/network_config/base_url"]
    body = {"network_config": {"base_url": "http://169.254.169.254"}}
    assert len(pl307(json.dumps({"provider": "openai", **body}))) == 1
    assert len(pl307(json.dumps({"name": "openai", "provider_status": "active", **body}))) == 1
    assert len(pl307(json.dumps(body))) == 1


def test_yaml():
    text = "network_config:\n  base_url: http://169.254.169.254/\n"
    assert codes_at(pl307(text, "p.yaml")) == [("PL307", 2, 13)]
