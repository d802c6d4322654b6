"""Where each kind of document keeps its providers, read once for rules and hashes."""

from hypothesis import given
from hypothesis import strategies as st

from provlint.hashing.documents import provider_entries
from provlint.rules.context import ProviderView as ReExported
from provlint.source.document import DocumentKind
from provlint.source.providers import ProviderSlot, ProviderView, provider_slots, provider_views

CONFIG, ADD, UPDATE, RESPONSE = (
    DocumentKind.CONFIG, DocumentKind.ADD_PROVIDER, DocumentKind.UPDATE_PROVIDER, DocumentKind.PROVIDER_RESPONSE,
)


def test_each_kind():
    config = {"providers": {"openai": {"keys": []}, "a/b": 3}}
    assert list(provider_slots(config, CONFIG)) == [
        ProviderSlot("/providers/openai", "openai", "/providers/openai", "key", {"keys": []}),
        ProviderSlot("/providers/a~1b", "a/b", "/providers/a~1b", "key", 3, "a provider entry must be an object"),
    ]
    assert list(provider_slots({"providers": []}, CONFIG)) == [
        ProviderSlot("/providers", None, "/providers", "value", [], "`providers` must be an object"),
    ]
    assert list(provider_slots({"providers": None}, CONFIG)) == []
    assert list(provider_views({"provider": 7, "x": 1}, ADD)) == [ProviderView("", None, "/provider", "value", {"provider": 7, "x": 1})]
    assert list(provider_views({"name": "groq"}, RESPONSE)) == [ProviderView("", "groq", "/name", "value", {"name": "groq"})]
    assert list(provider_views({"network_config": {}}, UPDATE)) == [ProviderView("", None, "", "value", {"network_config": {}})]
    assert list(provider_views([], ADD)) == [] and list(provider_views({"providers": {}}, DocumentKind.UNKNOWN)) == []
    assert ReExported is ProviderView


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=3),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                    max_leaves=8)
DOCUMENTS = st.one_of(
    st.builds(lambda p: {"providers": p}, st.dictionaries(st.text(max_size=4), JSON, max_size=3) | JSON),
    st.dictionaries(st.sampled_from(["provider", "name", "network_config"]), JSON, max_size=3),
)


@given(DOCUMENTS, st.sampled_from([CONFIG, ADD, UPDATE, RESPONSE]))
def test_rules_and_hashes_see_the_same_providers(data, kind):
    """Every provider a rule reads is an entry the hash command hashes or explains, and back."""
    views = [v.pointer for v in provider_views(data, kind)]
    entries = [e.pointer for e in provider_entries(data, kind) if isinstance(e.settings, dict)]
    assert views == entries


def views_of_slots(data, kind):
    """provider_views by its plain definition: the slots that are objects, as views."""
    return [ProviderView(s.pointer, s.name if isinstance(s.name, str) else None, s.name_pointer, s.name_target, s.settings)
            for s in provider_slots(data, kind) if s.problem is None]


KEYS = st.text(max_size=4) | st.integers() | st.none() | st.sampled_from(["a/b", "~0", "openai"])  # YAML keys need not be strings


@given(st.one_of(DOCUMENTS, st.builds(lambda p: {"providers": p}, st.dictionaries(KEYS, JSON, max_size=3)), JSON),
       st.sampled_from([CONFIG, ADD, UPDATE, RESPONSE, DocumentKind.UNKNOWN]))
def test_views_are_the_slots_that_are_objects(data, kind):
    """A config file's views are read without slots: the same views, in the same order."""
    views = provider_views(data, kind)
    expected = views_of_slots(data, kind)
    assert views == expected
    assert [v.name for v in views] == [v.name for v in expected]  # the id, where equality might not compare it
