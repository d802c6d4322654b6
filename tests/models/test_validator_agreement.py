"""The generated fast validator and the pydantic models accept exactly the same documents."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from provlint.catalog import load_catalog
from tests import mutation
from provlint.models import models_for
from provlint.structure.locate import wire_fields
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind
from provlint.structure import structure_issues
from provlint.validators import build, fast_accepts
from tests.paths import fixture

CATALOG = load_catalog("1.5")
MODELS = models_for(CATALOG)
KINDS = [k for k in DocumentKind if k is not DocumentKind.UNKNOWN]
MARKER = "MARKER-not-to-be-echoed"
EXAMPLES = sorted(fixture("bifrost-examples").glob("*.json"))
# an empty folder must fail the run, not quietly parametrise test_bifrost_examples_agree over nothing
assert EXAMPLES, f"no Bifrost example configs in {fixture('bifrost-examples')}"


def models_accept(data: Any, kind: DocumentKind) -> bool:
    try:
        MODELS.for_kind(kind).model_validate(data, by_name=False)
    except ValidationError:
        return False
    return True


def fast(data: Any, kind: DocumentKind) -> bool:
    verdict = fast_accepts(CATALOG.version, kind.value, data)
    assert verdict is not None
    return verdict


# --- hand-written documents --------------------------------------------------------------


def in_entry(**settings: Any) -> dict:
    return {"providers": {"acme": {"keys": [{"name": "k", "weight": 1}], **settings}}}


def in_key(**fields: Any) -> dict:
    return {"providers": {"acme": {"keys": [{"name": "k", "weight": 1, **fields}]}}}


HAND_WRITTEN: list[tuple[DocumentKind, Any]] = [
    # integers: strict, no floats, no bools, big ints fine
    *[(DocumentKind.UPDATE_PROVIDER, {"network_config": {"max_retries": v}})
      for v in (0, 3, -1, 1.0, 1.5, True, False, "3", None, 2**80, float("nan"))],
    *[(DocumentKind.UPDATE_PROVIDER, {"concurrency_and_buffer_size": {"concurrency": v, "buffer_size": 10}})
      for v in (1, 0, 1.0, True, 10**30)],
    # numbers: ints and floats, not bools or strings
    *[(DocumentKind.CONFIG, in_key(weight=v))
      for v in (0, 1, 0.5, -2.5, 1e300, float("inf"), float("nan"), True, "1", None)],
    # booleans
    *[(DocumentKind.UPDATE_PROVIDER, {"send_back_raw_response": v}) for v in (True, False, 0, 1, "true", None)],
    # null only for blocks
    *[(DocumentKind.UPDATE_PROVIDER, {name: None}) for name in MODELS.update_provider_request.model_fields],
    (DocumentKind.CONFIG, in_key(azure_key_config=None, bedrock_key_config={"batch_s3_config": None})),
    (DocumentKind.CONFIG, in_key(value=None)),
    (DocumentKind.CONFIG, in_key(models=None)),
    (DocumentKind.CONFIG, in_entry(keys=None)),
    # EnvVar forms
    *[(DocumentKind.CONFIG, in_key(value=v)) for v in (
        "", "env.X", {}, {"value": "x", "ref": "env.X", "type": "env"}, {"type": "nope"},
        {"env_var": "X", "from_env": 1}, {"extra": 1}, 5, [], ["x"])],
    # enums
    *[(DocumentKind.UPDATE_PROVIDER, {"proxy_config": {"type": v}}) for v in ("http", "HTTP", "", 1, None, True)],
    *[(DocumentKind.UPDATE_PROVIDER, {"custom_provider_config": {"base_provider_type": v}})
      for v in ("openai", "OpenAI", "deepseek", 0)],
    (DocumentKind.UPDATE_PROVIDER, {"custom_provider_config": {}}),
    (DocumentKind.PROVIDER_RESPONSE, {"provider_status": "active"}),
    (DocumentKind.PROVIDER_RESPONSE, {"provider_status": "ACTIVE"}),
    # $schema and other top-level members
    (DocumentKind.CONFIG, {"$schema": "https://www.getbifrost.ai/schema"}),
    (DocumentKind.CONFIG, {"$schema": None}),
    (DocumentKind.CONFIG, {"schema_": "x"}),
    (DocumentKind.CONFIG, {"version": 2, "client": None, "mcp": {"any": [1, {"thing": None}]}}),
    (DocumentKind.CONFIG, {"providers": []}),
    (DocumentKind.CONFIG, {"providers": {"": {}}}),
    (DocumentKind.CONFIG, {"providers": {"acme": None}}),
    # Python names are not wire names
    (DocumentKind.UPDATE_PROVIDER, {"proxy_config": {"proxy_type": "http"}}),
    (DocumentKind.CONFIG, in_key(value={"source_type": "env"})),
    # maps and lists
    (DocumentKind.CONFIG, in_key(aliases={"": "x"})),
    (DocumentKind.CONFIG, in_key(aliases={"a": ""})),
    (DocumentKind.CONFIG, in_key(aliases={"a": "b"})),
    (DocumentKind.CONFIG, in_key(models=("a", "b"))),
    (DocumentKind.UPDATE_PROVIDER, {"network_config": {"extra_headers": {}}}),
    (DocumentKind.UPDATE_PROVIDER, {"network_config": {"extra_headers": {"a": None}}}),
    # required members
    (DocumentKind.ADD_PROVIDER, {}),
    (DocumentKind.ADD_PROVIDER, {"provider": ""}),
    (DocumentKind.CONFIG, in_key(vllm_key_config={})),
    (DocumentKind.CONFIG, {"providers": {"acme": {"keys": [{}]}}}),
    # not objects at all
    *[(kind, value) for kind in KINDS for value in (None, [], "x", 1)],
]


@pytest.mark.parametrize("kind, data", HAND_WRITTEN, ids=lambda v: v.value if isinstance(v, DocumentKind) else None)
def test_hand_written_documents_agree(kind, data):
    assert fast(data, kind) == models_accept(data, kind)


def test_the_hand_written_corpus_has_both_verdicts():
    verdicts = {models_accept(data, kind) for kind, data in HAND_WRITTEN}
    assert verdicts == {True, False}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bifrost_examples_agree(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert fast(data, DocumentKind.CONFIG) == models_accept(data, DocumentKind.CONFIG)


# --- generated valid documents, then mutated ---------------------------------------------

SCHEMA, KIND_REFS = build.combined_schema(CATALOG.version)
DEFS = SCHEMA[build.DEFS_PREFIX.split("/")[1]]  # where provlint.schema files the definitions

json_scalars = (
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=6)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _from_schema(node: dict, defs: dict | None = None) -> st.SearchStrategy:
    """Documents the JSON Schema accepts (and so, if it agrees with the models, the models).

    ``defs`` are the definitions ``$ref`` points into (default: this module's line).
    """
    defs = DEFS if defs is None else defs
    if "$ref" in node:
        name = node["$ref"].removeprefix(build.DEFS_PREFIX)
        return st.deferred(lambda: _from_schema(defs[name], defs))
    for combinator in ("anyOf", "oneOf"):
        if combinator in node:
            return st.one_of([_from_schema(member, defs) for member in node[combinator]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    kind = node.get("type")
    if kind == "object" and "properties" in node:
        required = node.get("required", [])
        props = node["properties"]
        return st.fixed_dictionaries(
            {name: _from_schema(props[name], defs) for name in required},
            optional={name: _from_schema(body, defs) for name, body in props.items() if name not in required},
        )
    if kind == "object":
        min_key = node.get("propertyNames", {}).get("minLength", 0)
        return st.dictionaries(st.text(min_size=min_key, max_size=6), _from_schema(node["additionalProperties"], defs), max_size=3)
    if kind == "array":
        return st.lists(_from_schema(node["items"], defs), max_size=3)
    if kind == "string" and "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True)
    if kind == "string":
        return st.text(min_size=node.get("minLength", 0), max_size=8)
    if kind == "integer":
        return st.integers(min_value=node.get("minimum"), max_value=node.get("maximum", 2**64))
    if kind == "number":
        return st.floats(allow_nan=False) | st.integers()
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return json_values  # an unchecked config section


VALID = {kind: _from_schema({"$ref": KIND_REFS[kind.value]}) for kind in KINDS}

FIELD_NAMES = sorted(
    {name for model in (MODELS.config_file, MODELS.config_provider_entry, MODELS.provider_response,
                        MODELS.add_provider_request, MODELS.network_config, MODELS.proxy_config,
                        MODELS.custom_provider_config, MODELS.key, MODELS.env_var_object,
                        *vars(MODELS.key_configs).values())
     for name in wire_fields(model)}
)
EXTRA_KEYS = st.sampled_from(
    FIELD_NAMES + sorted(CATALOG.dropped_fields) + ["proxy_type", "source_type", "schema_"]
) | st.text(max_size=6)
ODD_VALUES = st.sampled_from(
    [None, True, False, 0, 1, -1, 1.0, 0.5, 2**64, float("nan"), "", MARKER, "env.X", [], {},
     {"value": MARKER}, [MARKER], *CATALOG.provider_ids[:3], *CATALOG.proxy_types,
     *CATALOG.provider_statuses, *CATALOG.secret_types]
) | json_values


def mutated(doc: Any):
    return mutation.mutated(doc, extra_keys=EXTRA_KEYS, odd_values=ODD_VALUES, string_extras=(None,))


def assert_explained(data: Any, kind: DocumentKind) -> None:
    issues = structure_issues(data, kind, CATALOG)
    assert issues, "a rejected document must get at least one issue"
    for issue in issues:
        assert MARKER not in issue.message
        parts = jp.split(issue.pointer)
        # the pointer's parent always exists; the member itself exists unless it is missing
        mutation.at(data, tuple(int(p) if isinstance(mutation.at(data, tuple(_typed(data, parts[:i]))), list) else p
                       for i, p in enumerate(parts[:-1])))
        if issue.category != "missing" and parts:
            mutation.at(data, tuple(_typed(data, parts)))


def _typed(data: Any, parts: list[str]) -> list[str | int]:
    typed: list[str | int] = []
    node = data
    for part in parts:
        token: str | int = int(part) if isinstance(node, list) else part
        typed.append(token)
        node = node[token]
    return typed


AGREEMENT = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@AGREEMENT
@given(data=st.data(), kind=st.sampled_from(KINDS))
def test_generated_valid_documents_are_accepted_by_both(data, kind):
    doc = data.draw(VALID[kind])
    assert models_accept(doc, kind)
    assert fast(doc, kind)
    assert structure_issues(doc, kind, CATALOG) == []


@AGREEMENT
@given(data=st.data(), kind=st.sampled_from(KINDS))
def test_mutated_documents_get_the_same_verdict(data, kind):
    doc = data.draw(VALID[kind])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        doc = data.draw(mutated(doc))
    accepted = models_accept(doc, kind)
    assert fast(doc, kind) == accepted
    if not accepted:
        assert_explained(doc, kind)
    else:
        assert structure_issues(doc, kind, CATALOG) == []


def test_nan_is_a_number_for_both():
    # JSON has no NaN (PL001 reports the literal); if a parser lets one through, both agree
    doc = in_key(weight=float("nan"))
    assert math.isnan(doc["providers"]["acme"]["keys"][0]["weight"])
    assert fast(doc, DocumentKind.CONFIG) and models_accept(doc, DocumentKind.CONFIG)
