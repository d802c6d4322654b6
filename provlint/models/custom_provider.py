"""custom_provider_config: a named provider that reuses a standard provider's integration."""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import Field, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default, field_kwargs, line_fields, python_name


def build_allowed_requests(catalog: Catalog) -> type[BifrostModel]:
    """One optional boolean per request type of this Bifrost line, in catalog order."""
    fields: dict[str, Any] = {}
    for request_type in catalog.request_types:
        words = request_type.replace("_", " ")
        fields[python_name(request_type)] = (
            bool,
            Field(
                None,
                description=f"Whether the custom provider serves `{request_type}` ({words}) "
                "requests. Once allowed_requests is given, a request type that is absent or "
                "false is refused.",
                **field_kwargs(request_type),
            ),
        )
    return create_model(
        "AllowedRequests",
        __base__=BifrostModel,
        __doc__=(
            "The request types a custom provider accepts. Without this object every request "
            "type is allowed; with it, only the types set to true are."
        ),
        **fields,
    )


def build_custom_provider_config(
    catalog: Catalog, allowed_requests_model: type[BifrostModel]
) -> type[BifrostModel]:
    provider_ids = catalog.provider_ids
    defaults = catalog.defaults["custom_provider_config"]

    def with_default(name: str) -> dict[str, Any]:
        return bifrost_default(defaults[name]) if name in defaults else {}

    def default_text(name: str) -> str:
        return f" Bifrost default: {str(defaults[name]).lower()}." if name in defaults else ""

    candidates: dict[str, Any] = {
        "is_key_less": (bool, Field(
            None,
            description="True when the provider needs no API key (for example a local "
            f"server).{default_text('is_key_less')}",
            **with_default("is_key_less"),
        )),
        "does_not_send_done_marker": (bool, Field(
            None,
            description="True when the provider ends a stream at `finish_reason` without "
            "sending `data: [DONE]`, so Bifrost ends the stream there instead of waiting."
            + default_text("does_not_send_done_marker"),
            **with_default("does_not_send_done_marker"),
        )),
        "wait_for_usage": (bool, Field(
            None,
            description="With does_not_send_done_marker, keep reading past `finish_reason` to "
            "collect the trailing usage chunk (otherwise the request records no tokens or cost)."
            + default_text("wait_for_usage"),
            **with_default("wait_for_usage"),
        )),
        "base_provider_type": (Literal[provider_ids], Field(
            description="The standard provider whose API format and integration this custom "
            "provider uses. Required. Bifrost accepts only some providers as bases "
            "(rule PL203)."
        )),
        "allowed_requests": (Optional[allowed_requests_model], Field(
            None,
            description="Restricts the request types the provider serves; omit it (or give "
            "null) to allow every request type.",
        )),
        "request_path_overrides": (dict[str, str], Field(
            None,
            description="Replaces the URL path Bifrost calls for a request type, request "
            "type to absolute path (for example `/v2/chat`), appended to base_url.",
        )),
    }
    return create_model(
        "CustomProviderConfig",
        __base__=BifrostModel,
        __doc__="""Makes this provider entry a custom provider built on a standard one.

        The entry's name becomes the provider id clients use; requests are translated with
        the base provider's integration and sent to network_config.base_url.
        """,
        **line_fields(catalog, "custom_provider_config", candidates),
    )
