"""Every 2.x line: its generated fast validator and its models accept exactly the same documents.

The 1.5 line has the full suite in test_validator_agreement.py; this runs the same checks
(the hand-written corpus, the real configs, generated and mutated documents) on each later line.
"""

from __future__ import annotations


import json
from functools import lru_cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from provlint.catalog import lintable_versions, load_catalog
from provlint.models import models_for
from provlint.records import replace
from provlint.structure.locate import wire_fields
from provlint.source.document import DocumentKind
from provlint.structure import structure_issues
from provlint.validators import build, fast_accepts
from tests import mutation
from tests.models.test_validator_agreement import AGREEMENT, HAND_WRITTEN, KINDS, MARKER, _from_schema, json_values
from tests.paths import fixture

LINES = [line for line in lintable_versions() if line != "1.5"]


def models_only(line):
    """The line's catalog without Bifrost's schema: these tests compare the models with their
    fast validator; the sections the models leave to Bifrost's schema are tests/sections'."""
    return replace(load_catalog(line), bifrost_config_schema=None)
CONFIGS = sorted(p for p in fixture("bifrost-2.x").rglob("*") if p.suffix in (".json", ".yaml"))
CONFIGS += sorted(fixture("bifrost-examples").glob("*.json"))


def load(path) -> Any:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def models_accept(line: str, data: Any, kind: DocumentKind) -> bool:
    try:
        models_for(load_catalog(line)).for_kind(kind).model_validate(data, by_name=False)
    except ValidationError:
        return False
    return True


def fast(line: str, data: Any, kind: DocumentKind) -> bool:
    verdict = fast_accepts(line, kind.value, data)
    assert verdict is not None
    return verdict


@pytest.mark.parametrize("line", LINES)
def test_hand_written_documents_agree(line):
    for kind, data in HAND_WRITTEN:
        assert fast(line, data, kind) == models_accept(line, data, kind), (kind, data)


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_real_configs_agree(line, path):
    data = load(path)
    assert fast(line, data, DocumentKind.CONFIG) == models_accept(line, data, DocumentKind.CONFIG)


@lru_cache(maxsize=None)
def strategies(line: str) -> tuple[dict, Any]:
    schema, kind_refs = build.combined_schema(line)
    defs = schema[build.DEFS_PREFIX.split("/")[1]]
    valid = {kind: _from_schema({"$ref": kind_refs[kind.value]}, defs) for kind in KINDS}
    models = models_for(load_catalog(line))
    names = sorted({name for model in (models.config_file, models.config_provider_entry, models.provider_response,
                                       models.add_provider_request, models.network_config, models.proxy_config,
                                       models.custom_provider_config, models.key, models.env_var_object,
                                       *vars(models.key_configs).values())
                    for name in wire_fields(model)})
    catalog = load_catalog(line)
    extra_keys = st.sampled_from(names + sorted(catalog.dropped_fields)) | st.text(max_size=6)
    odd_values = st.sampled_from(
        [None, True, False, 0, 1, -1, 1.0, 0.5, 2**64, "", MARKER, "env.X", [], {}, {"value": MARKER},
         {"ref": "env.X", "type": "env"}, {"model_id": MARKER}, 10_001, 3601, *catalog.provider_ids[-3:]]
    ) | json_values
    return valid, (extra_keys, odd_values)


@AGREEMENT
@given(data=st.data(), line=st.sampled_from(LINES), kind=st.sampled_from(KINDS))
def test_generated_valid_documents_are_accepted_by_both(data, line, kind):
    valid, _ = strategies(line)
    doc = data.draw(valid[kind])
    assert models_accept(line, doc, kind)
    assert fast(line, doc, kind)
    assert structure_issues(doc, kind, models_only(line)) == []


@AGREEMENT
@given(data=st.data(), line=st.sampled_from(LINES), kind=st.sampled_from(KINDS))
def test_mutated_documents_get_the_same_verdict(data, line, kind):
    valid, (extra_keys, odd_values) = strategies(line)
    doc = data.draw(valid[kind])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        doc = data.draw(mutation.mutated(doc, extra_keys=extra_keys, odd_values=odd_values, string_extras=(None,)))
    accepted = models_accept(line, doc, kind)
    assert fast(line, doc, kind) == accepted
    issues = structure_issues(doc, kind, models_only(line))
    assert (issues == []) == accepted
    assert all(MARKER not in issue.message for issue in issues)
