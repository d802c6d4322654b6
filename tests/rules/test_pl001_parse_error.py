from tests.conftest import codes_at, lint


def test_parse_error_stops_all_other_rules():
    found = lint('{"providers": {"opnai": {"network_config": {"insecure_skip_verify": true}},}}')
    assert [d.code for d in found] == ["PL001"]


def test_trailing_comma_position_json():
    assert codes_at(lint('{\n  "providers": {\n    "openai": {"keys": [],}\n  }\n}\n')) == [("PL001", 3, 26)]


def test_yaml_syntax_error_position():
    found = lint("providers:\n  openai: {keys: [}\n", "c.yaml")
    assert [d.code for d in found] == ["PL001"]
    assert found[0].line == 2


def test_nan_literal():
    found = lint('{"network_config": {"max_retries": NaN}}')
    assert codes_at(found) == [("PL001", 1, 36)]
    assert "NaN" in found[0].message
