"""A ``ca_cert_pem`` that is neither a reference nor a parseable PEM certificate.

Bifrost adds ``network_config.ca_cert_pem`` (and ``proxy_config.ca_cert_pem``) to the trusted
roots for the provider (or the proxy); text that holds no certificate leaves the connection
without the intended trust, and the TLS handshake to a privately signed endpoint fails. Common
mistakes are named: a file path instead of the PEM text, ``\\n`` written as two characters
instead of line breaks, a truncated block, and a private key pasted along (a secret that must
not be in the file at all; the message never repeats it). An expired certificate is reported
too (RULES.md: as a warning), since verification against it fails. ``env.NAME`` and
``vault.path`` references, redaction placeholders and empty values are not checked.
Parsing uses the ``cryptography`` package, imported only when a literal PEM is present.

Fails::

    {"network_config": {"ca_cert_pem": "/etc/ssl/certs/internal-ca.pem"}}

Passes::

    {"network_config": {"ca_cert_pem": "env.PROVIDER_CA_PEM"}}
"""

import re
from datetime import datetime, timezone
from typing import Iterator

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, block
from provlint.rules.secrets import literal_text
from provlint.secrets.shape import PRIVATE_KEY

CODE = "PL310"
NAME = "invalid-ca-cert"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 6.0
FIX = 'paste the CA certificate as PEM text, or reference it: "env.PROVIDER_CA_PEM"'
SECTIONS = ("network_config", "proxy_config")
FIELD = "ca_cert_pem"

_CERT_BEGIN = "-----BEGIN CERTIFICATE-----"
_PATH_LIKE = re.compile(r"^(?:[A-Za-z]:)?[\\/.~]|\.(?:pem|crt|cer|der)$", re.IGNORECASE)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        for section in SECTIONS:
            text = literal_text(block(provider.settings, section).get(FIELD))
            if text is not None:
                yield from _judge(provider.at(section, FIELD), f"`{section}.{FIELD}`", text)


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
    if _CERT_BEGIN not in text:
        yield Finding(pointer, f"{field} holds no PEM certificate{_hint(text)}", fix=FIX)
        return
    try:
        from cryptography import x509
    except ImportError:  # pragma: no cover - cryptography is a runtime dependency
        return
    try:
        certificates = x509.load_pem_x509_certificates(text.encode("utf-8"))
    except ValueError:
        yield Finding(
            pointer,
            f"{field} is not a parseable PEM certificate (a block is truncated, altered or "
            f"badly framed{_hint(text, joined=True)}); paste the whole certificate from "
            f"-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----",
            fix=FIX,
        )
        return
    now = datetime.now(timezone.utc)
    for number, certificate in enumerate(certificates, start=1):
        expires = _not_valid_after(certificate)
        if expires < now:
            which = f"certificate {number} of {len(certificates)}" if len(certificates) > 1 else "the certificate"
            # RULES.md: an expired certificate is a warning, milder than an unreadable one.
            yield Finding(
                pointer,
                f"{field}: {which} ({certificate.subject.rfc4514_string() or 'no subject'}) "
                f"expired on {expires.date().isoformat()}; TLS verification against it fails; "
                f"replace it with the CA's current certificate",
                fix="replace the expired certificate",
                severity=Severity.WARNING,
            )


def _hint(text: str, joined: bool = False) -> str:
    if "\\n" in text and "\n" not in text.strip():
        hint = "it has `\\n` written as two characters where line breaks belong"
    elif not joined and _PATH_LIKE.search(text.strip()):
        hint = "it looks like a file path; Bifrost takes the certificate text itself"
    else:
        return "" if joined else "; paste the CA certificate as PEM text or reference it with env.NAME"
    return f"; {hint}" if joined else f": {hint}"


def _not_valid_after(certificate) -> datetime:
    value = getattr(certificate, "not_valid_after_utc", None)
    if value is None:  # cryptography < 42
        value = certificate.not_valid_after.replace(tzinfo=timezone.utc)
    return value
