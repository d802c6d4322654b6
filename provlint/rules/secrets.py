"""How rules tell a literal secret from a reference or a redacted placeholder (BIFROST.md §1)."""

from __future__ import annotations

from provlint.patterns import lazy
from provlint.redaction import is_redacted  # noqa: F401 - part of this module's vocabulary
from typing import Any, Optional

_ENV_REFERENCE = lazy(r"^env\.[A-Za-z_][A-Za-z0-9_]*$")


def is_reference(text: str) -> bool:
    """``env.NAME`` or ``vault.path``: resolved by Bifrost at run time, safe to commit."""
    return bool(_ENV_REFERENCE.match(text)) or text.startswith("vault.")


def literal_text(value: Any) -> Optional[str]:
    """The literal text of a secret-capable value, or None when it is a reference or empty.

    Accepts the bare string form and the object forms (``{"value": ...}``, with ``ref`` or the
    legacy ``env_var``/``from_env``); an object that carries a reference is not literal.
    """
    if isinstance(value, dict):
        if value.get("ref") or value.get("from_env") or value.get("type") in ("env", "vault"):
            return None
        value = value.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    if is_reference(value) or is_redacted(value):
        return None
    return value


# --- URL hosts (PL305, PL306, PL307) ----------------------------------------------------------
# Offline only: a host is judged by its text, never resolved.

_LEGACY_IPV4 = lazy(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


def url_parts(url: Any) -> Optional[tuple[str, str]]:
    """The lower-case scheme and host of a literal URL, or None (a reference, no host, unparsable).

    The host loses IPv6 brackets, an IPv6 zone (``%eth0``) and a trailing dot.
    """
    text = literal_text(url)
    if text is None:
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text.strip())
        host = parts.hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.split("%", 1)[0].rstrip(".")
    return (parts.scheme.lower(), host) if host else None


def host_address(host: str, *, legacy_forms: bool = False) -> Any:
    """The IP address a host spells (an ``ipaddress`` object), or None for a host name.

    An IPv4-mapped IPv6 address (``::ffff:10.0.0.1``) gives the IPv4 address. With
    ``legacy_forms`` the numeric IPv4 spellings that C resolvers accept (``2852039166``,
    ``0xa9.0xfe.0xa9.0xfe``, ``169.254.43518``) count as addresses too.
    """
    import ipaddress

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not (legacy_forms and is_numeric_host(host)):
            return None
        import socket

        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped if mapped is not None else address


def is_numeric_host(host: str) -> bool:
    """A host made of numbers only (a legacy IPv4 spelling, never a DNS name)."""
    return bool(_LEGACY_IPV4.match(host.lower()))


def in_ranges(address: Any, ranges: Any) -> bool:
    """Whether an address lies in one of the CIDR ranges (strings; bad entries are skipped)."""
    import ipaddress

    for text in ranges or ():
        try:
            network = ipaddress.ip_network(text, strict=False)
        except ValueError:
            continue
        if network.version == address.version and address in network:
            return True
    return False


def host_matches(host: str, names: Any) -> bool:
    """Whether a host is one of ``names``; a name starting with a dot also matches subdomains."""
    host = host.lower()
    for name in names or ():
        name = str(name).lower()
        if name.startswith("."):
            if host.endswith(name) or host == name[1:]:
                return True
        elif host == name:
            return True
    return False


def url_has_userinfo(url: Any) -> bool:
    """Whether a literal URL carries ``user[:password]@`` (its value must then never be shown)."""
    text = literal_text(url)
    if text is None:
        return False
    from urllib.parse import urlsplit

    try:
        return "@" in urlsplit(text.strip()).netloc
    except ValueError:
        return False
