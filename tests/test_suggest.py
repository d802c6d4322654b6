"""Did-you-mean: one helper, one cutoff, used by every message that suggests a name."""

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.suggest import CUTOFF, closest, did_you_mean, suggestion_for, two_closest
from tests.conftest import lint

V15, V20 = load_catalog("1.5"), load_catalog("2.0")
NETWORK_FIELDS_20 = [m.name for b in V20.hash.blocks if b.field == "network_config" for m in b.members]


@pytest.mark.parametrize(
    "word, candidates, expected",
    [
        # A long shared beginning is not enough: `retreive` is no misspelling of `stream`.
        ("responses_retreive", list(V20.request_types), "responses_retrieve"),
        ("responses_retreive", list(V15.request_types), None),
        ("keep_alive_timeout_in_second", NETWORK_FIELDS_20, "keep_alive_timeout_in_seconds"),
        ("opnai", list(V15.provider_ids), "openai"),
        ("opnai", list(V20.provider_ids), "openai"),
        ("claude", list(V15.provider_ids), None),
        ("claude", list(V20.provider_ids), None),
        # The pinned suggestions of the messages keep working.
        ("warn", ["error", "warning", "info", "off"], "warning"),
        ("project", ["project_id", "region", "auth_credentials"], "project_id"),
        ("bedrock_mantle_key_config", ["azure_key_config", "vertex_key_config", "bedrock_key_config"], "bedrock_key_config"),
        ("schema_", ["$schema", "providers", "client"], "$schema"),
        ("max_retry", NETWORK_FIELDS_20, "max_retries"),
        # difflib's one-way ratio pairs these (0.72); the other way round it is 0.66.
        ("stream_idle_timeout_in_seconds", ["default_request_timeout_in_seconds"], None),
        ("OPNAI", ["openai"], "openai"),  # letter case does not count, the candidate is returned as spelt
        ("anything", [], None),
    ],
)
def test_closest(word, candidates, expected):
    assert closest(word, candidates) == expected


def test_where_the_old_helpers_disagreed():
    # PL207 used difflib.get_close_matches at 0.6 and suggested `responses_stream`; PL201 used
    # 0.75, settings and selection 0.6, the models 0.7 both ways round.
    assert difflib.get_close_matches("responses_retreive", V15.request_types, n=1, cutoff=0.6) == ["responses_stream"]
    assert closest("responses_retreive", V15.request_types) is None
    assert difflib.get_close_matches("stream_idle_timeout_in_seconds", ["default_request_timeout_in_seconds"], n=1, cutoff=0.6)
    assert closest("stream_idle_timeout_in_seconds", ["default_request_timeout_in_seconds"]) is None


def test_ties_go_to_the_candidate_listed_first():
    assert closest("ab", ["ax", "ay"]) is None  # 0.5: under the cutoff
    assert closest("abcd", ["abcx", "abcy"]) == "abcx"
    assert closest("abcd", ["abcy", "abcx"]) == "abcy"


def test_the_message_fragment():
    assert did_you_mean("openai") == "; did you mean `openai`?"
    assert did_you_mean(None) == ""
    assert suggestion_for("opnai", V15.provider_ids) == "; did you mean `openai`?"
    assert suggestion_for("claude", V15.provider_ids) == ""


NAMES = st.text(alphabet="abcdefgh_-", min_size=1, max_size=12)


@given(NAMES, st.lists(NAMES, max_size=8))
def test_a_suggestion_is_a_candidate_and_a_known_name_suggests_itself(word, candidates):
    found = closest(word, candidates)
    assert found is None or found in candidates
    if word in candidates:
        assert closest(word, candidates).casefold() == word.casefold()


@given(NAMES, st.lists(NAMES, max_size=8))
def test_the_cutoff_holds_both_ways_round(word, candidates):
    found = closest(word, candidates)
    if found is not None:
        for a, b in ((word, found), (found, word)):
            assert difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= CUTOFF


def test_pl207_in_1_5_suggests_the_later_lines_type_not_an_unrelated_one():
    text = (
        '{"provider": "my-llm", "network_config": {"base_url": "https://llm.example.com"},\n'
        '"custom_provider_config": {"base_provider_type": "openai",\n'
        '"allowed_requests": {"responses_retreive": true}}}\n'
    )
    (found,) = [d for d in lint(text, target_version="1.5") if d.code == "PL207"]
    assert found.message.endswith(
        "stays refused; did you mean `responses_retrieve`? (a request type of Bifrost 2.0 and later)"
    )
    (other,) = [d for d in lint(text.replace("responses_retreive", "telepathy"), target_version="1.5") if d.code == "PL207"]
    assert "did you mean" not in other.message and "; request types: list_models, " in other.message


def test_pl201_suggests_or_lists():
    (typo,) = [d for d in lint('{"providers": {"opnai": {"keys": []}}}', target_version="1.5") if d.code == "PL201"]
    assert typo.message == "unknown provider `opnai` for Bifrost 1.5; did you mean `openai`?"
    (other,) = [d for d in lint('{"providers": {"claude": {"keys": []}}}', target_version="1.5") if d.code == "PL201"]
    assert "did you mean" not in other.message and "known providers: openai, azure," in other.message


def test_no_other_module_suggests_names_itself():
    package = Path(__file__).resolve().parent.parent / "provlint"
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "suggest.py":
            assert "get_close_matches" not in text and "did you mean" not in text, path


@given(NAMES, st.lists(NAMES, max_size=8))
def test_the_cheap_upper_bounds_never_drop_the_best_candidate(word, candidates):
    from provlint.suggest import _swaps_a_part, similarity

    fair = [(similarity(word, c), -i, c) for i, c in enumerate(candidates) if not _swaps_a_part(word, c)]
    best = max((f for f in fair if f[0] >= CUTOFF), default=None)
    assert closest(word, candidates) == (best[2] if best else None)


@settings(max_examples=400)
@given(st.text(alphabet="abcdAB_", min_size=1, max_size=8),
       st.lists(st.text(alphabet="abcdAB_", min_size=1, max_size=8), max_size=10))
def test_two_closest_is_closest_then_the_closest_of_the_others(word, candidates):
    # The one-pass answer is the two calls PL201 and the models' wording made before.
    from provlint.suggest import _swaps_a_part, similarity

    def brute_closest(names):
        fair = [(similarity(word, c), -i, c) for i, c in enumerate(names) if not _swaps_a_part(word, c)]
        found = max((f for f in fair if f[0] >= CUTOFF), default=None)
        return found[2] if found else None

    first = brute_closest(candidates)
    second = brute_closest([c for c in candidates if c != first]) if first is not None else None
    assert two_closest(word, candidates) == (first, second)
    assert closest(word, candidates) == first


def test_two_closest_of_provider_ids():
    assert two_closest("opnai", V20.provider_ids) == ("openai", None)
    assert two_closest("openai-x", ["openai", "openai-y", "xai"]) == ("openai-y", "openai")
    assert two_closest("openai", ["OpenAI", "openai"]) == ("OpenAI", "openai")  # spelt otherwise: another
    assert two_closest("openai", ["openai", "openai"]) == ("openai", None)  # the same spelling: no other
    assert two_closest("abcd", ["abcd", "abcx", "abcy"]) == ("abcd", "abcx")  # ties: the one listed first
