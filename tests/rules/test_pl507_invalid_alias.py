import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from tests.conftest import NOW, codes_at

LINES_WITH_ALIAS_CHECKS = ("2.0", "2.1", "2.2")


def lint(text, line, path="config.json", rules=None):
    options = LintOptions(target_version=line, now=NOW, rules=rules)
    return lint_bytes(text.encode(), path, explicit=True, options=options).diagnostics


def pl507(text, line, path="config.json"):
    return [d for d in lint(text, line, path) if d.code == "PL507"]


def config(provider, aliases, extra=""):
    """One key of ``provider`` whose aliases map opens on line 6, column 21."""
    return (
        '{\n  "providers": {\n    "%s": {%s\n      "keys": [\n        {"name": "k", "value": "env.K", "weight": 1, "models": ["*"],\n'
        '         "aliases": %s}\n      ]\n    }\n  }\n}\n'
    ) % (provider, extra, aliases)


AT = "/providers/openai/keys/0/aliases"


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_blank_names_and_identifiers_in_both_forms(line):
    text = config("openai", '{"": "x", "best": "", "fast": "  ", " ": {"model_id": "m"}, "o": {"model_id": ""}, "p": {"model_id": "\\t"}}')
    found = pl507(text, line)
    assert codes_at(found) == [
        ("PL507", 6, 22), ("PL507", 6, 39), ("PL507", 6, 51), ("PL507", 6, 57), ("PL507", 6, 99), ("PL507", 6, 122),
    ]
    assert [d.pointer for d in found] == [
        f"{AT}/", f"{AT}/best", f"{AT}/fast", f"{AT}/ ", f"{AT}/o/model_id", f"{AT}/p/model_id",
    ]
    assert [d.message for d in found] == [
        'alias name "" is empty: Bifrost refuses the key; name the alias as clients request the model',
        'alias `best` maps to "", which is empty: Bifrost refuses the key; give the identifier sent to the provider',
        'alias `fast` maps to "  ", which is only whitespace: Bifrost refuses the key; give the identifier sent to the provider',
        'alias name " " is only whitespace: Bifrost refuses the key; name the alias as clients request the model',
        "`model_id` of alias `o` is empty: Bifrost refuses the key; give the identifier sent to the provider",
        "`model_id` of alias `p` is only whitespace: Bifrost refuses the key; give the identifier sent to the provider",
    ]
    assert {d.severity.value for d in found} == {"error"}


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_an_empty_name_or_identifier_is_one_finding_not_also_pl100(line):
    text = config("openai", '{"": "x", "best": "", "o": {"model_id": ""}}')
    assert [d.code for d in lint(text, line)] == ["PL507", "PL507", "PL507"]


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_names_that_differ_only_in_case(line):
    found = pl507(config("openai", '{"best": "a", "Best": "b", "BEST": {"model_id": "c"}, "other": "d"}'), line)
    assert codes_at(found) == [("PL507", 6, 35), ("PL507", 6, 48)]
    assert [d.pointer for d in found] == [f"{AT}/Best", f"{AT}/BEST"]
    assert found[1].message == (
        "alias `BEST` differs from alias `best` only in case: Bifrost compares alias names "
        "case-insensitively and refuses the key; keep one of them"
    )


# (provider of the key, alias object member, the provider it belongs to)
FOREIGN = [
    ("openai", '"api_version": "2024-10-21"', "api_version", "azure"),
    ("openai", '"anthropic_version": "2023-06-01"', "anthropic_version", "azure"),
    ("anthropic", '"endpoint": "https://x.openai.azure.com"', "endpoint", "azure"),
    ("bedrock", '"project_number": "1234"', "project_number", "vertex"),
    ("azure", '"force_single_region": true', "force_single_region", "vertex"),
    ("vertex", '"inference_profile_arn": "arn:aws:bedrock:us-east-1:1:inference-profile/x"', "inference_profile_arn", "bedrock"),
    ("bedrock_mantle", '"inference_profile_arn": "arn:aws:bedrock:us-east-1:1:inference-profile/x"', "inference_profile_arn", "bedrock"),
    ("openai", '"use_deployments_endpoint": true', "use_deployments_endpoint", "replicate"),
]


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
@pytest.mark.parametrize("provider, member, field, owner", FOREIGN)
def test_a_sub_config_field_of_another_provider(line, provider, member, field, owner):
    found = pl507(config(provider, '{"best": {"model_id": "m", %s}}' % member), line)
    assert codes_at(found) == [("PL507", 6, 48)]  # at the field's name
    assert found[0].pointer == f"/providers/{provider}/keys/0/aliases/best/{field}"
    assert found[0].message == (
        f"`{field}` of alias `best` belongs to `{owner}`, but this key's provider is `{provider}`: "
        f"Bifrost refuses the key; remove `{field}`"
    )


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_fields_of_the_keys_own_provider_and_shared_fields_pass(line):
    for provider, members in load_catalog(line).alias_provider_fields.items():
        values = {"force_single_region": "true", "use_deployments_endpoint": "true"}
        body = ", ".join(f'"{m}": {values.get(m, chr(34) + "v" + chr(34))}' for m in members)
        assert pl507(config(provider, '{"best": {"model_id": "m", %s}}' % body), line) == [], provider
    shared = '{"best": {"model_id": "m", "region": "us-east-1", "project_id": "p", "model_family": "openai", "use_anthropic_endpoints": true}}'
    assert pl507(config("openai", shared), line) == []


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_zero_values_override_nothing(line):
    aliases = '{"best": {"model_id": "m", "api_version": null, "force_single_region": false, "endpoint": ""}}'
    assert pl507(config("openai", aliases), line) == []


@pytest.mark.parametrize("line", LINES_WITH_ALIAS_CHECKS)
def test_a_custom_provider_is_judged_by_its_base(line):
    extra = '\n      "custom_provider_config": {"base_provider_type": "bedrock"},\n      "network_config": {"base_url": "https://gw.example.com"},'
    own = '{"best": {"model_id": "m", "inference_profile_arn": "arn:aws:bedrock:us-east-1:1:inference-profile/x"}}'
    assert pl507(config("my-bedrock", own, extra), line) == []
    found = pl507(config("my-bedrock", '{"best": {"model_id": "m", "api_version": "v"}}', extra), line)
    assert [d.pointer for d in found] == ["/providers/my-bedrock/keys/0/aliases/best/api_version"]
    assert "this key's provider is `bedrock`" in found[0].message


def test_names_with_pointer_characters_are_escaped():
    found = pl507(config("openai", '{"a/b": "", "c~d": {"model_id": " "}}'), "2.2")
    assert [d.pointer for d in found] == [f"{AT}/a~1b", f"{AT}/c~0d/model_id"]


def test_yaml_config():
    text = (
        "providers:\n  openai:\n    keys:\n      - name: k\n        value: env.K\n        weight: 1\n"
        "        models: ['*']\n        aliases:\n          best: gpt-4o\n          Best: ' '\n"
        "          o:\n            model_id: m\n            inference_profile_arn: arn\n"
    )
    found = pl507(text, "2.2", path="config.yaml")
    assert codes_at(found) == [("PL507", 10, 11), ("PL507", 10, 17), ("PL507", 13, 13)]


def test_the_rule_applies_from_2_0_and_finds_nothing_under_1_5():
    assert find_rule("PL507").since == "2.0" and find_rule("invalid-alias").code == "PL507"
    text = config("openai", '{" ": "x", "best": " ", "Best": "y"}')
    assert [len(pl507(text, line)) for line in ("1.5", "2.0", "2.1", "2.2")] == [0, 3, 3, 3]


# --- the invariant: distinct names (case-insensitively), non-blank values, own fields only ------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(lambda s: s.strip())
_PROVIDERS = ("openai", "azure", "vertex", "bedrock", "replicate", "anthropic")


@st.composite
def _alias_maps(draw):
    provider = draw(st.sampled_from(_PROVIDERS))
    own = load_catalog("2.2").alias_provider_fields.get(provider, ())
    names = draw(st.lists(_TEXT, min_size=0, max_size=6, unique_by=str.lower))
    aliases = {}
    for name in names:
        if draw(st.booleans()):
            aliases[name] = draw(_TEXT)
        else:
            alias = {"model_id": draw(_TEXT)}
            for field in draw(st.lists(st.sampled_from(own), unique=True)) if own else ():
                flag = field in ("force_single_region", "use_deployments_endpoint")
                alias[field] = draw(st.booleans()) if flag else draw(_TEXT)
            aliases[name] = alias
    return provider, aliases


@settings(max_examples=60, deadline=None)
@given(_alias_maps(), st.sampled_from(LINES_WITH_ALIAS_CHECKS))
def test_distinct_names_and_non_blank_values_give_no_pl507(case, line):
    provider, aliases = case
    text = json.dumps({"providers": {provider: {"keys": [
        {"name": "k", "value": "env.K", "weight": 1, "models": ["*"], "aliases": aliases}]}}})
    assert lint(text, line, rules=(find_rule("PL507"),)) == []


def test_foreign_fields_are_not_judged_against_an_unknown_provider_or_base():
    aliases = '{"best": {"model_id": "m", "project_number": "1"}}'
    assert pl507(config("vertx", aliases), "2.2") == []  # PL201's finding
    unsupported = '\n      "custom_provider_config": {"base_provider_type": "groq-ish"},'
    assert pl507(config("my-llm", aliases, unsupported), "2.2") == []
    # Blank identifiers are refused whatever the provider.
    assert len(pl507(config("vertx", '{"best": " "}'), "2.2")) == 1


def test_yaml_alias_names_of_other_scalar_types_are_read_as_their_text():
    text = (
        "providers:\n  openai:\n    keys:\n      - name: k\n        value: env.K\n        weight: 1\n"
        "        models: ['*']\n        aliases:\n          1: gpt-4o\n          true: ' '\n"
    )
    found = [d for d in lint(text, "2.2", path="config.yaml") if d.code in ("PL000", "PL507")]
    assert codes_at(found) == [("PL507", 10, 17)] and found[0].pointer == f"{AT}/true"
