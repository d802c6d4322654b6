"""provlint-canonical-1: the exact bytes, the refusals, and the properties HASHING.md asks for."""

from __future__ import annotations

import copy
import hashlib
import io
import json
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.hashing import BIFROST, CANONICAL, config_hash
from provlint.hashing.canonical import (
    ALGORITHM,
    _milliseconds,
    canonical_bytes,
    canonical_document,
    effective_settings,
)
from provlint.records import replace
from provlint.redaction import is_redacted
from provlint.source import load_bytes
from provlint.source.document import DocumentKind

CATALOG = load_catalog("1.5")
# As plain JSON objects: the catalog holds read-only mappings, entries as written hold dicts.
DEFAULTS = {k: dict(v) if isinstance(v, Mapping) else v for k, v in CATALOG.defaults.items()}
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def canonical(entry, provider="openai", kind=DocumentKind.CONFIG):
    result = config_hash(provider, entry, algorithm=CANONICAL, catalog=CATALOG, kind=kind)
    assert result.ok, f"{result.pointer}: {result.reason}"
    return result.value


def refusal(entry, provider="openai", kind=DocumentKind.CONFIG):
    result = config_hash(provider, entry, algorithm=CANONICAL, catalog=CATALOG, kind=kind)
    assert not result.ok and result.available
    return result


# The exact bytes


def test_empty_entry_is_every_setting_with_the_catalogs_defaults():
    network = DEFAULTS["network_config"]
    expected = {
        "algorithm": "provlint-canonical-1",
        "provider": "openai",
        "settings": {
            "concurrency_and_buffer_size": DEFAULTS["concurrency_and_buffer_size"],
            "custom_provider_config": None,
            "network_config": {
                "allow_private_network": network["allow_private_network"],
                "base_url": None,
                "ca_cert_pem": None,
                "default_request_timeout_in_seconds": network["default_request_timeout_in_seconds"],
                "extra_headers": None,
                "insecure_skip_verify": network["insecure_skip_verify"],
                "max_retries": network["max_retries"],
                "retry_backoff_initial": network["retry_backoff_initial"],
                "retry_backoff_max": network["retry_backoff_max"],
            },
            "proxy_config": None,
            "send_back_raw_request": DEFAULTS["send_back_raw_request"],
            "send_back_raw_response": DEFAULTS["send_back_raw_response"],
            "store_raw_request_response": DEFAULTS["store_raw_request_response"],
        },
        "target": "1.5",
    }
    assert canonical_document("openai", {}, CATALOG) == expected
    # RFC 8785: keys sorted, no whitespace.
    wanted = json.dumps(expected, sort_keys=True, separators=(",", ":")).encode()
    assert canonical_bytes("openai", {}, CATALOG) == wanted
    assert canonical({}) == hashlib.sha256(wanted).hexdigest()
    assert ALGORITHM == "provlint-canonical-1"


def test_pinned_value_of_the_empty_openai_entry():
    # Pinned: a change here changes every canonical hash users may have recorded.
    assert canonical({}) == "3ba6d06b1e7d92b615735d7d63f4ae079f6b0e5a66fd7b7247940510705f9a0a"


def test_defaults_come_from_the_catalog_not_from_literals():
    network_defaults = {**CATALOG.defaults["network_config"], "default_request_timeout_in_seconds": 99}
    other = replace(CATALOG, defaults={**CATALOG.defaults, "network_config": network_defaults})
    network = effective_settings({}, other)["network_config"]
    assert network["default_request_timeout_in_seconds"] == 99


def test_allowed_requests_absent_is_every_request_type_of_the_line():
    custom = {"base_provider_type": "openai"}
    written = effective_settings({"custom_provider_config": custom}, CATALOG)["custom_provider_config"]
    assert list(written["allowed_requests"]) == list(CATALOG.request_types)
    assert all(written["allowed_requests"].values())
    every = {"base_provider_type": "openai", "allowed_requests": {t: True for t in CATALOG.request_types}}
    assert canonical({"custom_provider_config": custom}) == canonical({"custom_provider_config": every})
    only_chat = {"base_provider_type": "openai", "allowed_requests": {"chat_completion": True}}
    spelled_out = {
        "base_provider_type": "openai",
        "allowed_requests": {t: t == "chat_completion" for t in CATALOG.request_types},
    }
    assert canonical({"custom_provider_config": only_chat}) == canonical({"custom_provider_config": spelled_out})
    assert canonical({"custom_provider_config": only_chat}) != canonical({"custom_provider_config": custom})


def test_header_names_are_case_insensitive_and_values_are_not():
    def headers(h):
        return canonical({"network_config": {"extra_headers": h}})

    assert headers({"X-Org": "a"}) == headers({"x-org": "a"}) == headers({"X-ORG": "a"})
    assert headers({"X-Org": "a"}) != headers({"X-Org": "A"})
    assert headers({"X-Org": "a", "x-org": "a"}) == headers({"x-org": "a"})
    clash = refusal({"network_config": {"extra_headers": {"X-Org": "a", "x-org": "b"}}})
    assert clash.pointer == "/network_config/extra_headers" and "x-org" in clash.reason


def test_env_references_are_kept_as_references_never_resolved():
    entry = {"proxy_config": {"type": "http", "url": "https://p:3128", "password": "env.PROXY_PASSWORD"}}
    document = canonical_document("openai", entry, CATALOG)
    assert document["settings"]["proxy_config"]["password"] == "env.PROXY_PASSWORD"
    one = config_hash("openai", entry, algorithm=CANONICAL, catalog=CATALOG, environment={"PROXY_PASSWORD": "a"})
    two = config_hash("openai", entry, algorithm=CANONICAL, catalog=CATALOG, environment={"PROXY_PASSWORD": "b"})
    assert one.value == two.value and one.environment == ()


def test_proxy_and_custom_blocks_count_when_present():
    assert canonical({}) != canonical({"proxy_config": {}})
    assert canonical({"proxy_config": {}}) == canonical({"proxy_config": {"type": DEFAULTS["proxy_config"]["type"]}})
    assert canonical({"proxy_config": None}) == canonical({})
    assert canonical({"network_config": None}) == canonical({"network_config": {}}) == canonical({})


def test_keys_and_response_fields_do_not_count():
    keys = [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]
    assert canonical({"keys": keys, "config_hash": "x" * 64}) == canonical({})


def test_the_provider_id_counts_in_lower_case():
    assert canonical({}, "OpenAI") == canonical({}, "openai") != canonical({}, "anthropic")


def test_every_document_kind_hashes_its_settings_alike():
    settings_ = {"network_config": {"max_retries": 2}, "send_back_raw_response": True}
    config = canonical(settings_)
    assert canonical({**settings_, "provider": "openai"}, kind=DocumentKind.ADD_PROVIDER) == config
    assert canonical(settings_, kind=DocumentKind.UPDATE_PROVIDER) == config
    response = {**settings_, "name": "openai", "provider_status": "active", "config_hash": "0" * 64}
    assert canonical(response, kind=DocumentKind.PROVIDER_RESPONSE) == config


def test_members_bifrost_ignores_are_ignored():
    legacy = {"network_config": {"retry_backoff_initial_ms": 100}, "meta_config": {"region": "x"}}
    assert canonical(legacy) == canonical({})


def test_durations_are_integer_milliseconds():
    # 1.5 takes integers only; a line that takes Go duration strings (2.0) writes them as ms.
    assert _milliseconds(500, "/p") == 500
    assert _milliseconds("500ms", "/p") == 500 == _milliseconds("0.5s", "/p")
    assert _milliseconds(None, "/p") is None


# Refusals


@pytest.mark.parametrize(
    "entry, pointer, words",
    [
        ({"network_config": {"max_retries": "3"}}, "/network_config/max_retries", "must be an integer"),
        ({"network_config": {"max_retries": -1}}, "/network_config/max_retries", "at least 0"),
        ({"network_config": "fast"}, "/network_config", "must be an object"),
        ({"concurrency_and_buffer_size": {"concurrency": 1.5}}, "/concurrency_and_buffer_size/concurrency", "integer"),
        ({"custom_provider_config": {}}, "/custom_provider_config/base_provider_type", "missing"),
        ({"send_back_raw_request": "yes"}, "/send_back_raw_request", "true or false"),
        ({"network_config": {"retry_backoff_max": 2**60}}, "/network_config/retry_backoff_max", "2^53"),
    ],
)
def test_an_invalid_entry_has_no_hash_and_says_why(entry, pointer, words):
    result = refusal(entry)
    assert result.pointer == pointer
    assert words in result.reason


def test_refusals_never_echo_the_value():
    secret = "proxy-Secr3t-Zx81"
    for entry in (
        {"proxy_config": {"password": {"value": secret}}},
        {"proxy_config": secret},
        {"network_config": {"extra_headers": {"Authorization": 12345678}}},
    ):
        result = refusal(entry)
        assert secret not in result.reason and "12345678" not in result.reason


def test_not_an_object_and_bad_provider_ids():
    assert "must be an object" in refusal([1, 2]).reason
    assert "provider id" in refusal({}, provider="").reason
    assert "provider id" in refusal({}, provider=None).reason


def test_each_algorithm_says_where_it_is_not_available():
    bifrost_15 = config_hash("openai", {}, algorithm=BIFROST, catalog="1.5")
    assert not bifrost_15.available and "1.5" in bifrost_15.reason and bifrost_15.value is None
    for line in ("2.0", "2.1", "2.2"):  # every line with models has the canonical hash
        assert config_hash("openai", {}, algorithm=CANONICAL, catalog=line).available
    assert config_hash("openai", {}, algorithm=BIFROST, catalog="2.0", environment={}).value == (
        hashlib.sha256(b"openai").hexdigest()
    )
    with pytest.raises(ValueError):
        config_hash("openai", {}, algorithm="md5")


# Properties (HASHING.md): valid 1.5 entries, written many ways

# Not Bifrost's redaction placeholders ("*", "<redacted>"): a hash over one is refused, rightly.
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn")), max_size=10
).filter(lambda text: not is_redacted(text))
HEADER_NAME = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
SECRET = TEXT | st.from_regex(r"env\.[A-Z][A-Z0-9_]{0,8}", fullmatch=True)
INT = st.integers(-(2**31), 2**31)
POSITIVE = st.integers(1, 2**31)


def _case_mix(draw, name):
    return "".join(c.upper() if c.isalpha() and draw(st.booleans()) else c for c in name)


@st.composite
def headers(draw):
    names = draw(st.lists(HEADER_NAME, max_size=4, unique=True))
    return {_case_mix(draw, name): draw(TEXT) for name in names}


def optional_members(**members):
    """An object with any subset of ``members`` (strategies), in any order."""

    @st.composite
    def build(draw):
        chosen = [name for name in members if draw(st.booleans())]
        chosen = draw(st.permutations(chosen))
        return {name: draw(members[name]) for name in chosen}

    return build()


NETWORK = optional_members(
    base_url=TEXT,
    extra_headers=headers(),
    default_request_timeout_in_seconds=INT,
    max_retries=st.integers(0, 2**31),
    retry_backoff_initial=INT,
    retry_backoff_max=INT,
    insecure_skip_verify=st.booleans(),
    ca_cert_pem=SECRET,
    allow_private_network=st.booleans(),
)
CONCURRENCY = optional_members(concurrency=POSITIVE, buffer_size=POSITIVE)
PROXY = optional_members(
    type=st.sampled_from(CATALOG.proxy_types), url=TEXT, username=SECRET, password=SECRET, ca_cert_pem=SECRET
)
REQUEST_TYPE = st.sampled_from(CATALOG.request_types)
CUSTOM = st.fixed_dictionaries(
    {"base_provider_type": st.sampled_from(CATALOG.provider_ids)},
    optional={
        "is_key_less": st.booleans(),
        "allowed_requests": st.dictionaries(REQUEST_TYPE, st.booleans(), max_size=5),
        "request_path_overrides": st.dictionaries(REQUEST_TYPE, st.from_regex(r"/[a-z0-9/]{0,8}", fullmatch=True), max_size=3),
    },
)
ENTRY = optional_members(
    network_config=NETWORK,
    concurrency_and_buffer_size=CONCURRENCY,
    proxy_config=PROXY,
    custom_provider_config=CUSTOM,
    send_back_raw_request=st.booleans(),
    send_back_raw_response=st.booleans(),
    store_raw_request_response=st.booleans(),
    keys=st.just([{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]),
)
PROVIDER = st.sampled_from(CATALOG.provider_ids) | st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,10}", fullmatch=True)


def reordered(draw, value):
    if isinstance(value, dict):
        keys = draw(st.permutations(list(value)))
        return {key: reordered(draw, value[key]) for key in keys}
    if isinstance(value, list):
        return [reordered(draw, item) for item in value]
    return value


def parsed(text: str, name: str):
    document = load_bytes(text.encode("utf-8"), name)
    assert document.ok, document.error
    return document.data["providers"]["p"]


def as_yaml(value) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump({"providers": {"p": value}}, out)
    return out.getvalue()


def written_out(entry):
    """Every effective value written explicitly: a valid entry with nothing left to defaults."""
    full = {}
    for field, value in effective_settings(entry, CATALOG).items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v is not None}
        if value is not None:
            full[field] = value
    return full


@SLOW
@given(PROVIDER, ENTRY, st.data())
def test_key_order_never_changes_the_hash(provider, entry, data):
    assert canonical(reordered(data.draw, entry), provider) == canonical(entry, provider)


@SLOW
@given(ENTRY, st.integers(0, 4), st.booleans(), st.sampled_from([(",", ":"), (", ", ": "), (" ,", " :  ")]))
def test_formatting_never_changes_the_hash(entry, indent, ascii_only, separators):
    text = json.dumps({"providers": {"p": entry}}, indent=indent or None, ensure_ascii=ascii_only, separators=separators)
    assert canonical(parsed(text, "config.json")) == canonical(entry)


@SLOW
@given(ENTRY)
def test_json_and_yaml_hash_the_same(entry):
    from_json = parsed(json.dumps({"providers": {"p": entry}}), "config.json")
    from_yaml = parsed(as_yaml(entry), "config.yaml")
    assert canonical(from_yaml) == canonical(from_json) == canonical(entry)


@SLOW
@given(ENTRY, st.data())
def test_writing_out_defaults_or_omitting_them_never_changes_the_hash(entry, data):
    full = written_out(entry)
    assert canonical(full) == canonical(entry)
    # Now drop any members that hold the catalog's default again, and any empty default block.
    trimmed = copy.deepcopy(full)
    for field, default in DEFAULTS.items():
        if field not in trimmed:
            continue
        if isinstance(default, dict) and isinstance(trimmed[field], dict):
            for member, value in default.items():
                if trimmed[field].get(member) == value and data.draw(st.booleans()):
                    del trimmed[field][member]
            if not trimmed[field] and field not in ("proxy_config", "custom_provider_config") and data.draw(st.booleans()):
                del trimmed[field]
        elif trimmed[field] == default and data.draw(st.booleans()):
            del trimmed[field]
    assert canonical(trimmed) == canonical(entry)


# Changing any effective value: one member of the written-out entry, changed to another valid
# value. The members come from the line's models, not from the code under test.


def _members():
    from provlint.models import models_for
    from provlint.structure.locate import wire_fields

    models = models_for(CATALOG)
    blocks = {
        "network_config": models.network_config,
        "concurrency_and_buffer_size": models.concurrency_and_buffer_size,
        "proxy_config": models.proxy_config,
        "custom_provider_config": models.custom_provider_config,
    }
    members = [(block, member) for block, model in blocks.items() for member in wire_fields(model)]
    flags = [(field,) for field in wire_fields(models.provider_settings) if field not in blocks]
    return members + flags


MEMBERS = _members()
MINIMAL_BLOCK = {"proxy_config": {}, "custom_provider_config": {"base_provider_type": "openai"}}
NEW_VALUE_BY_MEMBER = {
    "base_url": "https://changed.example",
    "ca_cert_pem": "env.CHANGED_CA",
    "url": "https://changed-proxy.example:3128",
    "username": "env.CHANGED_USER",
    "password": "env.CHANGED_PASSWORD",
}


def changed(value, member, data):
    if member == "extra_headers":
        return {**(value or {}), "x_changed": "1"}  # `_` is not in the generated names
    if member == "request_path_overrides":
        value = dict(value or {})
        value["chat_completion"] = value.get("chat_completion", "") + "/changed"
        return value
    if member == "allowed_requests":
        flipped = data.draw(st.sampled_from(CATALOG.request_types))
        return {**value, flipped: not value[flipped]}
    if value is None and member in NEW_VALUE_BY_MEMBER:
        return NEW_VALUE_BY_MEMBER[member]
    if value is None:  # a member with a default that the written-out entry lacks
        default = DEFAULTS.get(member, next((d[member] for d in DEFAULTS.values() if isinstance(d, dict) and member in d), None))
        return changed(default, member, data)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if member == "type":
        return next(t for t in CATALOG.proxy_types if t != value)
    if member == "base_provider_type":
        return next(p for p in CATALOG.provider_ids if p != value)
    return value + "-changed"


def test_the_mutation_test_sees_every_member_of_the_line():
    assert len(MEMBERS) == 9 + 2 + 5 + 4 + 3


@SLOW
@given(PROVIDER, ENTRY, st.sampled_from(MEMBERS), st.data())
def test_changing_any_effective_value_changes_the_hash(provider, entry, path, data):
    full = written_out(entry)
    assert canonical(full, provider) == canonical(entry, provider)
    assert canonical(full, provider + "x") != canonical(full, provider)
    if len(path) == 2 and path[0] not in full:
        full[path[0]] = copy.deepcopy(MINIMAL_BLOCK[path[0]])
        assert canonical(full, provider) != canonical(entry, provider)  # adding a block counts
        full = written_out(full)
    before = canonical(full, provider)
    mutated = copy.deepcopy(full)
    parent = mutated if len(path) == 1 else mutated[path[0]]
    member = path[-1]
    parent[member] = changed(parent.get(member), member, data)
    assert canonical(mutated, provider) != before, path


def test_a_problem_inside_keys_leaves_the_settings_hash_defined():
    # Keys are never hashed: a key without `name` or with a string weight is PL102/PL100's
    # business, not a reason to withhold the hash of the provider's settings.
    clean = config_hash("openai", {"network_config": {"max_retries": 2}}, catalog="1.5")
    for keys in ([{"value": "env.K", "weight": "1"}], [{"name": "k"}], "not a list"):
        result = config_hash("openai", {"network_config": {"max_retries": 2}, "keys": keys}, catalog="1.5")
        assert result.ok and result.value == clean.value, keys
