import pytest

from tests.conftest import codes_at, lint


def pl403(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL403"]


def timeout(value):
    return '{\n  "network_config": {\n    "default_request_timeout_in_seconds": %s\n  }\n}\n' % value


@pytest.mark.parametrize(("line", "default"), [("1.5", 30), ("2.2", 300)])
def test_zero_and_negative_say_the_default_is_used(line, default):
    for value in ("0", "-30"):
        found = [d for d in lint(timeout(value), target_version=line) if d.code == "PL403"]
        assert codes_at(found) == [("PL403", 3, 43)]
        assert found[0].pointer == "/network_config/default_request_timeout_in_seconds"
        assert found[0].severity.value == "warning"
        assert f"default of {default} seconds" in found[0].message  # the line's catalog default


def test_above_the_catalog_maximum():
    found = pl403(timeout("86400"))
    assert codes_at(found) == [("PL403", 3, 43)]
    assert "86400 seconds" in found[0].message and "3600 seconds" in found[0].message


def test_sane_values_absent_and_wrong_types_are_quiet():
    for value in ("1", "300", "3600", "null", '"60"', "true", "60.5", "[]"):
        assert pl403(timeout(value)) == [], value
    assert pl403('{"network_config": {}}') == []
    assert pl403('{"network_config": "fast"}') == []


def test_every_document_kind_and_yaml():
    config = '{"providers": {"openai": {"network_config": {"default_request_timeout_in_seconds": 0}}, "groq": {"network_config": {"default_request_timeout_in_seconds": 60}}}}'
    assert [d.pointer for d in pl403(config)] == ["/providers/openai/network_config/default_request_timeout_in_seconds"]
    add = '{"provider": "openai", "network_config": {"default_request_timeout_in_seconds": 7200}}'
    assert [d.pointer for d in pl403(add)] == ["/network_config/default_request_timeout_in_seconds"]
    response = '{"name": "openai", "provider_status": "active", "network_config": {"default_request_timeout_in_seconds": 0}}'
    assert len(pl403(response)) == 1
    assert codes_at(pl403("network_config:\n  default_request_timeout_in_seconds: 0\n", "p.yaml")) == [("PL403", 2, 39)]
