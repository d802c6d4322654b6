"""A ``ca_cert_pem`` that is neither a reference nor a parseable PEM certificate.

Bifrost adds ``network_config.ca_cert_pem`` (and ``proxy_config.ca_cert_pem``) to the trusted
roots for the provider (or the proxy); text that holds no certificate leaves the connection
without the intended trust, and the TLS handshake to a privately signed endpoint fails. Common
mistakes are named: a file path instead of the PEM text, ``\\n`` written as two characters
instead of line breaks, a truncated block, and a private key pasted along (a secret that must
not be in the file at all; the message never repeats it). A certificate that parses but has
expired is PL313's. ``env.NAME`` and ``vault.path`` references, redaction placeholders and
empty values are not checked. Parsing uses the ``cryptography`` package, imported only when a
literal PEM is present.

Fails::

    {"network_config": {"ca_cert_pem": "/etc/ssl/certs/internal-ca.pem"}}

Passes::

    {"network_config": {"ca_cert_pem": "env.PROVIDER_CA_PEM"}}
"""

from __future__ import annotations

import re

from provlint.findings import Finding, Severity
from provlint.patterns import lazy
from provlint.rules.context import RuleContext
from provlint.rules.pem import CERT_BEGIN, load_certificates
from provlint.secrets.shape import PRIVATE_KEY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL310"
NAME = "invalid-ca-cert"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 6.0
FIX = 'paste the CA certificate as PEM text, or reference it: "env.PROVIDER_CA_PEM"'

_PATH_LIKE = lazy(r"^(?:[A-Za-z]:)?[\\/.~]|\.(?:pem|crt|cer|der)$", re.IGNORECASE)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for pointer, field, text in ctx.ca_cert_texts:
        yield from _judge(pointer, field, text)


def _judge(pointer: str, field: str, text: str) -> Iterator[Finding]:
    if PRIVATE_KEY.search(text):
        yield Finding(
            pointer,
            f"{field} contains a private key: a CA needs only its certificate, and the private "
            f"key is a secret that must not be in this file; remove the key block (and rotate "
            f"the key if the file was shared)",
            fix="remove the private key block, keep only the CERTIFICATE block",
            secret=True,
        )
        return
    if CERT_BEGIN not in text:
        yield Finding(pointer, f"{field} holds no PEM certificate{_hint(text)}", fix=FIX)
    elif load_certificates(text) is None:
        yield Finding(
            pointer,
            f"{field} is not a parseable PEM certificate (a block is truncated, altered or "
            f"badly framed{_hint(text, joined=True)}); paste the whole certificate from "
            f"-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----",
            fix=FIX,
        )


def _hint(text: str, joined: bool = False) -> str:
    if "\\n" in text and "\n" not in text.strip():
        hint = "it has `\\n` written as two characters where line breaks belong"
    elif not joined and _PATH_LIKE.search(text.strip()):
        hint = "it looks like a file path; Bifrost takes the certificate text itself"
    else:
        return "" if joined else "; paste the CA certificate as PEM text or reference it with env.NAME"
    return f"; {hint}" if joined else f": {hint}"
