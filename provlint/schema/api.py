"""An OpenAPI 3.1 fragment of Bifrost's provider management API, from the same models.

It covers ``/api/providers`` (GET, POST) and ``/api/providers/{provider}`` (GET, PUT, DELETE),
with the operation ids, status codes and security of Bifrost's own OpenAPI sources, and
``components.schemas`` holding every model. Schemas are JSON Schema 2020-12 there (OpenAPI
3.1's dialect); the editor-only ``markdownDescription`` is left out.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from provlint.catalog import load_catalog
from provlint.models import ModelSet, models_for
from provlint.models.base import BifrostModel
from provlint.schema.generator import model_schema, ordered, walk

OPENAPI_VERSION = "3.1.0"
COMPONENTS = "#/components/schemas/"
SECURITY_SCHEME = "ManagementBearerAuth"
PROVIDERS_PATH = "/api/providers"
PROVIDER_PATH = "/api/providers/{provider}"


class ErrorField(BifrostModel):
    """What went wrong, in Bifrost's words."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(None, description="Category of the error.")
    code: str = Field(None, description="Machine-readable error code, when there is one.")
    message: str = Field(None, description="Human-readable message, e.g. `Provider openai already exists`.")
    param: str = Field(None, description="The request parameter the error is about, when there is one.")


class BifrostError(BifrostModel):
    """Error body of Bifrost's HTTP API (the shape of its `BifrostError`)."""

    model_config = ConfigDict(extra="allow")

    event_id: str = Field(None, description="Identifier of the request or event.")
    type: str = Field(None, description="Category of the error.")
    is_bifrost_error: bool = Field(None, description="True when Bifrost itself, not the provider, raised the error.")
    status_code: int = Field(None, description="HTTP status code of the response.")
    error: Optional[ErrorField] = Field(None, description="The error detail.")
    extra_fields: dict[str, Any] = Field(None, description="Further context Bifrost attaches.")


def _list_providers_response(models: ModelSet) -> type[BaseModel]:
    return create_model(
        "ListProvidersResponse",
        __base__=BifrostModel,
        __doc__="Body of GET /api/providers: every configured provider.",
        providers=(list[models.provider_response], Field(None, description="The providers, each as GET /api/providers/{provider} returns it.")),
        total=(int, Field(None, description="Number of providers.")),
    )


def _component_models(models: ModelSet) -> list[type[BaseModel]]:
    """Every model of the line, and the API's list and error bodies."""
    return [
        models.network_config, models.concurrency_and_buffer_size, models.proxy_config,
        models.custom_provider_config, models.allowed_requests, models.env_var_object,
        *vars(models.key_configs).values(), models.key, models.provider_settings,
        models.config_provider_entry, models.config_file, models.add_provider_request,
        models.update_provider_request, models.provider_response,
        _list_providers_response(models), BifrostError,
    ]


def _api_schema(node: Any) -> Any:
    """A polished schema for API tools: OpenAPI descriptions are CommonMark, so the Markdown
    text becomes ``description`` and the editor-only ``markdownDescription`` goes."""
    if isinstance(node, dict):
        out = {k: _api_schema(v) for k, v in node.items() if k != "markdownDescription"}
        if "markdownDescription" in node:
            out["description"] = node["markdownDescription"]
        return out
    if isinstance(node, list):
        return [_api_schema(v) for v in node]
    return node


def component_schemas(models: ModelSet) -> dict[str, Any]:
    components: dict[str, Any] = {}
    for model in _component_models(models):
        body = model_schema(model, ref_template=COMPONENTS + "{model}")
        nested = body.pop("$defs", {})
        for name, schema in [(model.__name__, body), *nested.items()]:
            schema = _api_schema(schema)
            if components.setdefault(name, schema) != schema:
                raise RuntimeError(f"two different models are both named {name}")
    return dict(sorted(components.items()))


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": COMPONENTS + ref}}}}


def _error(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/responses/{name}"}


def _operation(operation_id: str, summary: str, description: str, responses: dict[str, Any],
               body: Optional[tuple[str, str]] = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "tags": ["Providers"],
    }
    if body is not None:
        ref, about = body
        operation["requestBody"] = {
            "required": True,
            "description": about,
            "content": {"application/json": {"schema": {"$ref": COMPONENTS + ref}}},
        }
    operation["responses"] = responses
    return operation


def openapi(version: str) -> dict[str, Any]:
    """The OpenAPI 3.1 fragment of a Bifrost line's provider management API."""
    catalog = load_catalog(version)
    models = models_for(catalog)
    provider_parameter = {
        "name": "provider",
        "in": "path",
        "required": True,
        "description": "Id of the provider: a standard provider id or a custom provider's name.",
        "schema": {"type": "string"},
    }
    document = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"Bifrost {catalog.version} provider management API",
            "version": catalog.version,
            "summary": "The provider endpoints of the Bifrost LLM gateway, generated by provlint.",
            "description": (
                f"Generated by `provlint schema --write schemas` from provlint's models of Bifrost "
                f"{catalog.version}; a fragment: keys (/api/providers/{{provider}}/keys) and models "
                "endpoints are not covered. Management endpoints take `Authorization: Bearer <API key>`."
            ),
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "tags": [{"name": "Providers", "description": "LLM providers the gateway routes to."}],
        "security": [{SECURITY_SCHEME: []}],
        "paths": {
            PROVIDERS_PATH: {
                "get": _operation(
                    "listProviders", "List all providers",
                    "Returns every configured provider with its settings and status.",
                    {"200": _json("ListProvidersResponse", "Successful response"),
                     "500": _error("InternalError")},
                ),
                "post": _operation(
                    "addProvider", "Add a new provider",
                    "Adds a provider with the given settings. Keys are added separately under "
                    "/api/providers/{provider}/keys.",
                    {"200": _json("ProviderResponse", "Provider added"),
                     "400": _error("BadRequest"),
                     "409": _error("Conflict"),
                     "500": _error("InternalError")},
                    body=("AddProviderRequest", "The provider to add and its settings."),
                ),
            },
            PROVIDER_PATH: {
                "parameters": [provider_parameter],
                "get": _operation(
                    "getProvider", "Get a specific provider",
                    "Returns the settings and status of one provider.",
                    {"200": _json("ProviderResponse", "Successful response"),
                     "400": _error("BadRequest"),
                     "404": _error("NotFound"),
                     "500": _error("InternalError")},
                ),
                "put": _operation(
                    "updateProvider", "Update a provider",
                    "Updates the provider's settings: an omitted block keeps its stored value and "
                    "null clears it. A `keys` member is refused: keys have their own endpoints. "
                    "Redacted secrets sent back unchanged keep their stored values.",
                    {"200": _json("ProviderResponse", "Provider updated"),
                     "400": _error("BadRequest"),
                     "500": _error("InternalError")},
                    body=("UpdateProviderRequest", "The provider's new settings."),
                ),
                "delete": _operation(
                    "deleteProvider", "Delete a provider",
                    "Removes the provider and its keys.",
                    {"200": _json("ProviderResponse", "Provider deleted"),
                     "400": _error("BadRequest"),
                     "404": _error("NotFound"),
                     "500": _error("InternalError")},
                ),
            },
        },
        "components": {
            "schemas": component_schemas(models),
            "responses": {
                "BadRequest": _json("BifrostError", "Invalid request, e.g. `Missing provider` or "
                                    "`Concurrency must be greater than 0`."),
                "Conflict": _json("BifrostError", "The provider already exists."),
                "InternalError": _json("BifrostError", "The config store failed."),
                "NotFound": _json("BifrostError", "No provider has this name."),
            },
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "`Authorization: Bearer <API key>`: a management API key of the gateway.",
                },
            },
        },
    }
    for path, node in walk(document["components"]["schemas"]):
        if "$ref" in node and not node["$ref"].startswith(COMPONENTS):
            raise RuntimeError(f"reference outside components.schemas at {path}")
    document["components"]["schemas"] = {k: ordered(v) for k, v in document["components"]["schemas"].items()}
    return document
