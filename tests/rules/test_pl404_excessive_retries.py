from tests.conftest import codes_at, lint


def pl404(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL404"]


def retries(value):
    return '{\n  "network_config": {\n    "max_retries": %s\n  }\n}\n' % value


def test_above_ten_is_a_warning_at_the_value():
    found = pl404(retries("11"))
    assert codes_at(found) == [("PL404", 3, 20)]
    assert found[0].pointer == "/network_config/max_retries"
    assert found[0].severity.value == "warning"
    assert "11" in found[0].message and "10" in found[0].message


def test_ten_or_fewer_absent_and_wrong_types_are_quiet():
    for value in ("0", "3", "10", "-1", "null", '"50"', "true", "50.5"):
        assert pl404(retries(value)) == [], value
    assert pl404('{"network_config": null}') == []


def test_every_document_kind_and_yaml():
    config = '{"providers": {"openai": {"network_config": {"max_retries": 50}}, "groq": {"network_config": {"max_retries": 5}}}}'
    assert [d.pointer for d in pl404(config)] == ["/providers/openai/network_config/max_retries"]
    add = '{"provider": "openai", "network_config": {"max_retries": 50}}'
    assert [d.pointer for d in pl404(add)] == ["/network_config/max_retries"]
    response = '{"name": "openai", "provider_status": "active", "network_config": {"max_retries": 50}}'
    assert len(pl404(response)) == 1
    assert codes_at(pl404("network_config:\n  max_retries: 100\n", "p.yaml")) == [("PL404", 2, 16)]
