"""Exact before/after files for every fix, JSON and YAML (comments on the fixed lines, CRLF,
tabs), safe runs that never apply unsafe fixes, and the fixes provlint refuses, with why."""

import hashlib

import pytest

from provlint.engine import LintOptions, lint_bytes
from provlint.findings import RemoveMember, RenameKey, ReplaceValue
from tests.fixes.helpers import FIXTURES, after_path, fix, options, unsafe_for

BEFORE = sorted(FIXTURES.glob("*.before.*"))


def test_the_fixture_set_covers_json_yaml_crlf_and_tabs():
    names = {p.name for p in BEFORE}
    assert {"comments-config.before.yaml", "crlf-config.before.json", "tabs-config.before.json"} <= names
    assert b"\r\n" in (FIXTURES / "crlf-config.before.json").read_bytes()
    assert b"\n\t\t" in (FIXTURES / "tabs-config.before.json").read_bytes()


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.name)
def test_fixing_gives_exactly_the_after_file(before):
    outcome = fix(before.read_bytes(), before.name, unsafe=unsafe_for(before.name))
    assert outcome.error is None
    assert outcome.fixed == after_path(before).read_bytes()


def _codes(before):
    return sorted(d.code for d in fix(before.read_bytes(), before.name, unsafe=unsafe_for(before.name)).applied)


def test_each_fixture_applies_the_fixes_it_is_about():
    assert _codes(FIXTURES / "safe-config.before.json") == ["PL104", "PL205", "PL402", "PL505"]
    assert _codes(FIXTURES / "comments-config.before.yaml") == ["PL104", "PL205", "PL402", "PL505"]
    assert _codes(FIXTURES / "crlf-config.before.json") == ["PL205", "PL402", "PL402"]
    assert _codes(FIXTURES / "tabs-config.before.json") == ["PL104", "PL205", "PL505"]
    assert _codes(FIXTURES / "unsafe-request.before.json") == ["PL101", "PL103", "PL201", "PL301", "PL302", "PL302"]
    assert _codes(FIXTURES / "unsafe-config.before.yaml") == ["PL101", "PL301", "PL302", "PL302", "PL304"]
    assert _codes(FIXTURES / "unfixable-config.before.yaml") == []


def test_crlf_and_the_missing_final_newline_are_kept():
    crlf = (FIXTURES / "crlf-config.after.json").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") == 8
    assert not (FIXTURES / "tabs-config.after.json").read_bytes().endswith(b"\n")


@pytest.mark.parametrize("before", [p for p in BEFORE if unsafe_for(p.name)], ids=lambda p: p.name)
def test_a_safe_run_never_applies_an_unsafe_fix(before):
    outcome = fix(before.read_bytes(), before.name, unsafe=False)
    assert outcome.applied == [] and outcome.fixed == before.read_bytes()
    assert outcome.unsafe_left > 0


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.name)
def test_every_fix_a_safe_run_applies_is_safe(before):
    assert all(d.autofix.applicability == "safe" for d in fix(before.read_bytes(), before.name).applied)


STALE = b'{"name": "openai", "provider_status": "active", "config_hash": "7d3194f79e645c42"}\n'
EMPTY_OPENAI = hashlib.sha256(b"openai").hexdigest()
RIGHT = "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"


def test_pl601_writes_the_computed_hash_json_and_yaml():
    outcome = fix(STALE, "response.json", lint_options=options(target="2.0"))
    assert outcome.fixed == STALE.replace(b"7d3194f79e645c42", RIGHT.encode())
    yaml = b"name: openai\nprovider_status: active\nconfig_hash: 7d3194f79e645c42   # stale\n"
    outcome = fix(yaml, "response.yaml", lint_options=options(target="2.0"))
    # A digest that starts with a digit is quoted, so YAML can never read it as a number.
    assert outcome.fixed == f'name: openai\nprovider_status: active\nconfig_hash: "{RIGHT}"   # stale\n'.encode()


def test_pl601_offers_nothing_where_the_hash_cannot_be_computed():
    # Bifrost 1.5's algorithm is not known: the finding says the value is malformed, no fix.
    line_1_5 = LintOptions(target_version="1.5")
    [found] = [d for d in lint_bytes(STALE, "response.json", options=line_1_5).diagnostics if d.code == "PL601"]
    assert found.autofix is None


def _fix_of(text: bytes, path: str, code: str):
    [found] = [d for d in lint_bytes(text, path).diagnostics if d.code == code]
    return found.autofix


def test_the_intents_are_data_with_pointers_and_resolved_edits():
    fixed = _fix_of(b'{"provider": "OpenAI"}', "add.json", "PL205")
    assert fixed.operation == ReplaceValue("/provider", "openai") and fixed.applicability == "safe"
    assert [(e.start, e.end, e.replacement) for e in fixed.edits] == [(13, 21, '"openai"')]
    renamed = _fix_of(b'{"providers": {"OpenAI": {}}}', "config.json", "PL205")
    assert renamed.operation == RenameKey("/providers/OpenAI", "openai")
    removed = _fix_of(b'{"provider": "openai", "network_config": {"insecure_skip_verify": true}}', "a.json", "PL301")
    assert removed.operation == RemoveMember("/network_config/insecure_skip_verify") and removed.applicability == "unsafe"
    assert [(e.start, e.end, e.replacement) for e in removed.edits] == [(42, 70, "")]


def test_pl205_offers_no_fix_when_the_lower_case_id_is_taken():
    text = b'{"providers": {"OpenAI": {}, "openai": {}}}'
    assert _fix_of(text, "config.json", "PL205") is None


def test_pl402_offers_no_fix_where_milliseconds_would_be_truncated():
    text = b'{"provider": "openai", "network_config": {"retry_backoff_initial": "1500us"}}'
    assert _fix_of(text, "add.json", "PL402") is None


def test_pl101_renames_only_with_exactly_one_close_field():
    assert _fix_of(b'{"provider": "openai", "network_config": {"max_retry": 3}}', "a.json", "PL101").operation == RenameKey(
        "/network_config/max_retry", "max_retries"
    )
    assert _fix_of(b'{"provider": "openai", "network_config": {"zzz": 3}}', "a.json", "PL101") is None


def test_pl304_fix_names_the_variable_never_the_value():
    text = b'{"providers": {"openai": {"keys": [{"name": "k", "value": "sk-live-abcdef0123456789", "weight": 1}]}}}'
    found = _fix_of(text, "config.json", "PL304")
    assert found.operation == ReplaceValue("/providers/openai/keys/0/value", "env.OPENAI_API_KEY")
    assert found.note == "set OPENAI_API_KEY where Bifrost runs to the value the file held"
    assert "sk-live" not in repr(found)


@pytest.mark.parametrize(
    "text, reason",
    [
        (
            b"base: &net\n  insecure_skip_verify: true\n  max_retries: 2\nprovider: openai\nnetwork_config: *net\n",
            "the file uses YAML anchors, aliases or merge keys, so an edit here could change other places; edit it by hand",
        ),
        (
            b"provider: openai\nnetwork_config: {insecure_skip_verify: true, max_retries: 2}\n",
            "the value is in YAML flow style ({...} or [...]); edit it by hand",
        ),
        (
            b"provider: openai\nnetwork_config:\n  insecure_skip_verify: true\n",
            "it is the only entry of its YAML block, which would become null; remove it by hand",
        ),
    ],
    ids=["anchors", "flow-style", "only-entry"],
)
def test_yaml_edits_that_are_not_safe_are_refused_with_the_reason(text, reason):
    found = _fix_of(text, "add.yaml", "PL301")
    assert not found.available and found.edits == () and found.unavailable == reason


def test_a_multi_line_scalar_is_not_replaced():
    text = b'proxy_config:\n  type: http\n  url: "https://p.internal:3128"\n  password: "hunter2\n    continued"\nprovider: openai\n'
    found = _fix_of(text, "add.yaml", "PL302")
    assert found.unavailable == "the value is a multi-line YAML scalar; edit it by hand"


def test_a_yaml_byte_order_mark_is_kept():
    raw = "\ufeffprovider: OpenAI   # é\n".encode("utf-8")
    assert fix(raw, "add.yaml").fixed == "\ufeffprovider: openai   # é\n".encode("utf-8")


def test_fixes_under_a_settings_root_are_made_inside_the_larger_file():
    from provlint.engine import LintOptions

    raw = b'{"chart": {"bifrost": {"providers": {"OpenAI": {}}}}, "other": "OpenAI"}'
    outcome = fix(raw, "values.json", lint_options=LintOptions(root="/chart/bifrost"))
    assert outcome.fixed == b'{"chart": {"bifrost": {"providers": {"openai": {}}}}, "other": "OpenAI"}'


def test_overlapping_fixes_are_applied_in_rounds():
    # Removing the first member reaches to the second's key; removing the second starts after
    # the first's value: the edits overlap, so the second waits for the next round.
    raw = b'{\n  "provider_status": "active",\n  "description": "x",\n  "provider": "openai"\n}\n'
    outcome = fix(raw, "add.json", unsafe=True)
    assert outcome.fixed == b'{\n  "provider": "openai"\n}\n'
    assert outcome.rounds == 2 and [d.pointer for d in outcome.applied] == ["/provider_status", "/description"]


def test_the_hash_is_written_over_the_settings_as_the_same_run_fixed_them():
    from provlint.engine import LintOptions
    from provlint.rules import find_rule

    raw = b'{"name": "OpenAI", "provider_status": "active", "config_hash": "7d3194f79e645c42"}'
    chosen = LintOptions(target_version="2.0", rules=(find_rule("PL601"), find_rule("PL205")))
    outcome = fix(raw, "response.json", lint_options=chosen)
    assert outcome.fixed == f'{{"name": "openai", "provider_status": "active", "config_hash": "{EMPTY_OPENAI}"}}'.encode()
    assert fix(outcome.fixed, "response.json", lint_options=chosen).applied == []
