import json

from tests.conftest import codes_at, lint


def pl311(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL311"]


def network(**fields):
    return json.dumps({"network_config": fields})


def test_reported_at_the_ca_cert_key():
    text = '{\n  "network_config": {\n    "insecure_skip_verify": true,\n    "ca_cert_pem": "env.CA_PEM"\n  }\n}\n'
    found = pl311(text)
    assert codes_at(found) == [("PL311", 4, 5)]
    assert found[0].pointer == "/network_config/ca_cert_pem"
    assert found[0].severity.value == "warning"
    assert "ignored" in found[0].message and "insecure_skip_verify" in found[0].message
    # PL301 reports the skip itself, at its own value.
    assert [(d.code, d.line) for d in lint(text) if d.code == "PL301"] == [("PL301", 3)]


def test_any_non_empty_ca_counts():
    for ca in ("-----BEGIN CERTIFICATE-----\nnot parsed here\n-----END CERTIFICATE-----\n", "vault.pki/ca",
               {"value": "", "ref": "env.CA", "type": "env"}, {"value": "pem text"}):
        assert len(pl311(network(insecure_skip_verify=True, ca_cert_pem=ca))) == 1


def test_quiet_cases_and_wrong_types():
    assert pl311(network(insecure_skip_verify=False, ca_cert_pem="env.CA")) == []
    assert pl311(network(ca_cert_pem="env.CA")) == []
    assert pl311(network(insecure_skip_verify=True)) == []
    assert pl311(network(insecure_skip_verify=True, ca_cert_pem="")) == []
    assert pl311(network(insecure_skip_verify=True, ca_cert_pem=None)) == []
    assert pl311(network(insecure_skip_verify=True, ca_cert_pem=5)) == []
    assert pl311(network(insecure_skip_verify="true", ca_cert_pem="env.CA")) == []
    assert pl311('{"network_config": null}') == []
    # A CA on the proxy is a different connection.
    assert pl311(json.dumps({"network_config": {"insecure_skip_verify": True},
                             "proxy_config": {"type": "http", "url": "https://p.example", "ca_cert_pem": "env.CA"}})) == []


def test_every_document_kind_and_several_providers():
    both = {"insecure_skip_verify": True, "ca_cert_pem": "env.CA"}
    text = json.dumps({"providers": {
        "openai": {"keys": [], "network_config": both},
        "groq": {"keys": [], "network_config": {"ca_cert_pem": "env.CA"}},
    }})
    assert [d.pointer for d in pl311(text)] == ["/providers/openai/network_config/ca_cert_pem"]
    assert len(pl311(json.dumps({"provider": "openai", "network_config": both}))) == 1
    assert len(pl311(json.dumps({"name": "openai", "provider_status": "active", "network_config": both}))) == 1
    assert len(pl311(json.dumps({"network_config": both}))) == 1


def test_yaml():
    text = "network_config:\n  insecure_skip_verify: true\n  ca_cert_pem: env.CA\n"
    assert codes_at(pl311(text, "p.yaml")) == [("PL311", 3, 3)]
