import json

import pytest

from tests.conftest import codes_at, lint


def pl306(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL306"]


def network(**fields):
    return json.dumps({"network_config": fields})


def test_private_address_without_the_exception_is_reported_at_base_url():
    text = '{\n  "network_config": {\n    "base_url": "https://10.1.2.3:8000/v1"\n  }\n}\n'
    found = pl306(text)
    assert codes_at(found) == [("PL306", 3, 17)]
    assert found[0].pointer == "/network_config/base_url"
    assert found[0].severity.value == "warning"
    assert "10.1.2.3" in found[0].message and "rejects" in found[0].message
    assert "allow_private_network: true" in found[0].message


@pytest.mark.parametrize("url", [
    "https://10.0.0.1", "https://172.16.0.1", "https://172.31.255.254", "https://192.168.1.10:8443/v1",
    "https://100.64.0.1", "https://100.127.255.1", "https://[fd12:3456::1]:8000", "https://[fc00::1]/",
    "https://[::ffff:10.0.0.1]/",
])
def test_private_ranges(url):
    assert [d.pointer for d in pl306(network(base_url=url))] == ["/network_config/base_url"]
    assert pl306(network(base_url=url, allow_private_network=True)) == []


def test_public_address_with_the_exception_is_reported_at_the_flag():
    text = '{\n  "network_config": {\n    "base_url": "https://8.8.8.8/v1",\n    "allow_private_network": true\n  }\n}\n'
    found = pl306(text)
    assert codes_at(found) == [("PL306", 4, 30)]
    assert found[0].pointer == "/network_config/allow_private_network"
    assert "not needed" in found[0].message and "8.8.8.8" in found[0].message
    assert [d.pointer for d in pl306(network(base_url="https://[2606:4700::1111]/", allow_private_network=True))] == [
        "/network_config/allow_private_network"]


@pytest.mark.parametrize("url", [
    "http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000",            # loopback: always allowed
    "http://169.254.169.254/", "http://[fe80::1]/", "http://0.0.0.0/",               # PL307's
    "http://metadata.google.internal/",                                               # PL307's
    "https://172.32.0.1", "https://100.128.0.1", "https://192.0.2.10", "https://198.18.0.1",  # not RFC1918/CGNAT
    "https://2852039166/", "https://10.1/",                                           # legacy numeric spellings
    "env.BASE_URL", "", "https://", "https://[fd00::1",
])
def test_quiet_without_the_exception(url):
    assert pl306(network(base_url=url)) == []


@pytest.mark.parametrize("url", [
    "https://api.openai.com/v1", "https://my-resource.openai.azure.com",  # names may resolve privately
    "https://10.0.0.8", "https://198.18.0.1", "https://192.0.2.10",       # private or not global: needed or unclear
    "http://localhost:1234", "https://vllm.svc", "env.BASE_URL",
])
def test_quiet_with_the_exception(url):
    assert pl306(network(base_url=url, allow_private_network=True)) == []


@pytest.mark.parametrize("host", ["vllm", "ollama.local", "ip-10-0-0-1.ec2.internal", "vllm.ai.svc",
                                  "vllm.ai.svc.cluster.local", "nas.home.arpa", "VLLM.Internal."])
def test_private_looking_names_without_the_exception(host):
    found = pl306(network(base_url=f"http://{host}:8000/v1"))
    assert [d.pointer for d in found] == ["/network_config/base_url"]
    assert "looks like a private-network name" in found[0].message and "does not resolve" in found[0].message
    assert pl306(network(base_url=f"http://{host}:8000/v1", allow_private_network=True)) == []


def test_user_info_marks_the_finding_secret():
    found = pl306(network(base_url="https://u:Pa55-w0rd-x@10.0.0.1/"))
    assert len(found) == 1 and found[0].secret and "Pa55-w0rd-x" not in found[0].message
    assert not pl306(network(base_url="https://10.0.0.1/"))[0].secret


def test_public_looking_names_are_quiet_either_way():
    for flag in (None, False, True):
        fields = {"base_url": "https://llm.example.com/v1"}
        if flag is not None:
            fields["allow_private_network"] = flag
        assert pl306(network(**fields)) == []


def test_wrong_types_do_not_raise():
    for text in (
        network(base_url=5, allow_private_network=True),
        network(base_url="https://10.0.0.1", allow_private_network="true"),  # a string is PL100's; not an exception
        network(base_url={"value": "https://10.0.0.1"}),
        '{"network_config": null, "send_back_raw_request": false}',
        '{"network_config": [1]}',
    ):
        found = pl306(text, kind="update-provider")
        assert all(d.pointer == "/network_config/base_url" for d in found)
    assert len(pl306(network(base_url="https://10.0.0.1", allow_private_network="true"), kind="update-provider")) == 1


def test_every_document_kind_and_several_providers():
    text = json.dumps({"providers": {
        "vllm": {"keys": [], "network_config": {"base_url": "http://10.0.0.5:8000"}},
        "ollama": {"keys": [], "network_config": {"base_url": "http://10.0.0.6:11434", "allow_private_network": True}},
        "openai": {"keys": [], "network_config": {"base_url": "https://1.1.1.1", "allow_private_network": True}},
    }})
    assert [d.pointer for d in pl306(text)] == [
        "/providers/vllm/network_config/base_url", "/providers/openai/network_config/allow_private_network"]
    body = {"network_config": {"base_url": "http://192.168.0.2"}}
    assert len(pl306(json.dumps({"provider": "vllm", **body}))) == 1
    assert len(pl306(json.dumps({"name": "vllm", "provider_status": "active", **body}))) == 1
    assert len(pl306(json.dumps(body))) == 1


def test_yaml():
    text = "network_config:\n  base_url: http://192.168.0.2:8000\n"
    assert codes_at(pl306(text, "p.yaml")) == [("PL306", 2, 13)]
