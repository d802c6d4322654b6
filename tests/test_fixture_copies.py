"""The copied fixtures are byte-for-byte what their SOURCES.md files say they are."""

import hashlib
import re

import pytest

from tests.paths import fixture


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listed_hashes(folder: str) -> dict[str, str]:
    text = fixture(folder, "SOURCES.md").read_text()
    return dict(re.findall(r"`([^`]+)`: `([0-9a-f]{64})`", text))


@pytest.mark.parametrize("folder", ["bifrost-openapi"])
def test_sha256_of_every_listed_file(folder):
    hashes = listed_hashes(folder)
    assert len(hashes) == 6
    for name, digest in hashes.items():
        assert sha256(fixture(folder, name)) == digest, name


def test_sarif_schema_sha256():
    text = fixture("sarif", "SOURCES.md").read_text()
    (digest,) = re.findall(r"SHA-256: ([0-9a-f]{64})", text)
    assert sha256(fixture("sarif", "sarif-schema-2.1.0.json")) == digest


def test_example_configs_have_the_listed_sizes():
    text = fixture("bifrost-examples", "SOURCES.md").read_text()
    rows = re.findall(r"^\| `([^`]+\.json)` \| [^|]+\| `[0-9a-f]+` \| (\d+) \|", text, re.MULTILINE)
    assert len(rows) == 7
    for name, size in rows:
        assert fixture("bifrost-examples", name).stat().st_size == int(size), name


def test_bifrost_schema_sha256():
    text = fixture("bifrost-schema", "SOURCES.md").read_text()
    (digest,) = re.findall(r"\| `config\.schema\.json` \|.*\| `([0-9a-f]{64})` \|", text)
    assert sha256(fixture("bifrost-schema", "config.schema.json")) == digest
