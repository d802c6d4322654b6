"""``provlint rule CODE|NAME`` and ``provlint rules``."""

from __future__ import annotations

import json
import sys

import click

from provlint.catalog import available_versions
from provlint.cli.common import fail_usage
from provlint.rules import Rule, all_rules, find_rule
from provlint.rules.examples import examples
from provlint.selection import NONE, SelectorError, validate_selector


def rule_as_json(rule: Rule, enabled: bool | None = None) -> dict:
    data = {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "tags": list(rule.tags),
        "summary": rule.summary,
        "explanation": _explanation(rule),
        "fix": rule.fix,
        "autofix": rule.fixable,
        "security_severity": rule.security_severity,
        "default_enabled": rule.default_enabled,
        "options": dict(rule.options),
        "since": first_line(rule),
        "examples": [{"passes": e.passes, "format": e.format, "text": e.text} for e in examples(rule.doc)],
    }
    if enabled is not None:
        data["enabled"] = enabled
    return data


def first_line(rule: Rule) -> str:
    """The first Bifrost line the rule applies to (the oldest known line for a rule of every line)."""
    return rule.since or available_versions()[0]


def _explanation(rule: Rule) -> str:
    """The docstring's prose: everything before the first example block."""
    body = rule.doc.split("\n", 1)[1] if "\n" in rule.doc else ""
    for marker in ("\nFails", "\nPasses"):
        if marker in "\n" + body:
            body = ("\n" + body).split(marker, 1)[0]
    return body.strip()


@click.command("rule")
@click.argument("rule_id")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Text for a person, or JSON for a program.")
def rule_command(rule_id: str, output_format: str) -> None:
    """Explain one rule: what it finds, why it matters, examples, how to fix it."""
    rule = find_rule(rule_id)
    if rule is None:
        try:
            named = "no rule" if validate_selector(rule_id) == NONE else "several rules"
            fail_usage(f"`{rule_id}` names {named}; give one code or name")
        except SelectorError as exc:
            fail_usage(str(exc))
    if output_format == "json":
        click.echo(json.dumps(rule_as_json(rule), indent=2))
        return
    lines = [f"{rule.code} {rule.name}  [{rule.severity.value}]  tags: {', '.join(rule.tags)}"]
    if rule.security_severity is not None:
        lines.append(f"security-severity: {rule.security_severity}")
    if rule.since is not None:
        lines.append(f"applies from Bifrost {rule.since} on: under an earlier target-version it finds nothing")
    lines += ["", rule.summary, "", _explanation(rule)]
    for example in examples(rule.doc):
        lines += ["", "Passes:" if example.passes else "Fails:", ""]
        lines += ["    " + line for line in example.text.rstrip("\n").splitlines()]
    if rule.fix:
        lines += ["", f"How to fix: {rule.fix}"]
    if not rule.default_enabled:
        lines += ["", "Off by default: enable it with `select` or `extend-select`."]
    if rule.options:
        lines += ["", f"Options (the defaults; set them in [tool.provlint.rule-options.{rule.name}]):", ""]
        lines += [f"    {name} = {json.dumps(value)}" for name, value in rule.options.items()]
    if rule.fixable:
        lines += ["", f"Automatic fix: {rule.fixable}"]
    click.echo("\n".join(lines))


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table for a person, or JSON for a program.")
@click.option("--select", multiple=True, help="Show what is enabled under this selection.")
@click.option("--ignore", multiple=True, help="Rules to disable, as `check --ignore` takes them.")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection, as `check --extend-select` takes them.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Read the settings from this file.")
@click.option("--isolated", is_flag=True, help="Ignore all settings files.")
@click.option("--target-version", default=None,
              help="The Bifrost line (or a release such as v2.2.5) to list the rules of [default: the settings', else the default line].")
def rules_command(output_format: str, select, ignore, extend_select, config_file, isolated, target_version) -> None:
    """List every rule with its code, name, default severity, first Bifrost line, tags and whether
    it is enabled under the settings that apply in the current folder (and the flags given)."""
    from pathlib import Path

    from provlint.runner import SettingsResolver, options_for
    from provlint.settings import SettingsError

    resolver = SettingsResolver(
        config_file=Path(config_file) if config_file else None,
        isolated=isolated,
        overrides=dict(target_version=target_version, select=select, extend_select=extend_select, ignore=ignore),
    )
    probe = "provlint-rules.json"  # any file of the current folder: its settings apply
    try:
        options = options_for(resolver.for_path(probe), probe, kind=None, environment={})
    except SettingsError as exc:
        fail_usage(str(exc))
    line = options.target_version
    on = {r.code for r in options.enabled_rules()}  # by selection, as --show-settings lists them; `since` says the rest
    rules = all_rules()
    if output_format == "json":
        click.echo(json.dumps([{**rule_as_json(r, r.code in on), "target_version": line} for r in rules], indent=2))
        return
    width = max(len(r.name) for r in rules)
    click.echo(f"# Bifrost line: {line}")
    click.echo(f"{'code':<6} {'name':<{width}} {'severity':<8} {'since':<5} {'enabled':<7} tags")
    for r in rules:
        click.echo(f"{r.code:<6} {r.name:<{width}} {r.severity.value:<8} {first_line(r):<5} "
                   f"{'yes' if r.code in on else 'no':<7} {', '.join(r.tags)}")
    sys.stdout.flush()
