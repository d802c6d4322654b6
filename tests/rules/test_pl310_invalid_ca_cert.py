import datetime
import json
import subprocess
import sys
import textwrap

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import codes_at, lint

NOW = datetime.datetime.now(datetime.timezone.utc)


def make_ca(common_name="Test Internal CA", *, not_before=None, not_after=None):
    """A self-signed CA certificate (PEM) and its key; generated per run, never committed."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - datetime.timedelta(days=1))
        .not_valid_after(not_after or NOW + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode(), key


VALID, VALID_KEY = make_ca()
EXPIRED, _ = make_ca("Old CA", not_before=NOW - datetime.timedelta(days=800), not_after=NOW - datetime.timedelta(days=30))
PRIVATE_KEY = VALID_KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
).decode()
KEY_BODY = PRIVATE_KEY.splitlines()[1]


def pl310(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL310"]


def network(pem):
    return json.dumps({"network_config": {"ca_cert_pem": pem}})


def test_valid_certificate_references_and_placeholders_are_quiet():
    assert pl310(network(VALID)) == []
    assert pl310(network("env.PROVIDER_CA_PEM")) == []
    assert pl310(network("vault.pki/ca")) == []
    assert pl310(network("<REDACTED>")) == []
    assert pl310(network("")) == []
    assert pl310(network({"value": "", "ref": "env.CA", "type": "env"})) == []
    assert pl310(json.dumps({"proxy_config": {"type": "http", "url": "https://p.example", "ca_cert_pem": VALID}})) == []


def test_two_valid_certificates_are_quiet():
    other, _ = make_ca("Second CA")
    assert pl310(network(VALID + other)) == []


def test_a_file_path_is_an_error_at_the_value():
    text = '{\n  "network_config": {\n    "ca_cert_pem": "/etc/ssl/certs/internal-ca.pem"\n  }\n}\n'
    found = pl310(text)
    assert codes_at(found) == [("PL310", 3, 20)]
    assert found[0].pointer == "/network_config/ca_cert_pem"
    assert found[0].severity.value == "error" and not found[0].secret
    assert "file path" in found[0].message and "`network_config.ca_cert_pem`" in found[0].message


def test_arbitrary_text_and_bare_base64():
    found = pl310(network("MIIBszCCAVmgAwIBAgIU"))
    assert len(found) == 1 and "holds no PEM certificate" in found[0].message and "file path" not in found[0].message


def test_escaped_newlines_are_named():
    found = pl310(network(VALID.replace("\n", "\\n")))
    assert len(found) == 1
    assert "not a parseable PEM certificate" in found[0].message and "two characters" in found[0].message


def test_truncated_and_altered_blocks():
    lines = VALID.splitlines()
    truncated = "\n".join(lines[:3] + lines[-1:]) + "\n"
    assert len(pl310(network(truncated))) == 1
    no_end = "\n".join(lines[:-1]) + "\n"
    assert len(pl310(network(no_end))) == 1
    one_bad = VALID + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    assert len(pl310(network(one_bad))) == 1


def test_a_private_key_is_reported_and_never_echoed():
    for pem in (PRIVATE_KEY, VALID + PRIVATE_KEY):
        text = network(pem)
        found = pl310(text)
        assert len(found) == 1 and "private key" in found[0].message and found[0].secret
        for d in lint(text):
            assert KEY_BODY not in d.message and "BEGIN PRIVATE KEY" not in d.message


def test_an_expired_certificate_is_pl313_not_pl310():
    assert pl310(network(EXPIRED)) == []
    assert [d.code for d in lint(network(EXPIRED))] == ["PL313"]


def test_proxy_ca_and_every_document_kind():
    bad = "not a certificate"
    text = json.dumps({"providers": {
        "openai": {"keys": [], "network_config": {"ca_cert_pem": bad},
                   "proxy_config": {"type": "http", "url": "https://p.example", "ca_cert_pem": bad}},
        "groq": {"keys": [], "network_config": {"ca_cert_pem": VALID}},
    }})
    assert [d.pointer for d in pl310(text)] == [
        "/providers/openai/network_config/ca_cert_pem", "/providers/openai/proxy_config/ca_cert_pem"]
    assert "`proxy_config.ca_cert_pem`" in pl310(text)[1].message
    body = {"network_config": {"ca_cert_pem": bad}}
    assert len(pl310(json.dumps({"provider": "openai", **body}))) == 1
    assert len(pl310(json.dumps({"name": "openai", "provider_status": "active", **body}))) == 1
    assert len(pl310(json.dumps(body))) == 1
    assert len(pl310(json.dumps({"network_config": {"ca_cert_pem": {"value": bad, "type": "plain_text"}}}))) == 1


def test_wrong_types_do_not_raise():
    for text in (
        '{"network_config": {"ca_cert_pem": 5}}',
        '{"network_config": {"ca_cert_pem": ["x"]}}',
        '{"network_config": {"ca_cert_pem": null}}',
        '{"proxy_config": "x", "network_config": null}',
    ):
        assert pl310(text, kind="update-provider") == []


def test_yaml_block_scalar():
    body = textwrap.indent(VALID, "    ")
    assert pl310("network_config:\n  ca_cert_pem: |\n" + body, "p.yaml") == []
    found = pl310("network_config:\n  ca_cert_pem: |\n" + textwrap.indent("not a certificate\n", "    "), "p.yaml")
    assert codes_at(found) == [("PL310", 2, 16)]


IMPORT_PROBE = """
import sys
from provlint.engine import lint_bytes
result = lint_bytes(sys.stdin.buffer.read(), "config.json")
print(sorted({d.code for d in result.diagnostics}))
print("cryptography" in sys.modules)
"""


def probe(text):
    done = subprocess.run([sys.executable, "-c", IMPORT_PROBE], input=text.encode(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode().split("\n")[1]


def test_cryptography_is_imported_only_for_a_literal_pem():
    clean = '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}], "network_config": {"ca_cert_pem": "env.CA_PEM"}}}}'
    assert probe(clean) == "False"
    assert probe(network(VALID)) == "True"
