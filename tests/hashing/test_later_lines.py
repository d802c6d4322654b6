"""Bifrost's hash on 2.1 and 2.2: 2.0's algorithm where every input is known, no guess where not.

The lines after 2.0 inherit its hash facts. What they add (2.1: ``prompt_cache``,
``network_config.http2_ping_interval_in_seconds``, ``custom_provider_config.does_not_send_done_marker``;
2.2: ``custom_provider_config.wait_for_usage`` and three new request types in
``allowed_requests``) has no known place in the hash, so an entry that sets it has no Bifrost hash.
"""

from __future__ import annotations

import json

import pytest

from provlint.catalog import load_catalog
from provlint.engine import LintOptions, lint_bytes
from provlint.hashing import BIFROST, CANONICAL, config_hash
from provlint.hashing.bifrost import NotHashable, bifrost_hash, unknown_hash_inputs
from provlint.rules import find_rule
from tests.paths import fixture

V20, V21, V22 = (load_catalog(v) for v in ("2.0", "2.1", "2.2"))
VECTORS = [
    json.loads(line)
    for line in fixture("hash-vectors", "bifrost-algorithm.jsonl").read_text(encoding="utf-8").split("\n")
    if line.strip()
]
LOADTEST_OPENAI = "f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700"  # BIFROST.md section 3


# The reference vectors hold under the later lines wherever their inputs are known


def test_every_reference_vector_hashes_the_same_under_2_1():
    # 2.1 adds fields but no request type: no 2.0 entry sets anything whose place is unknown.
    for vector in VECTORS:
        assert unknown_hash_inputs(vector["config"], V21) == []
        assert bifrost_hash(vector["provider"], vector["config"], vector["env"], V21) == vector["hash"]


def test_under_2_2_the_vectors_without_allowed_requests_hash_the_same_and_the_others_are_refused():
    hashed = refused = 0
    for vector in VECTORS:
        custom = vector["config"].get("custom_provider_config")
        if isinstance(custom, dict) and custom.get("allowed_requests") is not None:
            with pytest.raises(NotHashable) as caught:
                bifrost_hash(vector["provider"], vector["config"], vector["env"], V22)
            assert caught.value.unknown and caught.value.pointer == "/custom_provider_config/allowed_requests"
            refused += 1
        else:
            assert bifrost_hash(vector["provider"], vector["config"], vector["env"], V22) == vector["hash"]
            hashed += 1
    assert hashed > 300 and refused > 0  # both branches are exercised by the real vectors


# Which inputs are unknown, per line: derived from the catalog, never listed twice


EVERY_LATER_FIELD = {
    "prompt_cache": {"auto_inject": True},
    "network_config": {"base_url": "http://localhost:8000", "http2_ping_interval_in_seconds": 30},
    "custom_provider_config": {
        "base_provider_type": "openai", "does_not_send_done_marker": True, "wait_for_usage": True,
        "allowed_requests": {"chat_completion": True},
    },
}


@pytest.mark.parametrize(
    "catalog, pointers",
    [
        (V20, ["/prompt_cache"]),  # 2.0 has no such members: Go 2.0 ignores them, except prompt_cache
        (V21, ["/prompt_cache", "/network_config/http2_ping_interval_in_seconds",
               "/custom_provider_config/does_not_send_done_marker"]),
        (V22, ["/prompt_cache", "/network_config/http2_ping_interval_in_seconds",
               "/custom_provider_config/does_not_send_done_marker", "/custom_provider_config/wait_for_usage",
               "/custom_provider_config/allowed_requests"]),
    ],
    ids=["2.0", "2.1", "2.2"],
)
def test_unknown_inputs_per_line(catalog, pointers):
    assert unknown_hash_inputs(EVERY_LATER_FIELD, catalog) == pointers


def test_explicit_null_is_absent_and_so_is_known():
    settings = {"prompt_cache": None, "network_config": {"http2_ping_interval_in_seconds": None}}
    assert unknown_hash_inputs(settings, V22) == []
    assert bifrost_hash("openai", settings, {}, V22) == bifrost_hash("openai", {"network_config": {}}, {}, V20)


def test_the_reason_names_every_unknown_input_and_points_at_the_first():
    result = config_hash("openai", EVERY_LATER_FIELD, algorithm=BIFROST, catalog=V21, environment={})
    assert (result.value, result.pointer) == (None, "/prompt_cache")
    assert result.reason == (
        "where Bifrost 2.1 hashes `prompt_cache`, `network_config.http2_ping_interval_in_seconds` and "
        "`custom_provider_config.does_not_send_done_marker` is not known yet, so provlint does not guess "
        "this provider's hash"
    )


def test_the_canonical_hash_is_defined_on_every_line_for_the_same_entries():
    settings = {"prompt_cache": {"auto_inject": True}}
    values = {v: config_hash("anthropic", settings, algorithm=CANONICAL, catalog=v).value for v in ("2.1", "2.2")}
    assert all(value and len(value) == 64 for value in values.values())
    assert values["2.1"] != values["2.2"]  # the target line is part of what is hashed


# PL601 does not guess


def pl601(text: str, target: str, path: str = "config.json"):
    options = LintOptions(target_version=target, rules=(find_rule("PL601"),), environment={})
    return lint_bytes(text.encode(), path, options=options).diagnostics


STALE = "0" * 64


@pytest.mark.parametrize("target", ["2.1", "2.2"])
@pytest.mark.parametrize(
    "settings",
    ['"prompt_cache": {"auto_inject": true}',
     '"network_config": {"enforce_http2": true, "http2_ping_interval_in_seconds": 30}'],
    ids=["prompt_cache", "http2_ping"],
)
def test_pl601_is_silent_on_a_provider_whose_hash_is_not_known(settings, target):
    config = f'{{"providers": {{"anthropic": {{"keys": [], {settings}, "config_hash": "{STALE}"}}}}}}'
    assert pl601(config, target) == []
    response = f'{{"name": "anthropic", "provider_status": "active", {settings}, "config_hash": "{STALE}"}}'
    assert pl601(response, target, "response.json") == []


@pytest.mark.parametrize("target", ["2.1", "2.2"])
def test_pl601_fires_on_a_provider_without_unknown_fields(target):
    config = (
        '{"providers": {"openai": {"keys": [], "network_config": {"base_url": "http://localhost:8000"}, '
        f'"config_hash": "{STALE}"}}}}}}'
    )
    [found] = pl601(config, target)
    assert (found.code, found.pointer, found.line, found.column) == ("PL601", "/providers/openai/config_hash", 1, 111)  # the value
    assert found.message == (
        f"`config_hash` does not match the settings beside it: Bifrost {target}'s algorithm gives `{LOADTEST_OPENAI}`"
    )
    right = config.replace(STALE, LOADTEST_OPENAI)
    assert pl601(right, target) == []
