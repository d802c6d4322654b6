"""network_config: how Bifrost reaches a provider (URL, headers, timeout, retries, TLS)."""

from __future__ import annotations

from pydantic import Field

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default


def build_network_config(catalog: Catalog) -> type[BifrostModel]:
    # Only the type and the hard lower bound of max_retries live here; the sane ranges of
    # timeouts and backoffs are lint thresholds reported by their own rules (PL402, PL403).
    defaults = catalog.defaults["network_config"]
    bounds = catalog.bounds

    class NetworkConfig(BifrostModel):
        """Network settings Bifrost uses for every request to this provider.

        Absent fields take Bifrost's defaults when the provider is loaded; an explicit
        default value and an omitted field still hash differently in `config_hash`.
        """

        base_url: str = Field(
            None,
            description="Base URL of the provider's API, replacing its public endpoint (for "
            "example a proxy, a regional endpoint or a self-hosted server).",
        )
        extra_headers: dict[str, str] = Field(
            None,
            description="Additional HTTP headers sent with every request to the provider, "
            "header name to value. Bifrost never overrides a header the provider integration "
            "already sets.",
        )
        default_request_timeout_in_seconds: int = Field(
            None,
            description="Timeout of one request to the provider, in seconds. Bifrost default: "
            f"{defaults['default_request_timeout_in_seconds']} seconds.",
            **bifrost_default(defaults["default_request_timeout_in_seconds"]),
        )
        max_retries: int = Field(
            None,
            ge=bounds.max_retries_min,
            description="How many times Bifrost retries a failed request before giving up. "
            f"Bifrost default: {defaults['max_retries']}.",
            **bifrost_default(defaults["max_retries"]),
        )
        retry_backoff_initial: int = Field(
            None,
            description="Wait before the first retry, in milliseconds; later waits grow "
            "exponentially up to retry_backoff_max. Bifrost default: "
            f"{defaults['retry_backoff_initial']} ms.",
            **bifrost_default(defaults["retry_backoff_initial"]),
        )
        retry_backoff_max: int = Field(
            None,
            description="Upper limit of the wait between retries, in milliseconds. Bifrost "
            f"default: {defaults['retry_backoff_max']} ms.",
            **bifrost_default(defaults["retry_backoff_max"]),
        )
        insecure_skip_verify: bool = Field(
            None,
            description="Turns off TLS certificate verification for this provider, so anyone "
            "on the network path can read prompts and keys. A last resort: trust a private CA "
            "with ca_cert_pem instead.",
            **bifrost_default(defaults["insecure_skip_verify"]),
        )
        ca_cert_pem: str = Field(
            None,
            description="PEM-encoded CA certificate to trust for the provider's endpoint, for "
            "self-signed or internal CAs.",
        )
        allow_private_network: bool = Field(
            None,
            description="Allows base_url to resolve to private (RFC 1918) addresses, for "
            "providers on a LAN, VPC or pod network. Loopback is always allowed and "
            "link-local addresses (cloud metadata) are always blocked.",
            **bifrost_default(defaults["allow_private_network"]),
        )

    return NetworkConfig
