"""The rules' shortcuts for a clean file give the answers of the full computation they skip."""

from __future__ import annotations

from typing import Any, Optional

from hypothesis import given
from hypothesis import strategies as st

from provlint.redaction import is_redacted
from provlint.rules import secrets
from provlint.rules.pl503_invalid_weights import _MISSING, _is_number

TEXTS = st.sampled_from(
    ["", " ", "env.OPENAI_KEY", "env.1BAD", " env.X", "vault.kv/openai", "<REDACTED>", "[redacted]", "****",
     "sk-1****************************abcd", "sk-live-abc", "https://user:pw@example.com/v1", "http://10.0.0.1",
     "localhost", "x.localhost", "LOCALHOST", "host.internal"]
) | st.text(max_size=12)
VALUES = TEXTS | st.none() | st.integers() | st.builds(dict, value=TEXTS) | st.builds(dict, ref=TEXTS, value=TEXTS) | st.builds(
    dict, type=st.sampled_from(["env", "vault", "plain_text"]), value=TEXTS
)


def literal_text_uncached(value: Any) -> Optional[str]:
    """literal_text as it was before it remembered its verdicts."""
    if isinstance(value, dict):
        if value.get("ref") or value.get("from_env") or value.get("type") in ("env", "vault"):
            return None
        value = value.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    if secrets.is_reference(value) or is_redacted(value):
        return None
    return value


@given(st.lists(VALUES, max_size=8))
def test_literal_text_gives_the_uncached_answer_every_time(values):
    for value in values + values:  # the second round reads the remembered verdicts
        assert secrets.literal_text(value) == literal_text_uncached(value)


@given(TEXTS, st.lists(st.sampled_from(["localhost", ".localhost", ".internal", "LOCALHOST", "x.local", ""]), max_size=4))
def test_host_matches_a_tuple_as_it_matches_a_list(host, names):
    assert secrets.host_matches(host, tuple(names)) == secrets.host_matches(host, list(names))
    assert secrets.host_matches(host, tuple(names)) == secrets.host_matches(host, tuple(names))


WEIGHTS = st.lists(
    st.sampled_from([_MISSING, None, 0, 0.0, -0.0, 1, 0.5, -1, True, False, "0", [], {}, float("nan")]) | st.floats(),
    max_size=5,
)


@given(WEIGHTS)
def test_pl503_skips_only_providers_whose_weights_cannot_all_be_zero(weights):
    explicit = [w for w in weights if w is not _MISSING]
    all_zero = bool(explicit) and all(_is_number(w) and w == 0 for w in explicit)
    if all_zero:
        assert 0 in weights  # the shortcut `0 not in weights` never skips a finding
    for w in weights:  # and a bool, a number to isinstance, is never below 0
        negative = isinstance(w, (int, float)) and w < 0
        assert negative == (_is_number(w) and w < 0)


def may_find_by_names(models: list, wildcard: str) -> bool:
    """PL505's test as it was, over the string entries alone."""
    names = [m for m in models if isinstance(m, str)]
    if len(names) < 2:
        return False
    return wildcard in names or len({name.lower() for name in names}) < len(names)


@given(st.lists(st.sampled_from(["*", "gpt-4o", "GPT-4o", "claude", "", 1, None, ["*"], {"a": 1}]) | st.text(max_size=3), max_size=6))
def test_pl505_shortcut_gives_the_answer_of_the_names(models):
    from provlint.rules.pl505_mixed_wildcard_models import _may_find

    expected = may_find_by_names(models, "*")
    if len(models) > 1:
        assert _may_find(models, "*") == expected
    else:
        assert not expected  # the caller skips a list of fewer than two entries


def names_in_text_by_two_searches(text: str) -> Optional[frozenset[str]]:
    """names_in_text as it was: a search for from_env, then one for the names."""
    import re

    if "\\" in text or "from_env" in text:
        return None
    return frozenset(re.findall(r"env\.([A-Za-z_][A-Za-z0-9_]*)", text))


ENV_TEXTS = st.lists(
    st.sampled_from(["env", "env.", ".", "from_", "from_env", "fr", "om_env", "_", "X", "a1", "\"", ": ", "\n", "\\",
                     "envenv.A", "env.from_env", "from_env.B", "env.Xfrom_env"]),
    max_size=10,
).map("".join)


@given(ENV_TEXTS | st.text(alphabet="envfrom_.X1\" \\", max_size=24))
def test_names_in_text_in_one_scan_gives_the_answer_of_two(text):
    from provlint.rules.env_references import names_in_text

    assert names_in_text(text) == names_in_text_by_two_searches(text)


SECRET_VALUES = VALUES | st.sampled_from(["env.PROXY_USER", "env.", "envX", "vault.kv/x", "https://proxy:3128"]) | st.builds(
    dict, env_var=st.sampled_from(["PROXY", "env.PROXY"]), from_env=st.booleans()
) | st.builds(dict, ref=st.sampled_from(["env.A", "vault.a", "x"]), type=st.sampled_from(["env", "vault", "plain_text"]))
PROXY_MEMBERS = st.sampled_from(["url", "username", "password", "ca_cert_pem", "type", "x"])
PROXY_SETTINGS = st.dictionaries(
    st.sampled_from(["proxy_config", "network_config"]), st.dictionaries(PROXY_MEMBERS, SECRET_VALUES, max_size=4) | VALUES,
    max_size=2,
)


@given(PROXY_SETTINGS, st.sampled_from(["2.2", "1.5"]))
def test_pl602_skips_only_providers_whose_hash_reads_no_variable(settings, line):
    from provlint.catalog import load_catalog
    from provlint.hashing import environment_dependencies
    from provlint.rules.pl602_hash_depends_on_environment import _hashed_secret_members, _may_refer

    catalog = load_catalog(line)
    if catalog.hash is not None and not _may_refer(settings, _hashed_secret_members(catalog.hash)):
        assert environment_dependencies(settings, catalog) == []


KEY_OBJECTS = st.lists(
    st.dictionaries(
        st.sampled_from(["value", "name", "azure_key_config", "bedrock_key_config", "vertex_key_config", "models"]),
        SECRET_VALUES | st.dictionaries(st.sampled_from(["client_secret", "access_key", "auth_credentials", "x"]), SECRET_VALUES, max_size=2),
        max_size=3,
    ),
    max_size=3,
)


@given(KEY_OBJECTS)
def test_pl304_skips_only_keys_where_the_full_walk_finds_nothing(keys):
    import json

    from provlint.catalog import load_catalog
    from provlint.rules.context import RuleContext
    from provlint.rules.pl304_plaintext_secret import _key_fields, _keys, _may_hold_secrets
    from provlint.source import load_bytes
    from provlint.source.document import DocumentKind

    data = {"providers": {"openai": {"keys": keys}}}
    ctx = RuleContext(load_bytes(json.dumps(data).encode(), "x.json"), DocumentKind.CONFIG, load_catalog("2.2"))
    for provider in ctx.providers:
        entries = ctx.keys_of(provider)
        key_fields, sections = _key_fields(ctx.catalog)
        if not _may_hold_secrets(entries, key_fields, sections, ctx.catalog.secret_fields):
            assert list(_keys(ctx, provider, entries, key_fields, sections, ctx.catalog.secret_fields)) == []


@given(st.lists(st.sampled_from(["gpt-4o", "GPT-4o", "Σa", "aΣ", "ς", "σ", "İ", "i̇", "ǅ", "ǆ", "*", "ß", "SS"]) | st.text(max_size=3), min_size=2, max_size=6))
def test_pl505_folds_lower_case_lists_without_lowering_each_name(models):
    from provlint.rules.pl505_mixed_wildcard_models import _may_find

    assert _may_find(models, "*") == ("*" in models or len({m.lower() for m in models}) < len(models))


@given(WEIGHTS)
def test_pl503_one_min_finds_no_negative_only_where_none_is(weights):
    from provlint.rules.pl503_invalid_weights import _none_negative

    if weights and _none_negative(weights):
        assert not any(isinstance(w, (int, float)) and w < 0 for w in weights)


@given(st.lists(st.sampled_from(["a", "b", "A", 1, 1.0, True, None, ["a"], {"a": 1}]) | st.text(max_size=2), max_size=6))
def test_pl502_skips_only_names_among_which_no_string_repeats(names):
    from provlint.rules.pl502_duplicate_key_name import _all_distinct

    strings = [n for n in names if isinstance(n, str)]
    if _all_distinct(names):
        assert len(set(strings)) == len(strings)
