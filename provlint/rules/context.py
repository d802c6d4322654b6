"""What a rule may look at: the document, its kind, the catalog and shared derived facts."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

from provlint.catalog import Catalog
from provlint.findings import Finding
from provlint.records import Record
from provlint.source import pointer as jp
from provlint.source.document import Document, DocumentKind
from provlint.source.providers import ProviderView, provider_views

if TYPE_CHECKING:
    from provlint.structure import StructureIssue


class RuleContext(Record):
    """Everything a rule may read. Rules never learn severities, file names or positions.

    ``environment`` is what ``env.NAME`` references resolve against (the process environment
    or ``--env-file``); ``now`` is the time of the run, passed in by the caller (certificate
    validity); ``placeholder_patterns`` are the team's regexes for values that look like
    secrets but are not; ``rule_options`` holds the rule options the settings set.
    """

    __slots__ = ("document", "kind", "catalog", "environment", "now", "placeholder_patterns", "rule_options",
                 "root", "secrets", "__dict__")  # __dict__: for the cached properties
    __hash__ = None  # the secret map and the cached properties are filled on first use

    def __init__(
        self,
        document: Document,
        kind: DocumentKind,
        catalog: Catalog,
        environment: Optional[Mapping[str, str]] = None,  # None: a new empty dict
        now: Optional[datetime] = None,
        placeholder_patterns: tuple[re.Pattern, ...] = (),
        rule_options: Optional[Mapping[str, Mapping[str, Any]]] = None,  # code -> the settings' values
        root: str = "",  # JSON Pointer of the Bifrost config inside the file (settings `roots`)
        secrets: Any = None,  # the document's provlint.secrets.SecretMap, shared with the engine
    ) -> None:
        self.document = document
        self.kind = kind
        self.catalog = catalog
        self.environment = {} if environment is None else environment
        self.now = now
        self.placeholder_patterns = placeholder_patterns
        self.rule_options = {} if rule_options is None else rule_options
        self.root = root
        self.secrets = secrets

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
        """The model-validation errors of one category (invalid, unknown, missing) as findings.
        Where a more specific rule reports the same member, the engine keeps only its finding
        (the rule declares SUPERSEDES)."""
        for issue in self.structure:
            if issue.category == category:
                yield Finding(issue.pointer, issue.message, target=issue.target)

    def options(self, code: str) -> Mapping[str, Any]:
        """The options in force for rule ``code``: its OPTIONS defaults, overridden by the settings."""
        from provlint.rules import find_rule

        return {**find_rule(code).options, **self.rule_options.get(code, {})}

    def is_placeholder(self, text: str) -> bool:
        return any(p.search(text) for p in self.placeholder_patterns)

    @cached_property
    def providers(self) -> list[ProviderView]:
        return list(provider_views(self.data, self.kind))


def block(settings: dict, name: str) -> dict:
    """A settings block as a dict, or {} when it is absent, null or of the wrong type."""
    value = settings.get(name)
    return value if isinstance(value, dict) else {}


def key_provider_type(provider: ProviderView) -> Optional[str]:
    """The provider whose key sub-configs a provider's keys take: a custom provider's
    ``base_provider_type``, else the id (lower case, as Bifrost stores it); None when unknown."""
    custom = provider.settings.get("custom_provider_config")
    if isinstance(custom, dict):
        base = custom.get("base_provider_type")
        return base.lower() if isinstance(base, str) else None
    return provider.name.lower() if provider.name else None


def is_integer(value: Any) -> bool:
    """A JSON integer (Python's bool is an int, JSON's true is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


__all__ = ["ProviderView", "RuleContext", "block", "is_integer", "key_provider_type"]  # ProviderView: rule modules import it from here
