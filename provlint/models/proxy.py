"""proxy_config: the outbound proxy between Bifrost and the provider."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from provlint.catalog import Catalog
from provlint.models.base import BifrostModel, bifrost_default, is_secret_var


def build_proxy_config(catalog: Catalog, env_var: Any) -> type[BifrostModel]:
    proxy_types = catalog.proxy_types
    defaults = catalog.defaults["proxy_config"]
    url_type, username_type, password_type, ca_type = (
        env_var if is_secret_var(catalog, "proxy_config", name) else str
        for name in ("url", "username", "password", "ca_cert_pem")
    )

    class ProxyConfig(BifrostModel):
        """Outbound proxy for this provider's requests.

        `environment` reads the proxy from the process environment (HTTP_PROXY and
        friends); `none` connects directly. Bifrost redacts the password and CA in API
        responses and partly masks the URL and username.
        """

        proxy_type: Literal[proxy_types] = Field(
            None,
            alias="type",
            description="Kind of proxy: " + ", ".join(f"`{t}`" for t in proxy_types)
            + f". Bifrost default: `{defaults['type']}`.",
            **bifrost_default(defaults["type"]),
        )
        url: url_type = Field(
            None,
            description="Proxy URL, for example `http://proxy.internal:3128` or "
            "`socks5://proxy.internal:1080`; needed for the http and socks5 types.",
        )
        username: username_type = Field(
            None,
            description="Proxy user name; write an `env.NAME` reference rather than the "
            "literal value.",
        )
        password: password_type = Field(
            None,
            description="Proxy password; write an `env.NAME` reference rather than the "
            "literal value.",
        )
        ca_cert_pem: ca_type = Field(
            None,
            description="PEM-encoded CA certificate to trust for TLS connections to the proxy.",
        )

    return ProxyConfig
