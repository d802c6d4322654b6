"""How rules tell a literal secret from a reference or a redacted placeholder (BIFROST.md §1)."""

from __future__ import annotations

from functools import lru_cache

from provlint.patterns import lazy
from provlint.redaction import is_redacted  # noqa: F401 - part of this module's vocabulary

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    if value.__class__ is str:  # the common value, without the isinstance tests below
        return value if _is_literal_string(value) else None
    if isinstance(value, dict):
        if value.get("ref") or value.get("from_env") or value.get("type") in ("env", "vault"):
            return None
        value = value.get("value")
    if not isinstance(value, str):
        return None
    return value if _is_literal_string(value) else None


# Remembered: a run's files repeat their references and URLs, and several rules ask about each
# value (base_url: PL303, PL305, PL306, PL307).
@lru_cache(maxsize=8192)
def _is_literal_string(value: str) -> bool:
    return bool(value.strip()) and not is_reference(value) and not is_redacted(value)


# --- URL hosts (PL305, PL306, PL307) ----------------------------------------------------------
# Offline only: a host is judged by its text, never resolved.

_LEGACY_IPV4 = lazy(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


def url_parts(url: Any) -> Optional[tuple[str, str]]:
    """The lower-case scheme and host of a literal URL, or None (a reference, no host, unparsable).

    The host loses IPv6 brackets, an IPv6 zone (``%eth0``) and a trailing dot.
    """
    if url is None:
        return None  # the common absent base_url, without a call
    text = literal_text(url)
    return None if text is None else _url_facts(text)[0]


# Several rules read the same URLs (base_url: PL303, PL305, PL306, PL307), and a repository's
# files repeat them: each text is split once per run. Bounded, as a run may hold many.
@lru_cache(maxsize=4096)
def _url_facts(text: str) -> tuple[Optional[tuple[str, str]], bool]:
    """(scheme and host as ``url_parts`` gives them, whether it carries userinfo) of a literal URL."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return None, False
    userinfo = "@" in parts.netloc
    try:
        host = parts.hostname
    except ValueError:
        return None, userinfo
    if not host:
        return None, userinfo
    host = host.split("%", 1)[0].rstrip(".")
    return ((parts.scheme.lower(), host) if host else None), userinfo


def host_address(host: str, *, legacy_forms: bool = False) -> Any:
    """The IP address a host spells (an ``ipaddress`` object), or None for a host name.

    An IPv4-mapped IPv6 address (``::ffff:10.0.0.1``) gives the IPv4 address. With
    ``legacy_forms`` the numeric IPv4 spellings that C resolvers accept (``2852039166``,
    ``0xa9.0xfe.0xa9.0xfe``, ``169.254.43518``) count as addresses too.
    """
    return _host_address(host, legacy_forms)


@lru_cache(maxsize=4096)  # hosts repeat across a run's files; an address is immutable
def _host_address(host: str, legacy_forms: bool) -> Any:
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
    for text in ranges or ():
        network = _network(text)
        if network is not None and network.version == address.version and address in network:
            return True
    return False


@lru_cache(maxsize=1024)
def _network(text: str) -> Any:
    """The network a CIDR range spells (parsed once per run; the catalog's ranges repeat), or None."""
    import ipaddress

    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def host_matches(host: str, names: Any) -> bool:
    """Whether a host is one of ``names``; a name starting with a dot also matches subdomains."""
    if isinstance(names, tuple):  # the catalog's lists: hosts and lists repeat across a run's files
        return _host_matches_cached(host, names)
    return _host_matches(host, names)


@lru_cache(maxsize=4096)
def _host_matches_cached(host: str, names: tuple) -> bool:
    return _host_matches(host, names)


def _host_matches(host: str, names: Any) -> bool:
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
    return False if text is None else _url_facts(text)[1]
