"""``ca_cert_pem`` is set while ``insecure_skip_verify: true`` turns verification off.

With verification off Bifrost accepts any certificate, so the CA in ``ca_cert_pem`` is never
consulted: the configuration looks pinned to a private CA but trusts everyone. Usually the
CA was added to fix a certificate error and the skip was left behind; remove
``insecure_skip_verify`` so the CA is used. Any non-empty ``ca_cert_pem`` counts (PEM text or
a reference); the finding points at ``ca_cert_pem``, PL301 reports the skip itself.

Fails::

    {"network_config": {"insecure_skip_verify": true, "ca_cert_pem": "env.PROVIDER_CA_PEM"}}

Passes::

    {"network_config": {"ca_cert_pem": "env.PROVIDER_CA_PEM"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL311"
NAME = "skip-verify-with-ca-cert"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 3.0
FIX = "remove `insecure_skip_verify` so that `ca_cert_pem` is used"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider, network in ctx.providers_with("network_config"):
        if network.get("insecure_skip_verify") is True and _is_set(network.get("ca_cert_pem")):
            yield Finding(
                provider.at("network_config", "ca_cert_pem"),
                "`network_config.ca_cert_pem` is ignored while `insecure_skip_verify: true` "
                "accepts any certificate; remove `insecure_skip_verify` so the CA is used",
                target="key",
                fix=FIX,
            )


def _is_set(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(isinstance(value.get(k), str) and value.get(k).strip() for k in ("value", "ref", "env_var"))
    return False
