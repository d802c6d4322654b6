"""The published JSON Schema and the models accept and reject the same documents.

Documents come from both sides: from the models (a strategy built from their fields) and from
the schema (hypothesis-jsonschema), each then mutated. jsonschema's verdict on the published
file must be the models' verdict, and for a rejected document the schema's errors must sit at
the same JSON Pointers, in the same categories, as provlint's PL100/PL101/PL102 issues.

The one unavoidable difference (README, "Where the schema and the models differ"): a number
with a zero fraction (``1.0``, ``1e2``) where an integer belongs. JSON Schema counts it as an
integer; the models refuse it, as Bifrost's Go decoder does.
"""

from __future__ import annotations

import copy
import json
import math
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator
from pydantic import BaseModel, StringConstraints, ValidationError

from provlint.catalog import load_catalog
from tests import mutation
from provlint.models import models_for
from provlint.schema import (
    ADD_PROVIDER_FILE,
    CONFIG_FILE,
    FILE_OF_KIND,
    PROVIDER_FILE,
    PROVIDER_RESPONSE_FILE,
    UPDATE_PROVIDER_FILE,
    json_schemas,
)
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind
from provlint.structure import structure_issues
from tests.paths import fixture

CATALOG = load_catalog("1.5")
MODELS = models_for(CATALOG)
PUBLISHED = json_schemas("1.5")
MODEL_OF = {
    CONFIG_FILE: MODELS.config_file,
    PROVIDER_FILE: MODELS.provider_settings,
    ADD_PROVIDER_FILE: MODELS.add_provider_request,
    UPDATE_PROVIDER_FILE: MODELS.update_provider_request,
    PROVIDER_RESPONSE_FILE: MODELS.provider_response,
}
KIND_OF = {file: kind for kind, file in FILE_OF_KIND.items()}
FILES = sorted(MODEL_OF)
VALIDATORS = {file: Draft7Validator(PUBLISHED[file]) for file in FILES}


# --- the two verdicts and where they put the problems ------------------------------------------


def model_errors(doc: Any, file: str) -> list[dict]:
    try:
        MODEL_OF[file].model_validate(doc, by_name=False)
    except ValidationError as exc:
        return exc.errors(include_url=False)
    return []


def is_integral_float_for_an_int(error: dict) -> bool:
    value = error.get("input")
    return error["type"] == "int_type" and isinstance(value, float) and math.isfinite(value) and value.is_integer()


def schema_issues(file: str, doc: Any) -> set[tuple[str, str]]:
    """(category, pointer) of every jsonschema error, read as provlint words them."""
    return {issue for error in VALIDATORS[file].iter_errors(doc) for issue in _issues(error)}


def _issues(error) -> set[tuple[str, str]]:
    where = jp.from_parts(list(error.absolute_path))
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        return {("unknown", jp.join(where, k)) for k in error.instance if k not in known}
    if error.validator == "required":
        return {("missing", jp.join(where, k)) for k in error.validator_value if k not in error.instance}
    if "propertyNames" in error.relative_schema_path:  # the error is about a key: provlint points at it
        return {("invalid", jp.join(where, error.instance))}
    if error.validator in ("anyOf", "oneOf"):
        # the branch of the instance's JSON type explains it, as the models' tagged unions do
        branches: dict[int, list] = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], []).append(sub)
        typed = [errs for errs in branches.values()
                 if not any(e.validator == "type" and e.relative_path == sub_root(e) for e in errs)]
        if len(typed) == 1:
            return {issue for e in typed[0] for issue in _issues(e)}
    return {("invalid", where)}


def sub_root(error) -> Any:
    return type(error.relative_path)()  # an error on the value the anyOf/oneOf itself checks


def provlint_issues(file: str, doc: Any) -> set[tuple[str, str]]:
    kind = KIND_OF.get(file)
    if kind is None:  # provider.schema.json: the settings object is read as an update request
        kind = DocumentKind.UPDATE_PROVIDER
    return {(i.category, i.pointer) for i in structure_issues(doc, kind, CATALOG)}


def with_integers_for_integral_floats(doc: Any, file: str) -> tuple[Any, set[tuple]]:
    """``doc`` with every integral float the models refuse as an integer made that integer, and
    the locations changed. JSON Schema cannot tell the two apart, so its verdict on ``doc`` must
    be the models' verdict on the result."""
    fixed, changed = copy.deepcopy(doc), set()
    while True:
        floats = {tuple(e["loc"]) for e in model_errors(fixed, file) if is_integral_float_for_an_int(e)} - changed
        if not floats:
            return fixed, changed
        for loc in floats:
            value = mutation.at(fixed, loc)  # a loc that is not a path in the document fails here
            assert isinstance(value, float) and value.is_integer(), (loc, value)
            mutation.at(fixed, loc[:-1])[loc[-1]] = int(value)
        changed |= floats


def assert_agree(file: str, doc: Any) -> None:
    """Same verdict, same places; or exactly the documented difference: an integral float where
    an integer belongs, which the schema counts as that integer and the models refuse."""
    schema_ok = VALIDATORS[file].is_valid(doc)
    as_integers, changed = with_integers_for_integral_floats(doc, file)
    assert VALIDATORS[file].is_valid(as_integers) == schema_ok, f"1.0 and 1 differ for the schema: {doc!r}"
    errors = model_errors(as_integers, file)
    if schema_ok:
        assert errors == [], f"the models refuse more than integral floats: {errors}"
    else:
        assert errors, f"the schema rejects a document the models accept (integral floats aside): {doc!r}"
    if file != PROVIDER_FILE:
        # provlint's issues on the original are those on the integer form, plus one at each float
        floats = {("invalid", jp.from_parts(list(loc))) for loc in changed}
        assert provlint_issues(file, doc) == provlint_issues(file, as_integers) | floats
        if not schema_ok:
            assert schema_issues(file, doc) == provlint_issues(file, as_integers)


# --- documents from the models' side --------------------------------------------------------

JSON_SCALARS = (st.none() | st.booleans() | st.integers(-(2**40), 2**40)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6))
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def from_annotation(tp: Any, constraints: tuple = ()) -> st.SearchStrategy:
    """Wire-form JSON values that the type accepts."""
    if get_origin(tp) is Annotated:
        base, *metadata = get_args(tp)
        return from_annotation(base, constraints + tuple(metadata))
    if tp is Any:
        return JSON_VALUES
    if get_origin(tp) in (Union, types.UnionType):
        return st.one_of([from_annotation(member, constraints) for member in get_args(tp)])
    if tp is type(None):
        return st.none()
    if get_origin(tp) is Literal:
        return st.sampled_from(get_args(tp))
    if get_origin(tp) is list:
        return st.lists(from_annotation(get_args(tp)[0]), max_size=3)
    if get_origin(tp) is dict:
        key, value = get_args(tp)
        return st.dictionaries(from_annotation(key), from_annotation(value), max_size=3)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return st.deferred(lambda: from_model(tp))
    minimum = next((c.ge for c in constraints if isinstance(c, annotated_types.Ge)), None)
    min_length = next((c.min_length for c in constraints if isinstance(c, (StringConstraints, annotated_types.MinLen))
                       and c.min_length), 0)
    if tp is str:
        return st.text(min_size=min_length, max_size=8)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(min_value=minimum, max_value=2**63)
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**53), 2**53)
    raise AssertionError(f"no strategy for {tp!r}")


def from_model(model: type[BaseModel]) -> st.SearchStrategy:
    required, optional = {}, {}
    for name, info in model.model_fields.items():
        strategy = from_annotation(info.annotation, tuple(info.metadata))
        (required if info.is_required() else optional)[info.alias or name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


FROM_MODELS = {file: from_model(model) for file, model in MODEL_OF.items()}
# Most of a config file is sections provlint accepts as any value: make sure providers are there.
FROM_MODELS[CONFIG_FILE] = st.builds(
    lambda config, providers: {**config, "providers": providers},
    FROM_MODELS[CONFIG_FILE],
    st.dictionaries(st.sampled_from(CATALOG.provider_ids) | st.text(max_size=8),
                    from_model(MODELS.config_provider_entry), min_size=1, max_size=3),
)


# --- documents from the schema's side (hypothesis-jsonschema) --------------------------------

ANNOTATIONS = ("title", "description", "markdownDescription", "default", "examples", "$comment", "$id")


def validation_keywords_only(node: Any) -> Any:
    """The schema without annotations, which constrain nothing (and slow hypothesis-jsonschema
    down several times)."""
    if isinstance(node, dict):
        return {k: validation_keywords_only(v) for k, v in node.items() if k not in ANNOTATIONS or k == "properties"}
    if isinstance(node, list):
        return [validation_keywords_only(v) for v in node]
    return node


def with_providers(schema: dict) -> dict:
    """config.json's schema, narrowed to files that have at least one provider."""
    narrowed = copy.deepcopy(schema)
    narrowed["required"] = ["providers"]
    narrowed["properties"]["providers"]["minProperties"] = 1
    return narrowed


FROM_SCHEMA = {file: from_schema(validation_keywords_only(PUBLISHED[file])) for file in FILES}
FROM_SCHEMA[CONFIG_FILE] = from_schema(with_providers(validation_keywords_only(PUBLISHED[CONFIG_FILE])))


# --- mutations ------------------------------------------------------------------------------

FIELD_NAMES = sorted({(info.alias or name) for model in (
    MODELS.config_file, MODELS.config_provider_entry, MODELS.provider_response, MODELS.add_provider_request,
    MODELS.network_config, MODELS.proxy_config, MODELS.custom_provider_config, MODELS.key, MODELS.env_var_object,
    MODELS.concurrency_and_buffer_size, *vars(MODELS.key_configs).values())
    for name, info in model.model_fields.items()})
EXTRA_KEYS = st.sampled_from(FIELD_NAMES + sorted(CATALOG.dropped_fields) + ["proxy_type", "schema_", ""]) | st.text(max_size=6)
ODD_VALUES = st.sampled_from(
    [None, True, False, 0, 1, -1, 1.0, 0.5, 2.0, 1e2, -0.0, 2**64, "", "env.X", [], {}, {"value": "v"}, ["x"],
     *CATALOG.provider_ids[:2], *CATALOG.proxy_types, *CATALOG.provider_statuses,
     *CATALOG.secret_types]
) | JSON_VALUES


def mutated(doc: Any):
    return mutation.mutated(doc, extra_keys=EXTRA_KEYS, odd_values=ODD_VALUES, string_extras=(None, ""))


AGREEMENT = settings(max_examples=400, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                            HealthCheck.large_base_example])
FROM_SCHEMA_SETTINGS = settings(AGREEMENT, max_examples=30)


@AGREEMENT
@given(data=st.data(), file=st.sampled_from(FILES))
def test_documents_from_the_models_are_valid_for_both(data, file):
    doc = data.draw(FROM_MODELS[file])
    assert model_errors(doc, file) == []
    assert VALIDATORS[file].is_valid(doc), list(VALIDATORS[file].iter_errors(doc))


@AGREEMENT
@given(data=st.data(), file=st.sampled_from(FILES))
def test_mutated_documents_from_the_models_get_the_same_verdict(data, file):
    doc = data.draw(FROM_MODELS[file])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        doc = data.draw(mutated(doc))
    assert_agree(file, doc)


@FROM_SCHEMA_SETTINGS
@given(data=st.data(), file=st.sampled_from(FILES))
def test_documents_from_the_schema_are_valid_for_both(data, file):
    doc = data.draw(FROM_SCHEMA[file])
    assert VALIDATORS[file].is_valid(doc)
    assert_agree(file, doc)
    assert all(is_integral_float_for_an_int(e) for e in model_errors(doc, file))


@FROM_SCHEMA_SETTINGS
@given(data=st.data(), file=st.sampled_from(FILES))
def test_mutated_documents_from_the_schema_get_the_same_verdict(data, file):
    doc = data.draw(FROM_SCHEMA[file])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        doc = data.draw(mutated(doc))
    assert_agree(file, doc)


# --- hand-written: the difference itself, and both verdicts -------------------------------------


def entry(**fields: Any) -> dict:
    return {"providers": {"acme": {"keys": [{"name": "k", "weight": 1}], **fields}}}


@pytest.mark.parametrize("field", ["max_retries", "retry_backoff_max", "default_request_timeout_in_seconds"])
@pytest.mark.parametrize("value", [1.0, 1e2, -0.0, 3.0])
def test_the_one_difference_an_integral_float_where_an_integer_belongs(field, value):
    doc = entry(network_config={field: value})
    assert VALIDATORS[CONFIG_FILE].is_valid(doc)
    (error,) = model_errors(doc, CONFIG_FILE)
    assert is_integral_float_for_an_int(error)
    assert_agree(CONFIG_FILE, doc)


HAND_WRITTEN = [
    (CONFIG_FILE, entry(), True),
    (CONFIG_FILE, entry(network_config={"max_retries": 1.5}), False),
    (CONFIG_FILE, entry(network_config={"max_retries": -1}), False),
    (CONFIG_FILE, entry(network_config={"max_retry": 1}), False),
    (CONFIG_FILE, entry(network_config=None, proxy_config=None, custom_provider_config=None), True),
    (CONFIG_FILE, entry(custom_provider_config={"is_key_less": True}), False),
    (CONFIG_FILE, entry(custom_provider_config={"base_provider_type": "deepseek"}), False),
    (CONFIG_FILE, {"providers": {"acme": {"keys": [{"name": "k", "weight": 1, "value": {"type": "nope"}}]}}}, False),
    (CONFIG_FILE, {"providers": {"acme": {"keys": [{"name": "k", "weight": 1, "aliases": {"": "x"}}]}}}, False),
    (CONFIG_FILE, {"providers": {"acme": None}}, False),
    (CONFIG_FILE, {"$schema": "https://www.getbifrost.ai/schema", "mcp": [1], "client": None}, True),
    (CONFIG_FILE, {"schema_": "x"}, False),
    (PROVIDER_FILE, {"proxy_config": {"type": "environment"}}, True),
    (PROVIDER_FILE, {"provider": "openai"}, False),
    (ADD_PROVIDER_FILE, {"network_config": {}}, False),
    (ADD_PROVIDER_FILE, {"provider": "my-llm", "keys": []}, False),
    (UPDATE_PROVIDER_FILE, {"send_back_raw_request": None}, False),
    (PROVIDER_RESPONSE_FILE, {"provider_status": "ACTIVE"}, False),
    (PROVIDER_RESPONSE_FILE, {"name": "my-llm", "provider_status": "error", "status": "list_models_failed"}, True),
]


def test_an_integral_float_out_of_range_is_refused_by_both():
    # a regression found by test_mutated_documents_from_the_models_get_the_same_verdict: -0.0 is an
    # integer to the schema but below concurrency's minimum of 1, so both refuse it, at one place
    doc = {"concurrency_and_buffer_size": {"concurrency": -0.0}, "config_hash": "", "description": "", "status": "",
           "provider_status": "active", "name": ""}
    assert not VALIDATORS[PROVIDER_RESPONSE_FILE].is_valid(doc)
    (error,) = model_errors(doc, PROVIDER_RESPONSE_FILE)
    assert is_integral_float_for_an_int(error)
    assert schema_issues(PROVIDER_RESPONSE_FILE, doc) == {("invalid", "/concurrency_and_buffer_size/concurrency")}
    assert_agree(PROVIDER_RESPONSE_FILE, doc)


@pytest.mark.parametrize("file, doc, valid", HAND_WRITTEN, ids=lambda v: v if isinstance(v, str) else None)
def test_hand_written_documents_agree(file, doc, valid):
    assert VALIDATORS[file].is_valid(doc) is valid
    assert (model_errors(doc, file) == []) is valid
    assert_agree(file, doc)


# --- Bifrost's own example configs ------------------------------------------------------------

EXAMPLES = sorted(fixture("bifrost-examples").glob("*.json"))
assert EXAMPLES, f"no Bifrost example configs in {fixture('bifrost-examples')}"  # never parametrise over nothing


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_bifrost_examples_are_valid_exactly_where_the_models_accept_them(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    schema_ok = VALIDATORS[CONFIG_FILE].is_valid(doc)
    assert schema_ok == (model_errors(doc, CONFIG_FILE) == [])
    assert schema_issues(CONFIG_FILE, doc) == provlint_issues(CONFIG_FILE, doc)


def test_the_examples_hold_both_verdicts():
    verdicts = {p.name: VALIDATORS[CONFIG_FILE].is_valid(json.loads(p.read_text(encoding="utf-8"))) for p in EXAMPLES}
    assert sorted(name for name, ok in verdicts.items() if ok) == [
        "docker-volume__config.json", "examples__configs__loadtest__config.json",
        "github__workflows__configs__default__config.json",
    ]
