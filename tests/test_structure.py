"""structure_issues: exact (category, pointer, message) for every section, fast and slow path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from provlint.catalog import load_catalog
from provlint.source.document import DocumentKind
from provlint.structure import StructureIssue, structure_issues
from tests.paths import fixture

CATALOG = load_catalog("1.5")
REPO = Path(__file__).resolve().parents[1]

CONFIG = DocumentKind.CONFIG
ADD = DocumentKind.ADD_PROVIDER
UPDATE = DocumentKind.UPDATE_PROVIDER
RESPONSE = DocumentKind.PROVIDER_RESPONSE

PROXY_TYPES = "none, http, socks5, environment"
SECRET_FORMS = "a string (plain text, env.NAME or vault.path) or an object with value, ref and type"


def triples(data, kind: DocumentKind = CONFIG) -> list[tuple[str, str, str]]:
    return [(i.category, i.pointer, i.message) for i in structure_issues(data, kind, CATALOG)]


def entry(**settings) -> dict:
    """A config.json whose only provider, `acme`, has a valid key and ``settings``."""
    return {"providers": {"acme": {"keys": [{"name": "k", "value": "env.K", "weight": 1}], **settings}}}


def with_key(**fields) -> dict:
    """A config.json whose only provider has one key made of ``fields``."""
    return {"providers": {"acme": {"keys": [fields]}}}


def key(**fields) -> dict:
    """A config.json whose only key has a name, a weight and ``fields`` (which may override them)."""
    return with_key(**{"name": "k", "weight": 1, **fields})


P = "/providers/acme"
K = "/providers/acme/keys/0"


# --- valid documents take no issue -------------------------------------------------------


VALID_NETWORK = {
    "base_url": "https://llm.internal.example/v1",
    "extra_headers": {"X-Team": "platform"},
    "default_request_timeout_in_seconds": 60,
    "max_retries": 2,
    "retry_backoff_initial": 500,
    "retry_backoff_max": 5000,
    "insecure_skip_verify": False,
    "ca_cert_pem": "env.LLM_CA",
    "allow_private_network": True,
}


def test_valid_documents_of_every_kind_have_no_issue():
    settings = {
        "network_config": VALID_NETWORK,
        "concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100},
        "proxy_config": {"type": "http", "url": "http://proxy:3128", "username": "env.U", "password": "env.P"},
        "send_back_raw_request": False,
        "send_back_raw_response": False,
        "store_raw_request_response": False,
        "custom_provider_config": {
            "is_key_less": False,
            "base_provider_type": "openai",
            "allowed_requests": {"chat_completion": True, "embedding": False},
            "request_path_overrides": {"chat_completion": "/v2/chat"},
        },
    }
    assert triples(entry(**settings)) == []
    assert triples({"provider": "acme", **settings}, ADD) == []
    assert triples(settings, UPDATE) == []
    response = {"name": "acme", **settings, "provider_status": "active", "status": "ok",
                "description": "", "config_hash": "ab" * 32}
    assert triples(response, RESPONSE) == []


def test_unknown_kind_has_no_structure():
    assert structure_issues({"anything": 1}, DocumentKind.UNKNOWN, CATALOG) == []


def test_lint_thresholds_are_not_model_errors():
    # Ranges with their own rules (PL402, PL403, PL404, PL503) are not validation errors.
    network = {"default_request_timeout_in_seconds": 0, "retry_backoff_initial": 5, "max_retries": 50}
    assert triples(entry(network_config=network)) == []
    assert triples(key(weight=-1)) == []


# --- network_config ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "network, expected",
    [
        ({"max_retries": "3"}, [("invalid", f"{P}/network_config/max_retries", "`max_retries` must be an integer (got a string)")]),
        ({"max_retries": -1}, [("invalid", f"{P}/network_config/max_retries", "`max_retries` must be at least 0")]),
        ({"max_retries": True}, [("invalid", f"{P}/network_config/max_retries", "`max_retries` must be an integer (got a boolean)")]),
        ({"default_request_timeout_in_seconds": 30.0}, [("invalid", f"{P}/network_config/default_request_timeout_in_seconds", "`default_request_timeout_in_seconds` must be an integer (got a decimal number)")]),
        ({"retry_backoff_initial": "500ms"}, [("invalid", f"{P}/network_config/retry_backoff_initial", "`retry_backoff_initial` must be an integer (got a string)")]),
        ({"retry_backoff_max": None}, [("invalid", f"{P}/network_config/retry_backoff_max", "`retry_backoff_max` must be an integer (got null)")]),
        ({"insecure_skip_verify": "true"}, [("invalid", f"{P}/network_config/insecure_skip_verify", "`insecure_skip_verify` must be true or false (got a string)")]),
        ({"allow_private_network": 1}, [("invalid", f"{P}/network_config/allow_private_network", "`allow_private_network` must be true or false (got an integer)")]),
        ({"base_url": None}, [("invalid", f"{P}/network_config/base_url", "`base_url` must be a string (got null)")]),
        ({"ca_cert_pem": {"value": "pem"}}, [("invalid", f"{P}/network_config/ca_cert_pem", "`ca_cert_pem` must be a string (got an object)")]),
        ({"extra_headers": ["X-A: 1"]}, [("invalid", f"{P}/network_config/extra_headers", "`extra_headers` must be an object (got an array)")]),
        ({"extra_headers": {"X-Org": 7}}, [("invalid", f"{P}/network_config/extra_headers/X-Org", "the `X-Org` entry of `extra_headers` must be a string (got an integer)")]),
        ({"insecure_skip_verfy": True}, [("unknown", f"{P}/network_config/insecure_skip_verfy", "unknown field `insecure_skip_verfy` in network_config; did you mean `insecure_skip_verify`?")]),
        ({"max_retry": 3}, [("unknown", f"{P}/network_config/max_retry", "unknown field `max_retry` in network_config; did you mean `max_retries`?")]),
        ({"stream_idle_timeout_in_seconds": 60}, [("unknown", f"{P}/network_config/stream_idle_timeout_in_seconds", "unknown field `stream_idle_timeout_in_seconds` in network_config")]),
        ({"retry_backoff_initial_ms": 100}, [("unknown", f"{P}/network_config/retry_backoff_initial_ms", "`retry_backoff_initial_ms` is no longer read by Bifrost; use retry_backoff_initial (milliseconds)")]),
        ({"retry_backoff_max_ms": 2000}, [("unknown", f"{P}/network_config/retry_backoff_max_ms", "`retry_backoff_max_ms` is no longer read by Bifrost; use retry_backoff_max (milliseconds)")]),
    ],
)
def test_network_config(network, expected):
    assert triples(entry(network_config=network)) == expected


def test_errors_of_one_block_come_in_field_order_then_unknown_fields():
    network = {"insecure_skip_verfy": True, "max_retries": "3", "retry_backoff_initial": 1.0}
    assert triples({"network_config": network}, UPDATE) == [
        ("invalid", "/network_config/max_retries", "`max_retries` must be an integer (got a string)"),
        ("invalid", "/network_config/retry_backoff_initial", "`retry_backoff_initial` must be an integer (got a decimal number)"),
        ("unknown", "/network_config/insecure_skip_verfy", "unknown field `insecure_skip_verfy` in network_config; did you mean `insecure_skip_verify`?"),
    ]


# --- concurrency_and_buffer_size ---------------------------------------------------------


@pytest.mark.parametrize(
    "block, expected",
    [
        ({"concurrency": 0}, [("invalid", "/concurrency_and_buffer_size/concurrency", "`concurrency` must be at least 1")]),
        ({"buffer_size": -5}, [("invalid", "/concurrency_and_buffer_size/buffer_size", "`buffer_size` must be at least 1")]),
        ({"concurrency": 10.0}, [("invalid", "/concurrency_and_buffer_size/concurrency", "`concurrency` must be an integer (got a decimal number)")]),
        ({"buffer_size": True}, [("invalid", "/concurrency_and_buffer_size/buffer_size", "`buffer_size` must be an integer (got a boolean)")]),
        ({"concurency": 4}, [("unknown", "/concurrency_and_buffer_size/concurency", "unknown field `concurency` in concurrency_and_buffer_size; did you mean `concurrency`?")]),
        ({"concurrency": 10, "buffer_size": 5}, []),  # concurrency > buffer_size is PL405's
    ],
)
def test_concurrency_and_buffer_size(block, expected):
    assert triples({"concurrency_and_buffer_size": block}, UPDATE) == expected


# --- proxy_config ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "proxy, expected",
    [
        ({"type": "htpp"}, [("invalid", "/proxy_config/type", f"`type` must be one of {PROXY_TYPES}; did you mean `http`?")]),
        ({"type": "tor"}, [("invalid", "/proxy_config/type", f"`type` must be one of {PROXY_TYPES}")]),
        ({"type": 5}, [("invalid", "/proxy_config/type", f"`type` must be one of {PROXY_TYPES} (got an integer)")]),
        ({"type": "http", "password": 1234}, [("invalid", "/proxy_config/password", "`password` must be a string (got an integer)")]),
        ({"type": "socks5", "url": {"value": "socks5://p"}}, [("invalid", "/proxy_config/url", "`url` must be a string (got an object)")]),
        # the Python attribute name is not a wire name
        ({"proxy_type": "http"}, [("unknown", "/proxy_config/proxy_type", "unknown field `proxy_type` in proxy_config")]),
        ({"type": "environment"}, []),
    ],
)
def test_proxy_config(proxy, expected):
    assert triples({"proxy_config": proxy}, UPDATE) == expected


# --- custom_provider_config --------------------------------------------------------------


@pytest.mark.parametrize(
    "custom, expected",
    [
        ({"is_key_less": True}, [("missing", "/custom_provider_config/base_provider_type", "`custom_provider_config` is missing the required field `base_provider_type`")]),
        ({"base_provider_type": "opnai"}, [("invalid", "/custom_provider_config/base_provider_type", "`base_provider_type` must be one of openai, azure, anthropic, bedrock, cohere, vertex, vllm, mistral, ollama, groq, sgl, parasail, perplexity, replicate, cerebras, gemini, openrouter, elevenlabs, huggingface, nebius, xai, runway, fireworks; did you mean `openai`?")]),
        ({"base_provider_type": "openai", "is_key_less": "no"}, [("invalid", "/custom_provider_config/is_key_less", "`is_key_less` must be true or false (got a string)")]),
        ({"base_provider_type": "openai", "allowed_requests": {"chat_completion": "yes"}}, [("invalid", "/custom_provider_config/allowed_requests/chat_completion", "`chat_completion` must be true or false (got a string)")]),
        ({"base_provider_type": "openai", "allowed_requests": {"chat_completions": True}}, [("unknown", "/custom_provider_config/allowed_requests/chat_completions", "unknown field `chat_completions` in allowed_requests; did you mean `chat_completion`?")]),
        ({"base_provider_type": "openai", "allowed_requests": None}, []),
        ({"base_provider_type": "openai", "allowed_requests": []}, [("invalid", "/custom_provider_config/allowed_requests", "`allowed_requests` must be an object or null (got an array)")]),
        ({"base_provider_type": "openai", "request_path_overrides": {"chat_completion": 1}}, [("invalid", "/custom_provider_config/request_path_overrides/chat_completion", "the `chat_completion` entry of `request_path_overrides` must be a string (got an integer)")]),
        # unknown request types in the override map are PL207's
        ({"base_provider_type": "openai", "request_path_overrides": {"no_such_request": "/x"}}, []),
        ({"base_provider_type": "openai", "base_url": "http://x"}, [("unknown", "/custom_provider_config/base_url", "unknown field `base_url` in custom_provider_config")]),
        # a base Bifrost refuses for custom providers is PL203's, not a validation error
        ({"base_provider_type": "groq"}, []),
    ],
)
def test_custom_provider_config(custom, expected):
    assert triples({"custom_provider_config": custom}, UPDATE) == expected


def test_missing_base_provider_type_in_a_config_file():
    assert triples(entry(custom_provider_config={})) == [
        ("missing", f"{P}/custom_provider_config/base_provider_type", "`custom_provider_config` is missing the required field `base_provider_type`"),
    ]


# --- keys --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc, expected",
    [
        (with_key(value="env.K"), [
            ("missing", f"{K}/name", "`keys[0]` is missing the required field `name`"),
            ("missing", f"{K}/weight", "`keys[0]` is missing the required field `weight`"),
        ]),
        (key(weight="1"), [("invalid", f"{K}/weight", "`weight` must be a number (got a string)")]),
        (key(weight=True), [("invalid", f"{K}/weight", "`weight` must be a number (got a boolean)")]),
        (key(name=None), [("invalid", f"{K}/name", "`name` must be a string (got null)")]),
        (key(models=["*", 1]), [("invalid", f"{K}/models/1", "entry 1 of `models` must be a string (got an integer)")]),
        (key(blacklisted_models="gpt-4"), [("invalid", f"{K}/blacklisted_models", "`blacklisted_models` must be an array (got a string)")]),
        (key(aliases={"fast": ""}), [("invalid", f"{K}/aliases/fast", "the `fast` entry of `aliases` must not be empty")]),
        (key(aliases={"": "gpt-4o"}), [("invalid", f"{K}/aliases/", "names in `aliases` must not be empty")]),
        (key(aliases={"fast": {"model_id": "gpt-4o"}}), [("invalid", f"{K}/aliases/fast", "the `fast` entry of `aliases` must be a string (got an object)")]),
        (key(enabled="yes"), [("invalid", f"{K}/enabled", "`enabled` must be true or false (got a string)")]),
        (key(use_for_batch_api=1), [("invalid", f"{K}/use_for_batch_api", "`use_for_batch_api` must be true or false (got an integer)")]),
        (key(id=7), [("invalid", f"{K}/id", "`id` must be a string (got an integer)")]),
        (key(use_anthropic_endpoints=True), [("unknown", f"{K}/use_anthropic_endpoints", "unknown field `use_anthropic_endpoints` in keys[0]")]),
        (key(wieght=1), [("unknown", f"{K}/wieght", "unknown field `wieght` in keys[0]; did you mean `weight`?")]),
        (key(config_hash="x", status="ok", description="d"), []),
        (key(weight=0.25), []),
    ],
)
def test_key_fields(doc, expected):
    assert triples(doc) == expected


@pytest.mark.parametrize(
    "value",
    [
        "sk-literal",
        "env.OPENAI_API_KEY",
        "vault.secret/openai",
        {"value": "sk", "ref": "env.OPENAI_API_KEY", "type": "env"},
        {"value": "sk"},
        {"env_var": "OPENAI_API_KEY", "from_env": True},
        {},
    ],
)
def test_env_var_string_and_object_forms_are_valid(value):
    assert triples(key(value=value)) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        (5, [("invalid", f"{K}/value", f"`value` must be {SECRET_FORMS} (got an integer)")]),
        (None, [("invalid", f"{K}/value", f"`value` must be {SECRET_FORMS} (got null)")]),
        (["sk"], [("invalid", f"{K}/value", f"`value` must be {SECRET_FORMS} (got an array)")]),
        ({"value": "sk", "secret_ref": "env.X"}, [("unknown", f"{K}/value/secret_ref", "unknown field `secret_ref` in value")]),
        ({"value": 1}, [("invalid", f"{K}/value/value", "`value` must be a string (got an integer)")]),
        ({"ref": "env.X", "type": "envv"}, [("invalid", f"{K}/value/type", "`type` must be one of plain_text, env, vault; did you mean `env`?")]),
        ({"from_env": "yes"}, [("invalid", f"{K}/value/from_env", "`from_env` must be true or false (got a string)")]),
    ],
)
def test_env_var_errors_give_one_issue_per_bad_value(value, expected):
    assert triples(key(value=value)) == expected


@pytest.mark.parametrize(
    "configs, expected",
    [
        ({"azure_key_config": {"endpoint": "https://r.openai.azure.com", "api_version": "2024-10-21",
                               "client_id": "env.C", "client_secret": "env.S", "tenant_id": "env.T",
                               "scopes": ["https://cognitiveservices.azure.com/.default"]}}, []),
        ({"azure_key_config": {"endpoint": 1}}, [("invalid", f"{K}/azure_key_config/endpoint", f"`endpoint` must be {SECRET_FORMS} (got an integer)")]),
        ({"azure_key_config": {"scopes": "a"}}, [("invalid", f"{K}/azure_key_config/scopes", "`scopes` must be an array (got a string)")]),
        ({"azure_key_config": {"deployments": {"gpt-4o": "gpt-4o"}}}, [("unknown", f"{K}/azure_key_config/deployments", "`deployments` is no longer read by Bifrost; use the key's aliases map")]),
        ({"azure_key_config": None, "vertex_key_config": None}, []),
        ({"azure_key_config": "https://r"}, [("invalid", f"{K}/azure_key_config", "`azure_key_config` must be an object or null (got a string)")]),
        ({"vertex_key_config": {"project": "p"}}, [("unknown", f"{K}/vertex_key_config/project", "unknown field `project` in vertex_key_config; did you mean `project_id`?")]),
        ({"vertex_key_config": {"project_id": "p", "project_number": "1", "region": "global", "auth_credentials": {"ref": "env.G", "type": "env"}}}, []),
        ({"bedrock_key_config": {"access_key": "env.A", "secret_key": "env.S", "session_token": "env.T", "region": "us-east-1", "arn": "arn:aws:bedrock:x",
                                 "batch_s3_config": {"buckets": [{"bucket_name": "b", "prefix": "p/", "is_default": True}]}}}, []),
        ({"bedrock_key_config": {"batch_s3_config": {"buckets": [{"bucket_name": 1, "is_default": "yes"}]}}}, [
            ("invalid", f"{K}/bedrock_key_config/batch_s3_config/buckets/0/bucket_name", "`bucket_name` must be a string (got an integer)"),
            ("invalid", f"{K}/bedrock_key_config/batch_s3_config/buckets/0/is_default", "`is_default` must be true or false (got a string)"),
        ]),
        ({"bedrock_key_config": {"batch_s3_config": {"buckets": [{"bucket": "b"}]}}}, [("unknown", f"{K}/bedrock_key_config/batch_s3_config/buckets/0/bucket", "unknown field `bucket` in buckets[0]; did you mean `bucket_name`?")]),
        ({"bedrock_key_config": {"role_arn": "arn:aws:iam::1:role/x"}}, [("unknown", f"{K}/bedrock_key_config/role_arn", "unknown field `role_arn` in bedrock_key_config")]),
        ({"vllm_key_config": {"model_name": "llama"}}, [("missing", f"{K}/vllm_key_config/url", "`vllm_key_config` is missing the required field `url`")]),
        ({"ollama_key_config": {"url": None}}, [("invalid", f"{K}/ollama_key_config/url", f"`url` must be {SECRET_FORMS} (got null)")]),
        ({"sgl_key_config": {"url": "env.SGL_URL"}, "vllm_key_config": {"url": {"value": "http://vllm:8000"}, "model_name": "m"}}, []),
        ({"replicate_key_config": {"use_deployments_endpoint": "true"}}, [("invalid", f"{K}/replicate_key_config/use_deployments_endpoint", "`use_deployments_endpoint` must be true or false (got a string)")]),
        ({"bedrock_mantle_key_config": {}}, [("unknown", f"{K}/bedrock_mantle_key_config", "unknown field `bedrock_mantle_key_config` in keys[0]; did you mean `bedrock_key_config`?")]),
    ],
)
def test_key_sub_configs(configs, expected):
    assert triples(key(**configs)) == expected


def test_a_key_that_is_not_an_object():
    assert triples({"providers": {"acme": {"keys": ["env.K"]}}}) == [
        ("invalid", f"{P}/keys/0", "entry 0 of `keys` must be an object (got a string)"),
    ]


# --- provider entries and config files ---------------------------------------------------


def test_null_blocks_mean_absent():
    blocks = dict.fromkeys(("network_config", "concurrency_and_buffer_size", "proxy_config", "custom_provider_config"))
    assert triples(entry(**blocks)) == []
    assert triples(blocks, UPDATE) == []
    assert triples({"provider": "acme", **blocks}, ADD) == []


def test_null_is_not_a_raw_flag():
    assert triples(entry(send_back_raw_request=None, store_raw_request_response="false")) == [
        ("invalid", f"{P}/send_back_raw_request", "`send_back_raw_request` must be true or false (got null)"),
        ("invalid", f"{P}/store_raw_request_response", "`store_raw_request_response` must be true or false (got a string)"),
    ]


@pytest.mark.parametrize(
    "settings, expected",
    [
        ({"network_config": "https://x"}, [("invalid", f"{P}/network_config", "`network_config` must be an object or null (got a string)")]),
        ({"keys": {"name": "k"}}, [("invalid", f"{P}/keys", "`keys` must be an array (got an object)")]),
        ({"meta_config": {"region": "us-east-1"}}, [("unknown", f"{P}/meta_config", "`meta_config` is no longer read by Bifrost; use the per-key sub-configs (azure_key_config, vertex_key_config, bedrock_key_config)")]),
        ({"pricing_overrides": []}, [("unknown", f"{P}/pricing_overrides", "`pricing_overrides` is no longer read by Bifrost; use governance.pricing_overrides")]),
        ({"openai_config": {"disable_store": True}}, [("unknown", f"{P}/openai_config", "unknown field `openai_config` in providers.acme")]),
        ({"network_configs": {}}, [("unknown", f"{P}/network_configs", "unknown field `network_configs` in providers.acme; did you mean `network_config`?")]),
        # read-only fields are accepted in a file; PL103 warns about them
        ({"config_hash": "abc", "status": "list_models_failed", "description": "x"}, []),
        ({"provider_status": "active"}, [("unknown", f"{P}/provider_status", "unknown field `provider_status` in providers.acme")]),
    ],
)
def test_config_provider_entry(settings, expected):
    assert triples(entry(**settings)) == expected


def test_config_file_top_level():
    assert triples({"$schema": "https://www.getbifrost.ai/schema", "providers": {}}) == []
    # other sections are accepted as any JSON value
    assert triples({"client": 5, "mcp": None, "governance": [1], "plugins": "x"}) == []
    # unknown provider ids are PL201's
    assert triples({"providers": {"opnai": {"keys": []}}}) == []
    assert triples({"$schema": 1, "provider": {}, "schema_": "x"}) == [
        ("invalid", "/$schema", "`$schema` must be a string (got an integer)"),
        ("unknown", "/provider", "unknown field `provider` in the config file; did you mean `providers`?"),
        ("unknown", "/schema_", "unknown field `schema_` in the config file; did you mean `$schema`?"),
    ]
    assert triples({"providers": None}) == [
        ("invalid", "/providers", "`providers` must be an object (got null)"),
    ]
    assert triples({"providers": {"acme": 3}}) == [
        ("invalid", "/providers/acme", "the `acme` entry of `providers` must be an object (got an integer)"),
    ]


def test_pointers_escape_provider_names():
    doc = {"providers": {"team/a~b": {"proxy_config": {"typ": "http"}}}}
    assert triples(doc) == [
        ("unknown", "/providers/team~1a~0b/proxy_config/typ", "unknown field `typ` in proxy_config; did you mean `type`?"),
    ]


def test_a_document_that_is_not_an_object():
    assert triples([1, 2]) == [("invalid", "", "the config file must be an object (got an array)")]
    assert triples("x", UPDATE) == [("invalid", "", "the update-provider request must be an object (got a string)")]


# --- API payloads ------------------------------------------------------------------------


def test_add_provider_request():
    assert triples({"network_config": {"extra_headers": {"X-A": 1}}}, ADD) == [
        ("missing", "/provider", "the add-provider request is missing the required field `provider`"),
        ("invalid", "/network_config/extra_headers/X-A", "the `X-A` entry of `extra_headers` must be a string (got an integer)"),
    ]
    assert triples({"provider": 5}, ADD) == [("invalid", "/provider", "`provider` must be a string (got an integer)")]
    # custom providers are added by name
    assert triples({"provider": "my-llm", "custom_provider_config": {"base_provider_type": "openai"}}, ADD) == []
    assert triples({"provider": "acme", "keys": [], "config_hash": "x"}, ADD) == [
        ("unknown", "/keys", "unknown field `keys` in the add-provider request"),
        ("unknown", "/config_hash", "unknown field `config_hash` in the add-provider request"),
    ]


def test_keys_in_an_update_request_are_unknown():
    assert triples({"keys": [{"name": "k", "weight": 1}], "send_back_raw_response": True}, UPDATE) == [
        ("unknown", "/keys", "unknown field `keys` in the update-provider request"),
    ]


def test_provider_response():
    assert triples({"name": "acme", "provider_status": "activ"}, RESPONSE) == [
        ("invalid", "/provider_status", "`provider_status` must be one of active, error, deleted; did you mean `active`?"),
    ]
    assert triples({"name": 1, "status": None, "keys": []}, RESPONSE) == [
        ("invalid", "/name", "`name` must be a string (got an integer)"),
        ("invalid", "/status", "`status` must be a string (got null)"),
        ("unknown", "/keys", "unknown field `keys` in the provider response"),
    ]


# --- targets and secrets -----------------------------------------------------------------


def test_targets():
    issues = structure_issues(
        {"providers": {"acme": {"keys": [{"name": "k", "weight": "1", "aliases": {"": "x"}, "extra": 1}],
                                "custom_provider_config": {}}}},
        CONFIG,
        CATALOG,
    )
    assert [(i.category, i.target) for i in issues] == [
        ("invalid", "value"),
        ("invalid", "key"),
        ("unknown", "key"),
        ("missing", "value"),
    ]
    assert all(isinstance(i, StructureIssue) for i in issues)


def test_messages_never_contain_the_value():
    secret = "sk-live-DO-NOT-ECHO"
    doc = {"providers": {"acme": {
        "keys": [{"name": "k", "weight": 1, "value": {"value": secret, "type": secret, "extra": secret}}],
        "proxy_config": {"type": secret, "password": [secret]},
        "network_config": {"max_retries": secret, "extra_headers": {"Authorization": [secret]}},
    }}}
    issues = structure_issues(doc, CONFIG, CATALOG)
    assert len(issues) == 6
    assert not any(secret in i.message for i in issues)


# --- the real Bifrost examples -----------------------------------------------------------


def deployments(*pointers: str) -> list[tuple[str, str, str]]:
    return [("unknown", p, "`deployments` is no longer read by Bifrost; use the key's aliases map") for p in pointers]


def legacy_provider(name: str, *, meta: bool = False) -> list[tuple[str, str, str]]:
    base = f"/providers/{name}"
    found = [
        ("missing", f"{base}/keys/0/name", "`keys[0]` is missing the required field `name`"),
        ("unknown", f"{base}/network_config/retry_backoff_initial_ms", "`retry_backoff_initial_ms` is no longer read by Bifrost; use retry_backoff_initial (milliseconds)"),
        ("unknown", f"{base}/network_config/retry_backoff_max_ms", "`retry_backoff_max_ms` is no longer read by Bifrost; use retry_backoff_max (milliseconds)"),
    ]
    if meta:
        found.append(meta_config(name))
    return found


def meta_config(name: str) -> tuple[str, str, str]:
    return ("unknown", f"/providers/{name}/meta_config", "`meta_config` is no longer read by Bifrost; use the per-key sub-configs (azure_key_config, vertex_key_config, bedrock_key_config)")


BIFROST_EXAMPLES = {
    "config.json": deployments(
        "/providers/bedrock/keys/0/bedrock_key_config/deployments",
        "/providers/azure/keys/0/azure_key_config/deployments",
    ),
    "docker-volume__config.json": [],
    "examples__configs__e2e__config.json": [
        *deployments("/providers/azure/keys/0/azure_key_config/deployments"),
        ("unknown", "/providers/bedrock_mantle/keys/0/bedrock_mantle_key_config", "unknown field `bedrock_mantle_key_config` in keys[0]; did you mean `bedrock_key_config`?"),
    ],
    "examples__configs__loadtest__config.json": [],
    "examples__configs__withvirtualkeys__config.json": deployments(
        "/providers/azure/keys/0/azure_key_config/deployments",
        "/providers/azure/keys/1/azure_key_config/deployments",
        "/providers/azure/keys/2/azure_key_config/deployments",
    ),
    "github__workflows__configs__default__config.json": [],
    "transports__config.example.json": [
        *legacy_provider("openai"),
        *legacy_provider("anthropic"),
        *legacy_provider("bedrock", meta=True),
        *legacy_provider("cohere"),
        *legacy_provider("azure", meta=True),
        meta_config("vertex"),
    ],
}


def test_every_bifrost_example_is_covered():
    on_disk = sorted(p.name for p in fixture("bifrost-examples").glob("*.json"))
    assert on_disk == sorted(BIFROST_EXAMPLES)


@pytest.mark.parametrize("name", sorted(BIFROST_EXAMPLES))
def test_bifrost_examples(name):
    data = json.loads(fixture("bifrost-examples", name).read_text(encoding="utf-8"))
    assert triples(data) == BIFROST_EXAMPLES[name]


# --- the fast path -----------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_a_valid_config_file_does_not_import_pydantic():
    path = fixture("bifrost-examples", "examples__configs__loadtest__config.json")
    result = run_python(
        "import sys, json\n"
        "from provlint.catalog import load_catalog\n"
        "from provlint.source.document import DocumentKind\n"
        "from provlint.structure import structure_issues\n"
        f"data = json.loads(open({str(path)!r}, encoding='utf-8').read())\n"
        "assert structure_issues(data, DocumentKind.CONFIG, load_catalog('1.5')) == []\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pydantic_core', 'jsonschema', 'fastjsonschema', 'ruamel', 'decimal'))\n"
        "assert not heavy, heavy\n"
        "assert 'provlint.validators.bifrost_1_5' in sys.modules\n"
    )
    assert result.returncode == 0, result.stderr


def test_an_invalid_document_is_explained_by_the_generated_tables_without_pydantic():
    result = run_python(
        "import sys\n"
        "from provlint.catalog import load_catalog\n"
        "from provlint.source.document import DocumentKind\n"
        "from provlint.structure import structure_issues\n"
        "issues = structure_issues({'network_config': {'max_retries': 'x'}}, DocumentKind.UPDATE_PROVIDER, load_catalog('1.5'))\n"
        "assert len(issues) == 1 and 'pydantic' not in sys.modules\n"
    )
    assert result.returncode == 0, result.stderr


def test_what_the_tables_cannot_tell_is_explained_by_the_models():
    result = run_python(
        "import sys\n"
        "from provlint.catalog import load_catalog\n"
        "from provlint.source.document import DocumentKind\n"
        "from provlint.structure import structure_issues\n"
        "issues = structure_issues({'network_config': {'max_retries': ('x',)}}, DocumentKind.UPDATE_PROVIDER, load_catalog('1.5'))\n"
        "assert len(issues) == 1 and 'pydantic' in sys.modules\n"
    )
    assert result.returncode == 0, result.stderr
