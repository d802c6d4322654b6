"""``--show-settings``: the resolved settings for one path, as TOML-like text."""

from __future__ import annotations

import json

from provlint.settings import Settings


def render_settings(settings: Settings, path: str) -> str:
    from provlint.runner import options_for
    from provlint.secrets import escape_control

    rules = options_for(settings, path, kind=None, environment={}).enabled_rules()
    lines = [
        f"# settings file: {escape_control(str(settings.path or '(none: defaults)'))}",
        f"target-version = {json.dumps(settings.target_version)}",
        f"select = {json.dumps(list(settings.select) if settings.select is not None else ['(defaults)'])}",
        f"extend-select = {json.dumps(list(settings.extend_select))}",
        f"ignore = {json.dumps(list(settings.ignore))}",
        *([f"# command line: select = {json.dumps(list(settings.cli_select))}"] if settings.cli_select is not None else []),
        *([f"# command line: extend-select = {json.dumps(list(settings.cli_extend_select))}"] if settings.cli_extend_select else []),
        *([f"# command line: ignore = {json.dumps(list(settings.cli_ignore))}"] if settings.cli_ignore else []),
        f"fail-level = {json.dumps(settings.fail_level.value)}",
        f"exclude = {json.dumps(list(settings.exclude))}",
        f"extend-exclude = {json.dumps(list(settings.extend_exclude))}",
        f"respect-gitignore = {json.dumps(settings.respect_gitignore)}",
        f"placeholder-patterns = {json.dumps(list(settings.placeholder_patterns))}",
        f"max-file-size = {settings.max_file_bytes // (1024 * 1024)}",
        f"fixable = {json.dumps(list(settings.fixable))}",
        f"unfixable = {json.dumps(list(settings.unfixable))}",
        "",
        "[per-file-ignores]",
        *(f"{json.dumps(glob)} = {json.dumps(list(sels))}" for glob, sels in settings.per_file_ignores),
        "",
        "[severity]",
        *(f"{json.dumps(code)} = {json.dumps(level)}" for code, level in settings.severity),
        "",
        "[roots]",
        *(f"{json.dumps(glob)} = {json.dumps(pointer)}" for glob, pointer in settings.roots),
        "",
        *(
            line
            for e in settings.exceptions
            for line in ("[[exceptions]]", f"files = {json.dumps(e.files)}", f"pointer = {json.dumps(e.pointer)}",
                         f"rules = {json.dumps(list(e.rules))}", f"reason = {json.dumps(e.reason)}", "")
        ),
        *_rule_option_lines(settings),
        f"# enabled rules for {path} ({len(rules)}): {', '.join(r.code for r in rules)}",
    ]
    return "\n".join(lines) + "\n"


def _rule_option_lines(settings: Settings) -> list[str]:
    """Every option of every rule, with the value in force and whether it is the default."""
    from provlint.rules import all_rules

    chosen = settings.rule_options_by_code()
    lines = []
    for rule in all_rules():
        if not rule.options:
            continue
        lines.append(f"[rule-options.{rule.name}]  # {rule.code}")
        for name, default in rule.options.items():
            if name in chosen.get(rule.code, {}):
                lines.append(f"{name} = {json.dumps(chosen[rule.code][name])}  # default: {json.dumps(default)}")
            else:
                lines.append(f"{name} = {json.dumps(default)}  # default")
        lines.append("")
    return lines
