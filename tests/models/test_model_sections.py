"""The models themselves: one per section, built from the catalog, with a sane JSON Schema."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from provlint.catalog import load_catalog
from provlint.models import ModelSet, models_for
from provlint.records import replace
from provlint.source.document import DocumentKind

CATALOG = load_catalog("1.5")
MODELS = models_for(CATALOG)
PACKAGE = Path(__file__).resolve().parents[2] / "provlint"

SECTION_ATTRIBUTES = (
    "network_config", "concurrency_and_buffer_size", "proxy_config", "custom_provider_config",
    "allowed_requests", "key", "provider_settings", "config_provider_entry", "config_file",
    "add_provider_request", "update_provider_request", "provider_response",
)


def all_models(models: ModelSet) -> list[type[BaseModel]]:
    found = [getattr(models, a) for a in SECTION_ATTRIBUTES] + [models.env_var_object]
    found += list(vars(models.key_configs).values())
    return found


def accepts(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data, by_name=False)
    except ValidationError:
        return False
    return True


def errors(model: type[BaseModel], data: Any) -> list[tuple[str, tuple]]:
    try:
        model.model_validate(data, by_name=False)
    except ValidationError as exc:
        return [(e["type"], e["loc"]) for e in exc.errors()]
    return []


# --- the set -----------------------------------------------------------------------------


def test_models_are_built_once_per_catalog_version():
    assert models_for(CATALOG) is MODELS
    assert models_for(load_catalog("1.5")) is MODELS
    assert MODELS.version == "1.5"


def test_root_model_of_each_document_kind():
    assert MODELS.for_kind(DocumentKind.CONFIG) is MODELS.config_file
    assert MODELS.for_kind(DocumentKind.ADD_PROVIDER) is MODELS.add_provider_request
    assert MODELS.for_kind(DocumentKind.UPDATE_PROVIDER) is MODELS.update_provider_request
    assert MODELS.for_kind(DocumentKind.PROVIDER_RESPONSE) is MODELS.provider_response
    with pytest.raises(KeyError):
        MODELS.for_kind(DocumentKind.UNKNOWN)


def test_every_model_is_strict_and_closed():
    for model in all_models(MODELS):
        config = model.model_config
        assert (config["extra"], config["strict"], config["populate_by_name"]) == ("forbid", True, True), model


# --- fields follow the 1.5 API source ----------------------------------------------------


def wire_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


SETTINGS = [
    "network_config", "concurrency_and_buffer_size", "proxy_config", "send_back_raw_request",
    "send_back_raw_response", "store_raw_request_response", "custom_provider_config",
]


def test_field_names_and_order():
    assert wire_names(MODELS.network_config) == [
        "base_url", "extra_headers", "default_request_timeout_in_seconds", "max_retries",
        "retry_backoff_initial", "retry_backoff_max", "insecure_skip_verify", "ca_cert_pem",
        "allow_private_network",
    ]
    assert wire_names(MODELS.concurrency_and_buffer_size) == ["concurrency", "buffer_size"]
    assert wire_names(MODELS.proxy_config) == ["type", "url", "username", "password", "ca_cert_pem"]
    assert wire_names(MODELS.custom_provider_config) == [
        "is_key_less", "base_provider_type", "allowed_requests", "request_path_overrides",
    ]
    assert wire_names(MODELS.allowed_requests) == list(CATALOG.request_types)
    assert len(wire_names(MODELS.allowed_requests)) == 25
    assert wire_names(MODELS.key) == [
        "id", "name", "value", "models", "blacklisted_models", "weight", "aliases",
        "azure_key_config", "vertex_key_config", "bedrock_key_config", "vllm_key_config",
        "ollama_key_config", "sgl_key_config", "replicate_key_config", "enabled",
        "use_for_batch_api", "config_hash", "status", "description",
    ]
    assert wire_names(MODELS.env_var_object) == ["value", "ref", "type", "env_var", "from_env"]
    assert wire_names(MODELS.provider_settings) == SETTINGS
    assert wire_names(MODELS.update_provider_request) == SETTINGS
    assert wire_names(MODELS.add_provider_request) == ["provider", *SETTINGS]
    assert wire_names(MODELS.config_provider_entry) == ["keys", *SETTINGS, "config_hash", "status", "description"]
    assert wire_names(MODELS.provider_response) == [
        "name", *SETTINGS, "provider_status", "status", "description", "config_hash",
    ]
    assert wire_names(MODELS.config_file) == list(CATALOG.config_sections)


def test_key_sub_configs_follow_the_api_source():
    configs = MODELS.key_configs
    assert wire_names(configs.azure_key_config) == ["endpoint", "api_version", "client_id", "client_secret", "tenant_id", "scopes"]
    assert wire_names(configs.vertex_key_config) == ["project_id", "project_number", "region", "auth_credentials"]
    assert wire_names(configs.bedrock_key_config) == ["access_key", "secret_key", "session_token", "region", "arn", "batch_s3_config"]
    assert wire_names(configs.vllm_key_config) == ["url", "model_name"]
    assert wire_names(configs.ollama_key_config) == ["url"]
    assert wire_names(configs.sgl_key_config) == ["url"]
    assert wire_names(configs.replicate_key_config) == ["use_deployments_endpoint"]


def test_required_fields():
    assert required(MODELS.custom_provider_config) == ["base_provider_type"]
    assert required(MODELS.key) == ["name", "weight"]
    assert required(MODELS.add_provider_request) == ["provider"]
    assert required(MODELS.key_configs.vllm_key_config) == ["url"]
    assert required(MODELS.key_configs.ollama_key_config) == ["url"]
    assert required(MODELS.key_configs.sgl_key_config) == ["url"]
    for model in (MODELS.network_config, MODELS.concurrency_and_buffer_size, MODELS.proxy_config,
                  MODELS.config_provider_entry, MODELS.config_file, MODELS.update_provider_request,
                  MODELS.provider_response, MODELS.env_var_object, MODELS.allowed_requests):
        assert required(model) == [], model


# --- validation examples per section -----------------------------------------------------


@pytest.mark.parametrize(
    "section, data, ok",
    [
        ("network_config", {"base_url": "https://x", "max_retries": 0, "retry_backoff_max": 10000}, True),
        ("network_config", {"max_retries": -1}, False),
        ("network_config", {"max_retries": 1.0}, False),
        ("network_config", {"max_retries": "1"}, False),
        ("network_config", {"insecure_skip_verify": 0}, False),
        ("concurrency_and_buffer_size", {"concurrency": 1, "buffer_size": 1}, True),
        ("concurrency_and_buffer_size", {"concurrency": 0}, False),
        ("proxy_config", {"type": "socks5", "url": "socks5://p:1080"}, True),
        ("proxy_config", {"type": "SOCKS5"}, False),
        ("custom_provider_config", {"base_provider_type": "anthropic", "allowed_requests": {"list_models": True}}, True),
        ("custom_provider_config", {"base_provider_type": "claude"}, False),
        ("allowed_requests", {"file_content": False}, True),
        ("allowed_requests", {"rerank": True}, False),  # a 2.0 request type
        ("key", {"name": "k", "weight": 2}, True),
        ("key", {"name": "k"}, False),
        ("provider_response", {"name": "x", "provider_status": "deleted"}, True),
        ("add_provider_request", {"provider": "x"}, True),
        ("update_provider_request", {}, True),
        ("config_file", {}, True),
    ],
)
def test_section_examples(section, data, ok):
    assert accepts(getattr(MODELS, section), data) is ok


def test_wire_names_only_when_validating_documents():
    proxy = MODELS.proxy_config
    assert errors(proxy, {"proxy_type": "http"}) == [("extra_forbidden", ("proxy_type",))]
    assert errors(MODELS.config_file, {"schema_": "x"}) == [("extra_forbidden", ("schema_",))]
    # Python code may still build models by attribute name
    assert proxy(proxy_type="http").proxy_type == "http"
    assert proxy.model_validate({"type": "http"}).model_dump(by_alias=True, exclude_unset=True) == {"type": "http"}


def test_absent_fields_stay_absent():
    # config_hash depends on what the file spells out, so defaults are never filled in
    model = MODELS.network_config.model_validate({"max_retries": 0})
    assert model.model_dump(exclude_unset=True) == {"max_retries": 0}
    assert model.default_request_timeout_in_seconds is None


def test_env_var_union_reports_one_branch():
    env = {"name": "k", "weight": 1}
    assert errors(MODELS.key, {**env, "value": 5}) == [("secret_form", ("value",))]
    assert errors(MODELS.key, {**env, "value": {"x": 1}}) == [("extra_forbidden", ("value", "object", "x"))]
    assert errors(MODELS.key, {**env, "value": "env.K"}) == []


# --- built from the catalog --------------------------------------------------------------


def test_enums_and_bounds_come_from_the_catalog():
    network_defaults = {**CATALOG.defaults["network_config"], "default_request_timeout_in_seconds": 99}
    catalog = replace(
        CATALOG,
        version="test-catalog-driven",
        provider_ids=("alpha", "beta"),
        request_types=("ping", "ping_stream", "json"),
        proxy_types=("none", "tunnel"),
        provider_statuses=("up",),
        bounds=replace(CATALOG.bounds, concurrency_min=4, max_retries_min=1),
        defaults={**CATALOG.defaults, "network_config": network_defaults},
    )
    models = models_for(catalog)
    assert models is not MODELS
    assert wire_names(models.allowed_requests) == ["ping", "ping_stream", "json"]
    assert accepts(models.allowed_requests, {"json": True})  # a BaseModel attribute name as a wire name
    assert accepts(models.custom_provider_config, {"base_provider_type": "beta"})
    assert not accepts(models.custom_provider_config, {"base_provider_type": "openai"})
    assert accepts(models.proxy_config, {"type": "tunnel"})
    assert not accepts(models.proxy_config, {"type": "http"})
    assert accepts(models.provider_response, {"provider_status": "up"})
    assert not accepts(models.concurrency_and_buffer_size, {"concurrency": 3})
    assert not accepts(models.network_config, {"max_retries": 0})
    timeout = models.network_config.model_json_schema()["properties"]["default_request_timeout_in_seconds"]
    assert timeout["default"] == 99
    assert "Bifrost default: 99 seconds." in timeout["description"]


def test_a_catalog_whose_settings_fields_the_models_do_not_know_is_refused():
    catalog = replace(
        CATALOG, version="test-unknown-settings", settings_fields=(*CATALOG.settings_fields, "injected_tools")
    )
    with pytest.raises(ValueError, match="settings fields"):
        models_for(catalog)


CODE_FILES = sorted(
    [*PACKAGE.joinpath("models").glob("*.py"), *PACKAGE.joinpath("structure").glob("*.py"),
     *PACKAGE.joinpath("validators").glob("*.py")]
)


def quoted_literals(path: Path) -> set[str]:
    return set(re.findall(r"""["'`]([a-z0-9_\-]+)["'`]""", path.read_text(encoding="utf-8")))


def test_no_provider_id_or_request_type_is_spelled_in_the_code():
    generated = {p for p in CODE_FILES if p.read_text(encoding="utf-8").startswith("# GENERATED")}
    names = set(CATALOG.provider_ids) | set(CATALOG.request_types)
    for path in sorted(set(CODE_FILES) - generated):
        assert not (quoted_literals(path) & names), path


# --- JSON Schema -------------------------------------------------------------------------


def test_json_schema_documents_every_model_and_field():
    for kind, model in MODELS.roots().items():
        schema = model.model_json_schema()
        for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
            assert definition.get("description"), (kind, name)
            assert definition["additionalProperties"] is False, (kind, name)
            for prop, body in definition["properties"].items():
                assert len(body.get("description", "")) > 20, (kind, name, prop)
                assert "default" not in body or body["default"] is not None, (kind, name, prop)


def test_json_schema_shapes():
    schema = MODELS.config_file.model_json_schema()
    defs = schema["$defs"]
    assert schema["properties"]["$schema"]["type"] == "string"
    assert schema["properties"]["providers"]["additionalProperties"] == {"$ref": "#/$defs/ConfigProviderEntry"}
    assert schema["properties"]["governance"].keys() == {"description", "title"}
    entry = defs["ConfigProviderEntry"]["properties"]
    assert entry["network_config"]["anyOf"] == [{"$ref": "#/$defs/NetworkConfig"}, {"type": "null"}]
    assert entry["send_back_raw_request"]["type"] == "boolean"
    assert entry["send_back_raw_request"]["default"] is False
    network = defs["NetworkConfig"]["properties"]
    assert network["max_retries"]["minimum"] == 0
    assert network["default_request_timeout_in_seconds"]["default"] == 30
    assert "maximum" not in network["default_request_timeout_in_seconds"]
    assert "minimum" not in network["retry_backoff_initial"]
    assert defs["ConcurrencyAndBufferSize"]["properties"]["concurrency"]["minimum"] == 1
    assert defs["ProxyConfig"]["properties"]["type"]["enum"] == list(CATALOG.proxy_types)
    assert defs["Key"]["required"] == ["name", "weight"]
    assert defs["Key"]["properties"]["value"]["oneOf"] == [{"type": "string"}, {"$ref": "#/$defs/EnvVarObject"}]
    assert defs["Key"]["properties"]["aliases"]["propertyNames"] == {"minLength": 1}
    assert defs["CustomProviderConfig"]["required"] == ["base_provider_type"]
    assert defs["CustomProviderConfig"]["properties"]["base_provider_type"]["enum"] == list(CATALOG.provider_ids)
    assert defs["EnvVarObject"]["properties"]["type"]["enum"] == ["plain_text", "env", "vault"]
    assert "ProviderSettings" not in defs


def test_api_schemas():
    add = MODELS.add_provider_request.model_json_schema()
    assert add["required"] == ["provider"]
    assert "keys" not in add["properties"]
    update = MODELS.update_provider_request.model_json_schema()
    assert "required" not in update
    response = MODELS.provider_response.model_json_schema()
    assert response["properties"]["provider_status"]["enum"] == ["active", "error", "deleted"]
