"""Bifrost's own example configs lint with exactly the findings written down beside them."""

import pytest

from tests.conftest import run_provlint
from tests.paths import fixture

EXAMPLES = fixture("bifrost-examples")
EXIT_CODES_1_5 = {
    "config.json": 0,
    "docker-volume__config.json": 0,
    "examples__configs__e2e__config.json": 1,
    "examples__configs__loadtest__config.json": 1,
    "examples__configs__withvirtualkeys__config.json": 0,
    "github__workflows__configs__default__config.json": 0,
    "transports__config.example.json": 1,
}
# Under 2.2 the 2.0 ids of the e2e example are known; the legacy fields stay mistakes, and
# Bifrost's own schema refuses the 1.x client flags of two examples (PL101 errors).
EXIT_CODES_2_2 = {
    **EXIT_CODES_1_5,
    "examples__configs__e2e__config.json": 0,
    "config.json": 1,
    "examples__configs__withvirtualkeys__config.json": 1,
}
EXIT_CODES = {"1.5": EXIT_CODES_1_5, "2.2": EXIT_CODES_2_2}
DEFAULT_LINE = "2.2"  # what a run with no settings and no --target-version uses


def expected_output(name: str, line: str) -> str:
    return (EXAMPLES / name.replace(".json", f".{line}.expected")).read_text()


def test_every_example_has_an_expectation_under_each_line():
    assert sorted(p.name for p in EXAMPLES.glob("*.json")) == sorted(EXIT_CODES_1_5) == sorted(EXIT_CODES_2_2)
    assert sorted(p.name for p in EXAMPLES.glob("*.expected")) == sorted(
        n.replace(".json", f".{line}.expected") for line in EXIT_CODES for n in EXIT_CODES_1_5
    )


@pytest.mark.parametrize("line", sorted(EXIT_CODES))
@pytest.mark.parametrize("name", sorted(EXIT_CODES_1_5))
def test_example_output_is_exactly_the_expected_file(name, line):
    proc = run_provlint("check", "--isolated", "--target-version", line, "--output-format", "concise", name, cwd=EXAMPLES)
    assert proc.stdout.decode() == expected_output(name, line)
    assert proc.returncode == EXIT_CODES[line][name]
    assert proc.stderr == b""


@pytest.mark.parametrize("name", sorted(EXIT_CODES_1_5))
def test_with_no_settings_the_newest_line_is_used(name):
    proc = run_provlint("check", "--isolated", "--output-format", "concise", name, cwd=EXAMPLES)
    assert proc.stdout.decode() == expected_output(name, DEFAULT_LINE)
    assert proc.returncode == EXIT_CODES[DEFAULT_LINE][name]


def test_loadtest_placeholder_key_is_quiet_when_the_team_marks_it(tmp_path):
    (tmp_path / "provlint.toml").write_text('placeholder-patterns = ["^sk-123$"]\n')
    target = tmp_path / "config.json"
    target.write_bytes((EXAMPLES / "examples__configs__loadtest__config.json").read_bytes())
    proc = run_provlint("check", "--output-format", "concise", "-q", "config.json", cwd=tmp_path)
    codes = [line.split(": ")[1].split(" ")[0] for line in proc.stdout.decode().splitlines()]
    assert "PL304" not in codes and codes.count("PL504") == 5


def test_a_folder_walk_over_the_examples_finds_the_same(tmp_path):
    proc = run_provlint("check", "--isolated", "--output-format", "concise", "-q", ".", cwd=EXAMPLES)
    # Each expected file ends with its one-line summary, which -q drops.
    expected = "".join(
        line for n in sorted(EXIT_CODES_1_5) for line in expected_output(n, DEFAULT_LINE).splitlines(True)[:-1]
    )
    assert proc.stdout.decode() == expected
