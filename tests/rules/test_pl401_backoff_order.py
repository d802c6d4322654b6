from tests.conftest import codes_at, lint


def pl401(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL401"]


def network(body):
    return '{\n  "network_config": {\n%s\n  }\n}\n' % body


def test_initial_above_max_is_reported_at_initial():
    found = pl401(network('    "retry_backoff_initial": 8000,\n    "retry_backoff_max": 2000'))
    assert codes_at(found) == [("PL401", 3, 30)]
    assert found[0].pointer == "/network_config/retry_backoff_initial"
    assert found[0].severity.value == "error"
    assert "8000 ms" in found[0].message and "2000 ms" in found[0].message
    assert "management API rejects" in found[0].message


def test_initial_above_the_default_max_says_the_max_defaults():
    found = pl401(network('    "retry_backoff_initial": 8000'))
    assert codes_at(found) == [("PL401", 3, 30)]
    assert "defaults to 5000 ms" in found[0].message and "not set" in found[0].message
    # Only the API rejects an explicit pair; an absent max is not rejected there.
    assert "management API rejects" not in found[0].message


def test_max_below_the_default_initial_is_reported_at_max():
    found = pl401(network('    "retry_backoff_max": 300'))
    assert codes_at(found) == [("PL401", 3, 26)]
    assert found[0].pointer == "/network_config/retry_backoff_max"
    assert "defaults to 500 ms" in found[0].message


def test_zero_or_negative_means_the_default():
    found = pl401(network('    "retry_backoff_initial": 0,\n    "retry_backoff_max": 300'))
    assert codes_at(found) == [("PL401", 4, 26)]
    assert "ignores 0 or less" in found[0].message
    assert pl401(network('    "retry_backoff_initial": 400,\n    "retry_backoff_max": -1')) == []


def test_ordered_equal_or_absent_values_are_quiet():
    assert pl401(network('    "retry_backoff_initial": 500,\n    "retry_backoff_max": 8000')) == []
    assert pl401(network('    "retry_backoff_initial": 2000,\n    "retry_backoff_max": 2000')) == []
    assert pl401(network('    "retry_backoff_initial": 5000')) == []
    assert pl401(network('    "max_retries": 2')) == []
    assert pl401('{"network_config": null}') == []


def test_wrong_types_are_left_to_pl100():
    # As written: a bool is not an integer, and Bifrost 1.5 takes no duration strings.
    assert pl401(network('    "retry_backoff_initial": true,\n    "retry_backoff_max": 0')) == []
    assert pl401(network('    "retry_backoff_initial": "8s",\n    "retry_backoff_max": 2000')) == []
    assert pl401(network('    "retry_backoff_initial": 8000.5,\n    "retry_backoff_max": 2000')) == []
    assert pl401('{"network_config": [8000]}') == []


def test_config_file_with_several_providers():
    text = (
        '{"providers": {\n'
        ' "openai": {"network_config": {"retry_backoff_initial": 9000, "retry_backoff_max": 1000}},\n'
        ' "groq": {"network_config": {"retry_backoff_initial": 100, "retry_backoff_max": 1000}},\n'
        ' "mistral": {"network_config": {"retry_backoff_initial": 6000}}\n'
        "}}\n"
    )
    found = pl401(text)
    assert [d.pointer for d in found] == [
        "/providers/openai/network_config/retry_backoff_initial",
        "/providers/mistral/network_config/retry_backoff_initial",
    ]
    assert codes_at(found) == [("PL401", 2, 57), ("PL401", 4, 58)]


def test_add_payload_response_and_yaml():
    add = '{"provider": "openai", "network_config": {"retry_backoff_initial": 9000, "retry_backoff_max": 1000}}'
    assert [d.pointer for d in pl401(add)] == ["/network_config/retry_backoff_initial"]
    response = '{"name": "openai", "provider_status": "active", "network_config": {"retry_backoff_initial": 9000}}'
    assert [d.pointer for d in pl401(response)] == ["/network_config/retry_backoff_initial"]
    text = "network_config:\n  retry_backoff_initial: 9000\n  retry_backoff_max: 1000\n"
    assert codes_at(pl401(text, "p.yaml")) == [("PL401", 2, 26)]
