"""Literal ``ca_cert_pem`` values and their certificates (PL310, PL313).

Parsing uses the ``cryptography`` package, imported only when a literal PEM is present.
"""

from __future__ import annotations

from provlint.rules.context import block
from provlint.rules.secrets import literal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Iterable, Iterator, Optional

    from provlint.rules.context import ProviderView

SECTIONS = ("network_config", "proxy_config")
FIELD = "ca_cert_pem"
CERT_BEGIN = "-----BEGIN CERTIFICATE-----"


def find_ca_cert_texts(providers: Iterable["ProviderView"]) -> Iterator[tuple[str, str, str]]:
    """(pointer, field as shown in messages, literal text) of every literal ``ca_cert_pem``
    (``RuleContext.ca_cert_texts`` keeps them for the rules)."""
    for provider in providers:
        for section in SECTIONS:
            text = literal_text(block(provider.settings, section).get(FIELD))
            if text is not None:
                yield provider.at(section, FIELD), f"`{section}.{FIELD}`", text


def load_certificates(text: str) -> Optional[list]:
    """The certificates of a PEM text, or None when it holds no parseable certificate."""
    if CERT_BEGIN not in text:
        return None
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificates(text.encode("utf-8"))
    except ValueError:
        return None


def validity(certificate) -> tuple[datetime, datetime]:
    """(not before, not after) in UTC, whatever the cryptography version."""
    from datetime import timezone  # with a certificate only: a lint run never needs datetime

    before = getattr(certificate, "not_valid_before_utc", None)
    after = getattr(certificate, "not_valid_after_utc", None)
    if before is None or after is None:  # cryptography < 42
        before = certificate.not_valid_before.replace(tzinfo=timezone.utc)
        after = certificate.not_valid_after.replace(tzinfo=timezone.utc)
    return before, after


def moment(now: datetime | float) -> datetime:
    """The time of a run as an aware datetime: ``now`` is one already, or seconds since the
    epoch (``time.time()``, what the command line passes)."""
    if isinstance(now, (int, float)):
        from datetime import datetime, timezone

        return datetime.fromtimestamp(now, timezone.utc)
    return now
