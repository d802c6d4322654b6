"""Which more specific rule claims a structure issue, so that one problem gives one finding.

The model validation reports every key it does not know as an ``unknown`` issue (PL101).
Some of those keys have a rule of their own that says more: a legacy key Bifrost dropped
(PL104), ``keys`` in an add- or update-provider request (PL105), a read-only field in a
request or config file (PL103), a misspelt request type in ``allowed_requests`` (PL207).
PL101 leaves an issue to the claiming rule only while that rule is in force, so turning the
specific rule off brings the general finding back.

The members each specific rule reports are computed here, in one place, and the rules use
the same functions: what a rule claims is exactly what it reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, NamedTuple, Optional

from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

if TYPE_CHECKING:
    from provlint.rules.context import RuleContext
    from provlint.structure import StructureIssue

READ_ONLY_FIELD = "PL103"
DEPRECATED_FIELD = "PL104"
KEYS_IN_UPDATE = "PL105"
UNKNOWN_REQUEST_TYPE = "PL207"
BACKOFF_RANGE = "PL402"

# Documents a client writes: the fields a server owns do not belong in them.
REQUEST_KINDS = (DocumentKind.ADD_PROVIDER, DocumentKind.UPDATE_PROVIDER)
REQUEST_TYPE_MAPS = ("allowed_requests", "request_path_overrides")


class Member(NamedTuple):
    """One offending member: where it is (pointer of the member), its key, and its setting."""

    pointer: str
    key: str
    where: str


def read_only_members(ctx: "RuleContext") -> Iterator[Member]:
    """Read-only fields in request payloads and config files (PL103).

    ``where`` is ``add-provider``, ``update-provider``, ``config`` (a provider entry of a
    config file) or ``config-key`` (a key of such an entry).
    """
    provider_fields = ctx.catalog.response_only_fields
    if ctx.kind in REQUEST_KINDS:
        for provider in ctx.providers:
            for key in provider.settings:
                if key in provider_fields:
                    yield Member(provider.at(key), key, ctx.kind.value)
    elif ctx.kind is DocumentKind.CONFIG:
        key_fields = ctx.catalog.key_response_only_fields
        for provider in ctx.providers:
            for key in provider.settings:
                if key in provider_fields:
                    yield Member(provider.at(key), key, "config")
            keys = provider.settings.get("keys")
            if not isinstance(keys, list):
                continue
            for index, entry in enumerate(keys):
                if not isinstance(entry, dict):
                    continue
                for key in entry:
                    if key in key_fields:
                        yield Member(provider.at("keys", index, key), key, "config-key")


def keys_in_request(ctx: "RuleContext") -> Optional[Member]:
    """The ``keys`` member of an add- or update-provider request (PL105), if there is one."""
    if ctx.kind not in REQUEST_KINDS:
        return None
    for provider in ctx.providers:
        if "keys" in provider.settings:
            return Member(provider.at("keys"), "keys", ctx.kind.value)
    return None


def unknown_request_types(ctx: "RuleContext") -> Iterator[Member]:
    """Keys of ``allowed_requests`` / ``request_path_overrides`` that are no request type (PL207).

    ``where`` names the map the key sits in.
    """
    known = set(ctx.catalog.request_types)
    for provider in ctx.providers:
        custom = provider.settings.get("custom_provider_config")
        if not isinstance(custom, dict):
            continue
        for map_name in REQUEST_TYPE_MAPS:
            entries = custom.get(map_name)
            if not isinstance(entries, dict):
                continue
            for key in entries:
                if key not in known:
                    yield Member(provider.at("custom_provider_config", map_name, key), key, map_name)


def duration_string_backoffs(ctx: "RuleContext") -> Iterator[Member]:
    """Backoffs written as Go duration strings where the line takes only integers (PL402).

    ``where`` is the duration in milliseconds, as text. The model validation reports the same
    values as ``invalid`` (a string where an integer belongs); PL402 says what to write instead.
    """
    if ctx.catalog.duration_strings:
        return
    from provlint.rules.pl402_backoff_range import BACKOFF_FIELDS, parse_go_duration_ms

    for provider in ctx.providers:
        network = provider.settings.get("network_config")
        if not isinstance(network, dict):
            continue
        for field in BACKOFF_FIELDS:
            ms = parse_go_duration_ms(network.get(field))
            if ms is not None:
                yield Member(provider.at("network_config", field), field, str(ms))


def is_dropped(issue: "StructureIssue", ctx: "RuleContext") -> bool:
    """A key the models do not know whose name the catalog lists as dropped (PL104)."""
    return issue.category == "unknown" and _last_token(issue.pointer) in ctx.catalog.dropped_fields


def claimed_by(issue: "StructureIssue", ctx: "RuleContext") -> Optional[str]:
    """The code of the more specific rule that reports ``issue``, or None when none does."""
    if issue.category == "invalid":
        if any(m.pointer == issue.pointer for m in duration_string_backoffs(ctx)):
            return BACKOFF_RANGE
        return None
    if issue.category != "unknown":
        return None
    keys = keys_in_request(ctx)
    if keys is not None and keys.pointer == issue.pointer:
        return KEYS_IN_UPDATE
    if any(m.pointer == issue.pointer for m in read_only_members(ctx)):
        return READ_ONLY_FIELD
    if any(m.pointer == issue.pointer for m in unknown_request_types(ctx)):
        return UNKNOWN_REQUEST_TYPE
    if is_dropped(issue, ctx):
        return DEPRECATED_FIELD
    return None


def _last_token(pointer: str) -> Optional[Any]:
    try:
        tokens = jp.split(pointer)
    except ValueError:
        return None
    return tokens[-1] if tokens else None


__all__ = [
    "Member", "claimed_by", "duration_string_backoffs", "is_dropped", "keys_in_request", "read_only_members",
    "unknown_request_types", "READ_ONLY_FIELD", "DEPRECATED_FIELD", "KEYS_IN_UPDATE",
    "UNKNOWN_REQUEST_TYPE", "BACKOFF_RANGE",
]
