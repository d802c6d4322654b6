"""``extends``: a line's file holds only its differences; a present key replaces the parent's."""

from __future__ import annotations

import pytest

from provlint.catalog import CatalogError, available_versions, lintable_versions, load_catalog
from tests.catalog.helpers import complete_line, write_line


@pytest.fixture
def lines(tmp_path):
    write_line(tmp_path, "1.0", complete_line("1.0"))
    write_line(tmp_path, "1.1", {
        "version": "1.1", "extends": "1.0", "source": "the 1.1 notes", "models": False,
        "provider_ids": ["openai", "newcomer"],
        "bounds": {"concurrency_min": 2, "buffer_size_min": 2, "max_retries_min": 0,
                   "retry_backoff_min_ms": 50, "retry_backoff_max_ms": 2000},
    })
    write_line(tmp_path, "1.10", {
        "version": "1.10", "extends": "1.1", "source": "the 1.10 notes", "models": True,
        "defaults": {"network_config": {"max_retries": 3}},
    })
    return tmp_path


def test_a_key_the_file_leaves_out_is_inherited(lines):
    parent, child = load_catalog("1.0", lines), load_catalog("1.1", lines)
    assert child.loopback_hostnames == parent.loopback_hostnames
    assert child.key_config_requirements == parent.key_config_requirements
    assert child.extends == "1.0" and parent.extends is None


def test_a_key_the_file_holds_replaces_the_parents(lines):
    child = load_catalog("1.1", lines)
    assert child.provider_ids == ("openai", "newcomer")
    assert child.bounds.retry_backoff_min_ms == 50 and child.bounds.concurrency_min == 2


def test_the_files_own_keys_are_never_inherited(lines):
    parent, child = load_catalog("1.0", lines), load_catalog("1.1", lines)
    assert (child.version, child.source, child.models) == ("1.1", "the 1.1 notes", False)
    assert parent.models is True
    assert lintable_versions(lines) == ["1.0", "1.10"]


def test_extends_chains_and_versions_sort_as_numbers(lines):
    assert available_versions(lines) == ["1.0", "1.1", "1.10"]
    grandchild = load_catalog("1.10", lines)
    assert grandchild.provider_ids == ("openai", "newcomer")  # from 1.1
    assert grandchild.proxy_types == load_catalog("1.0", lines).proxy_types  # from 1.0


def test_a_nested_object_is_replaced_whole_not_merged(lines):
    defaults = load_catalog("1.10", lines).defaults
    assert dict(defaults) == {"network_config": {"max_retries": 3}}


def test_a_child_with_a_wrong_type_names_the_childs_file(lines):
    path = write_line(lines, "1.2", {"version": "1.2", "extends": "1.1", "source": "s", "models": False,
                                     "provider_ids": "openai"})
    with pytest.raises(CatalogError) as error:
        load_catalog("1.2", lines)
    assert str(error.value) == f"{path}: key `provider_ids` must be an array, not a string"


def test_a_child_of_a_broken_parent_fails_with_the_parents_file(lines):
    data = complete_line("0.9")
    del data["proxy_types"]
    parent = write_line(lines, "0.9", data)
    write_line(lines, "0.9.1", {"version": "0.9.1", "extends": "0.9", "source": "s", "models": False})
    with pytest.raises(CatalogError) as error:
        load_catalog("0.9.1", lines)
    assert str(error.value) == f"{parent}: missing key `proxy_types` (or an `extends` of a line that has it)"
