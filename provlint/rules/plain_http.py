"""Whether a URL sends traffic over plain ``http://`` to another machine (PL305, PL312)."""

from __future__ import annotations

from provlint.rules.secrets import host_address, host_matches, url_has_userinfo, url_parts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

PLAIN_SCHEME = "http"


def plain_remote(url: object, loopback_hostnames: Iterable[str]) -> bool:
    """True for an ``http://`` URL whose host is not loopback (``localhost``, 127/8, ``::1``)."""
    if url is None:
        return False  # the common absent base_url
    parts = url_parts(url)
    if parts is None or parts[0] != PLAIN_SCHEME:
        return False
    host = parts[1]
    if host_matches(host, loopback_hostnames):
        return False
    address = host_address(host, legacy_forms=True)
    return address is None or not address.is_loopback


def proxy_uses_url(proxy: dict, proxy_types_requiring_url: Iterable[str]) -> bool:
    """A proxy type that ignores `url` (none, environment) sends nothing through it; PL406
    reports such a url. A missing type is judged as if the url were used."""
    kind = proxy.get("type")
    return not isinstance(kind, str) or kind in tuple(proxy_types_requiring_url)


def proxy_has_credentials(proxy: dict) -> bool:
    return any(_is_set(proxy.get(field)) for field in ("username", "password")) or url_has_userinfo(proxy.get("url"))


def _is_set(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_is_set(value.get(k)) for k in ("value", "ref", "env_var"))
    return False
