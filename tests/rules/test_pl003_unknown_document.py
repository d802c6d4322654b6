from tests.conftest import codes_at, lint


def test_explicit_unknown_json_gets_pl003_at_1_1():
    assert codes_at(lint('{"name": "my-app", "version": "1.0.0"}', "package.json")) == [("PL003", 1, 1)]


def test_not_an_object():
    assert codes_at(lint("[1, 2]")) == [("PL003", 1, 1)]
    assert codes_at(lint("- a\n- b\n", "x.yaml")) == [("PL003", 1, 1)]


def test_walked_unknown_file_is_silent():
    assert lint('{"name": "my-app"}', explicit=False) == []


def test_severity_is_warning():
    (found,) = lint('{"a": 1}')
    assert found.severity.value == "warning"


def test_kind_override_lints_as_that_kind():
    found = lint('{"max_retries": 1}', kind="update-provider")
    assert [d.code for d in found] == ["PL101"]
