"""The hash run as a library call: paths in, rows and errors out, no click, no exit."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.discovery import InputPathError
from provlint.hashing.run import BOTH, hash_paths, plan
from provlint.source import pointer as jp

EMPTY_OPENAI = "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"
V20 = load_catalog("2.0")


def test_rows_and_errors(tmp_path):
    (tmp_path / "config.json").write_text('{"providers": {"openai": {}, "groq": 5}}')
    (tmp_path / "package.json").write_text('{"name": "x"}')  # walked stranger: passed over
    (tmp_path / "broken.json").write_text('{"providers": {')  # walked, looks like Bifrost: reported
    assert plan(V20, BOTH).algorithms == ("bifrost", "canonical")  # 2.0 has models: both exist
    report = hash_paths([str(tmp_path)], plan(V20, "bifrost"), V20, environment={})
    assert report.algorithms == ("bifrost",)
    assert [(r.file, r.provider, r.pointer, r.result.value, r.result.reason) for r in report.rows] == [
        (str(tmp_path / "config.json"), "openai", "/providers/openai", EMPTY_OPENAI, None),
        (str(tmp_path / "config.json"), "groq", "/providers/groq", None, "a provider entry must be an object"),
    ]
    assert [(f, r.split(":")[0]) for f, r in report.errors] == [(str(tmp_path / "broken.json"), "cannot parse (1")]
    assert report.failed


def test_standard_input_and_a_bare_update_body():
    stdin = io.BytesIO(b'{"network_config": {"max_retries": 2}}')
    report = hash_paths(["-"], plan(V20, "bifrost"), V20, provider="OpenAI", environment={}, stdin=stdin)
    ((row,),) = [report.rows]
    assert (row.file, row.provider, row.kind.value, row.result.ok) == ("<stdin>", "OpenAI", "update-provider", True)
    assert not report.failed


def test_a_missing_path_raises_before_reading(tmp_path):
    with pytest.raises(InputPathError):
        hash_paths([str(tmp_path / "nope.json")], plan(V20, BOTH), V20, environment={})


# The settings' roots: the caller gives each file's pointer, the entries are read there

ROOT_TOKENS = st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=3)
V22 = load_catalog("2.2")


def _nested(tokens, value):
    for token in reversed(tokens):
        value = {token: value}
    return value


@settings(max_examples=25, deadline=None)
@given(tokens=ROOT_TOKENS)
def test_a_config_under_any_root_hashes_as_the_bare_config(tmp_path_factory, tokens):
    folder = tmp_path_factory.mktemp("roots")
    config = {"providers": {"openai": {"network_config": {"base_url": "http://localhost:8000"}}, "groq": {}}}
    (folder / "bare.json").write_text(json.dumps(config))
    (folder / "wrapped.json").write_text(json.dumps(_nested(tokens, config)))
    root = jp.join("", *tokens)
    report = hash_paths([str(folder / "bare.json"), str(folder / "wrapped.json")], plan(V22, BOTH), V22,
                        environment={}, root_for=lambda path: root if path.endswith("wrapped.json") else "")
    bare = [(r.provider, r.result.algorithm, r.result.value) for r in report.rows if r.file.endswith("bare.json")]
    wrapped = [r for r in report.rows if r.file.endswith("wrapped.json")]
    assert not report.errors and len(bare) == 4
    assert [(r.provider, r.result.algorithm, r.result.value) for r in wrapped] == bare
    assert {r.pointer for r in wrapped} == {root + "/providers/openai", root + "/providers/groq"}


def test_a_root_that_names_nothing_is_an_error_of_the_run(tmp_path):
    (tmp_path / "values.json").write_text('{"bifrost": {"providers": {"openai": {}}}}')
    report = hash_paths([str(tmp_path / "values.json")], plan(V22, BOTH), V22, environment={},
                        root_for=lambda path: "/bifrost/config")
    assert report.rows == []
    assert report.errors == [(str(tmp_path / "values.json"), "the settings' `roots` pointer `/bifrost/config` names "
                              "nothing in this file; fix the pointer or the file glob")]
    # A root that names something that is no Bifrost config says where it looked.
    report = hash_paths([str(tmp_path / "values.json")], plan(V22, BOTH), V22, environment={},
                        root_for=lambda path: "/bifrost/providers")
    assert report.errors == [(str(tmp_path / "values.json"), "not a Bifrost config file, provider request or "
                              "provider response at the settings' `roots` pointer `/bifrost/providers`")]
