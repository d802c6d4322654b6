"""A run streams its results: each file is linted when the caller asks for its result, in path
order, so the command line reports a file and drops its text and data before reading the next
(issue 12: memory flat in the number of files). Waiver files' PL902 results, known only at the
end of a run, still take their place in path order."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from provlint.runner import SettingsResolver, iter_lint_paths, lint_paths

NOW = datetime(2026, 12, 4, tzinfo=timezone.utc)
SKIP_VERIFY = {"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "models": ["gpt-4o"], "weight": 1}],
                                        "network_config": {"insecure_skip_verify": True}}}}
CLEAN = {"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "models": ["gpt-4o"], "weight": 1}]}}}
SETTINGS = """target-version = "1.5"
select = ["PL301", "PL902"]

[[exceptions]]
files = "*.json"
pointer = "/providers/openai/proxy_config"
rules = ["PL301"]
reason = "stale"
"""


def write(folder, name, data):
    (folder / name).write_text(json.dumps(data, indent=2) + "\n")


def run(paths, **options):
    return iter_lint_paths(paths, environment={"K": "x"}, now=NOW, resolver=SettingsResolver(**options))


def test_results_come_in_path_order_whatever_order_the_paths_are_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("z.json", "a.json", "m.json"):
        write(tmp_path, name, SKIP_VERIFY)
    results = list(run(["z.json", "m.json", "a.json"], isolated=True, overrides={"target_version": "1.5"}))
    assert [r.path for r in results] == ["a.json", "m.json", "z.json"]
    assert [[d.code for d in r.diagnostics] for r in results] == [["PL301"]] * 3


def test_a_file_is_read_only_when_its_result_is_asked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.json", CLEAN)
    write(tmp_path, "b.json", CLEAN)
    results = run(["a.json", "b.json"], isolated=True, overrides={"target_version": "1.5"})
    first = next(results)
    assert first.path == "a.json" and first.diagnostics == []
    write(tmp_path, "b.json", SKIP_VERIFY)  # changed after a.json was reported: b.json is read now
    second = next(results)
    assert second.path == "b.json" and [d.code for d in second.diagnostics] == ["PL301"]
    assert next(results, None) is None


def test_an_unused_exception_takes_its_place_in_path_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "provlint.toml").write_text(SETTINGS)
    for name in ("a.json", "q.json", "z.json"):
        write(tmp_path, name, SKIP_VERIFY)
    streamed = list(run(["z.json", "q.json", "a.json"]))
    assert [(r.path, [d.code for d in r.diagnostics]) for r in streamed] == [
        ("a.json", ["PL301"]),
        ("provlint.toml", ["PL902"]),
        ("q.json", ["PL301"]),
        ("z.json", ["PL301"]),
    ]
    listed = lint_paths(["z.json", "q.json", "a.json"], environment={"K": "x"}, now=NOW, resolver=SettingsResolver())
    assert [(r.path, r.diagnostics) for r in listed] == [(r.path, r.diagnostics) for r in streamed]


def test_a_missing_path_is_refused_before_anything_is_linted(tmp_path, monkeypatch):
    from provlint.discovery import InputPathError

    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.json", CLEAN)
    with pytest.raises(InputPathError):
        run(["a.json", "missing.json"], isolated=True)  # raised by the call, not by the first next()


def test_worker_processes_give_the_same_results_in_the_same_order(tmp_path, monkeypatch):
    from provlint.workers import MIN_FILES

    monkeypatch.chdir(tmp_path)
    names = [f"{n:03d}.json" for n in range(MIN_FILES + 10)]
    for n, name in enumerate(names):
        data = json.loads(json.dumps(SKIP_VERIFY if n % 3 == 0 else CLEAN))
        data["providers"]["openai"]["keys"][0]["name"] = f"key-{n}"
        if n % 7 == 0:
            data["providers"]["openai"]["keys"][0]["value"] = f"sk-proj-Plant3dSecret{n:04d}Value"  # PL304
        write(tmp_path, name, data)
    options = dict(isolated=True, overrides={"target_version": "1.5", "select": ["ALL"]})
    one = list(iter_lint_paths(reversed(names), environment={"K": "x"}, now=NOW, resolver=SettingsResolver(**options), jobs=1))
    two = list(iter_lint_paths(reversed(names), environment={"K": "x"}, now=NOW, resolver=SettingsResolver(**options), jobs=2))
    assert [r.path for r in two] == names
    assert [(r.path, r.diagnostics) for r in two] == [(r.path, r.diagnostics) for r in one]
    assert sum(1 for r in two if r.diagnostics) == len([n for n in range(len(names)) if n % 3 == 0 or n % 7 == 0])
    # A result with findings keeps what the reporters show source lines with, secrets masked.
    secret = next(r for r in two if any(d.code == "PL304" for d in r.diagnostics))
    assert secret.text is not None and any("Plant3dSecret" in piece for piece in secret.secrets.pieces)


def test_the_command_line_prints_each_finding_once_with_workers(tmp_path):
    """Through a pipe (block-buffered stdout), as CI reads it: what was reported before the
    workers were forked is not printed again when they end."""
    import subprocess
    import sys

    from provlint.workers import MIN_FILES

    for n in range(MIN_FILES + 10):
        write(tmp_path, f"{n:03d}.json", SKIP_VERIFY if n % 2 == 0 else CLEAN)

    def check(jobs: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "provlint", "check", "--isolated", "--target-version", "1.5", "--select", "PL301",
             "--output-format", "concise", "--jobs", jobs, "."],
            capture_output=True, text=True, cwd=tmp_path, env={**__import__("os").environ, "K": "x"},
        ).stdout

    one, two = check("1"), check("2")
    assert one.count("000.json:") == 1 and one.count("PL301") == (MIN_FILES + 10) // 2
    assert two == one


def test_workers_only_for_a_long_run_and_never_more_than_the_cores(monkeypatch):
    import os

    from provlint import workers

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert workers.worker_count(0, workers.MIN_FILES - 1) == 1  # a short run: this process alone
    assert workers.worker_count(1, 10_000) == 1  # --jobs 1
    assert workers.worker_count(0, 10_000) == 2  # one per core
    assert workers.worker_count(8, 10_000) == 2  # never more than the cores
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert workers.worker_count(0, 10_000) == 1


def test_a_result_travels_back_from_a_worker_as_it_left(tmp_path):
    """A result with nothing to report comes back as a plain tuple and is rebuilt equal; one
    with findings or waivers comes back as itself, slimmed only of what no reporter reads."""
    from provlint.findings import FileResult, Severity
    from provlint.workers import MAX_CLAIMS, claims, pack, unpack

    clean = FileResult("a.json", text="{}", data={}, fail_level=Severity.WARNING, target_version="2.2")
    assert isinstance(pack(clean), tuple)
    assert unpack(pack(clean)) == FileResult("a.json", fail_level=Severity.WARNING, target_version="2.2")
    skipped = FileResult("b.json", skipped=True)
    assert unpack(pack(skipped)) == skipped
    waived = FileResult("c.json", waived_by={"x"}, target_version="2.2")
    assert unpack(pack(waived)) is waived
    # Files 1.. are claimed a few at a time, each once; a very long run in no more claims than fit a pipe.
    for count in (200, 1_001, 10_000, 1_000_000):
        for processes in (2, 3, 8, 512):
            ranges = claims(count, processes)
            assert [i for r in ranges for i in r] == list(range(1, count)) and len(ranges) <= MAX_CLAIMS
    sizes = [len(r) for r in claims(1_001, 2)]
    assert sizes[0] == 8 and sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)


def test_a_report_of_the_diagnostics_alone_gets_the_same_fix_marks_from_workers(tmp_path, monkeypatch):
    """With ``documents=False`` a worker sends a result without its text, data and secret map,
    each fix summarised: what concise, github, junit and statistics read is the same."""
    from provlint.findings import FixSummary
    from provlint.workers import MIN_FILES

    monkeypatch.chdir(tmp_path)
    entry = CLEAN["providers"]["openai"]
    shapes = [
        {"providers": {"OpenAI": entry}},  # PL205, a safe fix: marked [*]
        {"providers": {"openai": entry, "OpenAI": entry}},  # PL205 and PL206, no fix offered
        SKIP_VERIFY,  # PL301, an unsafe fix
        CLEAN,
    ]
    names = [f"{n:03d}.json" for n in range(MIN_FILES + 10)]
    for n, name in enumerate(names):
        write(tmp_path, name, shapes[n % len(shapes)])
    options = dict(isolated=True, overrides={"target_version": "2.2", "select": ["ALL"]})

    def results(jobs, documents):
        return list(iter_lint_paths(names, environment={"K": "x"}, now=NOW, resolver=SettingsResolver(**options),
                                    jobs=jobs, documents=documents))

    def marks(found):
        return [[(d.code, d.span, d.message, d.autofix and (d.autofix.available, d.autofix.applicability,
                                                           d.autofix.description, d.autofix.note))
                 for d in r.diagnostics] for r in found]

    one, light = results(1, True), results(2, False)
    assert marks(light) == marks(one)
    assert {(d.code, d.autofix.available, d.autofix.applicability) for r in one for d in r.diagnostics
            if d.autofix is not None} >= {("PL205", True, "safe"), ("PL301", True, "unsafe")}
    sent = [r for r in light if r.diagnostics and r.text is None]  # those a worker linted
    assert sent and all(r.data is None and r.secrets is None for r in sent)
    assert all(isinstance(d.autofix, FixSummary) for r in sent for d in r.diagnostics if d.autofix is not None)
    # Every other format still gets the whole result, as before.
    assert all(r.text is not None for r in results(2, True) if r.diagnostics)


@pytest.mark.parametrize("output", [["--output-format", "concise"], ["--output-format", "junit"], ["--statistics"]])
def test_the_command_line_marks_fixes_alike_with_workers(tmp_path, output):
    import subprocess
    import sys

    from provlint.workers import MIN_FILES

    entry = CLEAN["providers"]["openai"]
    for n in range(MIN_FILES + 10):
        write(tmp_path, f"{n:03d}.json", {"providers": {"OpenAI": entry}} if n % 2 else SKIP_VERIFY)

    def check(jobs: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "provlint", "check", "--isolated", "--target-version", "2.2", *output, "--jobs", jobs, "."],
            capture_output=True, text=True, cwd=tmp_path, env={**__import__("os").environ, "K": "x"},
        ).stdout

    one = check("1")
    assert "PL205" in one and (output != ["--output-format", "concise"] or one.count("[*]") == (MIN_FILES + 10) // 2)
    assert check("2") == one
