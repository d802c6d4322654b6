"""No 8-character piece of a planted secret reaches any output of any command or format.

The formats are read from ``provlint.reporters.REPORTERS``, so every format added later is
covered without touching this file.
"""

import json

import pytest

from provlint.reporters import REPORTERS
from tests.conftest import run_provlint
from tests.secrets.planted import DOCUMENTS, leaked, write_documents


@pytest.fixture
def planted(tmp_path):
    return tmp_path, write_documents(tmp_path)


def outputs(proc) -> str:
    return proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


def test_the_planted_documents_are_all_reported(planted):
    folder, names = planted
    proc = run_provlint("check", "-q", "--isolated", "--select", "ALL", "--output-format", "concise", *names, cwd=folder)
    reported = {line.split(":", 1)[0] for line in proc.stdout.decode().splitlines()}
    assert reported == set(DOCUMENTS)  # every document has findings, so every one is shown


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_every_output_format(planted, output_format):
    folder, names = planted
    proc = run_provlint("check", "--isolated", "--select", "ALL", "--output-format", output_format, *names, cwd=folder)
    assert proc.returncode == 1, outputs(proc)
    assert leaked(outputs(proc)) == []


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_every_output_format_written_with_output_file(planted, output_format):
    folder, names = planted
    report = folder / "report.out"
    proc = run_provlint(
        "check", "--isolated", "--select", "ALL", "--output-format", output_format, "-o", str(report), *names, cwd=folder
    )
    assert report.stat().st_size > 0
    assert leaked(report.read_text(encoding="utf-8", errors="replace") + outputs(proc)) == []


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_hash_reasons_in_text_and_json(planted, output_format):
    folder, names = planted
    proc = run_provlint("hash", "--output-format", output_format, *names, cwd=folder)
    text = outputs(proc)
    assert "cannot parse" in text  # the broken documents are reported with their reason
    assert leaked(text) == []
    if output_format == "json":
        reasons = [e["reason"] for e in json.loads(proc.stdout)["errors"]]
        assert any("alias" in r for r in reasons) and leaked("\n".join(reasons)) == []


def test_statistics_and_show_settings(planted):
    folder, names = planted
    statistics = run_provlint("check", "--isolated", "--select", "ALL", "--statistics", *names, cwd=folder)
    assert b"PL001" in statistics.stdout
    settings = run_provlint("check", "--isolated", "--show-settings", names[0], cwd=folder)
    assert b"select" in settings.stdout
    assert leaked(outputs(statistics) + outputs(settings)) == []


def test_write_baseline_and_check_against_it(planted):
    folder, names = planted
    baseline = folder / "baseline.json"
    written = run_provlint("check", "--isolated", "--select", "ALL", "--write-baseline", str(baseline), *names, cwd=folder)
    assert written.returncode == 0 and baseline.stat().st_size > 0
    again = run_provlint("check", "--isolated", "--select", "ALL", "--baseline", str(baseline), "--output-format", "full",
                         *names, cwd=folder)
    assert again.returncode == 0, outputs(again)
    assert leaked(baseline.read_text() + outputs(written) + outputs(again)) == []


@pytest.mark.parametrize("args", [("rule", "PL304"), ("rules",), ("schema",), ("rules", "--output-format", "json")])
def test_commands_that_read_no_document(planted, args):
    folder, _ = planted
    proc = run_provlint(*args, cwd=folder)
    assert proc.returncode == 0 and proc.stdout
    assert leaked(outputs(proc)) == []
