"""Where provlint's time goes: cProfile of whole `provlint check` runs on the benchmark corpora.

    python benchmarks/profile.py --venv .bench/venv [--top 25]   # after `make bench` made both

Runs, in the bench venv (a regular install with bytecode), ``provlint check --isolated
--select ALL`` under cProfile on: one file with one finding, one heavy file, 1,000 heavy files
and 10,000 clean files of the first lintable line, and prints Markdown: wall time, time in the
cyclic garbage collector, self time per module (provlint per module, others per package) and
the provlint functions with the largest cumulative time. The profiler roughly doubles the time
of Python-heavy code, so read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import corpus  # noqa: E402
from benchmarks.run import child_environment  # noqa: E402

# Run in the child: cProfile around the whole CLI (imports included) and the GC's own time.
WRAPPER = r"""
import cProfile, gc, json, sys, time
out, *args = sys.argv[1:]
spent, began = [0.0], [0.0]
def on_gc(phase, info):
    if phase == "start":
        began[0] = time.perf_counter()
    else:
        spent[0] += time.perf_counter() - began[0]
gc.callbacks.append(on_gc)
sys.argv = ["provlint", *args]
profile = cProfile.Profile()
start = time.perf_counter()
profile.enable()
try:
    from provlint.cli import main
    main()
except SystemExit:
    pass
finally:
    profile.disable()
    wall = time.perf_counter() - start
    profile.dump_stats(out)
    with open(out + ".json", "w") as f:
        json.dump({"wall": wall, "gc": spent[0]}, f)
"""

SITE = re.compile(r"/site-packages/([^/]+)/(.*)$")
STDLIB = re.compile(r"/lib/python3\.\d+/(.+)\.py$")


def bucket(filename: str, function: str) -> str:
    """Which module (provlint) or package (others) a function's self time belongs to."""
    site = SITE.search(filename)
    if site and site[1] == "provlint":
        return "provlint/" + site[2]
    if site:
        return site[1].split(".")[0]
    if filename.startswith("<frozen importlib"):
        return "import machinery"
    if filename == "~":
        return "builtin " + function
    stdlib = STDLIB.search(filename)
    return "stdlib " + stdlib[1] if stdlib else filename


def profile(venv: Path, line: str, folder: Path, files: list[str], env: dict[str, str]) -> tuple[pstats.Stats, dict]:
    with tempfile.TemporaryDirectory() as scratch:
        out = str(Path(scratch) / "run.prof")
        # One process: cProfile sees none of what forked workers do (check --jobs).
        command = [str(venv / "bin" / "python"), "-c", WRAPPER, out, "check", "--isolated", "--select", "ALL",
                   "--target-version", line, "--output-format", "concise", "--jobs", "1", *files]
        subprocess.run(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, check=True)
        stats = pstats.Stats(out)
        timing = json.loads(Path(out + ".json").read_text())
    return stats, timing


def report(title: str, stats: pstats.Stats, timing: dict, top: int) -> str:
    wall = timing["wall"]
    selves: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, tottime, _, _) in stats.stats.items():
        selves[bucket(filename, function)] += tottime
    total = sum(selves.values())
    lines = [f"### {title}", "",
             f"Wall {wall:.3f} s under the profiler; cyclic GC {timing['gc']:.3f} s ({timing['gc'] / wall:.0%}).", "",
             "| self time by module | s | share |", "|---|---|---|"]
    for name, seconds in sorted(selves.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"| {name} | {seconds:.3f} | {seconds / total:.1%} |")
    lines += ["", "| provlint function (cumulative) | calls | cum s | share |", "|---|---|---|---|"]
    ours = [(key, value) for key, value in stats.stats.items() if "/provlint/" in key[0]]
    for (filename, lineno, function), (_, calls, _, cumtime, _) in sorted(ours, key=lambda kv: -kv[1][3])[:top]:
        where = SITE.search(filename)
        name = f"{where[2] if where else filename}:{lineno} {function}"
        lines.append(f"| {name} | {calls} | {cumtime:.3f} | {cumtime / total:.1%} |")
    return "\n".join(lines) + "\n"


def import_times(venv: Path, line: str, folder: Path, files: list[str], env: dict[str, str], top: int) -> str:
    """Self import time per top-level package (``python -X importtime``), without the profiler."""
    command = [str(venv / "bin" / "python"), "-X", "importtime", str(venv / "bin" / "provlint"), "check",
               "--isolated", "--select", "ALL", "--target-version", line, "--output-format", "concise", *files]
    run = subprocess.run(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    selves: dict[str, int] = defaultdict(int)
    for row in run.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \| ( *)(\S+)", row)
        if match:
            name = match[3]
            selves[".".join(name.split(".")[:2]) if name.startswith("provlint") else name.split(".")[0]] += int(match[1])
    total = sum(selves.values())
    lines = [f"Imports: {total / 1000:.0f} ms in all (self time, `-X importtime`, no profiler).", "",
             "| package | ms |", "|---|---|"]
    lines += [f"| {name} | {us / 1000:.1f} |" for name, us in sorted(selves.items(), key=lambda kv: -kv[1])[:top]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=REPO / ".bench" / "venv")
    parser.add_argument("--corpus-dir", type=Path, default=REPO / ".bench" / "corpus")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    line = corpus.target_lines()[0]
    facts = corpus.line_facts(line)
    env = child_environment()
    venv = args.venv.resolve()
    cases = [("one file with one finding (mixed/00000.json)", "mixed", 1),
             ("one heavy file (heavy/00000.json)", "heavy", 1),
             ("1,000 heavy files", "heavy", 1_000),
             ("10,000 clean files", "clean", 10_000)]
    for title, name, count in cases:
        paths = corpus.write_corpus(args.corpus_dir, facts, name, count)
        stats, timing = profile(venv, line, paths[0].parent, [p.name for p in paths], env)
        print(report(f"{title}, Bifrost {line}", stats, timing, args.top))
        if count == 1:
            print(import_times(venv, line, paths[0].parent, [paths[0].name], env, 15))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
