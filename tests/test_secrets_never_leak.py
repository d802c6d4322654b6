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
    proc = run_provlint("check", "--isolated", "--output-format", "concise", "-q", *FILES)
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


MALFORMED = {
    # (file name, content, the secret in it): files where the engine cannot locate the secret.
    "parse.json": ('{"providers": {"openai": {"keys": [{"name": "k", "value": "sk-LEAK1-abcdef", "weight": 1,}]}}}\n', "sk-LEAK1-abcdef"),
    "parse.yaml": ("providers:\n  openai:\n    keys:\n      - {name: k, value: sk-LEAK7-yaml, weight: 1}}\n", "sk-LEAK7-yaml"),
    "dup.json": ('{"providers": {"openai": {"keys": [{"name": "k", "value": "sk-LEAK2-dup", "value": "env.X", "weight": 1}]}}}\n', "sk-LEAK2-dup"),
    "key.json": ('{"name": "k", "value": "sk-LEAK3-bare", "weight": 1}\n', "sk-LEAK3-bare"),
    "number.json": ('{"proxy_config": {"type": "http", "url": "https://p:1", "password": 98127634}}\n', "98127634"),
    "list.json": ('{"providers": {"openai": {"keys": [{"name": "k", "value": ["sk-LEAK4-list"], "weight": 1}]}}}\n', "sk-LEAK4-list"),
    "url.json": ('{"network_config": {"base_url": "https://gw:LEAK5pw@h.example/v1",}}\n', "LEAK5pw"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_secrets_the_engine_cannot_locate_are_masked_in_snippets(tmp_path, name):
    content, secret = MALFORMED[name]
    (tmp_path / name).write_text(content)
    proc = run_provlint("check", "--isolated", "--select", "ALL", "--output-format", "full", name, cwd=tmp_path)
    text = proc.stdout.decode() + proc.stderr.decode()
    assert " | " in text, "a snippet was shown"
    assert secret not in text


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_every_format_written_to_a_file_and_the_github_step_summary(tmp_path, output_format):
    from tests.reporters.helpers import run_check

    report, summary = tmp_path / "report", tmp_path / "summary.md"
    proc = run_check("--isolated", "--select", "ALL", "--output-format", output_format, "--output-file", str(report),
                     *FILES, cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1 and proc.stdout == b""
    assert "PL30" in report.read_text()
    assert_no_secret(report.read_text(), f"--output-file ({output_format})")
    if output_format == "github":
        assert "PL302" in summary.read_text()
        assert_no_secret(summary.read_text(), "the step summary")
