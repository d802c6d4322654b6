"""Issue 9, point 2: every parser limit is a finding for that file or a one-line usage error.

Before: each case below ended in "provlint: internal error" (exit 2, every other file of the
run lost).
"""

from __future__ import annotations

import pytest

from tests.conftest import codes_at, lint
from tests.paths import fixture
from tests.robustness.helpers import one_error_line, run

CONFIG = '{"providers": {"openai": {"keys": []}}}\n'


@pytest.mark.parametrize("literal", ["0x" + "f" * 5000, "0o" + "7" * 6000])
def test_a_yaml_hex_or_octal_integer_past_the_digit_limit_is_pl001(literal):
    # Before: int() reads any hex or octal, then str() of it raised ValueError in a rule.
    text = f"providers:\n  openai:\n    keys: []\n    network_config:\n      max_retries: {literal}\n"
    diagnostics = lint(text, "config.yaml")
    assert codes_at(diagnostics) == [("PL001", 5, 20)]
    assert diagnostics[0].message == "the integer is too large (over 4300 decimal digits)"


def test_a_hex_integer_within_the_limit_is_still_a_number():
    assert codes_at(lint("provider: openai\nnetwork_config:\n  max_retries: 0x" + "f" * 3000 + "\n", "p.yaml"))[0][0] != "PL001"


def test_the_other_files_of_the_run_are_still_linted(tmp_path):
    (tmp_path / "big.yaml").write_text("provider: openai\nnetwork_config:\n  max_retries: 0x" + "f" * 5000 + "\n")
    (tmp_path / "b.json").write_text('{"providers": {"opnai": {"keys": []}}}')
    proc = run("check", "-q", "--output-format", "concise", "big.yaml", "b.json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    codes = [(line.split(":")[0], line.split(" ")[1]) for line in proc.stdout.decode().splitlines()]
    assert ("b.json", "PL201") in codes and ("big.yaml", "PL001") in codes


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("provlint.toml", "fail-level = " + "9" * 5000 + "\n", "cannot read settings: a number has too many digits"),
        ("provlint.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n", "cannot read settings: tables or arrays nest too deep"),
        ("pyproject.toml", "[tool]\nprovlint = 1\n", "[tool.provlint] must be a table, not an integer"),
        ("pyproject.toml", "[tool]\nprovlint = [1, 2]\n", "[tool.provlint] must be a table, not an array"),
        ("pyproject.toml", "tool = [1]\n", "[tool.provlint] must be a table, not an array"),
    ],
)
def test_a_settings_file_past_a_parser_limit_is_a_one_line_usage_error(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    (tmp_path / "config.json").write_text(CONFIG)
    line = one_error_line(run("check", "config.json", "--config", name, cwd=tmp_path))
    assert line == f"provlint: error: {(tmp_path / name).resolve()}: {message}"


def test_a_baseline_nested_100000_deep_is_a_one_line_usage_error(tmp_path):
    (tmp_path / "config.json").write_text(CONFIG)
    (tmp_path / "base.json").write_text("[" * 100_000 + "]" * 100_000)
    line = one_error_line(run("check", "config.json", "--baseline", "base.json", cwd=tmp_path))
    assert line == "provlint: error: base.json is not a provlint baseline file (it nests too deep)"


@pytest.mark.parametrize("command", ["check", "hash"])
def test_a_closed_standard_input_is_a_usage_error(command):
    # `provlint check - <&-`: Python sets sys.stdin to None; `.buffer` of it was the crash.
    line = one_error_line(run(command, "-", close_stdin=True))
    assert line == "provlint: error: standard input is closed; `-` reads the input from it"


def test_a_closed_standard_input_matters_only_when_read(tmp_path):
    (tmp_path / "config.json").write_bytes(fixture("bifrost-examples/docker-volume__config.json").read_bytes())
    proc = run("check", "-q", "config.json", cwd=tmp_path, close_stdin=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")
