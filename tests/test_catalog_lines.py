"""The Bifrost lines of the catalog: each file extends the line before it, releases map to lines."""

from __future__ import annotations

import json

import pytest

from provlint.catalog import UnknownTargetVersion, available_versions, lines_phrase, lintable_versions, load_catalog, target_line
from tests.conftest import run_provlint
from tests.paths import REPO

CATALOG_DIR = REPO / "provlint" / "catalog"
LINES = ["1.5", "2.0", "2.1", "2.2"]


def raw(line: str) -> dict:
    return json.loads((CATALOG_DIR / f"bifrost-{line}.json").read_text(encoding="utf-8"))


def test_every_line_is_known_and_lintable_oldest_first():
    assert available_versions() == LINES
    assert lintable_versions() == LINES


@pytest.mark.parametrize("older, newer", list(zip(LINES, LINES[1:])))
def test_each_line_extends_the_one_before_and_holds_only_keys_the_first_line_has(older, newer):
    data = raw(newer)
    assert data["extends"] == older
    first = raw(LINES[0])
    # source_notes and hash are facts 1.5 does not have; every other key is one 1.5 also sets.
    assert set(data) - set(first) <= {"extends", "source_notes", "hash", "alias_model_families", "alias_provider_fields",
                                      "provider_request_id_header_pattern", "prompt_cache_ttls",
                                      "prompt_cache_locations", "prompt_cache_roles", "databricks_api_formats",
                                      "bifrost_config_schema"}
    for key, value in data.items():
        if key not in ("version", "extends", "source", "source_notes", "models"):
            assert getattr(load_catalog(newer), key) != getattr(load_catalog(older), key), f"{newer} repeats {key} of {older}"


def test_a_child_key_replaces_the_parents_and_the_rest_is_inherited():
    assert load_catalog("2.1").request_types == load_catalog("2.0").request_types  # inherited
    assert len(load_catalog("2.0").request_types) == 60
    assert load_catalog("2.1").hash == load_catalog("2.0").hash and "hash" not in raw("2.1")
    assert load_catalog("2.2").custom_provider_bases == load_catalog("1.5").custom_provider_bases
    assert "typesafe" in load_catalog("2.2").provider_ids and "typesafe" not in load_catalog("2.1").provider_ids
    assert {"databricks", "github-copilot"} <= set(load_catalog("2.1").provider_ids) - set(load_catalog("2.0").provider_ids)
    assert load_catalog("2.2").bounds.max_conns_per_host_max == 10_000


def test_every_2x_line_records_its_source_choices():
    for line in LINES[1:]:
        assert raw(line)["source_notes"] and raw(line)["source"]


@pytest.mark.parametrize(
    "text, line",
    [("2.2", "2.2"), ("2.2.5", "2.2"), ("v2.2.5", "2.2"), ("transports/v2.2.5", "2.2"), ("2.0.0-prerelease2", "2.0"),
     ("v2.1.0", "2.1"), ("1.5", "1.5"), ("1.5.0-prerelease2", "1.5"), (" 2.0 ", "2.0")],
)
def test_a_line_or_a_release_names_its_line(text, line):
    assert target_line(text) == line


@pytest.mark.parametrize("text", ["2.3", "v2.3.0", "transports/v3.0.1", "10.0"])
def test_a_release_newer_than_the_newest_line_names_the_newest_line(text):
    with pytest.raises(UnknownTargetVersion, match=r"newer than the newest line provlint knows, 2\.2"):
        target_line(text)


@pytest.mark.parametrize("text", ["1.4", "1.6", "2", "latest", "v2.x", ""])
def test_anything_else_is_refused_with_the_known_lines(text):
    with pytest.raises(UnknownTargetVersion, match=r"1\.5, 2\.0, 2\.1, 2\.2"):
        target_line(text)


def test_check_takes_a_release_and_refuses_a_newer_one(tmp_path):
    path = tmp_path / "config.json"
    path.write_text('{"providers": {"typesafe": {"keys": [{"name": "k", "value": "env.K", "models": ["*"], "weight": 1}]}}}')
    assert run_provlint("check", "--isolated", "--target-version", "v2.2.5", str(path)).returncode == 0
    older = run_provlint("check", "--isolated", "--output-format", "concise", "--target-version", "transports/v2.1.0", str(path))
    assert older.returncode == 1 and b"PL201" in older.stdout and b"for Bifrost 2.1" in older.stdout
    newer = run_provlint("check", "--isolated", "--target-version", "2.3", str(path))
    assert (newer.returncode, newer.stdout) == (2, b"")
    assert newer.stderr.decode() == (
        "provlint: error: Bifrost 2.3 is newer than the newest line provlint knows, 2.2; "
        "check with `target-version = \"2.2\"` or upgrade provlint\n"
    )


def test_settings_file_takes_a_release(tmp_path):
    (tmp_path / "provlint.toml").write_text('target-version = "v2.2.5"\n')
    (tmp_path / "config.json").write_text('{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "models": ["*"], "weight": 1}]}}}')
    proc = run_provlint("check", "--show-settings", "config.json", cwd=tmp_path)
    assert proc.returncode == 0 and 'target-version = "2.2"' in proc.stdout.decode()


def test_messages_name_a_run_of_lines_up_to_the_newest_as_and_later():
    assert lines_phrase(["2.0", "2.1", "2.2"]) == "2.0 and later"
    assert lines_phrase(["2.2"]) == "2.2 and later"
    assert lines_phrase(["1.5"]) == "1.5 only"
    assert lines_phrase(["1.5", "2.1"]) == "1.5, 2.1 only"
