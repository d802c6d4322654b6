"""Bifrost's config_hash: the 400 reference vectors, Bifrost's own literal, and the example configs."""

from __future__ import annotations

import hashlib
import json

import pytest

from provlint.catalog import load_catalog
from provlint.hashing.bifrost import bifrost_hash, bifrost_parts
from tests.paths import fixture

CATALOG = load_catalog("2.0")
# split("\n"), not splitlines(): the vectors hold raw U+2028/U+2029, which splitlines() breaks on.
VECTORS = [
    json.loads(line)
    for line in fixture("hash-vectors", "bifrost-algorithm.jsonl").read_text(encoding="utf-8").split("\n")
    if line.strip()
]


def first_difference(expected: list[bytes], actual: list[bytes]) -> str:
    for index in range(max(len(expected), len(actual))):
        want = expected[index] if index < len(expected) else None
        got = actual[index] if index < len(actual) else None
        if want != got:
            return f"part {index}:\n  expected {want!r}\n  actual   {got!r}"
    return "parts equal"


def test_all_vectors_are_loaded():
    assert len(VECTORS) == 400
    assert {vector["line"] for vector in VECTORS} == {"2.0"}


@pytest.mark.parametrize(
    "index", range(len(VECTORS)), ids=[f"{i:03d}-{v['provider']}" for i, v in enumerate(VECTORS)]
)
def test_reference_vector(index):
    vector = VECTORS[index]
    expected = [part.encode("utf-8") for part in vector["parts"]]
    actual = bifrost_parts(vector["provider"], vector["config"], vector["env"], CATALOG)
    assert actual == expected, f"vector {index} ({vector['provider']}): {first_difference(expected, actual)}"
    assert bifrost_hash(vector["provider"], vector["config"], vector["env"], CATALOG) == vector["hash"], (
        f"vector {index}: parts match but the hash does not"
    )


def test_vector_hash_is_sha256_of_its_parts():
    # Guards the fixture reading itself: parts are hashed with no separators.
    for vector in VECTORS:
        joined = b"".join(part.encode("utf-8") for part in vector["parts"])
        assert hashlib.sha256(joined).hexdigest() == vector["hash"]


def test_empty_openai_entry_is_bifrosts_literal_vector():
    expected = "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"
    assert bifrost_hash("openai", {}, {}, CATALOG) == expected
    assert hashlib.sha256(b"openai").hexdigest() == expected


def test_keys_and_response_fields_do_not_count():
    entry = {
        "keys": [{"name": "k", "value": "sk-1", "weight": 1}],
        "config_hash": "abc",
        "status": "active",
        "description": "x",
    }
    assert bifrost_hash("openai", entry, {}, CATALOG) == bifrost_hash("openai", {}, {}, CATALOG)


def provider_entry(example: str, provider: str) -> dict:
    config = json.loads(fixture("bifrost-examples", example).read_text(encoding="utf-8"))
    return config["providers"][provider]


@pytest.mark.parametrize(
    "example, expected",
    [
        (
            "examples__configs__loadtest__config.json",
            "f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700",
        ),
        (
            "examples__configs__e2e__config.json",
            "4651be872cc886875e1182213cd7e70934936294681ac520c648cf7c3f6b4c27",
        ),
    ],
    ids=["loadtest", "e2e"],
)
def test_derived_vectors_of_the_example_configs(example, expected):
    assert bifrost_hash("openai", provider_entry(example, "openai"), {}, CATALOG) == expected


def test_loadtest_network_part_is_the_documented_bytes():
    parts = bifrost_parts("openai", provider_entry("examples__configs__loadtest__config.json", "openai"), {}, CATALOG)
    assert parts == [
        b"openai",
        b'{"base_url":"http://localhost:8000","default_request_timeout_in_seconds":0,'
        b'"max_retries":0,"retry_backoff_initial":0,"retry_backoff_max":0}',
    ]
