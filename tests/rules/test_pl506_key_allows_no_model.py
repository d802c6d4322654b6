import pytest

from provlint.engine import LintOptions, lint_bytes
from provlint.source.document import DocumentKind
from tests.conftest import NOW, codes_at

LINES = ("1.5", "2.0", "2.1", "2.2")


def lint(text, line, path="config.json", kind=None):
    options = LintOptions(target_version=line, now=NOW, kind=DocumentKind(kind) if kind else None)
    return lint_bytes(text.encode(), path, explicit=True, options=options).diagnostics


def pl506(text, line, path="config.json", kind=None):
    return [d for d in lint(text, line, path, kind) if d.code == "PL506"]


def config(*keys, version=""):
    body = ",\n".join(f"        {key}" for key in keys)
    head = f'  "version": {version},\n' if version else ""
    return '{\n%s  "providers": {\n    "openai": {\n      "keys": [\n%s\n      ]\n    }\n  }\n}\n' % (head, body)


ABSENT = '{"name": "a", "value": "env.A", "weight": 1}'
EMPTY = '{"name": "b", "value": "env.B", "weight": 1, "models": []}'
NULL = '{"name": "c", "value": "env.C", "weight": 1, "models": null}'
ALL = '{"name": "d", "value": "env.D", "weight": 1, "models": ["*"]}'
SOME = '{"name": "e", "value": "env.E", "weight": 1, "models": ["gpt-4o"]}'

ADVICE = 'since Bifrost 1.5.0 an empty allow-list means "allow none", so the key serves no model; list the models it may serve, or `["*"]` to allow every model'


@pytest.mark.parametrize("line", LINES)
def test_absent_empty_and_null_models_are_warnings_under_every_line(line):
    found = pl506(config(ABSENT, EMPTY, NULL, ALL, SOME), line)
    assert codes_at(found) == [("PL506", 5, 9), ("PL506", 6, 64), ("PL506", 7, 64)]
    assert [d.pointer for d in found] == [
        "/providers/openai/keys/0",
        "/providers/openai/keys/1/models",
        "/providers/openai/keys/2/models",
    ]
    assert [d.message for d in found] == [
        f"key `a` has no `models`: {ADVICE}",
        f"key `b` has an empty `models` list: {ADVICE}",
        f"key `c` has `models: null`: {ADVICE}",
    ]
    assert {d.severity.value for d in found} == {"warning"}
    assert all(d.autofix is None for d in found)  # ["*"] would change what the key serves


@pytest.mark.parametrize("line", LINES)
def test_config_version_1_keeps_empty_meaning_allow_all(line):
    assert pl506(config(ABSENT, EMPTY, version="1"), line) == []
    assert codes_at(pl506(config(ABSENT, EMPTY, version="2"), line)) == [("PL506", 6, 9), ("PL506", 7, 64)]


def test_a_version_that_is_not_the_integer_1_does_not_silence_it():
    for version in ('"1"', "1.5", "true"):
        assert len(pl506(config(ABSENT, version=version), "2.2")) == 1, version


def test_a_key_without_a_name_is_named_by_its_index_and_wrong_types_are_left_to_pl100():
    found = pl506(config('{"value": "env.A", "weight": 1}'), "2.2")
    assert found[0].message.startswith("`keys[0]` has no `models`: ")
    assert pl506(config('{"name": "a", "value": "env.A", "weight": 1, "models": "*"}'), "2.2") == []
    assert pl506(config('"not-a-key"'), "2.2") == []


def test_yaml_config():
    text = "providers:\n  openai:\n    keys:\n      - name: a\n        value: env.A\n        weight: 1\n        models: []\n"
    found = pl506(text, "2.2", path="config.yaml")
    assert codes_at(found) == [("PL506", 7, 17)] and found[0].pointer == "/providers/openai/keys/0/models"
    assert pl506("version: 1\n" + text, "1.5", path="config.yaml") == []


@pytest.mark.parametrize("line", LINES)
def test_keys_in_api_payloads_are_checked_where_the_payload_keeps_them(line):
    response = '{\n  "name": "openai",\n  "keys": [\n    {"name": "k", "value": "env.K", "weight": 1}\n  ]\n}\n'
    found = pl506(response, line, kind="provider-response")
    assert codes_at(found) == [("PL506", 4, 5)] and found[0].pointer == "/keys/0"
    add = '{\n  "provider": "openai",\n  "keys": [\n    {"name": "k", "value": "env.K", "weight": 1, "models": []}\n  ]\n}\n'
    found = pl506(add, line, kind="add-provider")
    assert codes_at(found) == [("PL506", 4, 60)] and found[0].pointer == "/keys/0/models"
    # A payload's "version" is not a config file's: it does not silence the rule.
    assert len(pl506(add.replace('"provider"', '"version": 1,\n  "provider"'), line, kind="add-provider")) == 1


def test_the_whole_file_gives_only_this_warning():
    assert [d.code for d in lint(config(ABSENT), "2.2")] == ["PL506"]
