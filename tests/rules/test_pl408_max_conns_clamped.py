from provlint.engine import LintOptions, lint_bytes
from tests.conftest import codes_at


def pl408(text, line="2.2", path="config.json"):
    result = lint_bytes(text.encode(), path, explicit=True, options=LintOptions(target_version=line))
    return [d for d in result.diagnostics if d.code == "PL408"]


def conns(value):
    return '{\n  "network_config": {\n    "max_conns_per_host": %s\n  }\n}\n' % value


def test_above_the_bound_is_a_warning_at_the_value_on_every_2x_line():
    for line in ("2.0", "2.1", "2.2"):
        found = pl408(conns("10001"), line)
        assert codes_at(found) == [("PL408", 3, 27)]
        assert found[0].pointer == "/network_config/max_conns_per_host"
        assert found[0].severity.value == "warning"
        assert "10001" in found[0].message and "10000" in found[0].message and f"Bifrost {line}" in found[0].message


def test_the_bound_itself_smaller_values_and_wrong_types_are_quiet():
    for value in ("10000", "1", "5000", "0", "-5", "null", '"20000"', "true", "20000.5"):
        assert pl408(conns(value)) == [], value


def test_finds_nothing_under_1_5_which_has_no_such_field():
    assert pl408(conns("20000"), "1.5") == []


def test_every_document_kind_and_yaml():
    config = ('{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "models": ["*"], "weight": 1}], '
              '"network_config": {"max_conns_per_host": 50000}}}}')
    assert [d.pointer for d in pl408(config)] == ["/providers/openai/network_config/max_conns_per_host"]
    add = '{"provider": "openai", "network_config": {"max_conns_per_host": 50000}}'
    assert [d.pointer for d in pl408(add)] == ["/network_config/max_conns_per_host"]
    assert codes_at(pl408("network_config:\n  max_conns_per_host: 12000\n", path="p.yaml")) == [("PL408", 2, 23)]
