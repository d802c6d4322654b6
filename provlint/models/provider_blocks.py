"""The 2.x provider-level blocks: openai_config, prompt_cache and provider_request_id."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import Field, StringConstraints, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel


def build_openai_config(catalog: Catalog) -> type[BifrostModel]:
    defaults = catalog.defaults.get("openai_config", {})
    return create_model(
        "OpenAIConfig",
        __base__=BifrostModel,
        __doc__="OpenAI-specific settings of a provider.",
        disable_store=(bool, Field(
            None,
            description="Send `store: false` on every request, so OpenAI keeps no Responses API "
            "conversation state.",
            **({"json_schema_extra": {"default": defaults["disable_store"]}} if "disable_store" in defaults else {}),
        )),
    )


def build_prompt_cache(catalog: Catalog) -> Optional[type[BifrostModel]]:
    """None when the line has no prompt_cache."""
    if "prompt_cache" not in catalog.settings_fields:
        return None
    locations = catalog.prompt_cache_locations
    roles = catalog.prompt_cache_roles
    ttls = catalog.prompt_cache_ttls
    point = create_model(
        "CacheControlInjectionPoint",
        __base__=BifrostModel,
        __doc__="One place to add a cache breakpoint: set role, index or both (a point with "
        "neither matches nothing).",
        location=(Literal[locations], Field(None, description="What to target: " + ", ".join(f"`{x}`" for x in locations) + ".")),
        role=(Literal[roles], Field(None, description="Match messages with this role.")),
        index=(int, Field(None, description="Match the message at this position; negative values "
                          "count from the end (-1 is the last message).")),
    )
    return create_model(
        "PromptCacheConfig",
        __base__=BifrostModel,
        __doc__="Synthesised prompt-cache breakpoints for requests that carry none (off by "
        "default). Requests with their own cache markers are never changed.",
        auto_inject=(bool, Field(None, description="Mark the first cacheable content block, so the "
                                 "cached prefix stays stable across agent turns.")),
        ttl=(Literal[ttls], Field(None, description="Lifetime of the injected markers; omit for the "
                                  "provider's default (5 minutes on Anthropic).")),
        cache_control_injection_points=(list[point], Field(
            None, description="Target these messages instead; when set it replaces auto_inject. "
            "At most four markers are injected.")),
    )


def build_provider_request_id(catalog: Catalog) -> Optional[type[BifrostModel]]:
    """None when the line's API has no provider_request_id."""
    if "provider_request_id" not in catalog.api_settings_fields:
        return None
    header = Annotated[str, StringConstraints(pattern=catalog.provider_request_id_header_pattern)]
    return create_model(
        "ProviderRequestIDConfig",
        __base__=BifrostModel,
        __doc__="Where Bifrost puts the provider's own request id in its responses.",
        enabled=(bool, Field(description="Whether Bifrost returns the provider's request id. Required.")),
        header_name=(header, Field(None, description="Response header that carries it; Bifrost trims "
                                   "and lower-cases the name.")),
    )


def extra_settings_fields(blocks: Any, defaults: dict[str, Any]) -> dict[str, Any]:
    """The settings-field entries of the blocks above, for the lines that have them."""
    fields: dict[str, Any] = {
        "openai_config": (Optional[blocks.openai_config], Field(
            None, description="OpenAI-specific settings (`disable_store`). Null or absent: Bifrost's defaults.")),
    }
    if blocks.prompt_cache is not None:
        fields["prompt_cache"] = (Optional[blocks.prompt_cache], Field(
            None, description="Synthesised prompt-cache breakpoints. Null or absent: off."))
    if blocks.provider_request_id is not None:
        fields["provider_request_id"] = (Optional[blocks.provider_request_id], Field(
            None, description="Return the provider's request id in a response header. Null or absent: off."))
    return fields

