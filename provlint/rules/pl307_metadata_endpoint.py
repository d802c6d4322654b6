"""A ``base_url`` that points at a link-local, unspecified or cloud metadata address.

169.254.0.0/16 holds the cloud instance metadata service (169.254.169.254), which hands out
the machine's cloud credentials; fe80::/10 is IPv6 link-local; 0.0.0.0 and ``::`` are
"unspecified" and reach the gateway host itself. Bifrost's API always blocks these,
``allow_private_network`` or not, but a config file load does not check: in a file such a
URL is a server-side request forgery attempt or a mistake. Also caught: the catalog's
metadata names and addresses (``metadata.google.internal``, AWS's IPv6 ``fd00:ec2::254``),
IPv4-mapped IPv6 spellings (``::ffff:169.254.169.254``) and the legacy numeric IPv4
spellings C resolvers accept (``2852039166``, ``0xa9.0xfe.0xa9.0xfe``).

Fails::

    {"network_config": {"base_url": "http://169.254.169.254/latest"}}

Passes::

    {"network_config": {"base_url": "https://llm.example.com/v1"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.rules.secrets import host_address, host_matches, in_ranges, url_has_userinfo, url_parts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL307"
NAME = "metadata-endpoint"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 9.0
FIX = "point base_url at the provider's API endpoint"


def check(ctx: RuleContext) -> Iterator[Finding]:
    blocked = ctx.catalog.always_blocked_ranges
    metadata = ctx.catalog.metadata_endpoints
    for provider, network in ctx.providers_with("network_config"):
        url = network.get("base_url")
        parts = url_parts(url)
        if parts is None:
            continue
        host = parts[1]
        what = None
        if host_matches(host, metadata.hostnames):
            what = f"the cloud metadata service (`{host}`)"
        else:
            address = host_address(host, legacy_forms=True)
            if address is not None and in_ranges(address, metadata.addresses):
                what = f"the cloud metadata service ({address})"
            elif address is not None and in_ranges(address, blocked):
                if address.is_unspecified:
                    what = f"the unspecified address {address}"
                else:
                    what = f"the link-local address {address}" + (
                        " (the cloud metadata range)" if address.version == 4 else ""
                    )
        if what is None:
            continue
        yield Finding(
            provider.at("network_config", "base_url"),
            f"`network_config.base_url` points at {what}: Bifrost's API always blocks it and a "
            f"request there can leak the host's cloud credentials; point base_url at the "
            f"provider's API",
            fix=FIX,
            secret=url_has_userinfo(url),
        )
