from tests.conftest import codes_at, lint


def pl503(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL503"]


def config(*weights):
    keys = ",\n    ".join(
        '{"name": "k%d", "value": "env.K%d"%s}' % (i, i, "" if w is None else ', "weight": %s' % w)
        for i, w in enumerate(weights)
    )
    return '{"providers": {\n  "openai": {"keys": [\n    %s\n  ]}\n}}\n' % keys


def test_negative_weight_is_reported_at_the_weight():
    found = pl503(config("1", "-0.5"))
    assert codes_at(found) == [("PL503", 4, 49)]
    assert found[0].pointer == "/providers/openai/keys/1/weight"
    assert found[0].severity.value == "error"
    assert "negative" in found[0].message and "-0.5" in found[0].message


def test_all_zero_is_reported_at_the_keys_member():
    found = pl503(config("0", "0.0"))
    assert codes_at(found) == [("PL503", 2, 14)]
    assert found[0].pointer == "/providers/openai/keys"
    assert "`openai`" in found[0].message and "weight 0" in found[0].message


def test_a_missing_weight_counts_as_zero_but_is_not_reported_alone():
    assert [d.pointer for d in pl503(config("0", None))] == ["/providers/openai/keys"]
    assert pl503(config(None)) == []
    assert pl503(config(None, None)) == []


def test_quiet_cases():
    assert pl503(config("1")) == []
    assert pl503(config("0", "1")) == []
    assert pl503(config("0.25", "0.75")) == []
    assert pl503('{"providers": {"openai": {"keys": []}}}') == []
    # Wrong types are PL100's, and make the all-zero check undecidable.
    assert pl503(config("true", "0")) == []
    assert pl503(config('"-1"', "0")) == []
    assert pl503(config("null", "0")) == []
    assert pl503('{"providers": {"openai": {"keys": [null, {"name": "k", "weight": 0}]}}}') == []
    assert pl503('{"providers": {"openai": {"keys": "k"}}}') == []


def test_negative_and_all_non_positive_report_only_the_negative():
    assert [d.pointer for d in pl503(config("-1", "0"))] == ["/providers/openai/keys/0/weight"]


def test_several_providers_yaml_and_payload():
    text = (
        '{"providers": {"openai": {"keys": [{"name": "a", "weight": 0}]},'
        ' "groq": {"keys": [{"name": "a", "weight": 1}]}}}'
    )
    assert [d.pointer for d in pl503(text)] == ["/providers/openai/keys"]
    text = "providers:\n  openai:\n    keys:\n      - name: a\n        weight: -2\n"
    assert codes_at(pl503(text, "c.yaml")) == [("PL503", 5, 17)]
    add = '{"provider": "openai", "keys": [{"name": "a", "weight": 0}]}'
    found = pl503(add)
    assert [d.pointer for d in found] == ["/keys"] and "`openai`" in found[0].message
