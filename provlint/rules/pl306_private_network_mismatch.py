"""``allow_private_network`` does not match the network of ``base_url``.

Bifrost's management API checks every ``base_url`` (add and update): an address in a private
range is rejected unless ``network_config.allow_private_network`` is true, while loopback is
always allowed. A config file load does not check, so such a file works until someone saves
the provider through the API or UI. Conversely, ``allow_private_network: true`` on a provider
whose ``base_url`` is a public address only widens what the URL may reach: the exception is
not needed.

Nothing is resolved (provlint works offline): the host is judged by its text. Private: a
literal IP in the catalog's ``private_network_ranges`` (RFC 1918, 100.64.0.0/10 CGNAT,
fc00::/7). Private-looking: a host name ending in one of the catalog's
``private_hostname_suffixes`` (``.local``, ``.internal``, ``.svc``, ``.cluster.local``,
``.home.arpa``) or a single-label name (``vllm``, a Docker or Kubernetes service); the
message says it could not be resolved. Public: a literal IP that is globally routable. A
public-looking host NAME never counts as public, because provider endpoints are commonly
resolved to private addresses through private DNS (Azure Private Link, AWS PrivateLink,
split-horizon DNS), exactly where the exception is needed. Link-local, unspecified and cloud
metadata addresses are PL307's; references (``env.NAME``) cannot be judged.

Fails::

    {"network_config": {"base_url": "https://10.0.0.5:8000/v1"}}

Passes::

    {"network_config": {"base_url": "https://10.0.0.5:8000/v1", "allow_private_network": true}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.rules.secrets import host_address, host_matches, in_ranges, is_numeric_host, url_has_userinfo, url_parts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL306"
NAME = "private-network-mismatch"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 4.0
FIX = "set `allow_private_network` to match where base_url points"


def check(ctx: RuleContext) -> Iterator[Finding]:
    private_ranges = ctx.catalog.private_network_ranges
    blocked = ctx.catalog.always_blocked_ranges
    metadata = ctx.catalog.metadata_endpoints
    for provider, network in ctx.providers_with("network_config"):
        parts = url_parts(network.get("base_url"))
        if parts is None:
            continue
        host = parts[1]
        allowed = network.get("allow_private_network") is True
        if host_matches(host, ctx.catalog.loopback_hostnames) or host_matches(
            host, metadata.hostnames
        ):
            continue
        address = host_address(host)
        if address is not None:
            if address.is_loopback or in_ranges(address, blocked) or in_ranges(address, metadata.addresses):
                continue
            if in_ranges(address, private_ranges):
                if not allowed:
                    yield Finding(
                        provider.at("network_config", "base_url"),
                        f"`network_config.base_url` points at the private address {address}; "
                        f"Bifrost's API rejects it unless `allow_private_network: true` is set "
                        f"(a file load does not check, but saving this provider through the API "
                        f"or UI fails); set `network_config.allow_private_network: true`",
                        fix="set `network_config.allow_private_network: true`",
                        secret=url_has_userinfo(network.get("base_url")),
                    )
            elif allowed and address.is_global:
                yield Finding(
                    provider.at("network_config", "allow_private_network"),
                    f"`allow_private_network: true` is not needed: `base_url` is the public "
                    f"address {address}; remove the exception, it only widens what the URL may "
                    f"reach",
                    fix="remove `allow_private_network`",
                )
            continue
        if allowed or is_numeric_host(host):
            continue
        if "." not in host or host_matches(host, ctx.catalog.private_hostname_suffixes):
            yield Finding(
                provider.at("network_config", "base_url"),
                f"`network_config.base_url` host `{host}` looks like a private-network name "
                f"(provlint does not resolve names); if it resolves to a private address, "
                f"Bifrost's API rejects it unless `allow_private_network: true` is set",
                fix="set `network_config.allow_private_network: true` if the host is on a private network",
                secret=url_has_userinfo(network.get("base_url")),
            )
