"""Every catalog file shipped with provlint loads, typed and frozen."""

from __future__ import annotations

import pytest

from provlint.catalog import Catalog, available_versions, lintable_versions, load_catalog
from tests.catalog.helpers import SHIPPED_15


@pytest.mark.parametrize("version", available_versions())
def test_each_shipped_line_loads(version):
    catalog = load_catalog(version)
    assert isinstance(catalog, Catalog) and catalog.version == version
    assert catalog.provider_ids and catalog.request_types and catalog.settings_fields


def test_the_shipped_lines_include_1_5_and_2_0():
    assert {"1.5", "2.0"} <= set(available_versions())
    assert "1.5" in lintable_versions()


def test_attributes_are_the_json_keys_of_the_file():
    catalog = load_catalog("1.5")
    # Absent from 1.5: it extends nothing, its hash is not known, and the blocks these describe
    # (aliases with families, prompt_cache, databricks, provider_request_id) come with 2.x.
    optional = {"extends", "hash", "source_notes", "alias_model_families", "alias_provider_fields", "provider_request_id_header_pattern",
                "prompt_cache_ttls", "prompt_cache_locations", "prompt_cache_roles", "databricks_api_formats",
                "bifrost_config_schema"}
    assert set(Catalog._fields) - optional == set(SHIPPED_15)
    assert catalog.loopback_hostnames == ("localhost", ".localhost")
    assert catalog.key_config_requirements["azure"].field == "endpoint"
    assert catalog.key_config_requirements["vertex"].field is None
    assert catalog.metadata_endpoints.hostnames == ("metadata.google.internal",)
    assert catalog.bounds.retry_backoff_min_ms == 100 and catalog.bounds.retry_backoff_max_ms == 1_000_000
    assert catalog.hash is None and catalog.extends is None


def test_a_catalog_is_frozen_all_the_way_down():
    catalog = load_catalog("1.5")
    with pytest.raises(AttributeError, match="frozen"):
        catalog.provider_ids = ()
    with pytest.raises(AttributeError):
        catalog.bounds.concurrency_min = 0
    with pytest.raises(AttributeError):
        load_catalog("2.0").hash.blocks[0].members[0].kind = "bool"
    with pytest.raises(TypeError):
        catalog.defaults["network_config"]["max_retries"] = 3
    with pytest.raises(TypeError):
        catalog.secret_fields["key"] = ("value",)
    assert isinstance(catalog.secret_fields["key"], tuple)


def test_2_0_extends_1_5_and_overrides_its_lists():
    old, new = load_catalog("1.5"), load_catalog("2.0")
    assert new.extends == "1.5"
    assert len(new.provider_ids) == 30 and len(old.provider_ids) == 23
    assert new.hash is not None and new.hash.blocks[0].field == "network_config"
    assert new.source != old.source

