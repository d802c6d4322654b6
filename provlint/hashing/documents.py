"""The provider entries of a document, as ``provlint hash`` hashes them.

One entry per provider of a config file (each member of ``providers``), the body of an
add-provider request (id: ``provider``), a provider response (id: ``name``), and a bare
update-provider body, whose provider is named only in the request URL: it gets the id the
caller supplies (``provlint hash --provider ID``), or none, and then no hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from provlint.catalog import Catalog, available_versions, load_catalog
from provlint.hashing.bifrost import go_lower
from provlint.source import detect_kind
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

NO_PROVIDER_ID = {
    DocumentKind.UPDATE_PROVIDER: "a bare update-provider body names its provider only in the request "
    "URL; give --provider ID to hash it",
    DocumentKind.PROVIDER_RESPONSE: "the provider response has no `name`; give --provider ID to hash it",
    DocumentKind.ADD_PROVIDER: "`provider` must be a non-empty string",
}


@dataclass(frozen=True)
class ProviderEntry:
    """One provider's entry inside a document.

    ``provider`` is the id as written (None when the document has none); ``pointer`` locates
    the entry in the document; ``problem`` says why the entry cannot be hashed at all.
    """

    provider: Optional[str]
    pointer: str
    kind: DocumentKind
    settings: Any
    problem: Optional[str] = None


def document_kind(data: Any, catalog: Catalog) -> DocumentKind:
    """The document's kind under ``catalog``, else under any other line's catalog.

    A line whose catalog holds only its hashing facts (2.0 so far, which inherits the rest
    from 1.5) may not recognise a bare settings body by itself.
    """
    kind = detect_kind(data, catalog)
    for version in available_versions():
        if kind is not DocumentKind.UNKNOWN:
            break
        if version != catalog.version:
            kind = detect_kind(data, load_catalog(version))
    return kind


def provider_entries(data: Any, kind: DocumentKind, provider: Optional[str] = None) -> Iterator[ProviderEntry]:
    """Every provider entry of a document of ``kind``, in document order.

    ``provider`` selects one provider (compared as Bifrost stores ids, in lower case) and is
    the id of an update-provider body or of a response without ``name``.
    """
    wanted = go_lower(provider) if provider else None
    for entry in _entries(data, kind, provider):
        if wanted is None or (entry.provider is not None and go_lower(entry.provider) == wanted):
            yield entry


def _entries(data: Any, kind: DocumentKind, provider: Optional[str]) -> Iterator[ProviderEntry]:
    if kind is DocumentKind.CONFIG:
        providers = data.get("providers") if isinstance(data, dict) else None
        if providers is None:
            return
        if not isinstance(providers, dict):
            yield ProviderEntry(None, "/providers", kind, providers, "`providers` must be an object")
            return
        for name, entry in providers.items():
            problem = None if isinstance(entry, dict) else "a provider entry must be an object"
            yield ProviderEntry(name, jp.join("/providers", name), kind, entry, problem)
        return
    if kind is DocumentKind.ADD_PROVIDER:
        name = data.get("provider")
        ok = isinstance(name, str) and name != ""
        yield ProviderEntry(name if ok else None, "", kind, data, None if ok else NO_PROVIDER_ID[kind])
        return
    if kind is DocumentKind.PROVIDER_RESPONSE:
        name = data.get("name")
        name = name if isinstance(name, str) and name != "" else provider
        yield ProviderEntry(name, "", kind, data, None if name else NO_PROVIDER_ID[kind])
        return
    if kind is DocumentKind.UPDATE_PROVIDER:
        yield ProviderEntry(provider, "", kind, data, None if provider else NO_PROVIDER_ID[kind])
