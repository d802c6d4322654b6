"""What a rule may look at: the document, its kind, the catalog and shared derived facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from provlint.catalog import Catalog
from provlint.findings import Finding
from provlint.source import pointer as jp
from provlint.source.document import Document, DocumentKind
from provlint.source.providers import ProviderView, provider_views

if TYPE_CHECKING:
    from provlint.structure import StructureIssue


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
        return list(provider_views(self.data, self.kind))


def block(settings: dict, name: str) -> dict:
    """A settings block as a dict, or {} when it is absent, null or of the wrong type."""
    value = settings.get(name)
    return value if isinstance(value, dict) else {}


__all__ = ["ProviderView", "RuleContext", "block"]  # ProviderView: rule modules import it from here
