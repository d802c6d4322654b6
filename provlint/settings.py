"""``[tool.provlint]`` / ``provlint.toml`` / ``.provlint.toml``: discovery and validation.

The nearest settings file above a linted file applies to it (in each folder: a pyproject.toml
with a ``[tool.provlint]`` table, else provlint.toml, else .provlint.toml). Globs in the file
are relative to the folder that holds it. Every key and value is checked; a mistake is a
SettingsError (the CLI exits 2) with a did-you-mean, never a silently ignored setting.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from pathlib import Path, PurePosixPath

from provlint.catalog import DEFAULT_TARGET_VERSION, UnknownTargetVersion, lintable_versions, target_line
from provlint.discovery import DEFAULT_MAX_FILE_MIB
from provlint.findings import Severity, Span
from provlint.records import Record, replace
from provlint.selection import SelectorError, validate_selector
from provlint.suggest import suggestion_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

SETTINGS_FILES = ("pyproject.toml", "provlint.toml", ".provlint.toml")
SEVERITY_VALUES = ("error", "warning", "info", "off")


class SettingsError(ValueError):
    """A settings file, or a command-line override, that provlint cannot accept."""


class WaivedFinding(Record):
    """An ``[[exceptions]]`` entry: findings of ``rules`` at or under ``pointer`` in ``files``."""

    __slots__ = ("files", "pointer", "rules", "reason", "index", "span")
    _not_compared = ("span",)

    def __init__(
        self,
        files: str,
        pointer: str,
        rules: tuple[str, ...],
        reason: str,
        index: int,  # position in the file, to report it when it matches nothing
        # Where its table header stands, recorded when the file is read (PL902 points there).
        span: Optional[Span] = None,
    ) -> None:
        self.files = files
        self.pointer = pointer
        self.rules = rules
        self.reason = reason
        self.index = index
        self.span = span


class Settings(Record):
    __slots__ = ("path", "base_dir", "target_version", "select", "extend_select", "ignore", "per_file_ignores",
                 "severity", "exceptions", "roots", "fail_level", "exclude", "extend_exclude",
                 "respect_gitignore", "placeholder_patterns", "rule_options", "max_file_bytes", "fixable",
                 "unfixable", "cli_select", "cli_extend_select", "cli_ignore")

    def __init__(
        self,
        path: Optional[Path] = None,  # the file these came from (None: defaults)
        base_dir: Optional[Path] = None,  # None: the working folder
        target_version: str = DEFAULT_TARGET_VERSION,
        select: Optional[tuple[str, ...]] = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        severity: tuple[tuple[str, str], ...] = (),
        exceptions: tuple[WaivedFinding, ...] = (),
        roots: tuple[tuple[str, str], ...] = (),
        fail_level: Severity = Severity.ERROR,
        exclude: tuple[str, ...] = (),
        extend_exclude: tuple[str, ...] = (),
        respect_gitignore: bool = True,
        placeholder_patterns: tuple[str, ...] = (),
        rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = (),  # (code, ((option, value), ...))
        max_file_bytes: int = DEFAULT_MAX_FILE_MIB * 1024 * 1024,
        # Rules whose automatic fixes are offered (ruff's fixable/unfixable: the most specific wins).
        fixable: tuple[str, ...] = ("ALL",),
        unfixable: tuple[str, ...] = (),
        # Command-line selectors: a later layer than the file's, so they win (see with_overrides).
        cli_select: Optional[tuple[str, ...]] = None,
        cli_extend_select: tuple[str, ...] = (),
        cli_ignore: tuple[str, ...] = (),
    ) -> None:
        self.path = path
        self.base_dir = Path.cwd() if base_dir is None else base_dir
        self.target_version = target_version
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.per_file_ignores = per_file_ignores
        self.severity = severity
        self.exceptions = exceptions
        self.roots = roots
        self.fail_level = fail_level
        self.exclude = exclude
        self.extend_exclude = extend_exclude
        self.respect_gitignore = respect_gitignore
        self.placeholder_patterns = placeholder_patterns
        self.rule_options = rule_options
        self.max_file_bytes = max_file_bytes
        self.fixable = fixable
        self.unfixable = unfixable
        self.cli_select = cli_select
        self.cli_extend_select = cli_extend_select
        self.cli_ignore = cli_ignore

    def selection_layers(self) -> tuple[tuple, ...]:
        return (
            (self.select, self.extend_select, self.ignore),
            (self.cli_select, self.cli_extend_select, self.cli_ignore),
        )

    def rule_options_by_code(self) -> dict[str, dict[str, Any]]:
        """The ``rule-options`` the file sets, by rule code (defaults are the rules' own)."""
        return {code: dict(values) for code, values in self.rule_options}

    def relative(self, path: str) -> str:
        """``path`` relative to the settings folder, with ``/`` separators, for glob matching."""
        try:
            rel = os.path.relpath(os.path.abspath(path), self.base_dir)
        except ValueError:
            rel = path
        return PurePosixPath(*Path(rel).parts).as_posix()

    def matches(self, pattern: str, path: str) -> bool:
        return glob_match(pattern, self.relative(path))

    def is_excluded(self, path: str) -> bool:
        return any(self.matches(p, path) for p in (*self.exclude, *self.extend_exclude))

    def ignores_for(self, path: str) -> tuple[str, ...]:
        return tuple(s for pattern, sels in self.per_file_ignores if self.matches(pattern, path) for s in sels)

    def fixable_codes(self) -> frozenset:
        from provlint.selection import enabled_rules

        return frozenset(rule.code for rule in enabled_rules(self.fixable, (), self.unfixable))

    def root_for(self, path: str) -> str:
        for pattern, pointer in self.roots:
            if self.matches(pattern, path):
                return pointer
        return ""


def glob_match(pattern: str, rel_path: str) -> bool:
    """A pattern with no ``/`` matches a file name anywhere; otherwise the relative path."""
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if "/" not in pattern.rstrip("/"):
        return fnmatch.fnmatchcase(PurePosixPath(rel_path).name, pattern) or fnmatch.fnmatchcase(rel_path, pattern)
    return fnmatch.fnmatchcase(rel_path, pattern) or fnmatch.fnmatchcase(rel_path, pattern.rstrip("/") + "/*")


# --- validating -----------------------------------------------------------------------------

_KEYS = (
    "target-version", "select", "extend-select", "ignore", "per-file-ignores", "severity",
    "exceptions", "roots", "fail-level", "exclude", "extend-exclude", "respect-gitignore", "placeholder-patterns",
    "rule-options", "max-file-size", "fixable", "unfixable",
)


def parse_settings(table: dict, *, path: Optional[Path] = None, base_dir: Optional[Path] = None) -> Settings:
    where = f"{path}: " if path else ""
    for key in table:
        if key not in _KEYS:
            raise SettingsError(f"{where}unknown setting `{key}`{suggestion_for(key, _KEYS)}")
    try:
        return Settings(
            path=path,
            base_dir=base_dir or Path.cwd(),
            target_version=_target_version(table.get("target-version", DEFAULT_TARGET_VERSION)),
            select=_selectors(table["select"], "select") if "select" in table else None,
            extend_select=_selectors(table.get("extend-select", []), "extend-select"),
            ignore=_selectors(table.get("ignore", []), "ignore"),
            per_file_ignores=tuple(
                (str(glob), _selectors(sels, f"per-file-ignores.{glob}"))
                for glob, sels in _table(table.get("per-file-ignores", {}), "per-file-ignores").items()
            ),
            severity=tuple(_severity_entry(rule, value) for rule, value in _table(table.get("severity", {}), "severity").items()),
            exceptions=tuple(_exception(i, e) for i, e in enumerate(_list(table.get("exceptions", []), "exceptions"))),
            roots=tuple((str(g), _pointer(p, f"roots.{g}")) for g, p in _table(table.get("roots", {}), "roots").items()),
            fail_level=_fail_level(table.get("fail-level", "error")),
            exclude=tuple(_strings(table.get("exclude", []), "exclude")),
            extend_exclude=tuple(_strings(table.get("extend-exclude", []), "extend-exclude")),
            respect_gitignore=_boolean(table.get("respect-gitignore", True), "respect-gitignore"),
            placeholder_patterns=tuple(_regex(p) for p in _strings(table.get("placeholder-patterns", []), "placeholder-patterns")),
            rule_options=_all_rule_options(_table(table.get("rule-options", {}), "rule-options")),
            max_file_bytes=_max_file_size(table.get("max-file-size", DEFAULT_MAX_FILE_MIB)) * 1024 * 1024,
            fixable=_selectors(table.get("fixable", ["ALL"]), "fixable"),
            unfixable=_selectors(table.get("unfixable", []), "unfixable"),
        )
    except SettingsError as exc:
        raise SettingsError(f"{where}{exc}") from None


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """Command-line flags over the file. The rule selectors form a later layer than the file's,
    so ``--select PL301`` enables PL301 even where the file ignores it, and ``--ignore PL3``
    disables PL301 even where the file selects it exactly."""
    changes: dict[str, Any] = {}
    if overrides.get("target_version"):
        changes["target_version"] = _target_version(overrides["target_version"])
    if overrides.get("select"):
        changes["cli_select"] = _selectors(overrides["select"], "--select")
    if overrides.get("extend_select"):
        changes["cli_extend_select"] = _selectors(overrides["extend_select"], "--extend-select")
    if overrides.get("ignore"):
        changes["cli_ignore"] = _selectors(overrides["ignore"], "--ignore")
    if overrides.get("fail_level"):
        changes["fail_level"] = _fail_level(overrides["fail_level"])
    return replace(settings, **changes)


def _target_version(value: Any) -> str:
    # A line (2.2) or a release as people write it (v2.2.5) names its line.
    try:
        return target_line(str(value), lintable_versions())
    except UnknownTargetVersion as exc:
        raise SettingsError(str(exc)) from None


def _fail_level(value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise SettingsError(f"`fail-level` must be error, warning or info, not {value!r}{suggestion_for(str(value), ('error', 'warning', 'info'))}") from None


def _boolean(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"`{key}` must be true or false, not {value!r}")
    return value


def _table(value: Any, key: str) -> dict:
    if not isinstance(value, dict):
        raise SettingsError(f"`{key}` must be a table")
    return value


def _list(value: Any, key: str) -> list:
    if isinstance(value, tuple):  # repeated command-line flags
        value = list(value)
    if not isinstance(value, list):
        raise SettingsError(f"`{key}` must be a list")
    return value


def _strings(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    items = _list(value, key)
    if not all(isinstance(v, str) for v in items):
        raise SettingsError(f"`{key}` must be a list of strings")
    return items


def _selectors(value: Any, key: str) -> tuple[str, ...]:
    # "PL301,PL101" is accepted wherever a list is, as ruff accepts it on the command line. A
    # blank part is an error, not nothing: `--select "$RULES"` with RULES unset would otherwise
    # select no rule and pass every file (NONE says "no rule" on purpose).
    items = [part for item in _strings(value, key) for part in item.split(",")]
    try:
        return tuple(validate_selector(s) for s in items)
    except SelectorError as exc:
        raise SettingsError(f"`{key}`: {exc}") from None


def _max_file_size(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= 65536:
        raise SettingsError(f"`max-file-size` must be a whole number of MiB from 1 to 65536, not {value!r}")
    return value



def _known_rule(rule: str, key: str):
    from provlint.rules import all_rules, find_rule

    found = find_rule(rule)
    if found is None:
        names = [r.code for r in all_rules()] + [r.name for r in all_rules()]
        raise SettingsError(f"`{key}`: unknown rule `{rule}`{suggestion_for(rule, names)}")
    return found


def _severity_entry(rule: str, value: Any) -> tuple[str, str]:
    found = _known_rule(rule, "severity")
    if value not in SEVERITY_VALUES:
        raise SettingsError(
            f"`severity.{rule}` must be one of {', '.join(SEVERITY_VALUES)}, not {value!r}{suggestion_for(str(value), SEVERITY_VALUES)}"
        )
    return (found.code, value)


def _all_rule_options(table: dict) -> tuple:
    entries = tuple(_rule_options(rule, values) for rule, values in table.items())
    codes = [code for code, _ in entries]
    for code in codes:
        if codes.count(code) > 1:
            raise SettingsError(f"`rule-options`: rule {code} is set twice (by code and by name); keep one table")
    return entries


def _rule_options(rule: str, values: Any) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """One ``[rule-options.<rule>]`` table: every option known to the rule, of its default's type."""
    found = _known_rule(rule, "rule-options")
    key = f"rule-options.{rule}"
    values = _table(values, key)
    if not found.options and values:
        raise SettingsError(f"`{key}`: rule {found.code} ({found.name}) has no options")
    checked = []
    for name, value in values.items():
        if name not in found.options:
            known = ", ".join(f"`{o}`" for o in found.options)
            raise SettingsError(
                f"`{key}`: unknown option `{name}`{suggestion_for(name, found.options) or f'; {found.name} has {known}'}"
            )
        default = found.options[name]
        if not _same_type(value, default):
            raise SettingsError(f"`{key}.{name}` must be {_type_word(default)}, not {json.dumps(value, default=str)}")
        checked.append((name, value))
    return (found.code, tuple(checked))


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _type_word(default: Any) -> str:
    words = {bool: "true or false", int: "an integer", float: "a number", str: "a string", list: "a list"}
    return words.get(type(default), type(default).__name__)


def _pointer(value: Any, key: str) -> str:
    if not isinstance(value, str) or (value and not value.startswith("/")):
        raise SettingsError(f"`{key}` must be a JSON Pointer such as \"/gateway/config\" (or \"\" for the whole file)")
    return value


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise SettingsError(f"`placeholder-patterns`: {pattern!r} is not a valid regular expression: {exc}") from None
    return pattern


_EXCEPTION_KEYS = ("files", "pointer", "rules", "reason")


def _exception(index: int, entry: Any) -> WaivedFinding:
    key = f"exceptions[{index}]"
    entry = _table(entry, key)
    for name in entry:
        if name not in _EXCEPTION_KEYS:
            raise SettingsError(f"`{key}`: unknown key `{name}`{suggestion_for(name, _EXCEPTION_KEYS)}")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise SettingsError(f"`{key}` needs a `reason`: say why the finding is acceptable")
    files = entry.get("files", "*")
    if not isinstance(files, str):
        raise SettingsError(f"`{key}.files` must be a glob string")
    rules = _selectors(entry.get("rules", ["ALL"]), f"{key}.rules")
    return WaivedFinding(files, _pointer(entry.get("pointer", ""), f"{key}.pointer"), rules, reason.strip(), index)
