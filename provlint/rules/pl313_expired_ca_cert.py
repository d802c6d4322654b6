"""A literal ``ca_cert_pem`` whose certificate has expired, or is not valid yet.

TLS verification against such a certificate fails, so the provider (or proxy) it is meant to
trust becomes unreachable the day it expires. Judged at the time of the run, which the caller
passes in (the command line passes the wall clock; a library caller that passes none gets no
finding from this rule). A text that holds no parseable
certificate is PL310's.

Fails::

    {"network_config": {"ca_cert_pem": "-----BEGIN CERTIFICATE-----\\nMIIBPDCB4qADAgECAgEBMAoGCCqGSM49BAMCMB0xGzAZBgNVBAMMEkV4cGlyZWQg\\nRXhhbXBsZSBDQTAeFw0yMDAxMDEwMDAwMDBaFw0yMTAxMDEwMDAwMDBaMB0xGzAZ\\nBgNVBAMMEkV4cGlyZWQgRXhhbXBsZSBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEH\\nA0IABCCnxmreL9qAnpq08q4xIWRoB994zSOe7HpMjnHGsezPxw+trggQYDytSL6H\\njeMKtmZ9poejYThuCDu/9okWroGjEzARMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI\\nzj0EAwIDSQAwRgIhAMKRvWoDGEvVNrL/pZNIyMHu5D4Bb5zC3gHvdjiwXEqbAiEA\\n1C/Pk3S/pNjDoMPqzCfbMT/mAlPnBSSienO/A/xr7EU=\\n-----END CERTIFICATE-----\\n"}}

Passes::

    {"network_config": {"ca_cert_pem": "env.PROVIDER_CA_PEM"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.rules.pem import load_certificates, moment, validity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL313"
NAME = "expired-ca-cert"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 4.0
FIX = "replace the certificate with the CA's current one"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.now is None or not ctx.ca_cert_texts:
        return  # no time to judge at (the library never reads the clock itself), or no certificate
    now = moment(ctx.now)
    for pointer, field, text in ctx.ca_cert_texts:
        certificates = load_certificates(text) or []
        for number, certificate in enumerate(certificates, start=1):
            which = f"certificate {number} of {len(certificates)}" if len(certificates) > 1 else "the certificate"
            subject = certificate.subject.rfc4514_string() or "no subject"
            before, after = validity(certificate)
            if after < now:
                yield Finding(
                    pointer,
                    f"{field}: {which} ({subject}) expired on {after.date().isoformat()}; TLS "
                    f"verification against it fails; replace it with the CA's current certificate",
                )
            elif before > now:
                yield Finding(
                    pointer,
                    f"{field}: {which} ({subject}) is not valid before {before.date().isoformat()}; "
                    f"TLS verification against it fails until then",
                )
