from tests.conftest import codes_at, lint


def pl002(text, path="config.json"):
    return [d for d in lint(text, path) if d.code == "PL002"]


def test_second_occurrence_reported_with_the_first_in_message_and_related():
    text = '{\n  "network_config": {\n    "max_retries": 2,\n    "max_retries": 5\n  }\n}\n'
    (found,) = pl002(text)
    assert (found.line, found.column, found.span.end.column) == (4, 5, 18)
    assert found.pointer == "/network_config/max_retries"
    assert found.message == (
        "duplicate key `max_retries`: it is also set at line 3, column 5, and only the last value takes effect; keep one"
    )
    assert [(s.start.line, s.start.column) for s in found.related] == [(3, 5)]


def test_duplicate_provider_entries_in_config():
    text = '{"providers": {\n"openai": {"keys": []},\n"openai": {"keys": []}\n}}'
    assert codes_at(pl002(text)) == [("PL002", 3, 1)]


def test_yaml_duplicates():
    text = "network_config:\n  max_retries: 2\n  max_retries: 3\n"
    assert codes_at(pl002(text, "p.yaml")) == [("PL002", 3, 3)]


def test_same_key_in_different_objects_is_fine():
    assert pl002('{"network_config": {"max_retries": 1}, "proxy_config": {"type": "none"}, "x": {"max_retries": 1}}') == []
