import json

from tests.conftest import codes_at, lint


def pl308(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL308"]


def test_both_flags_are_reported_at_their_values():
    text = '{\n  "store_raw_request_response": true,\n  "send_back_raw_request": true,\n  "send_back_raw_response": true\n}\n'
    found = pl308(text)
    assert codes_at(found) == [("PL308", 2, 33), ("PL308", 3, 28)]
    assert [d.pointer for d in found] == ["/store_raw_request_response", "/send_back_raw_request"]
    assert all(d.severity.value == "warning" for d in found)
    assert "at rest" in found[0].message and "`store_raw_request_response: true`" in found[0].message
    assert "clients" in found[1].message and "`send_back_raw_request: true`" in found[1].message


def test_false_absent_send_back_raw_response_and_wrong_types_are_quiet():
    assert pl308('{"store_raw_request_response": false, "send_back_raw_request": false}') == []
    assert pl308('{"send_back_raw_response": true}') == []
    assert pl308('{"store_raw_request_response": "true", "send_back_raw_request": 1}') == []
    assert pl308('{"store_raw_request_response": null, "network_config": {}}') == []


def test_every_document_kind_and_several_providers():
    text = json.dumps({"providers": {
        "openai": {"keys": [], "store_raw_request_response": True},
        "groq": {"keys": [], "send_back_raw_request": False},
        "mistral": {"keys": [], "send_back_raw_request": True},
    }})
    assert [d.pointer for d in pl308(text)] == [
        "/providers/openai/store_raw_request_response", "/providers/mistral/send_back_raw_request"]
    assert [d.pointer for d in pl308(json.dumps({"provider": "openai", "send_back_raw_request": True}))] == [
        "/send_back_raw_request"]
    response = {"name": "openai", "provider_status": "active", "store_raw_request_response": True}
    assert [d.pointer for d in pl308(json.dumps(response))] == ["/store_raw_request_response"]
    assert len(pl308('{"send_back_raw_request": true}')) == 1


def test_yaml():
    text = "providers:\n  openai:\n    keys: []\n    store_raw_request_response: true\n"
    assert codes_at(pl308(text, "c.yaml")) == [("PL308", 4, 33)]
