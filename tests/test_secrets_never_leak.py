"""No output provlint prints or writes contains a secret from the linted files."""

import pytest

from provlint.reporters import REPORTERS
from tests.conftest import run_provlint
from tests.paths import fixture

SECRETS = [
    line[2:].strip()
    for line in fixture("secrets", "SECRETS.md").read_text().splitlines()
    if line.startswith("- ")
]
FILES = [str(fixture("secrets", "config.json")), str(fixture("secrets", "config.yaml"))]


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{where} leaks {secret[:4]}..."


def test_the_fixture_lists_its_secrets_and_they_are_in_the_files():
    contents = "".join(open(f).read() for f in FILES)
    assert len(SECRETS) == 10 and all(s in contents for s in SECRETS)


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_every_output_format(output_format):
    proc = run_provlint("check", "--isolated", "--select", "ALL", "--output-format", output_format, *FILES)
    assert proc.returncode == 1
    assert_no_secret(proc.stdout.decode() + proc.stderr.decode(), output_format)


def test_reported_secrets_are_actually_found():
    proc = run_provlint("check", "--isolated", "--output-format", "concise", *FILES)
    codes = [line.split(": ")[1].split(" ")[0] for line in proc.stdout.decode().splitlines()]
    assert codes.count("PL302") == 3 and codes.count("PL303") == 1


def test_statistics_show_settings_and_baseline(tmp_path):
    stats = run_provlint("check", "--isolated", "--statistics", *FILES)
    assert_no_secret(stats.stdout.decode(), "--statistics")
    settings = run_provlint("check", "--isolated", "--show-settings", FILES[0])
    assert_no_secret(settings.stdout.decode(), "--show-settings")
    baseline = tmp_path / "baseline.json"
    written = run_provlint("check", "--isolated", "--write-baseline", str(baseline), *FILES)
    assert written.returncode == 0
    assert_no_secret(baseline.read_text() + written.stderr.decode(), "the baseline")


def test_output_file(tmp_path):
    report = tmp_path / "report.txt"
    run_provlint("check", "--isolated", "--output-format", "full", "--output-file", str(report), *FILES)
    assert "PL302" in report.read_text()
    assert_no_secret(report.read_text(), "--output-file")
