import datetime
import json
import subprocess
import sys

from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from tests.conftest import NOW, codes_at, lint
from tests.rules.test_pl310_invalid_ca_cert import EXPIRED, VALID, make_ca

RULE = find_rule("PL313")


def network(pem):
    return json.dumps({"network_config": {"ca_cert_pem": pem}})


def pl313(text, path="config.json", now=NOW):
    options = LintOptions(rules=(RULE,), now=now)
    return lint_bytes(text.encode(), path, options=options).diagnostics


def test_expired_certificate_is_a_warning_at_the_value():
    found = pl313('{"network_config": {\n  "ca_cert_pem": %s}}' % json.dumps(EXPIRED))
    assert codes_at(found) == [("PL313", 2, 18)]
    assert found[0].severity.value == "warning" and RULE.severity.value == "warning"
    assert "expired on" in found[0].message and "CN=Old CA" in found[0].message


def test_the_certificate_of_a_bundle_is_named():
    (found,) = pl313(network(VALID + EXPIRED))
    assert "certificate 2 of 2" in found.message


def test_a_certificate_not_valid_yet():
    future, _ = make_ca("Future CA", not_before=NOW + datetime.timedelta(days=30), not_after=NOW + datetime.timedelta(days=400))
    (found,) = pl313(network(future))
    assert "is not valid before" in found.message and "CN=Future CA" in found.message


def test_judged_at_the_time_the_caller_passes_in():
    # The same certificate is valid for a run in the past: no wall clock is read.
    past = NOW - datetime.timedelta(days=400)
    assert pl313(network(EXPIRED), now=past) == []
    assert len(pl313(network(EXPIRED), now=NOW)) == 1


def test_valid_references_and_unparseable_text_are_quiet():
    for pem in (VALID, "env.CA_PEM", "not a certificate", ""):
        assert pl313(network(pem)) == []


def test_in_the_default_rules():
    assert [d.code for d in lint(network(EXPIRED))] == ["PL313"]


def test_seconds_since_the_epoch_judge_as_the_same_datetime():
    # What the command line passes (time.time(): a lint run never imports datetime).
    past = NOW - datetime.timedelta(days=400)
    for when in (NOW, past):
        assert pl313(network(EXPIRED), now=when.timestamp()) == pl313(network(EXPIRED), now=when)
    assert pl313(network(EXPIRED), now=past.timestamp()) == []


def test_the_command_line_judges_at_the_wall_clock(tmp_path):
    (tmp_path / "config.json").write_text(network(EXPIRED))
    proc = subprocess.run([sys.executable, "-m", "provlint", "check", "--isolated", "--select", "PL313", "config.json"],
                          capture_output=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0 and b"PL313 [warning]" in proc.stdout and b"expired on" in proc.stdout
