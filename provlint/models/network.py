"""network_config: how Bifrost reaches a provider (URL, headers, timeouts, retries, TLS, HTTP/2)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, create_model

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default, is_secret_var, line_fields

_DOC = """Network settings Bifrost uses for every request to this provider.

        Absent fields take Bifrost's defaults when the provider is loaded; an explicit
        default value and an omitted field still hash differently in `config_hash`.
        """


def build_network_config(catalog: Catalog, env_var: Any) -> type[BifrostModel]:
    # Only the types and the hard bounds live here; the sane ranges of timeouts and backoffs
    # are lint thresholds reported by their own rules (PL402, PL403, PL408).
    defaults = catalog.defaults["network_config"]
    bounds = catalog.bounds

    def secret_or(name: str, plain: Any) -> Any:
        return env_var if is_secret_var(catalog, "network_config", name) else plain

    def with_default(name: str) -> dict[str, Any]:
        return bifrost_default(defaults[name]) if name in defaults else {}

    def default_text(name: str, unit: str = "") -> str:
        return f" Bifrost default: {defaults[name]}{unit}." if name in defaults else ""

    candidates: dict[str, Any] = {
        "base_url": (str, Field(
            None,
            description="Base URL of the provider's API, replacing its public endpoint (for "
            "example a proxy, a regional endpoint or a self-hosted server).",
        )),
        "extra_headers": (dict[str, secret_or("extra_headers", str)], Field(
            None,
            description="Additional HTTP headers sent with every request to the provider, "
            "header name to value. Bifrost never overrides a header the provider integration "
            "already sets.",
        )),
        "default_request_timeout_in_seconds": (int, Field(
            None,
            description="Timeout of one request to the provider, in seconds. Bifrost default: "
            f"{defaults['default_request_timeout_in_seconds']} seconds.",
            **with_default("default_request_timeout_in_seconds"),
        )),
        "max_retries": (int, Field(
            None,
            ge=bounds.max_retries_min,
            description="How many times Bifrost retries a failed request before giving up. "
            f"Bifrost default: {defaults['max_retries']}.",
            **with_default("max_retries"),
        )),
        "retry_backoff_initial": (int, Field(
            None,
            description="Wait before the first retry, in milliseconds; later waits grow "
            "exponentially up to retry_backoff_max. Bifrost default: "
            f"{defaults['retry_backoff_initial']} ms.",
            **with_default("retry_backoff_initial"),
        )),
        "retry_backoff_max": (int, Field(
            None,
            description="Upper limit of the wait between retries, in milliseconds. Bifrost "
            f"default: {defaults['retry_backoff_max']} ms.",
            **with_default("retry_backoff_max"),
        )),
        "insecure_skip_verify": (bool, Field(
            None,
            description="Turns off TLS certificate verification for this provider, so anyone "
            "on the network path can read prompts and keys. A last resort: trust a private CA "
            "with ca_cert_pem instead.",
            **with_default("insecure_skip_verify"),
        )),
        "ca_cert_pem": (secret_or("ca_cert_pem", str), Field(
            None,
            description="PEM-encoded CA certificate to trust for the provider's endpoint, for "
            "self-signed or internal CAs.",
        )),
        "stream_idle_timeout_in_seconds": (int, Field(
            None,
            ge=bounds.stream_idle_timeout_min_seconds,
            le=bounds.stream_idle_timeout_max_seconds,
            description="How long a streaming response may stay silent before Bifrost closes "
            "it, in seconds." + default_text("stream_idle_timeout_in_seconds", " seconds"),
            **with_default("stream_idle_timeout_in_seconds"),
        )),
        "keep_alive_timeout_in_seconds": (int, Field(
            None,
            ge=bounds.keep_alive_timeout_min_seconds,
            le=bounds.keep_alive_timeout_max_seconds,
            description="How long an idle pooled connection is kept, in seconds; set it below "
            "the upstream server's keep-alive." + default_text("keep_alive_timeout_in_seconds", " seconds"),
            **with_default("keep_alive_timeout_in_seconds"),
        )),
        "max_conns_per_host": (int, Field(
            None,
            ge=bounds.max_conns_per_host_min,
            description="Maximum number of TCP connections to the provider's host. Bifrost "
            f"clamps values above {bounds.max_conns_per_host_max} (rule PL408)."
            + default_text("max_conns_per_host"),
            **with_default("max_conns_per_host"),
        )),
        "enforce_http2": (bool, Field(
            None,
            description="Forces HTTP/2 on connections to the provider (relevant for Bedrock "
            "and other providers reached through Go's net/http)." + default_text("enforce_http2"),
            **with_default("enforce_http2"),
        )),
        "http2_ping_interval_in_seconds": (int, Field(
            None,
            ge=bounds.http2_ping_interval_min_seconds,
            le=bounds.http2_ping_interval_max_seconds,
            description="Seconds a stream may idle before Bifrost sends an HTTP/2 keep-alive "
            "PING; 0 turns it off. Only used with enforce_http2 (rule PL409)."
            + default_text("http2_ping_interval_in_seconds"),
            **with_default("http2_ping_interval_in_seconds"),
        )),
        "beta_header_overrides": (dict[str, bool], Field(
            None,
            description="Overrides Bifrost's built-in Anthropic beta-header support for this "
            "provider: header prefix (e.g. `redact-thinking-`) to true (supported) or false.",
        )),
        "allow_private_network": (bool, Field(
            None,
            description="Allows base_url to resolve to private (RFC 1918) addresses, for "
            "providers on a LAN, VPC or pod network. Loopback is always allowed and "
            "link-local addresses (cloud metadata) are always blocked.",
            **with_default("allow_private_network"),
        )),
    }
    return create_model(
        "NetworkConfig",
        __base__=BifrostModel,
        __doc__=_DOC,
        **line_fields(catalog, "network_config", candidates),
    )
