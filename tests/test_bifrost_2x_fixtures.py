"""The hand-written Bifrost 2.x configs are what they claim: valid under Bifrost's schema, complete."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from tests.paths import fixture

FOLDER = fixture("bifrost-2.x")
CLEAN = sorted(p for p in FOLDER.iterdir() if p.suffix in (".json", ".yaml"))
MISTAKES = sorted(p for p in FOLDER.joinpath("mistakes").rglob("*") if p.suffix in (".json", ".yaml"))
GO_ACCEPTED = sorted(FOLDER.joinpath("go-accepted").glob("*.json"))
SECRET_OBJECT_MEMBERS = {"value", "ref", "type", "env_var", "from_env"}


def load(path: Path):
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def bifrost_validator():
    # Draft 2019-09 without a format checker: Bifrost's own validator (santhosh-tekuri/jsonschema)
    # does not assert formats by default either.
    from jsonschema import Draft201909Validator

    schema = json.loads(fixture("bifrost-schema", "config.schema.json").read_text(encoding="utf-8"))
    return Draft201909Validator(schema)


def schema_errors(data) -> list[str]:
    return sorted(
        f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in bifrost_validator().iter_errors(data)
    )


def test_there_are_at_least_twelve_clean_configs_with_a_mistake_each():
    assert len(CLEAN) >= 12
    assert {p.name for p in CLEAN} == {p.name for p in FOLDER.joinpath("mistakes").glob("*") if p.suffix in (".json", ".yaml")}
    assert {p.suffix for p in CLEAN} == {".json", ".yaml"}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_config_is_valid_under_bifrost_schema(path):
    assert schema_errors(load(path)) == []


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: str(p.relative_to(FOLDER)))
def test_every_mistake_has_one_expected_finding(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert len(expected) == 1
    assert expected[0].startswith(f"{path.name}:")


@pytest.mark.parametrize("path", GO_ACCEPTED, ids=lambda p: p.name)
def test_go_accepted_configs_differ_from_the_schema_only_by_secret_objects(path):
    data = load(path)
    errors = list(bifrost_validator().iter_errors(data))
    assert errors
    for error in errors:
        assert error.validator == "type" and error.validator_value == "string", error.message
        assert isinstance(error.instance, dict) and set(error.instance) <= SECRET_OBJECT_MEMBERS


def _schema_provider_ids() -> set[str]:
    schema = json.loads(fixture("bifrost-schema", "config.schema.json").read_text(encoding="utf-8"))
    return set(schema["properties"]["providers"]["properties"])


def _schema_key_sub_configs() -> set[str]:
    schema = json.loads(fixture("bifrost-schema", "config.schema.json").read_text(encoding="utf-8"))
    names = set()
    for name, definition in schema["$defs"].items():
        if name.endswith("_key"):
            for part in definition.get("allOf", [definition]):
                names |= {p for p in part.get("properties", {}) if p.endswith("_key_config")}
    return names


def _used(member: str, node) -> list:
    if isinstance(node, dict):
        found = [node[member]] if member in node else []
        return found + [x for v in node.values() for x in _used(member, v)]
    if isinstance(node, list):
        return [x for v in node for x in _used(member, v)]
    return []


def test_clean_configs_use_every_provider_id_of_the_schema():
    used = {name for path in CLEAN for name in load(path).get("providers", {})}
    assert _schema_provider_ids() <= used


@pytest.mark.parametrize("member", sorted(_schema_key_sub_configs() | {"endpoints", "aliases", "enabled",
                                                                        "use_for_batch_api", "use_anthropic_endpoints",
                                                                        "openai_config", "prompt_cache",
                                                                        "does_not_send_done_marker",
                                                                        "http2_ping_interval_in_seconds"}))
def test_clean_configs_use_every_key_sub_config_and_2x_field(member):
    assert any(_used(member, load(path)) for path in CLEAN)


def test_aliases_appear_in_both_forms():
    aliases = [a for path in CLEAN for m in _used("aliases", load(path)) for a in m.values()]
    assert any(isinstance(a, str) for a in aliases) and any(isinstance(a, dict) for a in aliases)


def test_secret_references_appear_in_every_string_form():
    values = json.dumps([load(path) for path in CLEAN])
    assert '"env.' in values and '"vault.' in values


# --- what provlint says about them ---------------------------------------------------------

LOUD = {"error", "warning"}


def lint_file(path: Path, line: str):
    from provlint.engine import LintOptions, lint_bytes

    return lint_bytes(path.read_bytes(), path.name, explicit=True, options=LintOptions(target_version=line)).diagnostics


def target_of(path: Path) -> str:
    # mistakes/2.0/ and mistakes/2.1/ are checked under that line; everything else under 2.2.
    return path.parent.name if path.parent.name in ("2.0", "2.1") else "2.2"


@pytest.mark.parametrize("path", CLEAN + GO_ACCEPTED, ids=lambda p: p.name)
def test_clean_config_has_no_warning_or_error_under_2_2(path):
    loud = [f"{d.code} {d.line}:{d.column} {d.message}" for d in lint_file(path, "2.2") if d.severity.value in LOUD]
    assert loud == []


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: str(p.relative_to(FOLDER)))
def test_planted_mistake_gives_exactly_its_expected_finding(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    found = [f"{path.name}:{d.line}:{d.column}: {d.code}" for d in lint_file(path, target_of(path))]
    assert found == expected


@pytest.mark.parametrize("path", [p for p in MISTAKES if target_of(p) != "2.2"], ids=lambda p: str(p.relative_to(FOLDER)))
def test_a_mistake_of_an_older_line_is_no_mistake_under_2_2(path):
    assert [d for d in lint_file(path, "2.2") if d.severity.value in LOUD] == []


def test_a_literal_inside_a_secret_object_is_found_as_a_literal_string_is(tmp_path):
    # The go-accepted config with its references made literal: each object form reports like a string.
    data = load(FOLDER / "go-accepted" / "secret-objects.json")
    keys = data["providers"]["openai"]["keys"]
    keys[0]["value"] = {"value": "Zq8vR2mXw4TnL7pKc9HbY3dFs6GjA1eU", "type": "plain_text"}
    keys[1]["value"] = "Zq8vR2mXw4TnL7pKc9HbY3dFs6GjA1eV"
    data["providers"]["azure"]["keys"][0]["azure_key_config"]["client_secret"] = {"value": "Zq8vR2mXw4TnL7pKc9HbY3dFs6GjA1eW"}
    path = tmp_path / "config.json"
    path.write_text(json.dumps(data, indent=2))
    found = [(d.code, d.pointer) for d in lint_file(path, "2.2") if d.severity.value in LOUD]
    assert found == [
        ("PL304", "/providers/openai/keys/0/value"),
        ("PL304", "/providers/openai/keys/1/value"),
        ("PL304", "/providers/azure/keys/0/azure_key_config/client_secret"),
    ]
