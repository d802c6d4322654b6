"""Provider entries that Bifrost's own 2.2-era schema accepts are structurally valid for provlint 2.2.

Documents are generated from the schema's provider subschemas (``$defs/provider`` and the
``provider_with_*_config`` variants, through each provider id of ``providers``), kept only when
Bifrost's schema (draft 2019-09, formats not asserted, as Bifrost runs it) accepts them, and
must then give no PL100-PL102. provlint is more lenient than the schema in a few listed places
(DIFFERENCES below, each with the Go behaviour behind it); it is never stricter.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.source.document import DocumentKind
from provlint.structure import structure_issues
from tests.paths import fixture

LINE = "2.2"
SCHEMA = json.loads(fixture("bifrost-schema", "config.schema.json").read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]
PROVIDER_REFS = {name: body["$ref"] for name, body in SCHEMA["properties"]["providers"]["properties"].items()}

# Where provlint accepts what Bifrost's schema refuses (never the other way round), and why.
DIFFERENCES = {
    "secret objects": "Go decodes key values, key sub-config secrets, extra_headers values and network/proxy "
                      "secrets as SecretVar, which takes {value, ref, type}, {ref, type}, {env_var} and the "
                      "legacy {value, env_var, from_env}; the schema types them as strings",
    "openai_config and prompt_cache on every provider": "Go reads both from configstore.ProviderConfig for "
                      "every provider; the schema references them from $defs/provider only",
    "max_conns_per_host above 10,000": "Go clamps it to MaxConnsPerHostUpperBound; PL408 warns instead of PL100",
    "unchecked requiredness": "provlint does not require vllm model_name, proxy type, vertex project_id/region, "
                      "concurrency and buffer_size together, nor an entry's keys: Go fills defaults or a rule "
                      "(PL501, PL504, PL406) reports what matters",
}


@lru_cache(maxsize=1)
def validator():
    from jsonschema import Draft201909Validator

    return Draft201909Validator(SCHEMA)


def _merge_all_of(node: dict) -> dict:
    merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for part in node["allOf"]:
        part = DEFS[part["$ref"].removeprefix("#/$defs/")] if "$ref" in part else part
        part = _merge_all_of(part) if "allOf" in part else part
        merged["properties"].update(part.get("properties", {}))
        merged["required"] += part.get("required", [])
        if part.get("additionalProperties") is False:
            merged["additionalProperties"] = False
    return merged


def from_schema(node: dict) -> st.SearchStrategy:
    """Documents close to what ``node`` accepts; the test keeps only those Bifrost's schema accepts."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return st.deferred(lambda: from_schema(DEFS[name]))
    if "allOf" in node:
        return from_schema(_merge_all_of(node))
    for combinator in ("anyOf", "oneOf"):
        if combinator in node:
            return st.one_of([from_schema(member) for member in node[combinator]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        required = [name for name in node.get("required", []) if name in props]
        extra = node.get("additionalProperties")
        fixed = st.fixed_dictionaries(
            {name: from_schema(props[name]) for name in required},
            optional={name: from_schema(body) for name, body in props.items() if name not in required},
        )
        if props or not isinstance(extra, dict):
            return fixed
        min_key = node.get("propertyNames", {}).get("minLength", 0)
        return st.dictionaries(st.text(min_size=min_key, max_size=6), from_schema(extra), max_size=3)
    if kind == "array":
        return st.lists(from_schema(node.get("items", {})), min_size=node.get("minItems", 0), max_size=3)
    if kind == "string" and "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True)
    if kind == "string":
        return st.text(min_size=node.get("minLength", 0), max_size=8)
    if kind == "integer":
        return st.integers(min_value=node.get("minimum", -(2**40)), max_value=node.get("maximum", 2**40))
    if kind == "number":
        return st.integers(min_value=node.get("minimum", -(2**40)), max_value=2**40) | st.floats(
            min_value=node.get("minimum"), max_value=1e12, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    return st.none()


@lru_cache(maxsize=None)
def entry_strategy(provider: str) -> st.SearchStrategy:
    return from_schema({"$ref": PROVIDER_REFS[provider]})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                   HealthCheck.data_too_large])
@given(data=st.data(), provider=st.sampled_from(sorted(PROVIDER_REFS)))
def test_an_entry_bifrosts_schema_accepts_has_no_structural_finding(data, provider):
    document = {"providers": {provider: data.draw(entry_strategy(provider))}}
    assume(validator().is_valid(document))
    assert structure_issues(document, DocumentKind.CONFIG, load_catalog(LINE)) == []


@pytest.mark.parametrize("provider", sorted(PROVIDER_REFS))
def test_every_provider_subschema_is_reachable(provider):
    assert PROVIDER_REFS[provider].removeprefix("#/$defs/") in DEFS
    assert provider in load_catalog(LINE).provider_ids


def test_the_differences_are_the_documented_ones():
    # Each listed difference is a document the schema refuses and provlint accepts.
    key = {"name": "k", "weight": 1}
    cases = {
        "secret objects": {"openai": {"keys": [{**key, "value": {"ref": "env.K", "type": "env"}}]}},
        "openai_config and prompt_cache on every provider": {
            "azure": {"keys": [{**key, "azure_key_config": {"endpoint": "env.E"}}], "openai_config": {"disable_store": True}}},
        "max_conns_per_host above 10,000": {"openai": {"keys": [key], "network_config": {"max_conns_per_host": 10001}}},
        "unchecked requiredness": {"vllm": {"keys": [{**key, "vllm_key_config": {"url": "https://v.example.com"}}]}},
    }
    assert set(cases) == set(DIFFERENCES)
    for name, providers in cases.items():
        document = {"providers": providers}
        assert not validator().is_valid(document), name
        assert structure_issues(document, DocumentKind.CONFIG, load_catalog(LINE)) == [], name
