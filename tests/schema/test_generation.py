"""The generated JSON Schema files: valid, portable, described, from the catalog, committed, stable."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.exceptions import SchemaError

from provlint.catalog import lintable_versions, load_catalog
from provlint.schema import (
    ADD_PROVIDER_FILE,
    CONFIG_FILE,
    DRAFT_07,
    OPENAPI_FILE,
    PROVIDER_FILE,
    PROVIDER_RESPONSE_FILE,
    SCHEMA_ID_BASE,
    UPDATE_PROVIDER_FILE,
    check_folder,
    generated_files,
    json_schemas,
    models_schema,
    render_json,
)
from provlint.schema.generator import NOT_PORTABLE
from tests.paths import REPO, fixture

VERSIONS = lintable_versions()
FILES = [CONFIG_FILE, PROVIDER_FILE, ADD_PROVIDER_FILE, UPDATE_PROVIDER_FILE, PROVIDER_RESPONSE_FILE]
SCHEMAS = {(v, name): schema for v in VERSIONS for name, schema in json_schemas(v).items()}
CASES = sorted(SCHEMAS)
CATALOG = load_catalog("1.5")
V15 = json_schemas("1.5")


def ids(case):
    return f"{case[0]}/{case[1]}"


def schema_nodes(schema):
    """(path, node) of every schema object (not property maps, not enum/default values)."""
    def visit(node, path):
        if not isinstance(node, dict):
            return
        yield path, node
        for key in ("additionalProperties", "items", "propertyNames", "not", "if", "then", "else", "contains"):
            if isinstance(node.get(key), dict):
                yield from visit(node[key], path + (key,))
        for key in ("allOf", "anyOf", "oneOf"):
            for index, member in enumerate(node.get(key, [])):
                yield from visit(member, path + (key, index))
        for key in ("properties", "definitions", "$defs", "patternProperties"):
            for name, member in node.get(key, {}).items():
                yield from visit(member, path + (key, name))
    yield from visit(schema, ())


def test_a_line_with_models_gets_every_file():
    assert VERSIONS == ["1.5", "2.0", "2.1", "2.2"]
    for version in VERSIONS:
        assert sorted(generated_files(version)) == sorted(f"{version}/{n}" for n in [*FILES, OPENAPI_FILE])


# --- committed and stable ------------------------------------------------------------------


def test_the_committed_schemas_folder_is_what_the_models_generate():
    assert check_folder(REPO / "schemas", VERSIONS) == []
    for version in VERSIONS:
        for relative, text in generated_files(version).items():
            assert (REPO / "schemas" / relative).read_bytes() == text.encode("utf-8"), relative


def test_generation_is_deterministic_across_processes():
    # a different hash seed reorders sets and dicts built from them; none of that may leak out
    outputs = set()
    for seed in ("0", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", "import sys; from provlint.cli import main; main(['schema', '--check', 'schemas'])"],
            cwd=REPO, capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert result.returncode == 0, result.stderr
        printed = subprocess.run(
            [sys.executable, "-m", "provlint", "schema", "--openapi"], cwd=REPO, capture_output=True, timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(printed.stdout)
    assert len(outputs) == 1


def test_rendering_is_two_space_json_with_one_trailing_newline():
    text = render_json({"b": [1, {"c": "é"}], "a": None})
    assert text == '{\n  "b": [\n    1,\n    {\n      "c": "é"\n    }\n  ],\n  "a": null\n}\n'
    for version in VERSIONS:
        for relative, text in generated_files(version).items():
            assert text.endswith("}\n") and not text.endswith("\n\n"), relative
            assert json.loads(text) is not None


# --- valid, portable ---------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_every_schema_is_valid_against_its_metaschema(case):
    schema = SCHEMAS[case]
    assert schema["$schema"] == DRAFT_07
    Draft7Validator.check_schema(schema)
    # a 2020-12 engine reads it too (definitions stays a known keyword in the 2020-12 metaschema)
    Draft202012Validator.check_schema({**schema, "$schema": "https://json-schema.org/draft/2020-12/schema"})


def test_check_schema_would_catch_a_broken_definition():
    # definitions (not $defs) is what makes draft-07's metaschema look into every definition
    broken = json.loads(json.dumps(V15[CONFIG_FILE]))
    broken["definitions"]["NetworkConfig"]["properties"]["max_retries"]["minimum"] = "0"
    with pytest.raises(SchemaError):
        Draft7Validator.check_schema(broken)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_keywords_are_ones_draft_07_and_2020_12_editors_both_honour(case):
    for path, node in schema_nodes(SCHEMAS[case]):
        assert not set(node) & set(NOT_PORTABLE), path
        assert "$defs" not in node, path
        if "$ref" in node:
            assert set(node) == {"$ref"}, f"draft-07 ignores the siblings of $ref at {path}"
            assert node["$ref"].startswith("#/definitions/"), path
    assert "$defs" not in json.dumps(SCHEMAS[case])


# --- described ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_every_schema_has_a_versioned_id_a_title_and_a_generated_note(case):
    version, name = case
    schema = SCHEMAS[case]
    assert schema["$id"] == f"{SCHEMA_ID_BASE}/{version}/{name}"
    assert f"Bifrost {version}" in schema["title"]
    assert "Do not edit" in schema["$comment"]
    assert list(schema)[:4] == ["$schema", "$id", "$comment", "title"]


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_every_model_and_field_has_a_title_and_both_descriptions(case):
    schema = SCHEMAS[case]
    checked = 0
    for path, node in schema_nodes(schema):
        if path and path[-2] in ("definitions", "properties"):
            assert node.get("title"), path
            assert node.get("description"), path
            checked += 1
        if "description" in node:
            markdown = node["markdownDescription"]
            assert node["description"] == markdown.replace("`", ""), path
            assert "\n" not in markdown.replace("\n\n", ""), f"paragraph broken across lines at {path}"
        else:
            assert "markdownDescription" not in node, path
    assert checked > 10


def test_docstrings_and_field_descriptions_are_the_descriptions():
    network = V15[CONFIG_FILE]["definitions"]["NetworkConfig"]
    assert network["markdownDescription"].startswith("Network settings Bifrost uses for every request")
    assert "\n\nAbsent fields take Bifrost's defaults" in network["markdownDescription"]
    assert network["properties"]["max_retries"]["description"].startswith("How many times Bifrost retries")
    proxy_type = V15[CONFIG_FILE]["definitions"]["ProxyConfig"]["properties"]["type"]
    assert proxy_type["markdownDescription"].startswith("Kind of proxy: `none`, `http`")
    assert proxy_type["description"].startswith("Kind of proxy: none, http")


# --- from the catalog ----------------------------------------------------------------------


def definitions():
    return V15[CONFIG_FILE]["definitions"]


def test_defaults_are_bifrosts_from_the_catalog():
    defaults = CATALOG.defaults
    network = definitions()["NetworkConfig"]["properties"]
    for name, value in defaults["network_config"].items():
        assert network[name]["default"] == value, name
    sizes = definitions()["ConcurrencyAndBufferSize"]["properties"]
    assert {n: sizes[n]["default"] for n in sizes} == defaults["concurrency_and_buffer_size"]
    assert definitions()["ProxyConfig"]["properties"]["type"]["default"] == defaults["proxy_config"]["type"]
    entry = definitions()["ConfigProviderEntry"]["properties"]
    for name in ("send_back_raw_request", "send_back_raw_response", "store_raw_request_response"):
        assert entry[name]["default"] is defaults[name]
    key = definitions()["Key"]["properties"]
    assert key["enabled"]["default"] is True and key["use_for_batch_api"]["default"] is False
    assert network["default_request_timeout_in_seconds"]["default"] == 30  # 1.x, not 2.0's 300
    # a field without a Bifrost default has none, not null
    assert not [p for p, n in schema_nodes(V15[CONFIG_FILE]) if "default" in n and n["default"] is None]


def test_bounds_are_the_catalogs():
    bounds = CATALOG.bounds
    assert definitions()["NetworkConfig"]["properties"]["max_retries"]["minimum"] == bounds.max_retries_min == 0
    sizes = definitions()["ConcurrencyAndBufferSize"]["properties"]
    assert sizes["concurrency"]["minimum"] == bounds.concurrency_min == 1
    assert sizes["buffer_size"]["minimum"] == bounds.buffer_size_min == 1
    aliases = definitions()["Key"]["properties"]["aliases"]
    assert aliases["propertyNames"] == {"minLength": 1} and aliases["additionalProperties"]["minLength"] == 1


def test_enums_are_the_catalogs():
    defs = definitions()
    assert defs["CustomProviderConfig"]["properties"]["base_provider_type"]["enum"] == list(CATALOG.provider_ids)
    assert len(CATALOG.provider_ids) == 23
    assert defs["ProxyConfig"]["properties"]["type"]["enum"] == list(CATALOG.proxy_types)
    assert defs["EnvVarObject"]["properties"]["type"]["enum"] == list(CATALOG.secret_types)
    assert list(defs["AllowedRequests"]["properties"]) == list(CATALOG.request_types)
    assert len(CATALOG.request_types) == 25
    response = V15[PROVIDER_RESPONSE_FILE]["properties"]["provider_status"]
    assert response["enum"] == list(CATALOG.provider_statuses) == ["active", "error", "deleted"]


def test_config_schema_offers_every_provider_id_and_accepts_custom_names():
    providers = V15[CONFIG_FILE]["properties"]["providers"]
    assert list(providers["properties"]) == list(CATALOG.provider_ids)
    entry = {"allOf": [{"$ref": "#/definitions/ConfigProviderEntry"}]}
    for node in [*providers["properties"].values(), providers["additionalProperties"]]:
        assert node["allOf"] == entry["allOf"] and node["title"] and node["markdownDescription"]
    assert providers["properties"]["openai"]["markdownDescription"] == "The standard provider `openai` of Bifrost 1.5."
    validator = Draft7Validator(V15[CONFIG_FILE])
    key = {"name": "k", "weight": 1}
    assert validator.is_valid({"providers": {"openai": {"keys": [key]}, "my-llm": {"keys": []}}})
    assert not validator.is_valid({"providers": {"my-llm": {"keys": [], "typo": 1}}})
    assert not validator.is_valid({"providers": {"openai": {"keys": [key], "typo": 1}}})


def test_config_schema_accepts_bifrosts_own_schema_member_and_other_sections():
    config = V15[CONFIG_FILE]
    validator = Draft7Validator(config)
    assert config["properties"]["$schema"]["examples"] == ["https://www.getbifrost.ai/schema"]
    assert validator.is_valid({"$schema": "https://www.getbifrost.ai/schema"})
    sections = CATALOG.config_sections
    assert list(config["properties"]) == list(sections)
    assert validator.is_valid({s: {"anything": [1, None]} for s in sections if s not in ("$schema", "providers")})
    assert not validator.is_valid({"provider": {}})
    assert config["additionalProperties"] is False


def test_each_api_schema_describes_its_document():
    assert V15[ADD_PROVIDER_FILE]["required"] == ["provider"]
    assert list(V15[PROVIDER_FILE]["properties"]) == list(CATALOG.settings_fields)
    assert list(V15[UPDATE_PROVIDER_FILE]["properties"]) == list(CATALOG.settings_fields)
    assert set(V15[PROVIDER_RESPONSE_FILE]["properties"]) == set(CATALOG.settings_fields) | set(CATALOG.response_only_fields)


# --- one source: the fast validators come from the same schema -------------------------------


def test_the_fast_validators_are_generated_from_the_same_definitions():
    combined, refs = models_schema("1.5")
    assert refs == {"config": "#/definitions/ConfigFile", "add-provider": "#/definitions/AddProviderRequest",
                    "update-provider": "#/definitions/UpdateProviderRequest",
                    "provider-response": "#/definitions/ProviderResponse"}
    published = V15[CONFIG_FILE]["definitions"]
    for name, definition in published.items():
        assert combined["definitions"][name] == definition, name
    root = {k: v for k, v in combined["definitions"]["ConfigFile"].items()}
    assert root["properties"]["providers"]["additionalProperties"] == {"$ref": "#/definitions/ConfigProviderEntry"}
    Draft7Validator.check_schema(combined)


# --- the library stays off the lint path ----------------------------------------------------


def test_the_lint_path_imports_neither_the_schema_package_nor_jsonschema(tmp_path):
    path = fixture("bifrost-examples", "examples__configs__loadtest__config.json")
    code = (
        "import sys\n"
        "from provlint.cli import cli\n"
        f"cli.main(args=['check', '--isolated', '--select', 'PL100', {str(path)!r}], standalone_mode=False)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'jsonschema', 'ruamel') "
        "or m.startswith('provlint.schema'))\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_schema_library_imports_no_click_and_no_jsonschema():
    code = (
        "import sys\n"
        "import provlint.schema as s\n"
        "s.json_schemas('1.5'); s.openapi('1.5')\n"
        "assert 'click' not in sys.modules and 'jsonschema' not in sys.modules, sorted(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
