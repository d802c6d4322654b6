"""Random settings files and baselines through the whole run, in-process: a run either ends
with findings (exit 0 or 1) or with SettingsError / BaselineError (exit 2, one line); nothing
else escapes."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provlint import settings as settings_module
from provlint.baseline import BaselineError, baseline_folder, entry_for, read_baseline
from provlint.runner import SettingsResolver, lint_paths
from provlint.settings import SettingsError
from tests.conftest import NOW
from tests.fuzz import generate
from tests.fuzz.invariants import check_result, exit_code, fuzz_settings, render_every_format

SEEDS = st.integers(min_value=0, max_value=2**64 - 1)
# Small documents with findings of several rules (cheap to lint thousands of times).
CONFIG = b"""{
  "providers": {
    "opnai": {"keys": []},
    "openai": {
      "keys": [{"name": "k", "value": "sk-proj-Zk7pQ2vLm9XwR4tY8uB3nC6d", "models": ["*", "gpt-4o"], "weight": 1}],
      "network_config": {"base_url": "http://10.0.0.1", "insecure_skip_verify": true, "max_retires": 3}
    }
  }
}
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-run")
    (folder / "config.json").write_bytes(CONFIG)
    (folder / "lab").mkdir()
    (folder / "lab" / "add.json").write_bytes(generate.JSON_FIXTURES[0])
    return folder


def _run(paths, **kwargs):
    results = lint_paths(paths, environment={"X": "1"}, now=NOW, **kwargs)
    for result in results:
        check_result(result)
    render_every_format(results)
    return exit_code(results)


@fuzz_settings(0.2)
@given(SEEDS)
def test_any_settings_file_is_used_or_refused_in_one_line(workspace, seed):
    rng = random.Random(seed)
    name, text = generate.settings_text(rng)
    for stale in generate.SETTINGS_NAMES_IN(workspace):
        stale.unlink()
    (workspace / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    # Settings files are cached per resolver (one run), never per process: nothing to clear.
    resolver = SettingsResolver(config_file=(workspace / name) if rng.random() < 0.5 else None)
    try:
        _run([str(workspace / "config.json"), str(workspace / "lab")], resolver=resolver)
    except SettingsError as exc:
        assert "\n" not in str(exc).strip() or "\\n" in repr(exc)


@pytest.fixture(scope="module")
def recorded_entries(workspace):
    paths = [str(workspace / "config.json"), str(workspace / "lab")]
    recorded = lint_paths(paths, resolver=SettingsResolver(isolated=True), environment={"X": "1"}, now=NOW)
    base = baseline_folder(str(workspace / "baseline.json"))
    return [entry_for(d, r.data, base).as_json() for r in recorded for d in r.diagnostics]


@fuzz_settings(0.15)
@given(SEEDS)
def test_any_baseline_is_applied_or_refused_in_one_line(workspace, recorded_entries, seed):
    rng = random.Random(seed)
    paths = [str(workspace / "config.json"), str(workspace / "lab")]
    entries = recorded_entries
    (workspace / "baseline.json").write_bytes(generate.baseline_text(rng, entries))
    try:
        baseline = read_baseline(str(workspace / "baseline.json"))
    except BaselineError:
        return
    _run(paths, resolver=SettingsResolver(isolated=True), baseline=baseline)
