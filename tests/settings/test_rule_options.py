"""``[tool.provlint.rule-options.<rule>]``: thresholds a team sets, checked, through the real CLI."""

from __future__ import annotations

import json

import pytest

from provlint.rules import find_rule
from tests.conftest import run_provlint
from tests.settings.test_settings_cli import check, project

RETRIES = '{\n  "network_config": {\n    "max_retries": 5,\n    "default_request_timeout_in_seconds": 900\n  }\n}\n'


def test_rules_declare_their_options_and_defaults():
    assert dict(find_rule("PL404").options) == {"max": 10}
    assert dict(find_rule("PL403").options) == {"max-seconds": 3600}
    assert dict(find_rule("PL301").options) == {}


def test_the_defaults_leave_the_file_clean(tmp_path):
    project(tmp_path, {"p.json": RETRIES})
    assert check(tmp_path, "p.json")[:2] == (0, [])


@pytest.mark.parametrize("table", ["excessive-retries", "PL404", "pl404"])
def test_an_option_from_pyproject_changes_the_rules_result(tmp_path, table):
    project(tmp_path, {"pyproject.toml": f"[tool.provlint.rule-options.{table}]\nmax = 3\n", "p.json": RETRIES})
    assert check(tmp_path, "p.json")[:2] == (0, [
        "p.json:3:20: PL404 [warning] `max_retries` is 5, above 3: a failing upstream is hammered and "
        "callers wait through every backoff; use at most 3 and let fallbacks take over",
    ])


def test_an_option_from_provlint_toml(tmp_path):
    project(tmp_path, {"provlint.toml": '[rule-options.timeout-range]\n"max-seconds" = 600\n', "p.json": RETRIES})
    assert check(tmp_path, "p.json")[:2] == (0, [
        "p.json:4:43: PL403 [warning] `default_request_timeout_in_seconds` is 900 seconds, above the sane "
        "maximum of 600 seconds: a hung upstream would hold a worker and its caller that long; lower it",
    ])


def test_a_raised_threshold_quiets_a_finding(tmp_path):
    many = RETRIES.replace('"max_retries": 5', '"max_retries": 25')
    project(tmp_path, {"p.json": many})
    assert [line.split()[1] for line in check(tmp_path, "p.json")[1]] == ["PL404"]
    project(tmp_path, {"pyproject.toml": "[tool.provlint.rule-options.excessive-retries]\nmax = 30\n"})
    assert check(tmp_path, "p.json")[:2] == (0, [])


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[tool.provlint.rule-options.excesive-retries]\nmax = 3\n",
         "`rule-options`: unknown rule `excesive-retries`; did you mean `excessive-retries`?"),
        ("[tool.provlint.rule-options.excessive-retries]\nmaxx = 3\n",
         "`rule-options.excessive-retries`: unknown option `maxx`; did you mean `max`?"),
        ("[tool.provlint.rule-options.excessive-retries]\nlimit = 3\n",
         "`rule-options.excessive-retries`: unknown option `limit`; excessive-retries has `max`"),
        ("[tool.provlint.rule-options.excessive-retries]\nmax = \"3\"\n",
         "`rule-options.excessive-retries.max` must be an integer, not \"3\""),
        ("[tool.provlint.rule-options.excessive-retries]\nmax = true\n",
         "`rule-options.excessive-retries.max` must be an integer, not true"),
        ("[tool.provlint.rule-options.timeout-range]\nmax-seconds = 1.5\n",
         "`rule-options.timeout-range.max-seconds` must be an integer, not 1.5"),
        ("[tool.provlint.rule-options.insecure-skip-verify]\nmax = 3\n",
         "`rule-options.insecure-skip-verify`: rule PL301 (insecure-skip-verify) has no options"),
        ("[tool.provlint.rule-options.PL404]\nmax = 3\n[tool.provlint.rule-options.excessive-retries]\nmax = 4\n",
         "`rule-options`: rule PL404 is set twice (by code and by name); keep one table"),
        ("[tool.provlint]\nrule-options = 3\n", "`rule-options` must be a table"),
        ("[tool.provlint.rule-options]\nexcessive-retries = 3\n", "`rule-options.excessive-retries` must be a table"),
        ("[tool.provlint.rule-option.excessive-retries]\nmax = 3\n",
         "unknown setting `rule-option`; did you mean `rule-options`?"),
    ],
)
def test_invalid_options_are_a_settings_error(tmp_path, toml, message):
    project(tmp_path, {"pyproject.toml": toml, "p.json": RETRIES})
    code, out, err = check(tmp_path, "p.json")
    assert (code, out) == (2, [])
    assert err == f"provlint: error: {tmp_path / 'pyproject.toml'}: {message}\n"


def test_show_settings_lists_every_option_in_force(tmp_path):
    project(tmp_path, {"pyproject.toml": "[tool.provlint.rule-options.excessive-retries]\nmax = 3\n", "p.json": RETRIES})
    proc = run_provlint("check", "--show-settings", "p.json", cwd=tmp_path)
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "[rule-options.timeout-range]  # PL403\nmax-seconds = 3600  # default\n" in text
    assert "[rule-options.excessive-retries]  # PL404\nmax = 3  # default: 10\n" in text


def test_rule_shows_its_options_in_text_and_json():
    text = run_provlint("rule", "excessive-retries").stdout.decode()
    assert text.endswith(
        "Options (the defaults; set them in [tool.provlint.rule-options.excessive-retries]):\n\n    max = 10\n"
    )
    data = json.loads(run_provlint("rule", "PL403", "--output-format", "json").stdout)
    assert data["options"] == {"max-seconds": 3600} and data["default_enabled"] is True
    off = json.loads(run_provlint("rule", "PL901", "--output-format", "json").stdout)
    assert off["options"] == {} and off["default_enabled"] is False
    assert "Off by default" in run_provlint("rule", "PL602").stdout.decode()


def test_off_by_default_is_declared_by_the_rule_modules():
    from provlint.rules import all_rules
    from provlint.selection import enabled_rules

    off = {r.code for r in all_rules() if not r.default_enabled}
    assert off == {"PL602", "PL901"}
    assert {r.code for r in all_rules()} - {r.code for r in enabled_rules(None)} == off
    assert {"PL602", "PL901"} <= {r.code for r in enabled_rules(None, extend_select=["PL6", "PL901"])}
