"""The catalog's nested records (catalog.Facts): fields by keyword, defaults, frozen, compared by value."""

import pytest

from provlint.catalog import Bounds, KeyConfigRequirement, load_catalog
from provlint.records import replace


def test_fields_are_the_annotations_in_order_with_their_defaults():
    assert KeyConfigRequirement._fields == ("config", "field")
    bounds = Bounds(concurrency_min=1, buffer_size_min=2, max_retries_min=0, retry_backoff_min_ms=3, retry_backoff_max_ms=4)
    assert bounds.stream_idle_timeout_min_seconds is None  # a default
    assert repr(KeyConfigRequirement(config="azure_key_config", field="endpoint")) == (
        "KeyConfigRequirement(config='azure_key_config', field='endpoint')")


def test_a_missing_or_unknown_field_is_refused():
    with pytest.raises(TypeError, match="KeyConfigRequirement: missing field 'field'"):
        KeyConfigRequirement(config="x")
    with pytest.raises(TypeError, match="KeyConfigRequirement: unknown field 'other'"):
        KeyConfigRequirement(config="x", field=None, other=1)


def test_compared_by_value_and_changed_by_copy():
    bounds = load_catalog("2.2").bounds
    changed = replace(bounds, concurrency_min=bounds.concurrency_min + 1)
    assert changed != bounds and replace(changed, concurrency_min=bounds.concurrency_min) == bounds
    assert KeyConfigRequirement(config="a", field=None) == KeyConfigRequirement(config="a", field=None)
    with pytest.raises(AttributeError, match="frozen"):
        del changed.concurrency_min
