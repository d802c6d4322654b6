"""The OpenAPI 3.1 fragment: valid, complete, and compared with Bifrost's own OpenAPI sources.

Bifrost's sources (fixtures/bifrost-openapi): the 1.5 provider schemas, the 1.5 ModelProvider
enum, the path items of the provider endpoints and the shared EnvVar. Every difference is
computed here and must be exactly the list README gives.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator
from ruamel.yaml import YAML

from provlint.catalog import load_catalog
from provlint.models import models_for
from provlint.schema import openapi
from tests.paths import fixture

CATALOG = load_catalog("1.5")
MODELS = models_for(CATALOG)
DOC = openapi("1.5")
OURS = DOC["components"]["schemas"]


def bifrost(name: str) -> Any:
    return YAML(typ="safe").load(fixture("bifrost-openapi", name).read_text(encoding="utf-8"))


B_SCHEMAS = bifrost("v1.5__schemas__management__providers.yaml")
B_PATHS = bifrost("paths__management__providers.yaml")
B_COMMON = bifrost("schemas__management__common.yaml")
B_PROVIDERS = json.loads(fixture("bifrost-openapi", "v1.5__openapi.json__components.schemas.ModelProvider.json").read_text())
SHARED = sorted(set(B_SCHEMAS) & set(OURS))


# --- valid and complete -----------------------------------------------------------------------


def test_the_fragment_is_a_valid_openapi_3_1_document():
    errors = list(OpenAPIV31SpecValidator(DOC).iter_errors())
    assert errors == []
    assert DOC["openapi"] == "3.1.0"


def test_the_validator_would_catch_a_broken_fragment():
    broken = json.loads(json.dumps(DOC))
    broken["paths"]["/api/providers"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {"$ref": 5}
    assert list(OpenAPIV31SpecValidator(broken).iter_errors())


@pytest.mark.parametrize("name", sorted(OURS))
def test_every_component_is_a_valid_2020_12_schema(name):
    Draft202012Validator.check_schema(OURS[name])
    assert "markdownDescription" not in json.dumps(OURS[name])


def test_components_hold_every_model():
    names = {m.__name__ for m in (
        MODELS.network_config, MODELS.concurrency_and_buffer_size, MODELS.proxy_config,
        MODELS.custom_provider_config, MODELS.allowed_requests, MODELS.env_var_object,
        *vars(MODELS.key_configs).values(), MODELS.key, MODELS.provider_settings,
        MODELS.config_provider_entry, MODELS.config_file, MODELS.add_provider_request,
        MODELS.update_provider_request, MODELS.provider_response)}
    assert sorted(OURS) == sorted(names | {"BatchS3Config", "S3Bucket", "ListProvidersResponse", "BifrostError", "ErrorField"})


def operations(paths: dict) -> dict[tuple[str, str], dict]:
    return {(path, method): op for path, item in paths.items() for method, op in item.items() if method != "parameters"}


def ref_name(node: dict) -> str:
    return node["$ref"].rsplit("/", 1)[-1].split("#")[-1]


def test_paths_methods_bodies_responses_and_security():
    ops = operations(DOC["paths"])
    summary = {
        key: (
            op["operationId"],
            ref_name(op["requestBody"]["content"]["application/json"]["schema"]) if "requestBody" in op else None,
            {code: ref_name(r["content"]["application/json"]["schema"]) if "content" in r else ref_name(r)
             for code, r in op["responses"].items()},
        )
        for key, op in ops.items()
    }
    assert summary == {
        ("/api/providers", "get"): ("listProviders", None, {"200": "ListProvidersResponse", "500": "InternalError"}),
        ("/api/providers", "post"): ("addProvider", "AddProviderRequest", {
            "200": "ProviderResponse", "400": "BadRequest", "409": "Conflict", "500": "InternalError"}),
        ("/api/providers/{provider}", "get"): ("getProvider", None, {
            "200": "ProviderResponse", "400": "BadRequest", "404": "NotFound", "500": "InternalError"}),
        ("/api/providers/{provider}", "put"): ("updateProvider", "UpdateProviderRequest", {
            "200": "ProviderResponse", "400": "BadRequest", "500": "InternalError"}),
        ("/api/providers/{provider}", "delete"): ("deleteProvider", None, {
            "200": "ProviderResponse", "400": "BadRequest", "404": "NotFound", "500": "InternalError"}),
    }
    responses = DOC["components"]["responses"]
    assert {name: ref_name(r["content"]["application/json"]["schema"]) for name, r in responses.items()} == {
        "BadRequest": "BifrostError", "Conflict": "BifrostError", "InternalError": "BifrostError", "NotFound": "BifrostError"}
    assert [p["name"] for p in DOC["paths"]["/api/providers/{provider}"]["parameters"]] == ["provider"]
    assert DOC["security"] == [{"ManagementBearerAuth": []}]
    assert DOC["components"]["securitySchemes"]["ManagementBearerAuth"] == {
        "type": "http", "scheme": "bearer",
        "description": "`Authorization: Bearer <API key>`: a management API key of the gateway.",
    }
    assert OURS["ProviderResponse"]["properties"]["provider_status"]["enum"] == ["active", "error", "deleted"]


# --- compared with Bifrost's sources ---------------------------------------------------------

# Bifrost's path items are keyed by name; its root openapi.yaml (not copied, see SOURCES.md)
# mounts them at these paths, as its handlers do (BIFROST.md section 5).
BIFROST_MOUNTS = {"providers": "/api/providers", "providers-by-name": "/api/providers/{provider}"}


def test_same_paths_methods_operation_ids_and_status_codes_as_bifrost():
    ours = operations(DOC["paths"])
    theirs = operations({BIFROST_MOUNTS[k]: v for k, v in B_PATHS.items() if k in BIFROST_MOUNTS})
    assert sorted(ours) == sorted(theirs)
    for key, op in ours.items():
        assert op["operationId"] == theirs[key]["operationId"], key
        assert sorted(op["responses"]) == sorted(theirs[key]["responses"]), key
        if "requestBody" in theirs[key]:
            assert ref_name(op["requestBody"]["content"]["application/json"]["schema"]) == ref_name(
                theirs[key]["requestBody"]["content"]["application/json"]["schema"])
        theirs_200 = theirs[key]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ref_name(op["responses"]["200"]["content"]["application/json"]["schema"]) == ref_name(theirs_200)
        # difference: Bifrost also takes HTTP basic auth on the management API
        assert theirs[key]["security"] == [{"ManagementBearerAuth": []}, {"BasicAuth": []}]
    for key in (("/api/providers", "post"), ("/api/providers/{provider}", "get"), ("/api/providers/{provider}", "delete")):
        for code in ("404", "409"):
            if code in theirs[key]["responses"]:
                assert ref_name(theirs[key]["responses"][code]["content"]["application/json"]["schema"]) == "BifrostError"


def test_same_status_enum_23_provider_ids_and_25_request_types_as_bifrost_1_5():
    assert OURS["ProviderResponse"]["properties"]["provider_status"]["enum"] == B_SCHEMAS["ProviderStatus"]["enum"]
    ids = OURS["CustomProviderConfig"]["properties"]["base_provider_type"]["enum"]
    assert ids == B_PROVIDERS["enum"] and len(ids) == 23
    assert list(OURS["AllowedRequests"]["properties"]) == list(B_SCHEMAS["AllowedRequests"]["properties"])
    assert len(OURS["AllowedRequests"]["properties"]) == 25


def test_same_field_names_in_the_same_order_in_every_shared_schema():
    assert SHARED == [
        "AddProviderRequest", "AllowedRequests", "AzureKeyConfig", "BedrockKeyConfig", "ConcurrencyAndBufferSize",
        "CustomProviderConfig", "Key", "ListProvidersResponse", "NetworkConfig", "OllamaKeyConfig", "ProviderResponse",
        "ProxyConfig", "ReplicateKeyConfig", "SglKeyConfig", "UpdateProviderRequest", "VertexKeyConfig", "VllmKeyConfig",
    ]
    for name in SHARED:
        assert list(OURS[name]["properties"]) == list(B_SCHEMAS[name]["properties"]), name
    # Bifrost-only schemas are outside the fragment (keys and models endpoints) or duplicates
    assert sorted(set(B_SCHEMAS) - set(OURS)) == [
        "Architecture", "ListModelDetailsResponse", "ListModelsResponse", "ListProviderKeysResponse",
        "ModelDetailsResponse", "ModelResponse", "ProviderStatus", "VLLMKeyConfig"]


def shape(node: Any, side: str) -> Any:
    """What a property accepts, ignoring nullability, annotations and component names."""
    if side == "ours":
        members = node.get("anyOf")
        if members and {"type": "null"} in members and len(members) == 2:
            node = next(m for m in members if m != {"type": "null"})
    if "$ref" in node:
        ref = node["$ref"]
        if ref.endswith("common.yaml#/ModelProvider"):
            return ("enum", tuple(B_PROVIDERS["enum"]))
        if ref.endswith("common.yaml#/EnvVar"):
            return shape(B_COMMON["EnvVar"], side)
        name = ref.rsplit("/", 1)[-1]
        return shape((OURS if side == "ours" else B_SCHEMAS)[name], side)
    if "oneOf" in node:
        return ("oneOf", tuple(shape(m, side) for m in node["oneOf"]))
    if "enum" in node:
        return ("enum", tuple(node["enum"]))
    kind = node.get("type")
    if kind == "array":
        return ("array", shape(node["items"], side))
    if kind == "object" and "properties" in node:
        return ("object", tuple(node["properties"]))
    if kind == "object":
        extra = node.get("additionalProperties")
        return ("map", shape(extra, side) if isinstance(extra, dict) else None)
    return kind


def differences() -> list[tuple[str, str, str]]:
    found = []
    for name in SHARED:
        mine, theirs = OURS[name], B_SCHEMAS[name]
        for prop, body in theirs["properties"].items():
            ours_body = mine["properties"][prop]
            if shape(ours_body, "ours") != shape(body, "bifrost"):
                found.append((name, prop, "type"))
            if "anyOf" in ours_body and {"type": "null"} in ours_body["anyOf"]:
                found.append((name, prop, "nullable"))
            if "default" in body:
                assert ours_body["default"] == body["default"], (name, prop)
            elif "default" in ours_body:
                found.append((name, prop, "default"))
            for bound in ("minimum", "maximum", "minLength"):
                if ours_body.get(bound) != body.get(bound):
                    found.append((name, prop, bound))
            if body.get("format") != ours_body.get("format"):
                found.append((name, prop, "format"))
        if sorted(mine.get("required", [])) != sorted(theirs.get("required", [])):
            changed = set(mine.get("required", [])) ^ set(theirs.get("required", []))
            found.append((name, ",".join(sorted(changed)), "required"))
        if mine.get("additionalProperties") is False and "additionalProperties" not in theirs:
            found.append((name, "", "closed"))
    return found


BLOCKS = ("network_config", "concurrency_and_buffer_size", "proxy_config", "custom_provider_config")
KEY_CONFIGS = ("azure_key_config", "vertex_key_config", "bedrock_key_config", "vllm_key_config",
               "ollama_key_config", "sgl_key_config", "replicate_key_config")
SETTINGS_DEFAULTS = ("send_back_raw_request", "send_back_raw_response", "store_raw_request_response")


def test_every_difference_from_bifrosts_sources_is_the_listed_one():
    found = differences()
    expected = [
        # 1. ids typed as strings: custom providers have names of their own
        ("AddProviderRequest", "provider", "type"), ("ProviderResponse", "name", "type"),
        # 2. the legacy secret object spelling {env_var, from_env}, which Bifrost 1.x reads
        *[("AzureKeyConfig", p, "type") for p in ("endpoint", "api_version", "client_id", "client_secret", "tenant_id")],
        *[("BedrockKeyConfig", p, "type") for p in ("access_key", "secret_key", "session_token", "region", "arn")],
        ("Key", "value", "type"),
        ("OllamaKeyConfig", "url", "type"), ("SglKeyConfig", "url", "type"),
        *[("VertexKeyConfig", p, "type") for p in ("project_id", "project_number", "region", "auth_credentials")],
        ("VllmKeyConfig", "url", "type"),
        # 3. null accepted for blocks: null clears a block in an update, and decodes to "absent"
        *[(doc, block, "nullable") for doc in ("AddProviderRequest",) for block in BLOCKS],
        ("BedrockKeyConfig", "batch_s3_config", "nullable"),
        ("CustomProviderConfig", "allowed_requests", "nullable"),
        *[("Key", config, "nullable") for config in KEY_CONFIGS],
        *[(doc, block, "nullable") for doc in ("ProviderResponse", "UpdateProviderRequest") for block in BLOCKS],
        # 4. Bifrost's defaults (1.x) and the API's lower bounds, documented
        *[("AddProviderRequest", f, "default") for f in SETTINGS_DEFAULTS],
        ("ConcurrencyAndBufferSize", "concurrency", "default"), ("ConcurrencyAndBufferSize", "concurrency", "minimum"),
        ("ConcurrencyAndBufferSize", "buffer_size", "default"), ("ConcurrencyAndBufferSize", "buffer_size", "minimum"),
        ("CustomProviderConfig", "is_key_less", "default"),
        ("Key", "enabled", "default"), ("Key", "use_for_batch_api", "default"),
        ("NetworkConfig", "default_request_timeout_in_seconds", "default"),
        ("NetworkConfig", "max_retries", "default"), ("NetworkConfig", "max_retries", "minimum"),
        ("NetworkConfig", "retry_backoff_initial", "default"), ("NetworkConfig", "retry_backoff_max", "default"),
        ("NetworkConfig", "insecure_skip_verify", "default"),
        *[("ProviderResponse", f, "default") for f in SETTINGS_DEFAULTS],
        ("ProxyConfig", "type", "default"),
        *[("UpdateProviderRequest", f, "default") for f in SETTINGS_DEFAULTS],
        # 5. no int64 format: JSON Schema has no such format; the JSON is an integer of milliseconds
        ("NetworkConfig", "retry_backoff_initial", "format"), ("NetworkConfig", "retry_backoff_max", "format"),
        # 6. required as in Bifrost's config.schema.json and its API checks
        ("CustomProviderConfig", "base_provider_type", "required"), ("Key", "name,weight", "required"),
        # 7. closed objects: an unknown member is an error (PL101), not silently ignored
        *[(name, "", "closed") for name in SHARED],
    ]
    assert sorted(found) == sorted(expected)


def test_the_secret_difference_is_exactly_the_legacy_members():
    theirs = shape(B_COMMON["EnvVar"], "bifrost")
    ours = shape(OURS["Key"]["properties"]["value"], "ours")
    assert theirs == ("oneOf", ("string", ("object", ("value", "ref", "type"))))
    assert ours == ("oneOf", ("string", ("object", ("value", "ref", "type", "env_var", "from_env"))))


def test_the_id_difference_is_string_versus_bifrosts_enum():
    assert shape(B_SCHEMAS["AddProviderRequest"]["properties"]["provider"], "bifrost") == ("enum", tuple(CATALOG.provider_ids))
    assert OURS["AddProviderRequest"]["properties"]["provider"]["type"] == "string"
    assert OURS["ProviderResponse"]["properties"]["name"]["type"] == "string"
