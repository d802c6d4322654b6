"""A provider's settings, and the documents that carry them: config entry, requests, response."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Optional

from pydantic import Field, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default
from provlint.models.provider_blocks import extra_settings_fields


@dataclass(frozen=True)
class SettingsBlocks:
    """The block models the seven settings fields are made of."""

    network_config: type[BifrostModel]
    concurrency_and_buffer_size: type[BifrostModel]
    proxy_config: type[BifrostModel]
    custom_provider_config: type[BifrostModel]
    openai_config: Optional[type[BifrostModel]] = None
    prompt_cache: Optional[type[BifrostModel]] = None
    provider_request_id: Optional[type[BifrostModel]] = None


def _settings_fields(catalog: Catalog, blocks: SettingsBlocks, *, api: bool = False) -> dict[str, Any]:
    # Blocks accept null: Bifrost's Go fields are pointers, so null decodes to "absent", and
    # an update request uses null to clear a block.
    defaults = catalog.defaults
    fields = {
        "network_config": (
            Optional[blocks.network_config],
            Field(None, description="How Bifrost connects to the provider: base URL, extra "
                  "headers, timeout, retries and TLS. Null or absent: Bifrost's defaults."),
        ),
        "concurrency_and_buffer_size": (
            Optional[blocks.concurrency_and_buffer_size],
            Field(None, description="Size of the provider's worker pool and request queue. "
                  "Null or absent: Bifrost's defaults."),
        ),
        "proxy_config": (
            Optional[blocks.proxy_config],
            Field(None, description="Outbound proxy for requests to the provider. Null or "
                  "absent: no proxy."),
        ),
        "send_back_raw_request": (
            bool,
            Field(None, description="Return the raw request Bifrost sent to the provider "
                  "inside the response to the client. Bifrost default: "
                  f"{str(defaults['send_back_raw_request']).lower()}.",
                  **bifrost_default(defaults["send_back_raw_request"])),
        ),
        "send_back_raw_response": (
            bool,
            Field(None, description="Return the provider's raw response inside the response "
                  "to the client. Bifrost default: "
                  f"{str(defaults['send_back_raw_response']).lower()}.",
                  **bifrost_default(defaults["send_back_raw_response"])),
        ),
        "store_raw_request_response": (
            bool,
            Field(None, description="Store the raw request and response with the request "
                  "logs, which keeps full prompts and outputs at rest. Bifrost default: "
                  f"{str(defaults['store_raw_request_response']).lower()}.",
                  **bifrost_default(defaults["store_raw_request_response"])),
        ),
        "custom_provider_config": (
            Optional[blocks.custom_provider_config],
            Field(None, description="Makes the entry a custom provider built on a standard "
                  "one. Null or absent: a standard provider."),
        ),
    }
    if blocks.openai_config is not None:
        fields.update(extra_settings_fields(blocks, defaults))
    names = catalog.settings_fields + (catalog.api_settings_fields if api else ())
    if set(names) - set(fields):
        raise ValueError(
            f"catalog {catalog.version} lists settings fields {names}, the models know {tuple(fields)}"
        )
    return {name: fields[name] for name in names}


def _read_only_fields() -> dict[str, Any]:
    return {
        "config_hash": (
            str,
            Field(None, description="Read-only: hash of the provider's configuration that "
                  "Bifrost uses to detect changes to config.json."),
        ),
        "status": (
            str,
            Field(None, description="Read-only: operational status of the provider, e.g. "
                  "`list_models_failed` when model discovery failed."),
        ),
        "description": (
            str,
            Field(None, description="Read-only: error or status detail that goes with "
                  "`status`."),
        ),
    }


def build_provider_settings(catalog: Catalog, blocks: SettingsBlocks) -> type[BifrostModel]:
    return create_model(
        "ProviderSettings",
        __base__=BifrostModel,
        __doc__="The settings of one provider, shared by config.json entries and the "
        "provider management API.",
        **_settings_fields(catalog, blocks),
    )


def build_config_provider_entry(
    catalog: Catalog, blocks: SettingsBlocks, key: type[BifrostModel]
) -> type[BifrostModel]:
    # Field order follows Bifrost's configstore.ProviderConfig.
    keys = (
        list[key],
        Field(None, description="API keys of the provider. Most providers need at least one; "
              "keyless custom providers and self-hosted servers may have none."),
    )
    return create_model(
        "ConfigProviderEntry",
        __base__=BifrostModel,
        __doc__="One provider in config.json: its keys and settings. The read-only fields "
        "are accepted here because Bifrost writes them back; a rule warns about them.",
        keys=keys,
        **_settings_fields(catalog, blocks),
        **_read_only_fields(),
    )


def build_add_provider_request(catalog: Catalog, blocks: SettingsBlocks) -> type[BifrostModel]:
    provider = (
        str,
        Field(description="Id of the provider to add: a standard provider id, or the name of "
              "a new custom provider (which then needs custom_provider_config). Required."),
    )
    return create_model(
        "AddProviderRequest",
        __base__=BifrostModel,
        __doc__="Body of POST /api/providers. Keys are managed separately under "
        "/api/providers/{provider}/keys.",
        provider=provider,
        **_settings_fields(catalog, blocks, api=True),
    )


def build_update_provider_request(
    catalog: Catalog, blocks: SettingsBlocks
) -> type[BifrostModel]:
    return create_model(
        "UpdateProviderRequest",
        __base__=BifrostModel,
        __doc__="Body of PUT /api/providers/{provider}: the provider's settings. Omitted "
        "blocks keep their stored value and null clears them; keys are managed under "
        "/api/providers/{provider}/keys.",
        **_settings_fields(catalog, blocks, api=True),
    )


def build_provider_response(catalog: Catalog, blocks: SettingsBlocks) -> type[BifrostModel]:
    statuses = catalog.provider_statuses
    read_only = _read_only_fields()
    return create_model(
        "ProviderResponse",
        __base__=BifrostModel,
        __doc__="Body of GET /api/providers/{provider}: the stored settings and the state "
        "Bifrost keeps about the provider.",
        name=(str, Field(None, description="Id of the provider: a standard provider id or a "
                         "custom provider's name.")),
        **_settings_fields(catalog, blocks, api=True),
        provider_status=(
            Literal[statuses],
            Field(None, description="Lifecycle state of the provider: "
                  + ", ".join(f"`{s}`" for s in statuses) + "."),
        ),
        status=read_only["status"],
        description=read_only["description"],
        config_hash=read_only["config_hash"],
    )
