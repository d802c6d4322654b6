import pytest

from provlint.catalog import load_catalog
from provlint.source import DocumentKind, detect_kind

CATALOG = load_catalog("1.5")


@pytest.mark.parametrize(
    "data, kind",
    [
        ({"providers": {}}, DocumentKind.CONFIG),
        ({"$schema": "https://www.getbifrost.ai/schema", "client": {}}, DocumentKind.CONFIG),
        ({"$schema": "https://www.getbifrost.ai/schema/"}, DocumentKind.CONFIG),
        ({"$schema": "https://json-schema.org/draft-07/schema"}, DocumentKind.UNKNOWN),
        ({"config_store": {}, "logs_store": {}, "plugins": []}, DocumentKind.CONFIG),
        ({"version": 2}, DocumentKind.UNKNOWN),
        ({"config_store": {}, "name": "x"}, DocumentKind.UNKNOWN),
        ({"provider": "openai"}, DocumentKind.ADD_PROVIDER),
        ({"provider": "openai", "network_config": {}}, DocumentKind.ADD_PROVIDER),
        ({"name": "openai", "provider_status": "active"}, DocumentKind.PROVIDER_RESPONSE),
        ({"config_hash": "abc"}, DocumentKind.PROVIDER_RESPONSE),
        ({"name": "openai", "network_config": {}}, DocumentKind.PROVIDER_RESPONSE),
        ({"name": "my-app", "version": "1.0.0"}, DocumentKind.UNKNOWN),
        ({"network_config": {}}, DocumentKind.UPDATE_PROVIDER),
        ({"send_back_raw_response": True}, DocumentKind.UPDATE_PROVIDER),
        ({"keys": []}, DocumentKind.UNKNOWN),
        ({}, DocumentKind.UNKNOWN),
        ([], DocumentKind.UNKNOWN),
        ("providers", DocumentKind.UNKNOWN),
        (None, DocumentKind.UNKNOWN),
    ],
)
def test_detect_kind(data, kind):
    assert detect_kind(data, CATALOG) is kind


@pytest.mark.parametrize(
    "data",
    [
        {"provider": {"aws": {}}, "resource": {}},       # Terraform JSON
        {"service": "a", "provider": {"name": "aws"}},  # Serverless
        {"apiVersion": 1, "providers": [{"name": "d"}]},  # Grafana provisioning
        {"providers": [{"name": "d"}]},  # Grafana provisioning without apiVersion (providers is a config section)
        {"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]},  # JWKS
        {"name": "x", "config_hash": 5},
    ],
)
def test_a_walk_skips_lookalikes_that_a_named_file_would_lint(data):
    assert detect_kind(data, CATALOG, strict=True) is DocumentKind.UNKNOWN


def test_strict_still_recognises_every_bifrost_shape():
    for data, kind in [
        ({"providers": {}}, DocumentKind.CONFIG),
        ({"provider": "openai"}, DocumentKind.ADD_PROVIDER),
        ({"name": "openai", "provider_status": "active"}, DocumentKind.PROVIDER_RESPONSE),
        ({"network_config": {}}, DocumentKind.UPDATE_PROVIDER),
    ]:
        assert detect_kind(data, CATALOG, strict=True) is kind
