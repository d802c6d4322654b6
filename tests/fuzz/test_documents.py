"""Arbitrary JSON values planted anywhere in real provider configs; random edits, truncations
and byte flips of the fixtures; YAML with anchors, aliases, merges, tags and odd scalars.

Whatever the input: no exception (the CLI's "internal error"), an exit code of 0 or 1, every
finding's position inside the file, and every output format renders.
"""

from __future__ import annotations

import json
import random

from hypothesis import given
from hypothesis import strategies as st

from provlint.engine import lint_bytes
from tests.fuzz import generate
from tests.fuzz.invariants import EVERY_RULE, check_result, exit_code, fuzz_settings, render_every_format

SEEDS = st.integers(min_value=0, max_value=2**64 - 1)


def lint_and_check(raw: bytes, name: str) -> None:
    result = lint_bytes(raw, name, options=EVERY_RULE)
    check_result(result)
    exit_code([result])
    render_every_format([result])


@fuzz_settings(0.15)
@given(SEEDS, st.sampled_from(["config.json", "config.yaml", "payload.json"]))
def test_a_value_planted_anywhere_is_linted(seed, name):
    rng = random.Random(seed)
    document = generate.planted(rng)
    if name.endswith(".yaml"):
        text = json.dumps(document, indent=rng.choice([None, 2]))  # JSON is YAML 1.2 flow syntax
    else:
        text = json.dumps(document, indent=rng.choice([None, 1]), ensure_ascii=rng.random() < 0.5)
    lint_and_check(text.encode("utf-8", "surrogatepass"), name)


@fuzz_settings(0.42)
@given(SEEDS, st.booleans())
def test_an_edited_truncated_or_flipped_fixture_is_linted(seed, as_yaml):
    rng = random.Random(seed)
    if as_yaml:  # small bases only: the pure-Python YAML parser costs about 5 ms a kilobyte
        raw, name = rng.choice(generate.YAML_FIXTURES + generate.JSON_FIXTURES[:1]), "config.yaml"
    else:
        raw, name = rng.choice(generate.JSON_FIXTURES), "config.json"
    lint_and_check(generate.mutated(rng, raw), name)


@fuzz_settings(0.08)
@given(SEEDS)
def test_yaml_with_anchors_aliases_tags_and_odd_scalars_is_linted(seed):
    rng = random.Random(seed)
    lint_and_check(generate.yaml_document(rng).encode("utf-8", "surrogatepass"), "config.yaml")
