"""What a rule may look at: the document, its kind, the catalog and shared derived facts."""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache
from itertools import chain
from types import MappingProxyType

from provlint.catalog import Catalog
from provlint.findings import Finding
from provlint.records import Record, cached_property
from provlint.source import pointer as jp
from provlint.source.document import Document, DocumentKind
from provlint.source.providers import ProviderView, provider_views

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any, Iterator, Mapping, Optional

    from provlint.structure import StructureIssue


# Tuples (collections.namedtuple, not typing.NamedTuple: a lint run never imports typing), so
# that a clean file's many entries are made by tuple.__new__ alone.
class KeyEntry(namedtuple("KeyEntry", ("provider", "index", "key"))):
    """One key object of a provider (an object in its ``keys`` list) and where it sits: the
    ProviderView, its ``index`` in the provider's ``keys`` list (counting the entries that are
    not objects), and the ``key`` object itself."""

    __slots__ = ()

    def at(self, *tokens: Any) -> str:
        return self.provider.at("keys", self.index, *tokens)


class EnvReference(namedtuple("EnvReference", ("provider", "path", "name"))):
    """One ``env.NAME`` reference in a provider's settings (see ``env_references``): the
    ProviderView, the ``path`` from its settings to the member holding the reference, and the
    variable's ``name``."""

    __slots__ = ()

    @property
    def pointer(self) -> str:
        return jp.join(self.provider.pointer, *self.path)


class RuleContext(Record):
    """Everything a rule may read. Rules never learn severities, file names or positions.

    ``environment`` is what ``env.NAME`` references resolve against (the process environment
    or ``--env-file``); ``now`` is the time of the run, passed in by the caller (certificate
    validity): a datetime, or seconds since the epoch (``time.time()``, what the CLI passes:
    a lint run never imports datetime); ``placeholder_patterns`` are the team's regexes for values that look like
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
        now: Optional[datetime | float] = None,
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
        own = self.rule_options.get(code)
        if not own:  # the usual run sets none: the rule's defaults, read-only, looked up once
            defaults = _DEFAULT_OPTIONS.get(code)
            if defaults is None:
                defaults = _DEFAULT_OPTIONS[code] = MappingProxyType(dict(_find_rule(code).options))
            return defaults
        return {**_find_rule(code).options, **own}

    def is_placeholder(self, text: str) -> bool:
        return any(p.search(text) for p in self.placeholder_patterns)

    def text_lacks(self, *words: str) -> bool:
        """Whether no string and no key of the data can contain any of ``words``: the text
        spells none of them and has no backslash (an escape could spell one). A rule's cheap
        "nothing to find" test; False says nothing."""
        text = self.document.text
        return "\\" not in text and not any(word in text for word in words)

    # --- views of the document shared by the rules: each computed once, on first use -------

    @cached_property
    def providers(self) -> list[ProviderView]:
        return provider_views(self.data, self.kind)

    def providers_with(self, name: str) -> tuple[tuple[ProviderView, dict], ...]:
        """(provider, its settings block ``name``) of each provider whose block is an object, in
        document order: the walk of a rule that judges one block and finds nothing where
        ``block`` gives {} (most providers have no proxy or custom block)."""
        found = self._providers_with.get(name)
        if found is None:
            found = []
            for provider in self.providers:
                section = provider.settings.get(name)
                if isinstance(section, dict):
                    found.append((provider, section))
            found = self._providers_with[name] = tuple(found)
        return found

    @cached_property
    def _providers_with(self) -> dict[str, tuple[tuple[ProviderView, dict], ...]]:
        return {}

    @cached_property
    def _keys_by_provider(self) -> dict[str, tuple[KeyEntry, ...]]:
        by_pointer = {}
        entry = tuple.__new__  # KeyEntry(...) less its Python-level __new__: a clean file has many keys
        for provider in self.providers:
            keys = provider.settings.get("keys")
            if isinstance(keys, list):
                by_pointer[provider.pointer] = tuple(
                    [entry(KeyEntry, (provider, index, key)) for index, key in enumerate(keys) if isinstance(key, dict)]
                )
        return by_pointer

    def keys_of(self, provider: ProviderView) -> tuple[KeyEntry, ...]:
        """The key objects of one provider, in document order (none when ``keys`` is no list)."""
        return self._keys_by_provider.get(provider.pointer, ())

    @cached_property
    def key_entries(self) -> tuple[KeyEntry, ...]:
        """Every key object of every provider, in document order."""
        return tuple(chain.from_iterable(self._keys_by_provider.values()))

    @cached_property
    def key_member_names(self) -> frozenset:
        """Every member name of any key object: a member no key has needs no look at each key
        (a clean file's keys have five or six names between them)."""
        return frozenset().union(*[entry.key for entry in self.key_entries])

    @cached_property
    def ca_cert_texts(self) -> tuple[tuple[str, str, str], ...]:
        """(pointer, field as messages show it, text) of every literal ``ca_cert_pem``."""
        from provlint.rules.pem import FIELD, SECTIONS, find_ca_cert_texts

        # A look into the few blocks that may hold the field, not a search of the whole text.
        if not any(FIELD in section for name in SECTIONS for _provider, section in self.providers_with(name)):
            return ()
        return tuple(find_ca_cert_texts(self.providers))

    @cached_property
    def env_names_in_text(self) -> Optional[frozenset[str]]:
        """Every NAME the document's text spells as ``env.NAME``: a superset of the names its
        env references (``env_references``) hold, found without walking the data; None when
        the text alone cannot tell (a backslash may escape a reference, ``from_env`` marks a
        legacy bare name)."""
        from provlint.rules.env_references import names_in_text

        return names_in_text(self.document.text)

    @cached_property
    def env_references(self) -> tuple[EnvReference, ...]:
        """Every env reference in the providers' settings, in document order: ``"env.NAME"``
        strings and the object forms (``ref``, legacy ``env_var`` with or without
        ``from_env``), each object counted once."""
        from provlint.rules.env_references import reference_paths

        return tuple(
            EnvReference(provider, path, name)
            for provider in self.providers
            for path, name in reference_paths(provider.settings)
        )


# A rule's OPTIONS defaults by code (fixed once its module is loaded), for ``options``.
_DEFAULT_OPTIONS: dict[str, Mapping[str, Any]] = {}


def _find_rule(code: str) -> Any:
    from provlint.rules import find_rule  # the registry imports the rule modules, which import this one

    return find_rule(code)


@lru_cache(maxsize=256)  # a catalog is one object per line, hashed by identity
def catalog_set(catalog: Catalog, field: str) -> frozenset:
    """One of the catalog's tuples (``provider_ids``, ``response_only_fields``) as a set, made
    once per line: rules ask it about every provider or key of every file."""
    return frozenset(getattr(catalog, field))


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


__all__ = ["EnvReference", "KeyEntry", "ProviderView", "RuleContext", "block", "catalog_set", "is_integer", "key_provider_type"]  # ProviderView: rule modules import it from here
