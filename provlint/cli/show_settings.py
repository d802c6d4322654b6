"""``--show-settings``: the resolved settings for one path, as TOML-like text."""

from __future__ import annotations

import json

from provlint.settings import Settings


def render_settings(settings: Settings, path: str) -> str:
    from provlint.runner import options_for

    rules = options_for(settings, path, kind=None, environment={}).enabled_rules()
    lines = [
        f"# settings file: {settings.path or '(none: defaults)'}",
        f"target-version = {json.dumps(settings.target_version)}",
        f"select = {json.dumps(list(settings.select) if settings.select is not None else ['(defaults)'])}",
        f"extend-select = {json.dumps(list(settings.extend_select))}",
        f"ignore = {json.dumps(list(settings.ignore))}",
        *([f"# command line: select = {json.dumps(list(settings.cli_select))}"] if settings.cli_select is not None else []),
        *([f"# command line: extend-select = {json.dumps(list(settings.cli_extend_select))}"] if settings.cli_extend_select else []),
        *([f"# command line: ignore = {json.dumps(list(settings.cli_ignore))}"] if settings.cli_ignore else []),
        f"fail-level = {json.dumps(settings.fail_level.value)}",
        f"exclude = {json.dumps(list(settings.exclude))}",
        f"placeholder-patterns = {json.dumps(list(settings.placeholder_patterns))}",
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
        f"# enabled rules for {path} ({len(rules)}): {', '.join(r.code for r in rules)}",
    ]
    return "\n".join(lines) + "\n"
