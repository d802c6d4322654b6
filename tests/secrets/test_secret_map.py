"""The secret map: which values of a document are secrets, and where they stand."""

import pytest
from hypothesis import given, strategies as st

from provlint.catalog import load_catalog
from provlint.findings import Position, Span
from provlint.secrets import SecretMap
from provlint.secrets import lexical
from provlint.secrets.names import looks_like_credential_name
from provlint.source import load_bytes

CATALOG = load_catalog()


def secret_map(text: str, path: str = "c.json") -> SecretMap:
    return SecretMap.of_document(load_bytes(text.encode(), path), CATALOG)


def test_catalog_secret_fields_are_secrets_and_references_are_not():
    found = secret_map(
        '{"providers": {"openai": {"keys": [{"name": "k", "value": "sk-live-0123456789abcdef", "weight": 1},'
        ' {"name": "j", "value": "env.OPENAI_KEY", "weight": 1}, {"name": "r", "value": "<REDACTED>", "weight": 1}],'
        ' "proxy_config": {"type": "http", "url": "https://p:1", "username": "svc-user-01", "password": "vault.proxy"}}}}'
    )
    assert found.pointers == {"/providers/openai/keys/0/value", "/providers/openai/proxy_config/username"}
    assert set(found.pieces) == {"sk-live-0123456789abcdef", "svc-user-01"}


def test_spans_are_the_values_places_including_every_line_of_a_block_scalar():
    found = secret_map("k:\n  password: |\n    Lp0oKi9jUh8yGt7f\n    Rd6eSw5aQz4xCv3b\n  other: 1\n", "c.yaml")
    assert found.pointers == {"/k/password"}
    assert Span(Position(2, 13), Position(4, 21)) in found.spans
    assert {"Lp0oKi9jUh8yGt7f", "Rd6eSw5aQz4xCv3b"} <= set(found.pieces)
    assert found.columns_on(3, "    Lp0oKi9jUh8yGt7f") == [(5, 21)]


def test_a_value_given_as_an_object_is_secret_but_its_reference_members_are_names():
    found = secret_map(
        '{"keys": [{"value": {"value": "Tg7hYu2iOp5lKj8hN", "from_env": false, "note": "Qa1sWd3fRg5hYj7k"},'
        ' "azure_key_config": {"client_secret": {"env_var": "AZURE_SECRET", "from_env": true}}}]}'
    )
    assert found.pointers == {"/keys/0/value/value", "/keys/0/value/note"}
    assert found.holds("/keys/0/value/note") and found.holds("/keys/0/value/value/deeper")
    assert not found.holds("/keys/0/azure_key_config/client_secret/env_var")


@pytest.mark.parametrize("header, secret", [
    ("Authorization", True), ("X-Api-Key", True), ("x_upstream_token", True), ("X-Db-Password", True),
    ("Idempotency-Key", False), ("X-Max-Tokens", False), ("Content-Type", False),
])
def test_credential_headers(header, secret):
    found = secret_map(f'{{"network_config": {{"extra_headers": {{"{header}": "Bearer Zx9cVb8nMm7LkJh6"}}}}}}')
    assert bool(found.pointers) is secret


@pytest.mark.parametrize("name", [
    "pasword", "passwrod", "valeu", "Client_Secert", "DB_PASSWORD", "apiKey", "API_KEY", "x-api-key",
    "AUTHORIZATION", "refreshToken", "session_token", "credentials", "usrename", "secret",
])
def test_credential_like_names(name):
    assert looks_like_credential_name(name, list(CATALOG.secret_fields["key"]) + ["username", "password"])


@pytest.mark.parametrize("name", ["keys", "max_tokens", "name", "values", "weight", "models", "network_config", "base_url"])
def test_ordinary_names(name):
    assert not looks_like_credential_name(name, ["value", "username", "password"])


def test_values_shaped_like_credentials_under_ordinary_names():
    found = secret_map(
        '{"a": "AKIAZZZZZZZZZZZZ7777", "b": "ghp_0123456789abcdefghijABCDEFGHIJ", "c": "Zk7pQ2vX9mLr4TtY8wNb",'
        ' "d": "claude-3-5-sonnet-20241022", "e": "0123456789abcdef0123456789abcdef", "f": "https://api.openai.com/v1",'
        ' "g": "https://svc:Ek4rTy7uIo1pAs3d@gw.example/v1"}'
    )
    assert found.pointers == {"/a", "/b", "/c", "/g"}
    assert "Ek4rTy7uIo1pAs3d" in found.pieces and "https://svc:Ek4rTy7uIo1pAs3d@gw.example/v1" not in found.pieces


def test_a_private_key_block_is_secret_and_its_armour_lines_are_not_pieces():
    pem = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEF\\n-----END PRIVATE KEY-----"
    found = secret_map('{"network_config": {"ca_cert_pem": "' + pem + '"}}')
    assert found.pointers == {"/network_config/ca_cert_pem"}
    assert "MIIEvQIBADANBgkqhkiG9w0BAQEF" in found.pieces
    assert not any(p.startswith("-----") for p in found.pieces)


def test_a_file_that_does_not_parse_gets_the_lexical_net():
    found = secret_map('{"proxy_config": {"pasword": "Fh3kWq9zLm2Pd8Rt", "url": "env.X",}}')
    assert found.pointers == set()
    assert found.spans == [Span(Position(1, 30), Position(1, 48))]
    assert found.pieces == ("Fh3kWq9zLm2Pd8Rt",)


def test_a_duplicate_key_keeps_the_secret_the_data_lost():
    found = secret_map('{"keys": [{"value": "Wd4kLp9ZqX2mNv7T", "value": "env.X"}]}')
    assert "Wd4kLp9ZqX2mNv7T" in found.pieces


@pytest.mark.parametrize("text, masked", [
    ('password: "Ab3d\n  Rs5t\\qz"\nnext: 1\n', 'password: "Ab3d\n  Rs5t\\qz"'),  # double-quoted over lines
    ("password: 'it''s Ab3d'\n", "password: 'it''s Ab3d'"),
    ("password: >\n  folded\n  lines\nnext: 1\n", "password: >\n  folded\n  lines"),
    ("password:\n  plain\n  more\nnext: 1\n", "password:\n  plain\n  more"),
    ("{password: abc, next: 1}\n", "{password: abc"),
    ("password: abc # comment\n", "password: abc"),
    ("password: [a, [b]], x: 1\n", "password: [a, [b]]"),
    ("password: env.DB_PASSWORD\n", None),
    ("password: true\n", None),
])
def test_lexical_value_extents(text, masked):
    ranges = lexical.lexical_ranges(text)
    if masked is None:
        assert ranges == []
    else:
        (start, end), = ranges
        assert text[:end] == masked and text[start - 1] in " \n:"


def test_a_value_masked_whole_is_read_once_whatever_it_nests():
    # Each member inside an already masked value is skipped: the scan stays linear.
    text = "password: [" * 5000
    calls = []
    original = lexical._value_after
    lexical._value_after = lambda *args: calls.append(args) or original(*args)
    try:
        ranges = lexical.lexical_ranges(text)
    finally:
        lexical._value_after = original
    assert len(calls) == 1 and ranges == [(10, len(text))]


@given(st.text(max_size=300))
def test_lexical_ranges_are_inside_the_text(text):
    for start, end in lexical.lexical_ranges(text):
        assert 0 <= start <= end <= len(text)
