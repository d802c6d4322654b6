import pytest

from provlint.go_duration import duration_milliseconds
from tests.conftest import codes_at, lint


def pl402(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL402"]


def network(body):
    return '{\n  "network_config": {\n%s\n  }\n}\n' % body


def test_below_the_minimum_says_milliseconds():
    found = pl402(network('    "retry_backoff_initial": 5,\n    "retry_backoff_max": 2000'))
    assert codes_at(found) == [("PL402", 3, 30)]
    assert found[0].pointer == "/network_config/retry_backoff_initial"
    assert found[0].severity.value == "error"
    assert "below the minimum of 100 ms" in found[0].message
    assert "milliseconds, not seconds" in found[0].message


def test_above_the_maximum():
    found = pl402(network('    "retry_backoff_max": 1000001'))
    assert codes_at(found) == [("PL402", 3, 26)]
    assert "above the maximum of 1000000 ms" in found[0].message


def test_bounds_are_inclusive_and_zero_or_negative_means_default():
    assert pl402(network('    "retry_backoff_initial": 100,\n    "retry_backoff_max": 1000000')) == []
    assert pl402(network('    "retry_backoff_initial": 0,\n    "retry_backoff_max": -5')) == []


def test_duration_string_is_one_finding_with_the_integer_to_write():
    found = pl402(network('    "retry_backoff_initial": "1.5s",\n    "retry_backoff_max": "1m"'))
    assert codes_at(found) == [("PL402", 3, 30), ("PL402", 4, 26)]
    assert "duration string" in found[0].message and "Bifrost 2.2" in found[0].message  # the default line
    assert "write 1500" in found[0].message
    assert "write 60000" in found[1].message
    assert found[0].fix == "replace the string with the integer 1500"


def test_duration_string_out_of_bounds_says_both():
    found = pl402(network('    "retry_backoff_initial": "50ms"'))
    assert len(found) == 1
    assert "write 50" in found[0].message and "below the minimum of 100 ms" in found[0].message


def test_non_positive_duration_string_suggests_leaving_it_out():
    found = pl402(network('    "retry_backoff_initial": "-2s"'))
    assert len(found) == 1 and "leave the field out" in found[0].message


def test_strings_that_are_not_durations_and_other_types_are_pl100s():
    for value in ('"500"', '"fast"', '""', "true", "500.5", "null", "[500]", '{"ms": 500}'):
        assert pl402(network('    "retry_backoff_initial": %s' % value)) == [], value


def test_every_document_kind_and_yaml():
    config = '{"providers": {"openai": {"network_config": {"retry_backoff_max": 50}}, "groq": {"network_config": {"retry_backoff_max": 500}}}}'
    assert [d.pointer for d in pl402(config)] == ["/providers/openai/network_config/retry_backoff_max"]
    add = '{"provider": "openai", "network_config": {"retry_backoff_max": 50}}'
    assert [d.pointer for d in pl402(add)] == ["/network_config/retry_backoff_max"]
    response = '{"name": "openai", "provider_status": "active", "network_config": {"retry_backoff_max": 50}}'
    assert [d.pointer for d in pl402(response)] == ["/network_config/retry_backoff_max"]
    text = "network_config:\n  retry_backoff_initial: 500ms\n"
    assert codes_at(pl402(text, "p.yaml")) == [("PL402", 2, 26)]


@pytest.mark.parametrize(
    "text, ms",
    [("500ms", 500), ("5s", 5000), ("1m30s", 90000), ("1h", 3600000), (".5s", 500), ("1500us", 1),
     ("2000000ns", 2), ("1µs", 0), ("0", 0), ("+1s", 1000), ("-1s", -1000)],
)
def test_go_duration_parsing(text, ms):
    assert duration_milliseconds(text) == ms


@pytest.mark.parametrize("text", ["", "500", "ms", "5 s", "1d", "1.2.3s", "s5", None, 500])
def test_not_go_durations(text):
    assert duration_milliseconds(text) is None


def test_a_duration_string_is_one_pl402_finding_and_a_wrong_string_stays_pl100():
    text = '{"network_config": {"retry_backoff_initial": "500ms", "retry_backoff_max": "fast"}}'
    found = [(d.code, d.pointer) for d in lint(text, kind="update-provider")]
    assert found == [("PL402", "/network_config/retry_backoff_initial"), ("PL100", "/network_config/retry_backoff_max")]

