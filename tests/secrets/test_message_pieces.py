"""Messages are masked against the pieces they can hold (``SecretMap.for_messages``): on any
document, every rule's message comes out exactly as the whole map masks it."""

from __future__ import annotations

import json
import random

from hypothesis import example, given, settings, strategies as st

from provlint.catalog import load_catalog
from provlint.engine import rules_to_run, run_rules
from provlint.rules import all_rules
from provlint.rules.context import RuleContext
from provlint.secrets import SecretMap, mask
from provlint.secrets.message_pieces import Pieces, message_pieces
from provlint.source import detect_kind, load_bytes
from tests.conftest import NOW
from tests.fuzz import generate
from tests.secrets.reference_message_pieces import reference_pieces
from tests.secrets.test_leak_property import secrets as planted_secrets

CATALOG = load_catalog("1.5")
ENVIRONMENT = {"X": "1", "OPENAI_API_KEY": "sk-x"}
# Where a secret is planted, and where the same text shows up again as an ordinary name or
# value that a rule may quote (a key name, a provider, a model, a header, a URL).
SECRET_NAMES = ["value", "password", "valeu", "DB_PASSWORD", "apiKey", "refresh_token", "Authorization",
                "Idempotency-Key", "note"]
PLACES = ["name", "models", "provider", "base_url", "key", "header", "text"]


def messages_both_ways(raw: bytes, path: str = "config.json") -> list[tuple[str, str, str]]:
    """(rule, message masked by the pieces for messages, by the whole map) of every finding."""
    doc = load_bytes(raw, path)
    if not doc.ok:
        return []
    ctx = RuleContext(document=doc, kind=detect_kind(doc.data, CATALOG, strict=False), catalog=CATALOG,
                      environment=ENVIRONMENT, now=NOW)
    found = run_rules(rules_to_run(all_rules()), ctx)
    for_messages = SecretMap.of_document(doc, CATALOG).for_messages()
    whole = SecretMap.of_document(doc, CATALOG)
    return [(rule.code, mask(f.message, for_messages), mask(f.message, whole)) for rule, f in found if f.span is None]


def assert_alike(raw: bytes, path: str = "config.json") -> None:
    for code, cheap, whole in messages_both_ways(raw, path):
        assert cheap == whole, (code, raw[:2000])


def plant_twice(rng: random.Random, secret: str) -> dict:
    """A planted document with ``secret`` under a credential name and again somewhere ordinary."""
    document = generate.planted(rng)
    holder = rng.choice(generate._containers(document, []) or [document])
    if not isinstance(holder, dict):
        holder = document if isinstance(document, dict) else {}
    holder[rng.choice(SECRET_NAMES)] = rng.choice([secret, f"Bearer {secret}", f"https://u:{secret}@h/x",
                                                   f"password: {secret}", ["env.NOPE", secret], 12345678901])
    place = rng.choice(PLACES)
    target = rng.choice(generate._containers(document, []))
    if isinstance(target, list):
        target.append(secret if place != "text" else f"see {secret}")
    elif place == "header":
        target["extra_headers"] = {secret: "x", "X-A": secret}
    elif place == "key":
        target[secret] = 1
    else:
        target[place] = [secret, "*"] if place == "models" else secret
    return document


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1), st.sampled_from([None, 1, 2]), st.booleans())
def test_planted_documents_messages_are_masked_alike(seed, indent, ascii_only):
    rng = random.Random(seed)
    raw = json.dumps(generate.planted(rng), indent=indent, ensure_ascii=ascii_only)
    assert_alike(raw.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1), planted_secrets, st.sampled_from([None, 1, 2]))
def test_a_secret_quoted_elsewhere_is_masked_alike(seed, secret, indent):
    rng = random.Random(seed)
    raw = json.dumps(plant_twice(rng, secret), indent=indent)
    assert_alike(raw.encode("utf-8", "surrogatepass"))


def test_the_data_alone_serves_a_plain_json_document_and_masks_its_secrets():
    raw = (b'{"providers": {"openai": {"keys": [{"name": "Qm8vLr2TzX4nW7pK9sYd", "value": "Qm8vLr2TzX4nW7pK9sYd",'
           b' "models": ["*"], "weight": 1}], "network_config": {"base_url": "https://u:Fh3kWq9zLm2Pd8Rt@h/v1",'
           b' "extra_headers": {"X-Note": "see https://svc:Jy6nBv3cXz8Lk1Mq@h/v1"}}}}}')
    found = message_pieces(SecretMap.of_document(load_bytes(raw, "c.json"), CATALOG))
    assert isinstance(found, Pieces)
    assert {"Qm8vLr2TzX4nW7pK9sYd", "Fh3kWq9zLm2Pd8Rt", "Jy6nBv3cXz8Lk1Mq"} <= set(found.pieces)
    assert_alike(raw)


def test_the_whole_map_serves_what_only_the_text_knows():
    escaped = b'{"keys": [{"name": "k", "value": "Qm8vLr2T\\u007aX4nW7pK9sYd", "weight": 1}]}'
    duplicate = b'{"keys": [{"name": "k", "value": "Qm8vLr2TzX4nW7pK9sYd", "value": "env.X", "weight": 1}]}'
    nested = b'{"keys": [{"name": "k", "password": {"value": "Qm8vLr2TzX4nW7pK9sYd"}, "weight": 1}]}'
    number = b'{"keys": [{"name": "k", "value": 1234567890123, "weight": 1}]}'
    yaml = b"keys:\n  - name: k\n    value: Qm8vLr2TzX4nW7pK9sYd\n"
    # A string or key holding a credential's `name: value` run: over the whole text the net reads
    # the run on past the closing quote (how far depends on the layout).
    run_in_string = b'{"extra_headers": {"X-Note": "token: Jy6nBv3cXz8Lk1Mq"}}'
    run_in_key = b'{"name": "openai", "keys": [], "token: Aa2Aa2Aa2Aa2": "<REDACTED>"}'
    for raw, path in [(escaped, "c.json"), (duplicate, "c.json"), (nested, "c.json"), (number, "c.json"),
                      (yaml, "c.yaml"), (run_in_string, "c.json"), (run_in_key, "c.json")]:
        secrets = SecretMap.of_document(load_bytes(raw, path), CATALOG)
        assert secrets.for_messages() is secrets, raw
        assert_alike(raw, path)


@settings(max_examples=150, deadline=None)
@given(planted_secrets, st.sampled_from(["token: {}", "Bearer {}", "https://svc:{}@h/v1", "{}", "see {} here"]),
       st.sampled_from(["X-Note", "Connection", "note"]), st.sampled_from([None, 2]))
def test_a_secret_only_the_text_net_finds_is_masked_where_a_rule_quotes_it(secret, form, holder, indent):
    document = json.loads(json.dumps(generate.BASES[4]))
    document["network_config"]["extra_headers"][holder] = form.format(secret)
    document["network_config"][secret] = 1  # an unknown field: PL101 quotes its name
    raw = json.dumps(document, indent=indent).encode()
    assert any(secret in cheap or "********" in cheap for _, cheap, _ in messages_both_ways(raw))
    assert_alike(raw)


# Names that change what a member is (credentials known, by the net and misspelt, headers the
# catalog lists or exempts, objects of headers, reference members) and values of every kind.
RISKY_NAMES = SECRET_NAMES + ["extra_headers", "headers", "X-Api-Key", "Cookie", "x-upstream-token",
                              "sec-websocket-key", "env_var", "type", "client_secret", "x" * 95 + "_token"]


def risky_document(rng: random.Random, secret: str) -> dict:
    """A planted document with credential and header names put in at any depth, holding the
    secret in every form, objects, arrays, numbers, references and empty values."""
    document = generate.planted(rng)
    for _ in range(rng.randint(1, 6)):
        target = rng.choice(generate._containers(document, []))
        held = rng.choice([secret, f"Bearer {secret}", f"token: {secret}", f"https://u:{secret}@h/x", "env.X",
                           "", " ", "<REDACTED>", 12345678901, 1.5, True, None, [], {}, [secret, 7],
                           {"env_var": secret}, {"value": secret}, {"X-Api-Key": secret, "note": [secret]},
                           generate.value(rng)])
        # A name may hold the secret itself (a rule may quote an unknown name).
        name = rng.choice(RISKY_NAMES) if rng.random() < 0.8 else rng.choice([secret, f"token: {secret}", f"https://u:{secret}@h"])
        if isinstance(target, list):
            target.append({name: held} if rng.random() < 0.7 else held)
        else:
            target[name] = held
    return document


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1), planted_secrets, st.sampled_from(["1.5", "2.2"]))
def test_the_walk_finds_what_the_first_walk_found(seed, secret, line):
    """The walk that skips ordinary objects and remembers its answers across documents gives
    exactly the pieces (or the whole map) of the first walk, which judged every node afresh."""
    rng = random.Random(seed)
    catalog = load_catalog(line)
    for document in (risky_document(rng, secret), plant_twice(rng, secret), generate.planted(rng)):
        raw = json.dumps(document, indent=rng.choice([None, 1]), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        doc = load_bytes(raw, "config.json")
        if not doc.ok:
            continue
        secrets = SecretMap.of_document(doc, catalog)
        expected = reference_pieces(secrets)
        found = message_pieces(secrets)
        assert (found is None) == (expected is None), raw[:2000]
        if found is not None:
            assert set(found.pieces) == expected, raw[:2000]


# Characters of every mark the net and the shape look for: token characters of both cases and
# digits, the colon and what may follow it, user-info, key blocks, vendor prefixes.
_MARKS = st.sampled_from(["://", "@", ":", ": ", ":\"", "-----BEGIN ", "PRIVATE KEY-----", "sk-", "sk_", "pk-",
                          "AKIA", "AIza", "ghp_", "github_pat_", "xoxb-", "glpat-", "hf_", "Bearer ", "token",
                          "password", "=", "/", ".", "~", "_", "-", " ", "é", "Zk7pQ2vLm9XwR4tY8uB3nC6d"])
_TEXTS = st.lists(st.one_of(_MARKS, st.text(alphabet="aZ09Qx_-.~+/=: @é\t", max_size=12)), max_size=8).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
@example("ab-----BEGIN PRIVATE KEY-----")  # a key block's mark alone
def test_a_text_without_any_mark_holds_no_piece(text):
    """The pre-check that spares most texts the net and the shape never turns one with a piece away."""
    from provlint.secrets.message_pieces import _may_hold_pieces, _net_pieces, _string_pieces

    secrets = SecretMap.of_document(load_bytes(b"{}", "c.json"), CATALOG)
    if not _may_hold_pieces(text):
        assert not _string_pieces(text, secrets._known, secrets._names)
        assert not _net_pieces(text, secrets._known, secrets._names, True)
        assert not _net_pieces(text, secrets._known, secrets._names, False)


def _texts_of(node: object, found: list) -> list:
    """Every key and string of a document, depth first."""
    if isinstance(node, dict):
        for name, member in node.items():
            found.append(name)
            _texts_of(member, found)
    elif isinstance(node, list):
        for item in node:
            _texts_of(item, found)
    elif isinstance(node, str):
        found.append(node)
    return found


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**64 - 1), planted_secrets, st.sampled_from([None, 2]))
def test_messages_quoting_any_text_of_the_document_are_masked_as_the_whole_map_masks_them(seed, secret, indent):
    """A message may quote any key or string of the document, whole or in part, among the rule's
    own words: masked against the pieces for messages, it comes out as the whole map masks it."""
    rng = random.Random(seed)
    document = risky_document(rng, secret)
    raw = json.dumps(document, indent=indent).encode("utf-8", "surrogatepass")
    doc = load_bytes(raw, "config.json")
    if not doc.ok:
        return
    for_messages = SecretMap.of_document(doc, CATALOG).for_messages()
    whole = SecretMap.of_document(doc, CATALOG)
    texts = [t for t in _texts_of(doc.data, []) if t] or [""]
    for _ in range(10):
        quoted = []
        for _ in range(rng.randint(1, 3)):
            text = rng.choice(texts)
            start = rng.randrange(len(text)) if rng.random() < 0.3 else 0
            quoted.append(text[start:] if rng.random() < 0.5 else text[start:start + rng.randint(1, 40)])
        message = rng.choice(["unknown field `{}` in {}", "`{}` is {}; use {}", "{} {} {}"]).format(*quoted, "x", "y")
        assert mask(message, for_messages) == mask(message, whole), (message, raw[:2000])
