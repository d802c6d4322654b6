"""What a rule may look at: the document, its kind, the catalog and shared derived facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

from provlint.catalog import Catalog
from provlint.findings import Finding
from provlint.source import pointer as jp
from provlint.source.document import Document, DocumentKind

if TYPE_CHECKING:
    from provlint.structure import StructureIssue


@dataclass(frozen=True)
class ProviderView:
    """One provider's settings inside a document, wherever the document keeps them.

    ``pointer`` locates the settings object; ``name_pointer``/``name_target`` locate the
    provider id (a config file's map key, a payload's ``provider`` or a response's ``name``).
    ``name`` is None for an update payload, which names its provider in the URL.
    """

    pointer: str
    name: Optional[str]
    name_pointer: str
    name_target: str
    settings: dict

    def at(self, *tokens: Any) -> str:
        return jp.join(self.pointer, *tokens)


@dataclass
class RuleContext:
    """Everything a rule may read. Rules never learn severities, file names or positions.

    ``environment`` is what ``env.NAME`` references resolve against (the process environment
    or ``--env-file``); ``placeholder_patterns`` are the team's regexes for values that look
    like secrets but are not; ``enabled_codes`` lets a general rule leave a case to a more
    specific rule that is in force.
    """

    document: Document
    kind: DocumentKind
    catalog: Catalog
    environment: Mapping[str, str] = field(default_factory=dict)
    placeholder_patterns: tuple[re.Pattern, ...] = ()
    enabled_codes: frozenset[str] = frozenset()

    root: str = ""  # JSON Pointer of the Bifrost config inside the file (settings `roots`)
    secrets: Any = None  # the document's provlint.secrets.SecretMap, shared with the engine

    def secret_map(self) -> Any:
        """The document's secret map (built on first use); which values must never be quoted."""
        if self.secrets is None:
            from provlint.secrets import SecretMap

            self.secrets = SecretMap.of_document(self.document, self.catalog)
        return self.secrets

    @cached_property
    def data(self) -> Any:
        """The Bifrost part of the document: all of it, or the subtree at ``root``."""
        return jp.resolve(self.document.data, self.root) if self.root else self.document.data

    @cached_property
    def structure(self) -> list["StructureIssue"]:
        from provlint.structure import structure_issues

        return structure_issues(self.data, self.kind, self.catalog)

    def structure_findings(self, category: str) -> Iterator[Finding]:
        """The model-validation errors of one category (invalid, unknown, missing) as findings,
        less those a more specific rule in force reports itself (rules/claims.py): one
        problem, one finding."""
        from provlint.rules.claims import claimed_by

        for issue in self.structure:
            if issue.category == category and claimed_by(issue, self) not in self.enabled_codes:
                yield Finding(issue.pointer, issue.message, target=issue.target)

    def is_placeholder(self, text: str) -> bool:
        return any(p.search(text) for p in self.placeholder_patterns)

    @cached_property
    def providers(self) -> list[ProviderView]:
        return list(_provider_views(self.data, self.kind))


def _provider_views(data: Any, kind: DocumentKind) -> Iterator[ProviderView]:
    if not isinstance(data, dict):
        return
    if kind is DocumentKind.CONFIG:
        providers = data.get("providers")
        if not isinstance(providers, dict):
            return
        for name, entry in providers.items():
            if isinstance(entry, dict):
                where = jp.join("/providers", name)
                yield ProviderView(where, name, where, "key", entry)
    elif kind is DocumentKind.ADD_PROVIDER:
        name = data.get("provider")
        yield ProviderView("", name if isinstance(name, str) else None, "/provider", "value", data)
    elif kind is DocumentKind.PROVIDER_RESPONSE:
        name = data.get("name")
        yield ProviderView("", name if isinstance(name, str) else None, "/name", "value", data)
    elif kind is DocumentKind.UPDATE_PROVIDER:
        yield ProviderView("", None, "", "value", data)


def block(settings: dict, name: str) -> dict:
    """A settings block as a dict, or {} when it is absent, null or of the wrong type."""
    value = settings.get(name)
    return value if isinstance(value, dict) else {}
