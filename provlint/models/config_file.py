"""config.json: the provider map, checked in depth, and every other section, accepted as is."""

from __future__ import annotations

from typing import Any

from pydantic import Field, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, field_kwargs, python_name

SCHEMA_MEMBER = "$schema"
PROVIDERS_MEMBER = "providers"


def build_config_file(catalog: Catalog, entry: type[BifrostModel]) -> type[BifrostModel]:
    """The root of config.json for this Bifrost line.

    ``providers`` maps any string to an entry: an id that is neither standard nor custom is
    rule PL201's finding, not a validation error. The other sections of the catalog are
    accepted as any JSON value; anything else at the top level is an unknown field.
    """
    descriptions = catalog.config_section_descriptions
    fields: dict[str, Any] = {}
    for section in catalog.config_sections:
        about = descriptions.get(section, f"The `{section}` section of config.json.")
        if section == SCHEMA_MEMBER:
            annotation: Any = str
        elif section == PROVIDERS_MEMBER:
            annotation = dict[str, entry]
        else:
            annotation = Any
            about += " provlint accepts any value here and does not check it."
        fields[python_name(section)] = (
            annotation,
            Field(None, description=about, **field_kwargs(section)),
        )
    return create_model(
        "ConfigFile",
        __base__=BifrostModel,
        __doc__="A Bifrost config.json. provlint checks the provider configuration in depth; "
        "Bifrost itself ignores unknown keys, so a misspelt section is silently lost.",
        **fields,
    )
