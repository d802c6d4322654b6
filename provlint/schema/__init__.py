"""JSON Schema and OpenAPI generated from the models and the catalog (no click, no exits).

- ``json_schemas(version)``: the JSON Schema files of a Bifrost line, by file name;
- ``openapi(version)``: the OpenAPI 3.1 fragment of its provider management API;
- ``models_schema(version)``: every document kind's root model in one schema, which the fast
  validators (provlint/validators/build.py) are generated from;
- ``generated_files``, ``write_folder``, ``check_folder``: the committed ``schemas/`` folder.

All of it imports pydantic; nothing on the lint path imports this package.
"""

from __future__ import annotations

from provlint.schema.documents import (
    ADD_PROVIDER_FILE,
    CONFIG_FILE,
    FILE_OF_KIND,
    PROVIDER_FILE,
    PROVIDER_RESPONSE_FILE,
    SCHEMA_ID_BASE,
    UPDATE_PROVIDER_FILE,
    json_schemas,
    models_schema,
    schema_id,
)
from provlint.schema.files import OPENAPI_FILE, Drift, check_folder, generated_files, render_json, write_folder
from provlint.schema.generator import DRAFT_07, BifrostJsonSchema, model_schema
from provlint.schema.api import openapi


def json_schema(version: str, file_name: str = CONFIG_FILE) -> dict:
    """One JSON Schema of a Bifrost line (config.json's by default)."""
    return json_schemas(version)[file_name]


__all__ = [
    "ADD_PROVIDER_FILE", "CONFIG_FILE", "DRAFT_07", "FILE_OF_KIND", "OPENAPI_FILE", "PROVIDER_FILE",
    "PROVIDER_RESPONSE_FILE", "SCHEMA_ID_BASE", "UPDATE_PROVIDER_FILE", "BifrostJsonSchema", "Drift",
    "check_folder", "generated_files", "json_schema", "json_schemas", "model_schema", "models_schema",
    "openapi", "render_json", "schema_id", "write_folder",
]
