from tests.conftest import codes_at, lint


def pl301(text, path="config.json"):
    return [d for d in lint(text, path) if d.code == "PL301"]


def test_true_is_reported_at_the_value():
    text = '{\n  "network_config": {\n    "insecure_skip_verify": true\n  }\n}\n'
    found = pl301(text)
    assert codes_at(found) == [("PL301", 3, 29)]
    assert found[0].span.end.column == 33
    assert found[0].pointer == "/network_config/insecure_skip_verify"
    assert found[0].severity.value == "error"
    assert "ca_cert_pem" in found[0].message


def test_false_absent_and_non_boolean_are_quiet():
    assert pl301('{"network_config": {"insecure_skip_verify": false}}') == []
    assert pl301('{"network_config": {}}') == []
    assert pl301('{"network_config": null, "max_retries": 1, "send_back_raw_request": false}') == []
    # A string "true" is a type error (PL100), not a disabled verification.
    assert pl301('{"network_config": {"insecure_skip_verify": "true"}}') == []


def test_every_provider_of_a_config_file_is_checked():
    text = (
        '{"providers": {\n'
        ' "openai": {"keys": [], "network_config": {"insecure_skip_verify": true}},\n'
        ' "groq": {"keys": [], "network_config": {"insecure_skip_verify": true}}\n'
        "}}\n"
    )
    assert codes_at(pl301(text)) == [("PL301", 2, 68), ("PL301", 3, 66)]
    assert [d.pointer for d in pl301(text)] == [
        "/providers/openai/network_config/insecure_skip_verify",
        "/providers/groq/network_config/insecure_skip_verify",
    ]


def test_yaml():
    text = "network_config:\n  insecure_skip_verify: true\n"
    assert codes_at(pl301(text, "p.yaml")) == [("PL301", 2, 25)]
