"""The provider entries of a document, as ``provlint hash`` hashes them.

One entry per provider of a config file (each member of ``providers``), the body of an
add-provider request (id: ``provider``), a provider response (id: ``name``), and a bare
update-provider body, whose provider is named only in the request URL: it gets the id the
caller supplies (``provlint hash --provider ID``), or none, and then no hash.
"""

from __future__ import annotations

from dataclasses import dataclass

from provlint.hashing.bifrost import go_lower
from provlint.source.document import DocumentKind
from provlint.source.providers import provider_slots

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

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
    for slot in provider_slots(data, kind):
        if kind is DocumentKind.CONFIG or slot.problem:
            yield ProviderEntry(slot.name, slot.pointer, kind, slot.settings, slot.problem)
            continue
        # A single-provider document: its own id when it has one, else the one given.
        name = slot.name if isinstance(slot.name, str) and slot.name != "" else None
        if kind is not DocumentKind.ADD_PROVIDER:
            name = name or provider
        yield ProviderEntry(name, slot.pointer, kind, slot.settings, None if name else NO_PROVIDER_ID[kind])
