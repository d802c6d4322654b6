"""The rules of Bifrost's hash that the reference vectors do not spell out, and its refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.hashing.bifrost import (
    EnvironmentReference,
    NotHashable,
    bifrost_hash,
    bifrost_parts,
    environment_references,
    go_lower,
)

CATALOG = load_catalog("2.0")
ENV = {"PROXY_PASS": "s3cr<&>t", "EMPTY": ""}


def parts(settings, provider="openai", env=ENV):
    return bifrost_parts(provider, settings, env, CATALOG)


def part(settings, env=ENV):
    [_, only] = parts(settings, env=env)
    return only


def refusal(settings, provider="openai") -> NotHashable:
    with pytest.raises(NotHashable) as caught:
        parts(settings, provider)
    return caught.value


# Presence and values as written


def test_null_block_is_absent_but_empty_block_is_present():
    assert parts({"network_config": None, "proxy_config": None}) == [b"openai"]
    assert part({"network_config": {}}) == (
        b'{"default_request_timeout_in_seconds":0,"max_retries":0,"retry_backoff_initial":0,"retry_backoff_max":0}'
    )
    assert part({"concurrency_and_buffer_size": {}}) == b'{"concurrency":0,"buffer_size":0}'
    assert part({"proxy_config": {}}) == (
        b'{"type":"","url":null,"username":null,"password":null,"ca_cert_pem":null}'
    )
    assert part({"custom_provider_config": {}}) == b'{"is_key_less":false,"base_provider_type":""}'
    assert part({"openai_config": {}}) == b'{"disable_store":false}'


def test_written_default_differs_from_omitted_one():
    assert bifrost_hash("openai", {"network_config": {"default_request_timeout_in_seconds": 300}}, {}, CATALOG) != (
        bifrost_hash("openai", {"network_config": {}}, {}, CATALOG)
    )


def test_null_members_are_zero_values():
    assert part({"network_config": {"base_url": None, "max_retries": None, "retry_backoff_max": None}}) == (
        part({"network_config": {}})
    )


def test_unknown_members_are_ignored_like_go_does():
    legacy = {"retry_backoff_initial_ms": 100, "meta_config": {}}
    assert part({"network_config": legacy}) == part({"network_config": {}})


def test_negative_integers_are_written_as_is_and_survive_omitempty():
    written = part({"network_config": {"max_retries": -1, "stream_idle_timeout_in_seconds": -5}})
    assert b'"max_retries":-1' in written
    assert b'"stream_idle_timeout_in_seconds":-5' in written


def test_raw_flags_in_order_only_when_true():
    settings = {"store_raw_request_response": True, "send_back_raw_request": True, "send_back_raw_response": False}
    assert parts(settings) == [b"openai", b"sendBackRawRequest", b"storeRawRequestResponse"]
    assert parts({"send_back_raw_request": None}) == [b"openai"]


# Provider id


def test_provider_id_is_lower_cased():
    assert parts({}, provider="OpenAI") == [b"openai"]
    assert parts({}, provider="My-Custom") == [b"my-custom"]
    assert parts({}, provider="X\ud800") == ["x\ufffd".encode()]  # as Go decodes a lone surrogate


def test_go_lower_uses_simple_case_mapping():
    assert go_lower("\u0130") == "i"  # Python's lower() gives "i\u0307"
    assert go_lower("ΣΑΣ") == "σασ"  # no final-sigma rule in Go
    assert go_lower("ÄÖÜ-X") == "äöü-x"


# Escaping per block


def test_html_escaping_only_in_network_config():
    assert b"\\u003c" in part({"network_config": {"base_url": "http://x/<a>"}})
    custom = {"base_provider_type": "openai", "request_path_overrides": {"chat_completion": "/<a>&b"}}
    overrides = part({"custom_provider_config": custom})
    assert overrides.endswith(b'"request_path_overrides":{"chat_completion":"/<a>&b"}}')


# Custom provider config


def test_allowed_requests_is_written_in_full_in_catalog_order():
    written = part({"custom_provider_config": {"allowed_requests": {"rerank": True, "not_a_request": True}}})
    flags = ",".join(f'"{name}":{"true" if name == "rerank" else "false"}' for name in CATALOG.request_types)
    assert written == f'{{"is_key_less":false,"base_provider_type":"","allowed_requests":{{{flags}}}}}'.encode()


def test_empty_allowed_requests_is_present_but_empty_overrides_are_not():
    written = part({"custom_provider_config": {"allowed_requests": {}, "request_path_overrides": {}}})
    assert b'"allowed_requests":{"list_models":false' in written
    assert b"request_path_overrides" not in written


# Secrets


@pytest.mark.parametrize(
    "written, expected",
    [
        ("http://p:3128", b'{"value":"http://p:3128","type":"plain_text"}'),
        ("", b'{"value":"","type":"plain_text"}'),
        ("env.PROXY_PASS", b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ("env.UNSET", b'{"value":"","ref":"env.UNSET","type":"env"}'),
        ("env.EMPTY", b'{"value":"","ref":"env.EMPTY","type":"env"}'),
        ({"value": "obj-pw"}, b'{"value":"obj-pw","type":"plain_text"}'),
        ({"value": "x", "type": "plain_text"}, b'{"value":"x","type":"plain_text"}'),
        ({"value": "", "ref": "env.PROXY_PASS", "type": "env"}, b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ({"ref": "env.PROXY_PASS"}, b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ({"env_var": "PROXY_PASS", "from_env": True}, b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ({"env_var": "env.PROXY_PASS", "from_env": True}, b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ({"value": "env.PROXY_PASS", "env_var": "env.PROXY_PASS"}, b'{"value":"s3cr<&>t","ref":"env.PROXY_PASS","type":"env"}'),
        ({"value": "lit", "env_var": "X", "from_env": False}, b'{"value":"lit","type":"plain_text"}'),
    ],
    ids=repr,
)
def test_proxy_secret_forms(written, expected):
    proxy = part({"proxy_config": {"type": "http", "password": written}})
    assert proxy == b'{"type":"http","url":null,"username":null,"password":' + expected + b',"ca_cert_pem":null}'


@pytest.mark.parametrize(
    "written, expected",
    [
        ("env.CA_PEM", "env.CA_PEM"),
        ("vault.pki/ca", "vault.pki/ca"),
        ("-----BEGIN CERTIFICATE-----\nX\n", "-----BEGIN CERTIFICATE-----\\nX\\n"),
        ({"ref": "env.CA_PEM", "type": "env"}, "env.CA_PEM"),
        ({"value": "PEM"}, "PEM"),
        ({"env_var": "CA_PEM", "from_env": True}, "env.CA_PEM"),
    ],
    ids=repr,
)
def test_network_ca_cert_is_the_reference_or_the_literal(written, expected):
    network = part({"network_config": {"ca_cert_pem": written}}, env={"CA_PEM": "resolved, never hashed"})
    assert f'"ca_cert_pem":"{expected}"'.encode() in network


def test_network_ca_cert_empty_literal_is_omitted():
    assert b"ca_cert_pem" not in part({"network_config": {"ca_cert_pem": ""}})


def test_proxy_hash_depends_on_the_environment():
    settings = {"proxy_config": {"type": "http", "password": "env.PROXY_PASS"}}
    assert bifrost_hash("openai", settings, {"PROXY_PASS": "a"}, CATALOG) != (
        bifrost_hash("openai", settings, {"PROXY_PASS": "b"}, CATALOG)
    )


def test_environment_references():
    settings = {
        "network_config": {"ca_cert_pem": "env.CA_PEM"},
        "proxy_config": {
            "type": "http",
            "url": "http://proxy:3128",
            "username": {"env_var": "PROXY_USER", "from_env": True},
            "password": "env.PROXY_PASS",
            "ca_cert_pem": 42,
        },
    }
    assert environment_references(settings, CATALOG) == [
        EnvironmentReference("/proxy_config/username", "env.PROXY_USER", "PROXY_USER"),
        EnvironmentReference("/proxy_config/password", "env.PROXY_PASS", "PROXY_PASS"),
    ]
    assert environment_references({"network_config": {"ca_cert_pem": "env.CA_PEM"}}, CATALOG) == []
    assert environment_references("not an object", CATALOG) == []


# Refusals: what Bifrost could not load, or provlint cannot reproduce


@pytest.mark.parametrize(
    "settings, pointer, words",
    [
        ({"network_config": {"max_retries": "3"}}, "/network_config/max_retries", "expected an integer"),
        ({"network_config": {"max_retries": 3.0}}, "/network_config/max_retries", "expected an integer"),
        ({"network_config": {"max_retries": True}}, "/network_config/max_retries", "expected an integer"),
        ({"network_config": {"max_retries": 1 << 63}}, "/network_config/max_retries", "does not fit"),
        ({"network_config": {"insecure_skip_verify": "true"}}, "/network_config/insecure_skip_verify", "true or false"),
        ({"network_config": {"base_url": 8000}}, "/network_config/base_url", "expected a string"),
        ({"network_config": {"retry_backoff_initial": "5 s"}}, "/network_config/retry_backoff_initial", 'invalid retry_backoff_initial "5 s": use a Go duration'),
        ({"network_config": {"retry_backoff_max": 1.5}}, "/network_config/retry_backoff_max", "duration string"),
        ({"network_config": {"retry_backoff_max": 1 << 60}}, "/network_config/retry_backoff_max", "time.Duration"),
        ({"network_config": {"extra_headers": {"X-A": 1}}}, "/network_config/extra_headers/X-A", "expected a string"),
        ({"network_config": {"extra_headers": ["X-A"]}}, "/network_config/extra_headers", "expected an object"),
        ({"network_config": {"beta_header_overrides": {"b": "yes"}}}, "/network_config/beta_header_overrides/b", "true or false"),
        ({"network_config": "fast"}, "/network_config", "expected an object"),
        ({"concurrency_and_buffer_size": {"concurrency": "10"}}, "/concurrency_and_buffer_size/concurrency", "integer"),
        ({"proxy_config": {"password": "vault.proxy/pw"}}, "/proxy_config/password", "vault"),
        ({"proxy_config": {"password": {"ref": "PROXY_PASS"}}}, "/proxy_config/password", "must start with"),
        ({"proxy_config": {"password": {"ref": "env.X", "type": "vault"}}}, "/proxy_config/password", "does not match"),
        ({"proxy_config": {"password": {"from_env": True}}}, "/proxy_config/password", "a secret object needs"),
        ({"proxy_config": {"password": 123}}, "/proxy_config/password", "string or a secret object"),
        ({"custom_provider_config": {"allowed_requests": {"rerank": 1}}}, "/custom_provider_config/allowed_requests/rerank", "true or false"),
        ({"send_back_raw_request": "yes"}, "/send_back_raw_request", "true or false"),
        ({"provider_request_id": {"enabled": True}}, "/provider_request_id", "not known yet"),
        ({"injected_tools": []}, "/injected_tools", "not known yet"),
        ({"prompt_cache": {}}, "/prompt_cache", "not known yet"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_refusals_say_why_and_where(settings, pointer, words):
    error = refusal(settings)
    assert error.pointer == pointer
    assert words in error.reason
    assert str(error).startswith(pointer + ": ")


def test_unsupported_fields_set_to_null_are_absent():
    assert parts({"provider_request_id": None, "injected_tools": None, "prompt_cache": None}) == [b"openai"]


def test_entry_and_provider_must_have_the_right_shape():
    assert "must be an object" in refusal(["not", "an", "entry"]).reason
    with pytest.raises(NotHashable, match="provider id must be a string"):
        bifrost_parts(None, {}, {}, CATALOG)


def test_target_without_a_bifrost_hash_says_so():
    with pytest.raises(NotHashable, match="not known for target 1.5"):
        bifrost_hash("openai", {}, {}, load_catalog("1.5"))


# Catalog data


def test_catalog_hash_section_is_complete():
    spec = CATALOG.hash
    assert len(CATALOG.provider_ids) == 30
    assert len(CATALOG.request_types) == len(set(CATALOG.request_types)) == 60
    assert [block.field for block in spec.blocks] == [
        "network_config",
        "concurrency_and_buffer_size",
        "proxy_config",
        "custom_provider_config",
        "openai_config",
    ]
    assert len(spec.blocks[0].members) == 14
    kinds = {member.kind for block in spec.blocks for member in block.members}
    assert kinds <= set(spec.value_kinds)
    assert [flag.literal for flag in spec.raw_flags] == [
        "sendBackRawRequest",
        "sendBackRawResponse",
        "storeRawRequestResponse",
    ]
    assert spec.unsupported_fields == ("provider_request_id", "injected_tools", "prompt_cache")


def test_every_catalog_value_kind_can_be_hashed():
    # A block with every member set exercises every reader the catalog names.
    full = {
        "network_config": {
            "base_url": "u", "extra_headers": {"h": "v"}, "default_request_timeout_in_seconds": 1,
            "max_retries": 1, "retry_backoff_initial": "1s", "retry_backoff_max": 2000,
            "insecure_skip_verify": True, "ca_cert_pem": "env.CA", "stream_idle_timeout_in_seconds": 1,
            "keep_alive_timeout_in_seconds": 1, "max_conns_per_host": 1, "enforce_http2": True,
            "beta_header_overrides": {"b": True}, "allow_private_network": True,
        },
        "proxy_config": {"type": "http", "url": "u", "username": "x", "password": "env.P", "ca_cert_pem": "c"},
        "custom_provider_config": {"is_key_less": True, "base_provider_type": "openai",
                                   "allowed_requests": {}, "request_path_overrides": {"rerank": "/r"}},
    }
    network, proxy, custom = parts(full)[1:]
    assert network == (
        b'{"base_url":"u","extra_headers":{"h":"v"},"default_request_timeout_in_seconds":1,"max_retries":1,'
        b'"retry_backoff_initial":1000,"retry_backoff_max":2000,"insecure_skip_verify":true,"ca_cert_pem":"env.CA",'
        b'"stream_idle_timeout_in_seconds":1,"keep_alive_timeout_in_seconds":1,"max_conns_per_host":1,'
        b'"enforce_http2":true,"beta_header_overrides":{"b":true},"allow_private_network":true}'
    )
    assert proxy == (
        b'{"type":"http","url":{"value":"u","type":"plain_text"},"username":{"value":"x","type":"plain_text"},'
        b'"password":{"value":"","ref":"env.P","type":"env"},"ca_cert_pem":{"value":"c","type":"plain_text"}}'
    )
    assert custom.endswith(b'"cached_content_delete":false},"request_path_overrides":{"rerank":"/r"}}')


# Any input: a hash or NotHashable, never another exception

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["env.PROXY_PASS", "vault.x", "500ms", "-1.5h", "1e3"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)
MEMBER_NAMES = [
    member.name for block in CATALOG.hash.blocks for member in block.members
] + ["value", "ref", "type", "env_var", "from_env", "rerank"]
BLOCK = st.dictionaries(st.sampled_from(MEMBER_NAMES), JSON_VALUES, max_size=6)
ENTRY = st.dictionaries(
    st.sampled_from([block.field for block in CATALOG.hash.blocks] + ["send_back_raw_request", "keys"]),
    BLOCK | JSON_VALUES,
    max_size=5,
)


@given(ENTRY)
def test_any_entry_hashes_or_is_refused(settings):
    try:
        digest = bifrost_hash("openai", settings, ENV, CATALOG)
    except NotHashable as error:
        assert error.reason
    else:
        assert len(digest) == 64
