"""A ``config_hash`` that does not match the provider settings it sits beside.

Bifrost stores a SHA-256 of each provider's settings as ``config_hash`` and, on start-up,
treats a provider whose hash changed as changed. A value copied from another provider, left
over from an earlier version of the settings, or cut short when pasted misleads anyone who
compares it with the gateway's (``provlint hash`` prints the right one).

This rule looks at the ``config_hash`` of a provider response or of a config.json provider
entry. It recomputes the hash with Bifrost's own algorithm where the target line has one
(2.0, and 2.1/2.2 with 2.0's facts; HASHING.md) and gives the expected value. It does not
guess: a provider that sets a field whose place in the hash is not known (``prompt_cache``,
``http2_ping_interval_in_seconds``, ...; ``provlint hash`` names it) gets no finding. Under a
line whose algorithm is not known (1.5) it does not guess either, and reports only a response
value that is not 64 lower-case hex digits, which matches no settings under any line (in a
config file, where the member is read-only, PL103 already asks to remove it). It says nothing
either when the settings cannot
be hashed (other rules report why), hold secrets the API redacted, or read an environment
variable that is not set here (PL602).

Fails::

    {"name": "openai", "provider_status": "active", "config_hash": "7d3194f79e645c42"}

Passes::

    {"name": "openai", "provider_status": "active", "config_hash": "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, ReplaceValue, Severity
from provlint.patterns import lazy
from provlint.rules.context import RuleContext
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator, Mapping

CODE = "PL601"
NAME = "stale-config-hash"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = (
    "set `config_hash` to the value the gateway reports (for a 2.x target, the one "
    "`provlint hash --algorithm bifrost` prints), or remove it"
)
FIXABLE = "writes the computed config_hash (safe; only where the target line's algorithm is known and every env reference is set)"

_DIGEST = lazy(r"[0-9a-f]{64}")
_KINDS = (DocumentKind.CONFIG, DocumentKind.PROVIDER_RESPONSE)
# Bifrost's Redacted(): "<REDACTED>", or the first and last 4 characters around 24 '*' (all
# '*' for 8 characters or fewer). A hash over redacted text is not the gateway's.


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.kind not in _KINDS:
        return  # in a request body config_hash is read-only (PL103)
    for provider in ctx.providers:
        stated = provider.settings.get("config_hash")
        if not isinstance(stated, str) or stated == "":
            continue
        expected = _expected(provider.name, provider.settings, ctx)
        if expected is not None and stated != expected:
            yield Finding(
                provider.at("config_hash"),
                f"`config_hash` does not match the settings beside it: Bifrost {ctx.catalog.version}'s "
                f"algorithm gives `{expected}`" + _environment_note(provider.settings, ctx),
                fix=f"set `config_hash` to `{expected}`, or remove it",
                autofix=FixIntent(ReplaceValue(provider.at("config_hash"), expected), "safe", "write the computed config_hash"),
            )
        elif expected is None and ctx.kind is DocumentKind.PROVIDER_RESPONSE and not _DIGEST.fullmatch(stated):
            # In a config file config_hash is read-only and PL103 already says to remove it;
            # there PL601 speaks only when it can give the expected value.
            yield Finding(
                provider.at("config_hash"),
                "`config_hash` is not a SHA-256 digest in lower-case hex (64 digits), the only form "
                "Bifrost writes, so it matches no settings; take the value the gateway reports, or "
                "remove it",
            )


def _expected(name: Any, settings: Mapping[str, Any], ctx: RuleContext):
    """The hash Bifrost computes for these settings, or None when it cannot be known here."""
    if not isinstance(name, str) or ctx.catalog.hash is None:
        return None
    from provlint.hashing import BIFROST, config_hash, environment_dependencies

    if any(r.variable not in ctx.environment for r in environment_dependencies(settings, ctx.catalog)):
        return None
    result = config_hash(name, settings, algorithm=BIFROST, catalog=ctx.catalog, environment=ctx.environment)
    return result.value


def _environment_note(settings: Mapping[str, Any], ctx: RuleContext) -> str:
    from provlint.hashing import environment_dependencies

    names = sorted({r.variable for r in environment_dependencies(settings, ctx.catalog)})
    if not names:
        return ""
    return f" with {', '.join(names)} as set in this environment (see PL602)"
