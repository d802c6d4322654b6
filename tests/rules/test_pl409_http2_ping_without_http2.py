from provlint.engine import LintOptions, lint_bytes
from tests.conftest import codes_at


def pl409(text, line="2.2", path="config.json"):
    result = lint_bytes(text.encode(), path, explicit=True, options=LintOptions(target_version=line))
    return [d for d in result.diagnostics if d.code == "PL409"]


def network(**members):
    body = ",\n".join(f'    "{k}": {v}' for k, v in members.items())
    return '{\n  "network_config": {\n%s\n  }\n}\n' % body


def test_a_ping_without_enforce_http2_is_a_warning_at_the_interval():
    for http2 in ({}, {"enforce_http2": "false"}, {"enforce_http2": "null"}):
        found = pl409(network(**http2, http2_ping_interval_in_seconds="30"))
        assert len(found) == 1 and found[0].pointer == "/network_config/http2_ping_interval_in_seconds"
        assert found[0].severity.value == "warning" and "enforce_http2" in found[0].message
    assert codes_at(pl409(network(http2_ping_interval_in_seconds="30"))) == [("PL409", 3, 39)]


def test_with_enforce_http2_or_an_interval_of_zero_it_is_quiet():
    assert pl409(network(enforce_http2="true", http2_ping_interval_in_seconds="30")) == []
    assert pl409(network(http2_ping_interval_in_seconds="0")) == []
    assert pl409(network(http2_ping_interval_in_seconds='"30"')) == []  # a wrong type is PL100's


def test_applies_from_2_1_on():
    text = network(http2_ping_interval_in_seconds="15")
    assert [len(pl409(text, line)) for line in ("1.5", "2.0", "2.1", "2.2")] == [0, 0, 1, 1]


def test_every_document_kind_and_yaml():
    update = '{"network_config": {"http2_ping_interval_in_seconds": 10, "enforce_http2": false}}'
    assert [d.pointer for d in pl409(update)] == ["/network_config/http2_ping_interval_in_seconds"]
    yaml = "network_config:\n  enforce_http2: false\n  http2_ping_interval_in_seconds: 20\n"
    assert codes_at(pl409(yaml, path="p.yaml")) == [("PL409", 3, 35)]
