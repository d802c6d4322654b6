"""The waiver stage: comments, exceptions and the baseline in one pass; unused ones as PL902."""

import json

from provlint.engine import LintOptions, lint_bytes
from provlint.selection import enabled_rules


def lint_yaml(text, rules=None):
    options = LintOptions(rules=rules if rules is not None else enabled_rules(None, extend_select=["PL902"]))
    return [(d.code, d.line, d.column, d.message) for d in lint_bytes(text.encode(), "p.yaml", options=options).diagnostics]


SKIP = "network_config:\n  insecure_skip_verify: true{comment}\n"


def test_a_comment_naming_an_unknown_rule_says_so_with_a_did_you_mean():
    found = lint_yaml(SKIP.format(comment="  # provlint: ignore[insecure-skip-verfy]"))
    assert [f[:3] for f in found] == [("PL301", 2, 25), ("PL902", 2, 31)]
    assert found[1][3] == (
        "`# provlint: ignore[insecure-skip-verfy]`: unknown rule or rule prefix `insecure-skip-verfy`; "
        "did you mean `insecure-skip-verify`?"
    )


def test_a_bare_ignore_waives_every_rule_on_its_line():
    assert lint_yaml(SKIP.format(comment="  # provlint: ignore")) == []


def test_a_bare_ignore_on_its_own_line_waives_the_next_line():
    text = "network_config:\n  # provlint: ignore\n  insecure_skip_verify: true\n"
    assert lint_yaml(text) == []


def test_an_unused_bare_ignore_is_reported():
    found = lint_yaml("network_config:\n  max_retries: 2  # provlint: ignore\n")
    assert found == [("PL902", 2, 19, "`# provlint: ignore` waives no finding; remove it")]


def test_an_ignore_with_other_words_after_it_is_no_waiver():
    # `# provlint: ignored` is prose, not a waiver, and not reported as one.
    assert [f[0] for f in lint_yaml(SKIP.format(comment="  # provlint: ignored"))] == ["PL301"]


def test_unused_comments_are_not_reported_when_pl902_is_not_selected():
    found = lint_yaml("network_config:\n  max_retries: 2  # provlint: ignore[PL301]\n", rules=enabled_rules(None, ignore=["PL902"]))
    assert found == []


def test_exceptions_and_baseline_entries_record_their_positions_when_read(tmp_path):
    from provlint.baseline import read_baseline
    from provlint.settings_files import load_settings_file

    settings = tmp_path / "provlint.toml"
    settings.write_text(
        'select = ["ALL"]\n\n[[exceptions]]\nfiles = "a.json"\nrules = ["PL301"]\nreason = "lab"\n\n'
        '  [[exceptions]]\nfiles = "b.json"\nrules = ["PL305"]\nreason = "lab"\n'
    )
    spans = [(e.span.start.line, e.span.start.column) for e in load_settings_file(settings).exceptions]
    assert spans == [(3, 1), (8, 3)]
    baseline = tmp_path / "baseline.json"
    entry = {"rule": "PL301", "path": "a.json", "pointer": "/x", "fingerprint": "0" * 16}
    baseline.write_text(json.dumps({"version": 1, "findings": [entry, entry]}, indent=2))
    read = read_baseline(str(baseline))
    assert [(s.start.line, s.start.column) for s in read.spans] == [(4, 5), (10, 5)]
