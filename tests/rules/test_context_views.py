"""The shared views of RuleContext equal what the rules computed for themselves before them."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator, Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from provlint.catalog import load_catalog
from provlint.rules.context import EnvReference, KeyEntry, RuleContext
from provlint.rules.env_references import reference_paths
from provlint.source import load_bytes
from provlint.source.document import DocumentKind

# Strings that are and are not references, in every spelling the walk tells apart.
_TEXT = st.sampled_from(
    ["env.A", "env.B_2", "env.", "env.1X", "envX", "A", "", "x env.A", "env.A\n", "vault.x", "sk-live"]
)
_MEMBER = st.sampled_from(["value", "ref", "env_var", "from_env", "type", "keys", "name", "x"])
_SCALAR = st.one_of(_TEXT, st.booleans(), st.none(), st.integers(-2, 2))
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_MEMBER, inner, max_size=5)),
    max_leaves=25,
)


# The walk PL901 did for itself before the view (its generator, kept here as the oracle).
_ENV = re.compile(r"^env\.([A-Za-z_][A-Za-z0-9_]*)$")
_BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _old_references(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        name = _old_name(value)
        if name:
            yield path, name
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if _old_may_refer(item):
                yield from _old_references(item, (*path, index))
    elif isinstance(value, dict):
        named = _old_object(value)
        for key, item in value.items():
            if named is not None and key == named[0]:
                yield (*path, key), named[1]
            elif named is not None and key in ("value", "ref", "env_var"):
                continue
            elif _old_may_refer(item):
                yield from _old_references(item, (*path, key))


def _old_may_refer(value: Any) -> bool:
    return isinstance(value, (dict, list)) or (isinstance(value, str) and value.startswith("env."))


def _old_object(value: dict) -> Optional[tuple[str, str]]:
    ref = value.get("ref")
    if isinstance(ref, str) and _old_name(ref):
        return "ref", _old_name(ref)
    env_var = value.get("env_var")
    if isinstance(env_var, str):
        name = _old_name(env_var)
        if name is None and value.get("from_env") is True and _BARE.match(env_var):
            name = env_var
        if name:
            return "env_var", name
    return None


def _old_name(text: str) -> Optional[str]:
    match = _ENV.match(text)
    return match.group(1) if match else None


@settings(max_examples=400, deadline=None)
@given(_VALUE)
def test_reference_paths_equal_the_walk_pl901_did_itself(value: Any) -> None:
    assert reference_paths(value) == list(_old_references(value, ()))


def _context(data: Any, kind: DocumentKind = DocumentKind.CONFIG, indent: Optional[int] = None) -> RuleContext:
    doc = load_bytes(json.dumps(data, indent=indent).encode(), "x.json")
    return RuleContext(document=doc, kind=kind, catalog=load_catalog("2.2"))


_KEYS = st.lists(st.one_of(st.dictionaries(_MEMBER, _SCALAR, max_size=3), _SCALAR), max_size=4)
_SETTINGS = st.dictionaries(st.sampled_from(["keys", "network_config", "x"]), st.one_of(_KEYS, _VALUE), max_size=3)
_CONFIG = st.fixed_dictionaries({"providers": st.dictionaries(st.sampled_from(["openai", "a/b", "c~d"]), _SETTINGS, max_size=3)})


@settings(max_examples=300, deadline=None)
@given(_CONFIG)
def test_key_entries_are_every_key_object_in_document_order(data: Any) -> None:
    ctx = _context(data)
    expected = []
    for provider in ctx.providers:
        keys = provider.settings.get("keys")
        own = [KeyEntry(provider, i, k) for i, k in enumerate(keys) if isinstance(k, dict)] if isinstance(keys, list) else []
        assert list(ctx.keys_of(provider)) == own
        expected += own
    assert list(ctx.key_entries) == expected
    for entry in ctx.key_entries:
        assert entry.at("name") == f"{entry.provider.pointer}/keys/{entry.index}/name"


@settings(max_examples=300, deadline=None)
@given(_CONFIG)
def test_env_references_are_every_providers_references(data: Any) -> None:
    ctx = _context(data)
    expected = [EnvReference(p, path, name) for p in ctx.providers for path, name in _old_references(p.settings, ())]
    assert list(ctx.env_references) == expected


def test_env_reference_pointer_escapes_its_path() -> None:
    ctx = _context({"providers": {"a/b": {"keys": [{"value": {"ref": "env.K"}}]}}})
    assert [r.pointer for r in ctx.env_references] == ["/providers/a~1b/keys/0/value/ref"]
    assert [r.name for r in ctx.env_references] == ["K"]


@settings(max_examples=300, deadline=None)
@given(_CONFIG, st.sampled_from([None, 2, 4]))
def test_names_in_the_text_hold_every_reference_name(data: Any, indent: Optional[int]) -> None:
    ctx = _context(data, indent=indent)
    names = ctx.env_names_in_text
    if names is None:
        return  # the text cannot tell: the rules walk the data instead
    assert {reference.name for reference in ctx.env_references} <= names


def test_names_in_the_text_of_yaml_scalars() -> None:
    text = "providers:\n  openai:\n    keys:\n    - value: env.A\n      x: 'env.B'\n      y: [env.C, {ref: env.D}]\n      z: |\n        env.E\n"
    doc = load_bytes(text.encode(), "x.yaml")
    ctx = RuleContext(document=doc, kind=DocumentKind.CONFIG, catalog=load_catalog("2.2"))
    assert {r.name for r in ctx.env_references} == {"A", "B", "C", "D", "E"}
    assert ctx.env_names_in_text == {"A", "B", "C", "D", "E"}


def test_the_text_cannot_tell_when_it_escapes_or_names_a_bare_variable() -> None:
    assert _context({"providers": {"a": {"keys": [{"value": "env\\u002eA"}]}}}).env_names_in_text is None
    assert _context({"providers": {"a": {"keys": [{"value": {"env_var": "A", "from_env": True}}]}}}).env_names_in_text is None


@settings(max_examples=300, deadline=None)
@given(_CONFIG)
def test_providers_with_a_block_are_those_block_gives_a_nonempty_or_empty_object(data: Any) -> None:
    from provlint.rules.context import block

    ctx = _context(data)
    for name in ("network_config", "keys", "x"):
        expected = [(p, p.settings[name]) for p in ctx.providers if isinstance(p.settings.get(name), dict)]
        assert list(ctx.providers_with(name)) == expected
        assert ctx.providers_with(name) is ctx.providers_with(name)  # computed once
        # the providers left out are those `block` gives {} for, where a one-block rule finds nothing
        left_out = [p for p in ctx.providers if all(p is not q for q, _ in expected)]
        assert all(block(p.settings, name) == {} for p in left_out)


@settings(max_examples=300, deadline=None)
@given(_CONFIG, st.sampled_from(["@", "aliases", "ca_cert_pem", "env.A", "x"]))
def test_text_lacks_a_word_only_when_no_string_or_key_holds_it(data: Any, word: str) -> None:
    for indent in (None, 2):
        ctx = _context(data, indent=indent)
        if ctx.text_lacks(word):
            assert word not in json.dumps(data, ensure_ascii=False)


def test_text_lacks_nothing_an_escape_could_spell() -> None:
    text = '{"providers": {"a": {"network_config": {"base_url": "https://u:p\\u0040h"}}}}'
    doc = load_bytes(text.encode(), "x.json")
    ctx = RuleContext(document=doc, kind=DocumentKind.CONFIG, catalog=load_catalog("2.2"))
    assert "@" in ctx.data["providers"]["a"]["network_config"]["base_url"]  # the escape spells it
    assert not ctx.text_lacks("@")
    assert not ctx.text_lacks("aliases")  # with a backslash no word can be ruled out


_CA_BLOCK = st.one_of(st.dictionaries(st.sampled_from(["ca_cert_pem", "url", "x"]), _SCALAR, max_size=2), _SCALAR)
_CA_CONFIG = st.fixed_dictionaries({"providers": st.dictionaries(
    st.sampled_from(["openai", "a/b"]),
    st.dictionaries(st.sampled_from(["network_config", "proxy_config", "keys"]), _CA_BLOCK, max_size=3) | _SCALAR,
    max_size=3,
)})


@settings(max_examples=300, deadline=None)
@given(_CA_CONFIG)
def test_ca_cert_texts_are_every_literal_the_blocks_hold(data: Any) -> None:
    """The view looks only into the blocks that may hold ca_cert_pem: the same texts as the walk."""
    from provlint.rules.pem import find_ca_cert_texts

    ctx = _context(data)
    assert ctx.ca_cert_texts == tuple(find_ca_cert_texts(ctx.providers))


@settings(max_examples=300, deadline=None)
@given(_CONFIG)
def test_key_member_names_are_the_names_of_every_key_object(data: Any) -> None:
    """A rule skips its look at each key for a member this set lacks: no key object has it."""
    ctx = _context(data)
    names = {name for provider in ctx.providers for key in (provider.settings.get("keys") if isinstance(
        provider.settings.get("keys"), list) else ()) if isinstance(key, dict) for name in key}
    assert ctx.key_member_names == names
