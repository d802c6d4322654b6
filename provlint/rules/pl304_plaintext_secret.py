"""A literal secret written into the file where an ``env.NAME`` reference belongs.

A literal API key or credential ends up in git history, CI logs and every copy of the file.
Bifrost resolves ``env.NAME`` (and ``vault.path``) references when it loads the provider, so
the file never needs the secret itself. Checked: every key's ``value``; the secret fields of a
key's sub-configs (the catalog's ``secret_fields``: Azure ``client_secret``, Bedrock
``access_key``/``secret_key``/``session_token``, Vertex ``auth_credentials``); and the values
of credential-carrying ``network_config.extra_headers``. A header carries a credential when
its name (case-insensitive, ``_`` read as ``-``) is one of the catalog's
``secret_header_names`` (``Authorization``, ``Proxy-Authorization``, ``x-api-key``,
``api-key``, ``X-Auth-Token``, ``Cookie``, ``Ocp-Apim-Subscription-Key``, ...) or its last
``-``-separated part is one of the catalog's ``secret_header_words`` (``X-Upstream-Token``,
``X-Service-Key``, ``X-Client-Secret``, ``X-Db-Password``, ``X-ApiKey``); a credential word
elsewhere in the name does not count (``X-Auth-Mode``, ``X-Token-Budget``, ``X-Max-Tokens``).
The catalog's ``non_secret_headers`` (``Idempotency-Key``, ``Sec-WebSocket-Key``) are exempt,
and a header value that is only an auth scheme (``Bearer``) or a scheme plus a reference is
not a literal secret. Proxy credentials are PL302's.

Quiet: references, Bifrost's redaction placeholders (``<REDACTED>``, masked values), empty
values, and values matching the team's placeholder patterns (e.g. ``sk-123`` in examples).
The message names the field and suggests a variable; it never contains the value.

Fails::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "sk-live-abcdef0123456789", "weight": 1}]}}}

Passes::

    {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1, "models": ["*"]}]}}}
"""

from __future__ import annotations

import re
from functools import lru_cache

from provlint.catalog import Catalog
from provlint.findings import Finding, FixIntent, ReplaceValue, Severity
from provlint.patterns import lazy
from provlint.rules.context import KeyEntry, ProviderView, RuleContext, block
from provlint.rules.secrets import is_reference, literal_text
from provlint.secrets.names import header_policy, secret_fields_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Mapping, Optional

CODE = "PL304"
NAME = "plaintext-secret"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 8.0
FIX = 'replace the literal with an "env.NAME" reference and set NAME where Bifrost runs'
FIXABLE = 'replaces the literal with an "env.NAME" reference, NAME derived from the provider and field (unsafe: NAME must then be set where Bifrost runs)'

KEY_ENTRY = "key"  # the catalog's secret_fields entry for the key object itself
_AUTH_SCHEME = lazy(r"^\s*(bearer|basic|token|apikey|digest)\b\s*", re.IGNORECASE)


def check(ctx: RuleContext) -> Iterator[Finding]:
    secret_fields = ctx.catalog.secret_fields
    key_fields, sections = _key_fields(ctx.catalog)
    for provider in ctx.providers:
        entries = ctx.keys_of(provider)
        if entries and _may_hold_secrets(entries, key_fields, sections, secret_fields):
            yield from _keys(ctx, provider, entries, key_fields, sections, secret_fields)
        headers = block(provider.settings, "network_config").get("extra_headers")
        if isinstance(headers, dict) and headers:
            yield from _headers(ctx, provider, headers)


@lru_cache(maxsize=16)  # a catalog is one object per line
def _key_fields(catalog: Catalog) -> tuple[tuple[str, ...], frozenset[str]]:
    """The secret fields of a key object, and the sub-configs of a key that have some."""
    return secret_fields_of(catalog, KEY_ENTRY), frozenset(catalog.secret_fields) - {KEY_ENTRY}


def _may_hold_secrets(entries: tuple[KeyEntry, ...], key_fields: tuple[str, ...], sections: frozenset[str],
                      secret_fields: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``_keys`` can find anything in these keys: a literal in one of their secret
    fields or in a secret field of one of their sub-configs. A plain loop: a clean file's keys
    (a dozen, each with an env reference, a third with a sub-config) pass without a generator
    per provider or a look at every kind of sub-config."""
    for _provider, _index, key in entries:
        for field in key_fields:
            if literal_text(key.get(field)) is not None:
                return True
        if sections.isdisjoint(key):
            continue
        for section in sections.intersection(key):
            sub = key[section]
            if isinstance(sub, dict):
                for field in secret_fields[section]:
                    if literal_text(sub.get(field)) is not None:
                        return True
    return False


def _keys(
    ctx: RuleContext,
    provider: ProviderView,
    entries: tuple[KeyEntry, ...],
    key_fields: tuple[str, ...],
    sections: frozenset[str],
    secret_fields: Mapping[str, tuple[str, ...]],
) -> Iterator[Finding]:
    several = len(provider.settings["keys"]) > 1  # every entry counts, objects or not
    for entry in entries:
        key = entry.key
        for field in key_fields:
            if _is_literal_secret(ctx, key.get(field)):
                index = entry.index
                variable = f"{_prefix(provider)}_API_KEY{_suffix(index, several)}"
                yield _finding(entry.at(field), f"`keys[{index}].{field}`", variable)
        if sections.isdisjoint(key):
            continue  # most keys carry no sub-config with secret fields
        index = entry.index
        suffix = _suffix(index, several)
        for section, fields in secret_fields.items():
            sub = key.get(section) if section != KEY_ENTRY else None
            if not isinstance(sub, dict):
                continue
            for field in fields:
                if _is_literal_secret(ctx, sub.get(field)):
                    variable = f"{_prefix(provider)}_{_env_part(field)}{suffix}"
                    yield _finding(entry.at(section, field), f"`keys[{index}].{section}.{field}`", variable)


def _headers(ctx: RuleContext, provider: ProviderView, headers: dict) -> Iterator[Finding]:
    resolves = ctx.catalog.extra_header_values_resolve_references
    credential = header_policy(ctx.catalog).is_credential
    for name, value in headers.items():
        if not isinstance(name, str) or not credential(name):
            continue
        text = literal_text(value)
        if text is None or ctx.is_placeholder(text):
            continue
        rest = _AUTH_SCHEME.sub("", text, count=1).strip()
        if not rest or is_reference(rest):
            continue
        field = f"`network_config.extra_headers.{name}`"
        variable = f"{_prefix(provider)}_{_env_part(name)}"
        pointer = provider.at("network_config", "extra_headers", name)
        if resolves:
            yield _finding(pointer, field, variable)
        else:
            yield Finding(
                pointer,
                f"{field} holds a literal credential; Bifrost {ctx.catalog.version} sends header "
                f"values as written and does not resolve env.NAME references there, so keep the "
                f"credential out of the file: a provider API key belongs in a key's `value` "
                f"(\"env.{_prefix(provider)}_API_KEY\"), any other header should be added where "
                f"the file is deployed (e.g. from {variable})",
                fix="move the credential out of extra_headers",
                secret=True,
            )


def _is_literal_secret(ctx: RuleContext, value: Any) -> bool:
    text = literal_text(value)
    return text is not None and not ctx.is_placeholder(text)


def _suffix(index: int, several: bool) -> str:
    """What a suggested variable name ends with: the key's place when the provider has several."""
    return f"_{index + 1}" if several else ""


def _finding(pointer: str, field: str, variable: str) -> Finding:
    return Finding(
        pointer,
        f"{field} is a literal secret; reference an environment variable instead, e.g. "
        f"\"env.{variable}\"",
        fix=f'replace the value with "env.{variable}" and set {variable} where Bifrost runs',
        secret=True,
        autofix=FixIntent(
            ReplaceValue(pointer, f"env.{variable}"),
            "unsafe",
            f'reference "env.{variable}" instead of the literal',
            note=f"set {variable} where Bifrost runs to the value the file held",
        ),
    )


def _prefix(provider: ProviderView) -> str:
    return _env_part(provider.name) if provider.name else "PROVIDER"


def _env_part(text: Optional[str]) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9]+", "_", text or "").strip("_").upper()
    if not cleaned:
        return "SECRET"
    return cleaned if not cleaned[0].isdigit() else f"_{cleaned}"
