"""TLS certificate verification is turned off for a provider.

With ``insecure_skip_verify: true`` Bifrost accepts any certificate, so anyone on the network
path can read prompts, responses and API keys. Trust a private or self-signed CA with
``ca_cert_pem`` instead.

Fails::

    {"network_config": {"insecure_skip_verify": true}}

Passes::

    {"network_config": {"ca_cert_pem": "env.PROVIDER_CA_PEM"}}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, RemoveMember, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL301"
NAME = "insecure-skip-verify"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 7.5
FIX = "remove `insecure_skip_verify` and set `ca_cert_pem` to the CA that signed the provider's certificate"
FIXABLE = "removes `insecure_skip_verify: true` (unsafe: a provider behind a private CA then fails until `ca_cert_pem` is set)"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider, network in ctx.providers_with("network_config"):
        if network.get("insecure_skip_verify") is True:
            yield Finding(
                provider.at("network_config", "insecure_skip_verify"),
                "TLS certificate verification is off (`insecure_skip_verify: true`): anyone on "
                "the network path can read prompts and API keys; trust the provider's CA with "
                "`ca_cert_pem` instead",
                fix=FIX,
                autofix=FixIntent(
                    RemoveMember(provider.at("network_config", "insecure_skip_verify")),
                    "unsafe",
                    "remove `insecure_skip_verify`",
                    note="if the provider's certificate is signed by a private CA, set `ca_cert_pem` to it",
                ),
            )
