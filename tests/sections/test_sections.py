"""Config sections provlint does not model are checked by Bifrost's own schema (vendored)."""

import hashlib
import json

import pytest
from hypothesis import given, settings, strategies as st

from provlint.sections import SCHEMA_FOLDER, section_issues
from provlint.source import pointer as jp
from tests.conftest import lint
from tests.paths import fixture

SCHEMA = "config-2.2.schema.json"


def found(data):
    return [(i.category, i.pointer, i.message) for i in section_issues(data, SCHEMA)]


def test_the_vendored_schema_is_bifrosts_file_byte_for_byte():
    # transports/config.schema.json of maximhq/bifrost at 0a945334 (provlint/catalog/bifrost-schemas/SOURCES.md).
    digest = hashlib.sha256((SCHEMA_FOLDER / SCHEMA).read_bytes()).hexdigest()
    assert digest == "13b8d1affe41d6b31b3d34b8196ea4c986c074b7c952e2a3e1e0b86a88dd5a46"


def test_each_kind_of_error_in_the_words_of_pl100_to_pl102():
    data = {
        "client": {"enable_loging": True, "initial_pool_size": "x", "prometheus_labels": [1],
                   "dual_credential_conflict_behavior": "nope"},
        "mcp": {"client_configs": [{"name": "x"}]},
    }
    assert sorted(found(data)) == [
        ("invalid", "/client/dual_credential_conflict_behavior",
         "`client.dual_credential_conflict_behavior` must be one of error, prefer_vk, prefer_idp"),
        ("invalid", "/client/initial_pool_size", "`client.initial_pool_size` must be an integer (got a string)"),
        ("invalid", "/client/prometheus_labels/0", "`client.prometheus_labels[0]` must be a string (got an integer)"),
        ("missing", "/mcp/client_configs/0/connection_type", "`mcp.client_configs[0]` is missing the required field `connection_type`"),
        ("unknown", "/client/enable_loging",
         "unknown field `enable_loging` in client; did you mean `enable_logging`? (Bifrost's schema)"),
    ]


def test_nested_definitions_are_explained_at_their_place():
    data = {"governance": {"virtual_keys": [{"id": "a", "name": "b", "provider_configs": [{"provider": "openai", "weightt": 1}]}]}}
    assert found(data) == [(
        "unknown", "/governance/virtual_keys/0/provider_configs/0/weightt",
        "unknown field `weightt` in governance.virtual_keys[0].provider_configs[0]; did you mean `weight`? (Bifrost's schema)",
    )]


def test_providers_and_unknown_top_level_keys_are_left_to_the_models():
    assert found({"providers": {"openai": {"bogus": 1}}, "not_a_section": {"x": 1}, "$schema": "x"}) == []


def test_a_secret_in_a_bad_value_never_reaches_a_message():
    secret = "sk-live-Zk7pQ2mV9xW4rT8y"
    for data in ({"client": {"initial_pool_size": secret}}, {"client": {"dual_credential_conflict_behavior": secret}},
                 {"encryption_key": 3, "mcp": {"client_configs": [secret]}}):
        for _, _, message in found(data):
            assert secret[:8] not in message


def _jsonschema_errors(data):
    import jsonschema

    schema = json.loads((SCHEMA_FOLDER / SCHEMA).read_text())
    validator = jsonschema.Draft201909Validator(schema)
    return [jp.join("", *error.absolute_path) for error in validator.iter_errors(data)
            if error.absolute_path and error.absolute_path[0] not in ("providers", "$schema")]


def _covers(pointers, pointer):
    return any((p + "/").startswith(pointer + "/") or (pointer + "/").startswith(p + "/") for p in pointers)


@pytest.mark.parametrize("name", [p.name for p in fixture("bifrost-examples").glob("*.json")])
def test_every_error_jsonschema_finds_in_bifrosts_examples_is_found(name):
    data = json.loads(fixture("bifrost-examples", name).read_text())
    ours = [p for _, p, _ in found(data)]
    for pointer in _jsonschema_errors(data):
        assert _covers(ours, pointer), pointer


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=5), st.just([]), st.just({}))


@settings(max_examples=150, deadline=None)
@given(section=st.sampled_from(["client", "governance", "mcp", "plugins", "framework", "config_store", "logs_store"]),
       key=st.sampled_from(["enabled", "name", "type", "budgets", "client_configs", "prometheus_labels", "x_unknown"]),
       value=_scalars)
def test_agrees_with_jsonschema_on_mutated_sections(section, key, value):
    # Same verdict as the jsonschema package (the engine check-jsonschema runs) on the section.
    data = {section: {key: value}}
    theirs = _jsonschema_errors(data)
    ours = [p for _, p, _ in found(data)]
    assert bool(theirs) == bool(ours)
    for pointer in theirs:
        assert _covers(ours, pointer)



def test_a_lone_surrogate_in_a_section_is_checked_as_go_reads_it():
    # YAML keeps "\ud83d" escapes as lone surrogates, which cannot cross into the Rust validator
    # (it raised, and PL100-PL104 became internal errors); Go reads them as U+FFFD.
    text = 'plugins: [{"name": "p", "enabled": true, "config": {}, "provider": ["\\ud83d\\ude00"], "extra": 1}]\n'
    found = [(d.code, d.line, d.column, d.pointer) for d in lint(text, "config.yaml", target_version="2.2")]
    assert found == [("PL101", 1, 56, "/plugins/0/provider"), ("PL101", 1, 86, "/plugins/0/extra")]
