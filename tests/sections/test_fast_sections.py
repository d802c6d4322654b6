"""The generated validators of Bifrost's schema sections give jsonschema-rs's verdict, or say
that only jsonschema-rs can tell (``Unknown``); a yes is never given where it says no."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import provlint.validators.sections_config_2_2 as generated
from provlint.validators.section_checks import Unknown
from provlint.go_strings import go_value
from provlint.sections import MODELLED, SCHEMA_FOLDER, _section_validator, section_issues
from provlint.validators import fast_section_accepts, section_validator
from provlint.validators.sections_emit import render_sections
from tests import mutation
from tests.paths import fixture

SCHEMA_NAME = "config-2.2.schema.json"
SCHEMA = json.loads((SCHEMA_FOLDER / SCHEMA_NAME).read_text(encoding="utf-8"))
UNKNOWN = "unknown"
EXAMPLES = sorted(fixture("bifrost-examples").glob("*.json"))
assert EXAMPLES, f"no Bifrost example configs in {fixture('bifrost-examples')}"


def rs_valid(section: str, value) -> bool:
    validator = _section_validator(SCHEMA_NAME, section)
    try:
        return validator.is_valid(value)
    except UnicodeEncodeError:  # as provlint/sections.py checks a lone surrogate
        return validator.is_valid(go_value(value))


def generated_verdict(section: str, value):
    try:
        return section_validator(SCHEMA_NAME, section)(value)
    except Unknown:
        return UNKNOWN


def assert_agrees(section: str, value) -> None:
    verdict = generated_verdict(section, value)
    if verdict != UNKNOWN:
        assert verdict == rs_valid(section, value), (section, value)
    assert not fast_section_accepts(SCHEMA_NAME, section, value) or rs_valid(section, value)


def example_sections() -> list[tuple[str, object]]:
    found = []
    for path in EXAMPLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        found += [(name, value) for name, value in data.items() if name in generated.MODULES]
    return found


SEEDS = example_sections()


def test_every_section_provlint_does_not_model_is_generated():
    assert set(generated.MODULES) == set(SCHEMA["properties"]) - MODELLED
    assert len({name for name, _ in SEEDS}) >= 10  # the examples reach most of them


@pytest.mark.parametrize(("section", "value"), SEEDS, ids=[name for name, _ in SEEDS])
def test_bifrosts_example_sections_agree(section, value):
    assert_agrees(section, value)


def test_most_example_sections_are_accepted_without_jsonschema_rs():
    verdicts = [generated_verdict(section, value) for section, value in SEEDS]
    assert verdicts.count(True) >= len(SEEDS) - 3, [(s, v) for (s, _), v in zip(SEEDS, verdicts) if v is not True]


def _schema_literals(node, found: set) -> set:
    """Every const and enum value of the schema: mutations that reach the if/then branches."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "const" and not isinstance(value, (dict, list)):
                found.add(value)
            elif key == "enum":
                found.update(v for v in value if not isinstance(v, (dict, list)))
            else:
                _schema_literals(value, found)
    elif isinstance(node, list):
        for item in node:
            _schema_literals(item, found)
    return found


LITERALS = sorted(_schema_literals(SCHEMA, set()), key=repr)
ODD_VALUES = st.one_of(
    st.sampled_from(LITERALS),
    st.none(), st.booleans(),
    st.integers(min_value=-(1 << 70), max_value=1 << 70), st.integers(min_value=-3, max_value=70000),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, 1.0, 2.5, -1.0, 1e400]),
    st.text(max_size=12), st.sampled_from(["", "a\rb", "١٢", "\ud800", "10s", "1h30m", "x y", "http://a"]),
    st.lists(st.sampled_from(["a", "b", "a", 1, 1.0, True]), max_size=4),
    st.dictionaries(st.sampled_from(["type", "enabled", "path", "x"]), st.sampled_from(LITERALS), max_size=3),
)
EXTRA_KEYS = st.one_of(st.sampled_from(["type", "enabled", "config", "name", "unexpected"]), st.text(max_size=6))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_sections_agree(data):
    section, value = data.draw(st.sampled_from(SEEDS))
    changed = data.draw(mutation.mutated(value, extra_keys=EXTRA_KEYS, odd_values=ODD_VALUES,
                                         string_extras=("", "a\rb", 1.0)))
    assert_agrees(section, changed)


@given(section=st.sampled_from(sorted(generated.MODULES)), value=ODD_VALUES)
@settings(max_examples=300, deadline=None)
def test_odd_whole_sections_agree(section, value):
    assert_agrees(section, value)


@pytest.mark.parametrize(("value", "verdict"), [
    ({"initial_pool_size": 300}, True),
    ({"initial_pool_size": 300.0}, True),  # draft 2019-09: 1.0 is an integer
    ({"initial_pool_size": 300.5}, False),
    ({"initial_pool_size": True}, False),
    ({"initial_pool_size": 1 << 70}, UNKNOWN),  # beyond 64 bits: jsonschema-rs reads it its own way
    ({"initial_pool_size": float("inf")}, False),  # of no JSON type for jsonschema-rs
    ({"allowed_origins": ["not a uri"]}, True),  # formats are annotations in draft 2019-09
    ({"enable_loging": True}, False),
])
def test_client_verdicts(value, verdict):
    assert generated_verdict("client", value) == verdict
    if verdict != UNKNOWN:
        assert rs_valid("client", value) is verdict


@pytest.mark.parametrize(("value", "verdict"), [
    ({"tool_sync_interval": 120_000_000_000}, True),  # multipleOf 60000000000 (nanoseconds)
    ({"tool_sync_interval": 120_000_000_001}, False),
    ({"tool_sync_interval": 120_000_000_000.0}, UNKNOWN),  # a float's multipleOf: jsonschema-rs decides
])
def test_mcp_multiple_of(value, verdict):
    assert generated_verdict("mcp", value) == verdict
    if verdict != UNKNOWN:
        assert rs_valid("mcp", value) is verdict


def test_if_then_branches_and_patterns():
    sqlite = {"enabled": True, "type": "sqlite", "config": {"path": "/var/bifrost/config.db"}}
    assert generated_verdict("config_store", sqlite) is True
    assert generated_verdict("config_store", {**sqlite, "config": {"host": "db"}}) is False  # sqlite's then
    command = {"command": "/usr/bin/get-pw", "args": [], "timeout": "10s"}
    postgres = {"enabled": True, "type": "postgres",
                "config": {"host": "db", "port": "5432", "user": "u", "db_name": "b", "ssl_mode": "disable",
                           "password_command": command}}
    for value in (postgres, sqlite):
        assert_agrees("config_store", value)
    spaced = {**postgres, "config": {**postgres["config"], "password_command": {**command, "command": "a b"}}}
    assert generated_verdict("config_store", spaced) is False  # pattern ^\S+$
    assert_agrees("config_store", spaced)
    accented = {**postgres, "config": {**postgres["config"], "password_command": {**command, "command": "é"}}}
    assert generated_verdict("config_store", accented) == UNKNOWN  # ECMA classes: jsonschema-rs decides
    assert fast_section_accepts(SCHEMA_NAME, "config_store", accented) is False


def test_a_section_with_a_keyword_it_does_not_know_keeps_jsonschema_rs():
    schema = {"properties": {"providers": {}, "plain": {"type": "object", "properties": {"a": {"type": "string"}}},
                             "odd": {"type": "array", "contains": {"type": "string"}}}}
    files = render_sections(schema, "toy.json", MODELLED)
    assert sorted(files) == ["__init__.py", "section_plain.py"]
    assert "'plain': 'section_plain'," in files["__init__.py"] and "'odd'" not in files["__init__.py"]
    assert "# Not generated (a keyword this dialect does not know): odd." in files["__init__.py"]


def test_section_issues_are_unchanged_where_the_generated_validator_says_yes_or_cannot_tell():
    for section, value in SEEDS:
        if generated_verdict(section, value) is True:
            assert section_issues({section: value}, SCHEMA_NAME) == []
    bad = {"client": {"initial_pool_size": "x"}}
    assert [(i.category, i.pointer) for i in section_issues(bad, SCHEMA_NAME)] == [("invalid", "/client/initial_pool_size")]


def test_a_section_imports_its_own_module_alone():
    import subprocess
    import sys

    code = ("import sys; from provlint.validators import fast_section_accepts as f; "
            "assert f('config-2.2.schema.json', 'client', {'initial_pool_size': 3}); "
            "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('provlint.validators.sections_config_2_2.')))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "['section_client']"


def test_a_module_of_a_section_gone_from_the_schema_is_stale(tmp_path):
    from provlint.validators.build import _left_over

    (tmp_path / "pkg").mkdir()
    kept, gone = tmp_path / "pkg" / "section_a.py", tmp_path / "pkg" / "section_b.py"
    kept.write_text("")
    gone.write_text("")
    assert _left_over({kept}) == [gone]
