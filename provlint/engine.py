"""The finding lifecycle of one document, each stage a function with plain data between:

    run rules (each under a guard) -> drop superseded findings -> apply the selection
    -> stamp -> waive -> sort

``stamp`` is the one place that turns what a rule yields (a pointer and a message) into a
Diagnostic with a rule, a severity, a file and a position, for every producer: rules, the
parse step (PL001), the guard (PL000) and the waiver stage (PL902). Rules never see any of
those, nor which other rules are selected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from provlint.catalog import DEFAULT_TARGET_VERSION, load_catalog
from provlint.findings import Diagnostic, FileResult, Finding, Position, Severity, Span
from provlint.records import Record
from provlint.rules import Rule, all_rules, find_rule
from provlint.rules.context import RuleContext
from provlint.source import Document, DocumentKind, Format, detect_kind, load_bytes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import Iterable, Mapping, Optional

    from provlint.secrets import SecretMap

INTERNAL_ERROR = "PL000"
PARSE_ERROR = "PL001"
UNUSED_SUPPRESSION = "PL902"
# Reported whatever the selection: a file that could not be read or checked must never pass.
ALWAYS_REPORTED = frozenset({INTERNAL_ERROR, PARSE_ERROR})
FILE_START = Span(Position(1, 1), Position(1, 1))


class LintOptions(Record):
    """What one file is checked with: the Bifrost line, the rules in force, waivers.

    ``environment`` is what ``env.NAME`` references resolve against and ``now`` the time the
    run judges certificates at; both are the caller's (the command line passes the process
    environment and the wall clock), never read here.
    """

    __slots__ = ("target_version", "kind", "rules", "severities", "environment", "now", "placeholder_patterns",
                 "rule_options", "root", "exceptions", "baseline", "fail_level", "used_exceptions", "fixable")
    __hash__ = None  # the waiver stage fills used_exceptions

    def __init__(
        self,
        target_version: str = DEFAULT_TARGET_VERSION,
        kind: Optional[DocumentKind] = None,
        rules: Optional[tuple[Rule, ...]] = None,
        severities: Optional[dict[str, Severity]] = None,  # None: a new empty dict
        environment: Optional[Mapping[str, str]] = None,  # None: a new empty dict
        now: Optional[datetime | float] = None,
        placeholder_patterns: tuple[str, ...] = (),
        rule_options: Optional[Mapping[str, Mapping[str, object]]] = None,  # code -> settings' values
        root: str = "",
        exceptions: tuple = (),  # settings.WaivedFinding entries whose file glob matches this file
        baseline: object = None,  # baseline.Baseline of the run, or None
        fail_level: Severity = Severity.ERROR,
        used_exceptions: Optional[set] = None,  # filled by the waiver stage
        fixable: Optional[frozenset] = None,  # codes whose fixes are offered (settings fixable/unfixable); None: all
    ) -> None:
        self.target_version = target_version
        self.kind = kind
        self.rules = rules
        self.severities = {} if severities is None else severities
        self.environment = {} if environment is None else environment
        self.now = now
        self.placeholder_patterns = placeholder_patterns
        self.rule_options = {} if rule_options is None else rule_options
        self.root = root
        self.exceptions = exceptions
        self.baseline = baseline
        self.fail_level = fail_level
        self.used_exceptions = set() if used_exceptions is None else used_exceptions
        self.fixable = fixable

    def enabled_rules(self) -> tuple[Rule, ...]:
        if self.rules is not None:
            return self.rules
        from provlint.selection import enabled_rules

        return enabled_rules(None)

    def severity_of(self, rule: Rule) -> Severity:
        return self.severities.get(rule.code, rule.severity)


def lint_bytes(
    raw: bytes,
    path: str,
    *,
    explicit: bool = True,
    fmt: Optional[Format] = None,
    options: Optional[LintOptions] = None,
) -> FileResult:
    return lint_document(load_bytes(raw, path, fmt), explicit=explicit, options=options)


def lint_text(text: str, path: str = "<text>", *, options: Optional[LintOptions] = None) -> list[Diagnostic]:
    return lint_bytes(text.encode("utf-8"), path, options=options).diagnostics


def lint_document(doc: Document, *, explicit: bool = True, options: Optional[LintOptions] = None) -> FileResult:
    from provlint.waivers import waive

    options = options or LintOptions()
    catalog = load_catalog(options.target_version)
    selected = options.enabled_rules()
    result = FileResult(path=doc.path, text=doc.text, data=doc.data, fail_level=options.fail_level,
                        target_version=options.target_version)
    patterns = options.placeholder_patterns
    ctx = RuleContext(
        document=doc,
        kind=DocumentKind.UNKNOWN,
        catalog=catalog,
        environment=options.environment,
        now=options.now,
        placeholder_patterns=tuple(re.compile(p) for p in patterns) if patterns else (),
        rule_options=options.rule_options,
        root=options.root,
    )
    if doc.ok:
        ctx.kind = options.kind or detect_kind(ctx.data, catalog, strict=not explicit)
        if ctx.kind is DocumentKind.UNKNOWN and not explicit:
            result.skipped = True
            return result
        raw = run_rules(rules_to_run(selected), ctx)
    else:
        raw = run_rules((find_rule(PARSE_ERROR),), ctx)
    if raw:  # a clean file (most files) has nothing to drop
        raw = select(supersede(raw), selected)
    # The secret map (which values must never be quoted) is built only for a file with findings,
    # or when a rule asked for it; a clean file never imports its modules.
    secrets = ctx.secret_map() if raw else ctx.secrets
    # A message is masked against the pieces it can hold (the whole map only where the text holds
    # more than the data, or for a finding of the source layer, which quotes the text itself).
    for_messages = secrets.for_messages() if raw else None
    diagnostics = [
        stamp(rule, f, doc=doc, root=options.root, options=options, secrets=secrets if f.span else for_messages)
        for rule, f in raw
    ]
    kept, unused = waive(diagnostics, doc=doc, options=options, secrets=secrets)
    if unused and any(rule.code == UNUSED_SUPPRESSION for rule in selected):
        unused_rule = find_rule(UNUSED_SUPPRESSION)
        secrets = ctx.secret_map()
        kept.extend(stamp(unused_rule, finding, doc=doc, options=options, secrets=secrets) for finding in unused)
    result.secrets = secrets
    result.diagnostics = sorted(kept, key=Diagnostic.sort_key)
    return result


# --- the stages -----------------------------------------------------------------------------

Raw = list[tuple[Rule, Finding]]


def rules_to_run(selected: Iterable[Rule]) -> tuple[Rule, ...]:
    """The selected rules plus every rule that supersedes one of them: a superseding rule must
    run to take its place even when it is not selected itself (its own findings are then
    dropped by the selection)."""
    selected = tuple(selected)
    codes = {rule.code for rule in selected}
    return selected + tuple(r for r in _superseding_rules() if r.code not in codes and codes.intersection(r.supersedes))


@lru_cache(maxsize=None)
def _superseding_rules() -> tuple[Rule, ...]:
    """The rules that supersede another, in registry order (7 of 50: checked for every file)."""
    return tuple(r for r in all_rules() if r.supersedes)


def run_rules(rules: Iterable[Rule], ctx: RuleContext) -> Raw:
    """Every rule's findings; a rule that raises becomes one internal-error finding naming it,
    and the other rules (and files) go on."""
    found: Raw = []
    for rule in rules:
        # A plain loop, not extend() over a generator expression: a clean file runs 50 rules
        # that find nothing, and the extra generator layer was a third of their cost.
        try:
            for finding in rule.check(ctx):
                found.append((rule, finding))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the rest
            found.append((find_rule(INTERNAL_ERROR), _internal_error(rule, exc)))
    return found


def _internal_error(rule: Rule, exc: Exception) -> Finding:
    return Finding(
        "",
        f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}; the other rules "
        f"ran. Please report this with the file that caused it",
    )


def supersede(raw: Raw) -> Raw:
    """Drop a finding where a rule that supersedes its rule found something at the same pointer:
    one problem, one finding, the more specific one."""
    taken = {(code, finding.pointer) for rule, finding in raw for code in rule.supersedes}
    return [(rule, finding) for rule, finding in raw if (rule.code, finding.pointer) not in taken]


def select(raw: Raw, selected: Iterable[Rule]) -> Raw:
    codes = {rule.code for rule in selected} | ALWAYS_REPORTED
    return [(rule, finding) for rule, finding in raw if rule.code in codes]


def stamp(
    rule: Rule,
    finding: Finding,
    *,
    options: LintOptions,
    doc: Optional[Document] = None,
    path: Optional[str] = None,
    root: str = "",
    secrets: Optional["SecretMap"] = None,
) -> Diagnostic:
    """The only constructor of Diagnostic. A finding with its own span comes from the source
    layer or a waiver loader and names the whole file; any other pointer is relative to the
    Bifrost root inside ``doc``."""
    from provlint.secrets import mask_message  # a file with findings only: not at start-up

    pointer = finding.pointer if finding.span else root + finding.pointer
    if finding.span is not None:
        span = finding.span
    elif doc is not None:
        span = doc.span_of(pointer, finding.target)
    else:
        span = FILE_START
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=options.severity_of(rule),
        path=path if path is not None else doc.path,
        span=span,
        pointer=pointer,
        # Every message passes the document's secret map: no rule can leak what it quotes.
        message=mask_message(finding.message, secrets),
        related=finding.related,
        fix=finding.fix or rule.fix,
        secret=finding.secret,
        autofix=_resolved_fix(rule, finding, doc, root, options),
    )


def _resolved_fix(rule: Rule, finding: Finding, doc: Optional[Document], root: str, options: LintOptions):
    """The finding's fix intent made into edits of ``doc``'s text (lazily imported: only a
    finding with a fix pays for the fix layer)."""
    if finding.autofix is None or doc is None or not doc.ok:
        return None
    if options.fixable is not None and rule.code not in options.fixable:
        return None
    from provlint.fixes.resolve import PendingFix

    return PendingFix(doc, finding.autofix, root)




def failing(results: Iterable[FileResult]) -> bool:
    return any(result.fails() for result in results)


def exit_status(results: Iterable[FileResult]) -> int:
    """2 when a rule failed internally (as ruff exits on an internal error), 1 when findings
    fail the run, else 0."""
    status = 0
    for result in results:
        status = max(status, result_status(result))
    return status


def result_status(result: FileResult) -> int:
    """The exit status one result alone calls for (``exit_status`` is the largest of them)."""
    if not result.diagnostics:
        return 0
    if any(d.code == INTERNAL_ERROR for d in result.diagnostics):
        return 2
    return 1 if result.fails() else 0


__all__ = ["LintOptions", "lint_bytes", "lint_document", "lint_text", "failing", "exit_status", "result_status", "stamp", "Finding"]
