"""The benchmark's corpus generator (benchmarks/corpus.py): deterministic, and each file holds
exactly the findings it was built with, checked by running provlint on it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import corpus

REPO = Path(__file__).resolve().parents[1]
COUNT = 100  # file 99 is one of the ~200 KB files
CONCISE = re.compile(r"^(?P<path>.+?):\d+:\d+: (?P<code>PL\d{3}) \[")


def provlint(paths: list[Path], *args: str, environment: dict[str, str]) -> dict[str, list[str]]:
    """The codes provlint reports, per file, in a fresh process as users run it."""
    run = subprocess.run(
        [sys.executable, "-m", "provlint", "check", "--isolated", "--exit-zero", "--output-format", "concise",
         *args, *map(str, paths)],
        capture_output=True, text=True, env=environment, cwd=REPO, check=True,
    )
    found: dict[str, list[str]] = {}
    for line in run.stdout.splitlines():
        match = CONCISE.match(line)
        if match:
            # Reports show paths relative to the working folder (REPO): back to the path given.
            found.setdefault(os.path.normpath(os.path.join(REPO, match["path"])), []).append(match["code"])
    return found


@pytest.fixture(scope="module", params=corpus.target_lines())
def written(request, tmp_path_factory):
    facts = corpus.line_facts(request.param)
    root = tmp_path_factory.mktemp("corpus")
    return facts, root, {name: corpus.write_corpus(root, facts, name, COUNT) for name in corpus.CORPORA}


def test_the_same_bytes_from_a_fresh_process_with_another_hash_seed(written, tmp_path):
    facts, root, paths = written
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "benchmarks/corpus.py", str(tmp_path), "--count", "30", "--line", facts.line],
                   cwd=REPO, env=env, check=True, capture_output=True)
    for name in corpus.CORPORA:
        for path in paths[name][:30]:
            assert (tmp_path / facts.line / name / path.name).read_bytes() == path.read_bytes()


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(written, tmp_path):
    facts, _, paths = written
    small = corpus.write_corpus(tmp_path, facts, "heavy", 5)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in paths["heavy"][:5]]


def test_every_file_holds_exactly_the_findings_it_was_built_with(written):
    facts, root, paths = written
    environment = {**os.environ, **{name: "bench-placeholder" for name in corpus.ENV_NAMES}}
    everything = [p for name in corpus.CORPORA for p in paths[name]]
    found = provlint(everything, "--target-version", facts.line, "--select", "ALL", environment=environment)
    for name in corpus.CORPORA:
        for index, path in enumerate(paths[name]):
            _, mistakes = corpus.config_text(facts, name, index)
            assert sorted(found.get(str(path), [])) == sorted(mistakes), (name, index)


def test_clean_is_clean_under_default_rules_without_the_variables(written):
    facts, _, paths = written
    environment = {k: v for k, v in os.environ.items() if k not in corpus.ENV_NAMES}
    assert provlint(paths["clean"], "--target-version", facts.line, environment=environment) == {}


def test_the_corpora_have_the_promised_shape(written):
    facts, _, paths = written
    mistakes = {name: [corpus.config_text(facts, name, i)[1] for i in range(COUNT)] for name in corpus.CORPORA}
    assert all(m == [] for m in mistakes["clean"])
    assert [len(m) for m in mistakes["mixed"]] == [1 if i % 10 == 0 else 0 for i in range(COUNT)]
    heavy = [len(set(m)) for m in mistakes["heavy"]]
    assert sum(n >= 2 for n in heavy) == COUNT - COUNT // 25
    assert len({code for m in mistakes["heavy"] for code in m}) == len(corpus.MISTAKES)
    sizes = [p.stat().st_size for p in paths["clean"]]
    assert 150_000 < sizes[99] < 260_000 and max(sizes[:99]) < 40_000
    texts = [p.read_text(encoding="utf-8") for p in paths["clean"]]
    indents = Counter(re.match(r'\{\n( +)"', t).group(1) for t in texts)
    assert set(indents) == {"  ", "    "}
    assert any(not t.isascii() for t in texts)
    providers = Counter(t.count('"keys": [') for t in texts[:99])
    assert min(providers) == 1 and max(providers) == 8
