"""Where a document of each kind keeps its providers: the one statement of it.

A config file keeps one provider per member of ``providers`` (the member name is the id); an
add-provider request is one provider named by its ``provider`` member; a provider response is
one provider named by ``name``; an update-provider request is bare settings whose provider is
named only in the request URL. The rules read providers through ``provider_views`` and the
hashes through ``provider_slots``.
"""

from __future__ import annotations

from provlint.records import Record
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

PROVIDERS_MEMBER = "providers"
# The member that names the provider of a single-provider document, and what it is called.
NAME_MEMBER = {DocumentKind.ADD_PROVIDER: "provider", DocumentKind.PROVIDER_RESPONSE: "name"}
NOT_AN_OBJECT = {
    "providers": "`providers` must be an object",
    "entry": "a provider entry must be an object",
}


class ProviderSlot(Record):
    """One place a document keeps a provider, as written.

    ``name`` is the id as written (a config file's member name, the value of ``provider`` or
    ``name``, whatever its type; None when the document has no such member, as in an update
    payload). ``settings`` is the value found there, whatever its type; ``problem`` says when
    it has the wrong shape to be a provider at all.
    """

    __slots__ = ("pointer", "name", "name_pointer", "name_target", "settings", "problem")

    def __init__(
        self,
        pointer: str,
        name: Any,
        name_pointer: str,
        name_target: str,  # "key" when the id is a member name, "value" when it is a member's value
        settings: Any,
        problem: Optional[str] = None,
    ) -> None:
        self.pointer = pointer
        self.name = name
        self.name_pointer = name_pointer
        self.name_target = name_target
        self.settings = settings
        self.problem = problem


class ProviderView(Record):
    """One provider's settings inside a document, wherever the document keeps them.

    ``pointer`` locates the settings object; ``name_pointer``/``name_target`` locate the
    provider id (a config file's map key, a payload's ``provider`` or a response's ``name``).
    ``name`` is None for an update payload, which names its provider in the URL, and where
    the id is not a string.
    """

    __slots__ = ("pointer", "name", "name_pointer", "name_target", "settings")

    def __init__(self, pointer: str, name: Optional[str], name_pointer: str, name_target: str, settings: dict) -> None:
        self.pointer = pointer
        self.name = name
        self.name_pointer = name_pointer
        self.name_target = name_target
        self.settings = settings

    def at(self, *tokens: Any) -> str:
        return jp.join(self.pointer, *tokens)


def provider_slots(data: Any, kind: DocumentKind) -> Iterator[ProviderSlot]:
    """Every place the document of ``kind`` keeps a provider, in document order."""
    if not isinstance(data, dict):
        return
    if kind is DocumentKind.CONFIG:
        providers = data.get(PROVIDERS_MEMBER)
        if providers is None:
            return
        if not isinstance(providers, dict):
            where = jp.join("", PROVIDERS_MEMBER)
            yield ProviderSlot(where, None, where, "value", providers, NOT_AN_OBJECT["providers"])
            return
        for at, name, entry in _config_entries(providers):
            yield ProviderSlot(at, name, at, "key", entry, None if isinstance(entry, dict) else NOT_AN_OBJECT["entry"])
    elif kind in NAME_MEMBER:
        member = NAME_MEMBER[kind]
        yield ProviderSlot("", data.get(member), jp.join("", member), "value", data)
    elif kind is DocumentKind.UPDATE_PROVIDER:
        yield ProviderSlot("", None, "", "value", data)


def _config_entries(providers: dict) -> Iterator[tuple[str, Any, Any]]:
    """(pointer, id, settings) of each entry of a config file's ``providers`` map: its id is the
    member's name."""
    where = jp.join("", PROVIDERS_MEMBER)
    for name, entry in providers.items():
        yield jp.join(where, name), name, entry


def provider_views(data: Any, kind: DocumentKind) -> list[ProviderView]:
    """The providers whose settings are an object, as the rules read them, in document order."""
    if kind is DocumentKind.CONFIG:
        # The common document, read without a slot record per provider: every file's rules
        # start here (tests/source/test_providers.py holds it to provider_slots).
        providers = data.get(PROVIDERS_MEMBER) if isinstance(data, dict) else None
        if not isinstance(providers, dict):
            return []
        return [ProviderView(at, name if isinstance(name, str) else None, at, "key", entry)
                for at, name, entry in _config_entries(providers) if isinstance(entry, dict)]
    return [
        ProviderView(slot.pointer, slot.name if isinstance(slot.name, str) else None, slot.name_pointer,
                     slot.name_target, slot.settings)
        for slot in provider_slots(data, kind)
        if slot.problem is None
    ]


__all__ = ["NAME_MEMBER", "PROVIDERS_MEMBER", "ProviderSlot", "ProviderView", "provider_slots", "provider_views"]
