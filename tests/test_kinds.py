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
        ({"keys": []}, DocumentKind.UPDATE_PROVIDER),
        ({}, DocumentKind.UNKNOWN),
        ([], DocumentKind.UNKNOWN),
        ("providers", DocumentKind.UNKNOWN),
        (None, DocumentKind.UNKNOWN),
    ],
)
def test_detect_kind(data, kind):
    assert detect_kind(data, CATALOG) is kind
