"""A catalog file that does not hold what a catalog must fails at load, naming the file and key."""

from __future__ import annotations

import re

import pytest

from provlint.catalog import CatalogError, UnknownTargetVersion, load_catalog
from tests.catalog.helpers import complete_line, write_line


def fails(tmp_path, version, message):
    with pytest.raises(CatalogError) as error:
        load_catalog(version, tmp_path)
    assert str(error.value) == message


def test_a_complete_file_loads_from_any_folder(tmp_path):
    write_line(tmp_path, "1.0", complete_line("1.0"))
    assert load_catalog("1.0", tmp_path).version == "1.0"
    assert load_catalog("1.0", str(tmp_path)) is load_catalog("1.0", tmp_path)


def test_missing_key(tmp_path):
    data = complete_line("1.0")
    del data["loopback_hostnames"]
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: missing key `loopback_hostnames` (or an `extends` of a line that has it)")


def test_missing_key_inside_an_object(tmp_path):
    data = complete_line("1.0")
    del data["bounds"]["concurrency_min"]
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: missing key `bounds.concurrency_min`")


def test_unknown_key(tmp_path):
    data = complete_line("1.0")
    data["loopback_hostname"] = ["localhost"]
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: unknown key `loopback_hostname`")


def test_unknown_key_inside_an_object(tmp_path):
    data = complete_line("1.0")
    data["metadata_endpoints"]["hostname"] = []
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: unknown key `metadata_endpoints.hostname`")


def test_the_retired_lint_threshold_is_an_unknown_key(tmp_path):
    data = complete_line("1.0")
    data["bounds"]["max_retries_warn"] = 10
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: unknown key `bounds.max_retries_warn`")


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d.update(model_wildcard=1), "key `model_wildcard` must be a string, not an integer"),
        (lambda d: d.update(models="yes"), "key `models` must be a boolean, not a string"),
        (lambda d: d["provider_ids"].insert(2, None), "key `provider_ids[2]` must be a string, not null"),
        (lambda d: d.update(request_types="chat"), "key `request_types` must be an array, not a string"),
        (lambda d: d["bounds"].update(concurrency_min=True), "key `bounds.concurrency_min` must be an integer, not a boolean"),
        (lambda d: d["bounds"].update(concurrency_min=1.5), "key `bounds.concurrency_min` must be an integer, not a decimal number"),
        (lambda d: d["secret_fields"].update(key="value"), "key `secret_fields.key` must be an array, not a string"),
        (lambda d: d["key_config_requirements"]["azure"].update(field=3), "key `key_config_requirements.azure.field` must be a string, not an integer"),
        (lambda d: d.update(dropped_fields=[]), "key `dropped_fields` must be an object, not an array"),
    ],
)
def test_wrong_type(tmp_path, edit, message):
    data = complete_line("1.0")
    edit(data)
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: {message}")


def test_extends_of_an_unknown_line(tmp_path):
    write_line(tmp_path, "1.0", complete_line("1.0"))
    path = write_line(tmp_path, "2.0", {"version": "2.0", "source": "s", "models": False, "extends": "1.9"})
    fails(tmp_path, "2.0", f"{path}: key `extends` names '1.9', which is not an earlier line with a catalog file; earlier lines: 1.0")


def test_extends_of_a_later_line_is_refused_so_there_is_no_cycle(tmp_path):
    path = write_line(tmp_path, "1.0", {"version": "1.0", "source": "s", "models": False, "extends": "2.0"})
    write_line(tmp_path, "2.0", {"version": "2.0", "source": "s", "models": False, "extends": "1.0"})
    fails(tmp_path, "1.0", f"{path}: key `extends` names '2.0', which is not an earlier line with a catalog file; earlier lines: none")


def test_a_line_that_extends_must_still_say_what_describes_itself(tmp_path):
    write_line(tmp_path, "1.0", complete_line("1.0"))
    path = write_line(tmp_path, "1.1", {"version": "1.1", "source": "s", "extends": "1.0"})
    fails(tmp_path, "1.1", f"{path}: missing key `models`")


def test_version_must_match_the_file_name(tmp_path):
    path = write_line(tmp_path, "1.0", complete_line("1.1"))
    fails(tmp_path, "1.0", f"{path}: key `version` is '1.1', but the file name says '1.0'")


def test_a_hash_member_kind_must_be_a_listed_value_kind(tmp_path):
    data = complete_line("1.0")
    data["hash"] = {
        "algorithm": "bifrost", "provider_id": "lower-cased", "excluded_fields": [],
        "value_kinds": {"int": "an integer"}, "raw_flags": [], "unsupported_fields": [],
        "blocks": [{"field": "network_config", "html_escape": True,
                    "members": [{"name": "max_retries", "kind": "integer", "omitempty": False}]}],
    }
    path = write_line(tmp_path, "1.0", data)
    fails(tmp_path, "1.0", f"{path}: key `hash.blocks[0].members[0].kind` is 'integer', which `hash.value_kinds` does not list (int)")


def test_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "bifrost-1.0.json"
    path.write_text('{"version": "1.0",', encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"^{re.escape(str(path))}: cannot read the catalog: "):
        load_catalog("1.0", tmp_path)


def test_a_line_without_a_file(tmp_path):
    write_line(tmp_path, "1.0", complete_line("1.0"))
    with pytest.raises(UnknownTargetVersion, match=r"^unknown target version '3\.0'; known: 1\.0$"):
        load_catalog("3.0", tmp_path)
