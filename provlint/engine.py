"""The pipeline: parse -> detect kind -> rules -> stamp code, severity and position -> waive -> sort.

This is the one place that turns what rules yield (a pointer and a message) into diagnostics
with a file, a position and a severity; rules never see any of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Optional

from provlint.catalog import DEFAULT_TARGET_VERSION, load_catalog
from provlint.findings import Diagnostic, FileResult, Finding, Severity
from provlint.rules import Rule
from provlint.rules.context import RuleContext
from provlint.secrets import SecretMap, mask_message
from provlint.source import Document, DocumentKind, Format, detect_kind, load_bytes
from provlint.suppression import first_matching, waived_by_comment, yaml_waivers

PARSE_ERROR = "PL001"
UNUSED_SUPPRESSION = "PL902"


@dataclass
class LintOptions:
    """What one file is checked with: the Bifrost line, the rules in force, waivers."""

    target_version: str = DEFAULT_TARGET_VERSION
    kind: Optional[DocumentKind] = None
    rules: Optional[tuple[Rule, ...]] = None
    severities: dict[str, Severity] = field(default_factory=dict)
    environment: Mapping[str, str] = field(default_factory=dict)
    placeholder_patterns: tuple[str, ...] = ()
    root: str = ""
    exceptions: tuple = ()  # settings.WaivedFinding entries whose file glob matches this file
    fail_level: Severity = Severity.ERROR

    def enabled_rules(self) -> tuple[Rule, ...]:
        if self.rules is not None:
            return self.rules
        from provlint.selection import enabled_rules

        return enabled_rules(None)

    def severity_of(self, rule: Rule, finding: Optional[Finding] = None) -> Severity:
        if rule.code in self.severities:
            return self.severities[rule.code]
        return (finding.severity if finding is not None else None) or rule.severity


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
    # Computed on first use only: a file without findings never builds its secret map.
    secrets = SecretMap.of_document(doc, catalog)
    result = FileResult(path=doc.path, text=doc.text, data=doc.data, fail_level=options.fail_level, secrets=secrets)
    ctx = RuleContext(
        document=doc,
        kind=DocumentKind.UNKNOWN,
        catalog=catalog,
        environment=options.environment,
        placeholder_patterns=tuple(re.compile(p) for p in options.placeholder_patterns),
        enabled_codes=frozenset(r.code for r in rules),
        root=options.root,
        secrets=secrets,
    )
    if not doc.ok:
        rules = tuple(r for r in rules if r.code == PARSE_ERROR)
    else:
        ctx.kind = options.kind or detect_kind(ctx.data, catalog, strict=not explicit)
        if ctx.kind is DocumentKind.UNKNOWN and not explicit:
            result.skipped = True
            return result
    diagnostics = list(_stamp(doc, rules, ctx, options, secrets))
    result.diagnostics = sorted(_waive(doc, diagnostics, options, rules, result), key=Diagnostic.sort_key)
    return result


def _stamp(doc: Document, rules: Iterable[Rule], ctx: RuleContext, options: LintOptions, secrets: SecretMap) -> Iterator[Diagnostic]:
    for rule in rules:
        for finding in rule.check(ctx):
            # A finding with its own span comes from the source layer and names the whole file;
            # any other pointer is relative to the Bifrost root inside the file.
            pointer = finding.pointer if finding.span else options.root + finding.pointer
            yield Diagnostic(
                code=rule.code,
                name=rule.name,
                severity=options.severity_of(rule, finding),
                path=doc.path,
                span=finding.span or doc.span_of(pointer, finding.target),
                pointer=pointer,
                message=mask_message(finding.message, secrets),
                related=finding.related,
                fix=finding.fix or rule.fix,
                secret=finding.secret,
            )


def _waive(doc: Document, diagnostics: list[Diagnostic], options: LintOptions, rules, result: FileResult) -> Iterator[Diagnostic]:
    """Drop what YAML comments or settings exceptions waive; report comments that waive nothing."""
    waivers = yaml_waivers(doc.text) if doc.format is Format.YAML and "provlint:" in doc.text else None
    if waivers is not None and waivers.disable_file:
        return
    for diagnostic in diagnostics:
        if waivers is not None and waived_by_comment(diagnostic, waivers):
            continue
        exception = first_matching(diagnostic, options.exceptions)
        if exception is not None:
            result.waived_by.add(exception)
            continue
        yield diagnostic
    unused = next((r for r in rules if r.code == UNUSED_SUPPRESSION), None)
    if waivers is not None and unused is not None:
        for comment in waivers.comments:
            if not comment.used:
                yield Diagnostic(
                    code=unused.code,
                    name=unused.name,
                    severity=options.severity_of(unused),
                    path=doc.path,
                    span=comment.span,
                    pointer="",
                    message=f"`# provlint: ignore[{', '.join(comment.selectors)}]` waives no finding; remove it",
                    fix="remove the comment",
                )


def failing(results: Iterable[FileResult]) -> bool:
    return any(result.fails() for result in results)


__all__ = ["LintOptions", "lint_bytes", "lint_document", "lint_text", "failing", "Finding"]
