"""The pipeline: parse -> detect kind -> rules -> stamp code, severity and position -> sort.

This is the one place that turns what rules yield (a pointer and a message) into diagnostics
with a file, a position and a severity; rules never see any of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

from provlint.catalog import DEFAULT_TARGET_VERSION, load_catalog
from provlint.findings import Diagnostic, FileResult, Finding, Severity
from provlint.rules import Rule, all_rules
from provlint.rules.context import RuleContext
from provlint.source import Document, DocumentKind, Format, detect_kind, load_bytes

PARSE_ERROR = "PL001"


@dataclass
class LintOptions:
    """What a run checks: the Bifrost line, a forced document kind, the rules in force."""

    target_version: str = DEFAULT_TARGET_VERSION
    kind: Optional[DocumentKind] = None
    rules: Optional[tuple[Rule, ...]] = None
    severities: dict[str, Severity] = field(default_factory=dict)
    environment: Mapping[str, str] = field(default_factory=dict)
    placeholder_patterns: tuple[str, ...] = ()

    def enabled_rules(self) -> tuple[Rule, ...]:
        return self.rules if self.rules is not None else all_rules()

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
    options = options or LintOptions()
    catalog = load_catalog(options.target_version)
    rules = options.enabled_rules()
    result = FileResult(path=doc.path, text=doc.text)
    if not doc.ok:
        rules = tuple(r for r in rules if r.code == PARSE_ERROR)
        kind = DocumentKind.UNKNOWN
    else:
        kind = options.kind or detect_kind(doc.data, catalog)
        if kind is DocumentKind.UNKNOWN and not explicit:
            result.skipped = True
            return result
    ctx = RuleContext(
        document=doc,
        kind=kind,
        catalog=catalog,
        environment=options.environment,
        placeholder_patterns=tuple(re.compile(p) for p in options.placeholder_patterns),
        enabled_codes=frozenset(r.code for r in rules),
    )
    result.diagnostics = sorted(_stamp(doc, rules, ctx, options), key=Diagnostic.sort_key)
    return result


def _stamp(doc: Document, rules: Iterable[Rule], ctx: RuleContext, options: LintOptions) -> Iterable[Diagnostic]:
    for rule in rules:
        severity = options.severity_of(rule)
        for finding in rule.check(ctx):
            yield Diagnostic(
                code=rule.code,
                name=rule.name,
                severity=severity,
                path=doc.path,
                span=finding.span or doc.span_of(finding.pointer, finding.target),
                pointer=finding.pointer,
                message=finding.message,
                related=finding.related,
                fix=finding.fix or rule.fix,
            )


def worst_severity(results: Iterable[FileResult]) -> Optional[Severity]:
    worst: Optional[Severity] = None
    for result in results:
        for diagnostic in result.diagnostics:
            if worst is None or diagnostic.severity.rank > worst.rank:
                worst = diagnostic.severity
    return worst


__all__ = ["LintOptions", "lint_bytes", "lint_document", "lint_text", "worst_severity", "Finding"]
