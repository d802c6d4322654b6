"""The hash run as a library call: paths in, rows and errors out, no click, no exit."""

import io

import pytest

from provlint.catalog import load_catalog
from provlint.discovery import InputPathError
from provlint.hashing.run import BOTH, hash_paths, plan

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
