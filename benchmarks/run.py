"""Whole-process timings of provlint against check-jsonschema and the floor (issue 12).

    make bench                          # the full run (several minutes), writes benchmarks/results/<date>[-<HHMM>].md
    make bench BENCH_ARGS=--quick       # 1 and 100 files only
    python benchmarks/run.py --venv .bench/venv [--quick] [--sizes 1,100] [--rounds 5]

Three tools run on the same files of each corpus (benchmarks/corpus.py), from the bench venv
(a regular install with bytecode compiled, as users have it):

- provlint with all rules: ``--select ALL`` (the default selection plus the opt-in rules PL602
  and PL901), with the corpus' env variables set so that a clean file stays clean;
- check-jsonschema given provlint's JSON Schema of the same line;
- the floor: python starting and ``json.loads`` of every file.

Each round runs the three in turn, the order rotating from round to round; a cell reports the
median over rounds of provlint's time divided by the other tool's time in the same round, and
provlint's largest peak RSS (``os.wait4`` of the process itself, no wrapper).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import corpus  # noqa: E402  (run as a script: the repository is not on the path)

FLOOR = "import json, sys\nfor p in sys.argv[1:]:\n    json.loads(open(p, 'rb').read())"
TOOLS = ("provlint", "check-jsonschema", "floor")
FULL_SIZES, QUICK_SIZES = (1, 100, 1_000, 10_000), (1, 100)
# 11 rounds at 1,000 files: those ratios sit by the 0.1x line, and with 5 rounds a slow spell of
# the machine moved them by 0.01-0.02 (2026-12-05 23:46, 2026-12-06 02:35), which every 11-round
# rerun put back. They cost about 90 s more for both lines (549 s -> 640 s for a whole run).
ROUNDS = {1: 15, 100: 9, 1_000: 11, 10_000: 3}
# Issue 12 §2, per files count: the largest allowed ratio to check-jsonschema, to the floor,
# and peak RSS in MiB (None: no target).
TARGETS = {1: (0.3, None, None), 1_000: (0.1, 4.0, None), 10_000: (0.1, 4.0, 100)}


@dataclass
class Cell:
    """The measurements of one (line, corpus, files) cell: seconds and peak RSS per tool per round."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in TOOLS})
    rss_mib: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in TOOLS})

    def ratio(self, tool: str) -> float:
        return statistics.median(p / o for p, o in zip(self.seconds["provlint"], self.seconds[tool]))

    def median(self, tool: str) -> float:
        return statistics.median(self.seconds[tool])

    def peak(self, tool: str) -> float:
        return max(self.rss_mib[tool])


def run_once(command: list[str], cwd: Path, env: dict[str, str], allowed: set[int]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process; its stdout is discarded, as a hook's is."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in allowed:
            errors.seek(0)
            tail = errors.read()[-2000:].decode("utf-8", "replace")
            raise RuntimeError(f"{command[0]} exited {process.returncode} in {cwd}:\n{tail}")
    return seconds, usage.ru_maxrss / 1024  # Linux reports KiB


def commands(venv: Path, line: str, files: list[str]) -> dict[str, list[str]]:
    schema = REPO / "schemas" / line / "bifrost-config.schema.json"
    return {
        "provlint": [str(venv / "bin" / "provlint"), "check", "--isolated", "--select", "ALL",
                     "--target-version", line, "--output-format", "concise", *files],
        "check-jsonschema": [str(venv / "bin" / "check-jsonschema"), "--schemafile", str(schema), *files],
        "floor": [str(venv / "bin" / "python"), "-c", FLOOR, *files],
    }


def child_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "GITHUB_ACTIONS", "PYTHONPROFILEIMPORTTIME")}
    env.update({name: "bench-placeholder" for name in corpus.ENV_NAMES})
    return env


def measure(venv: Path, line: str, folder: Path, count: int, rounds: int, env: dict[str, str]) -> Cell:
    files = sorted(p.name for p in folder.glob("*.json"))[:count]
    # A clean corpus must pass every tool; with findings provlint and check-jsonschema exit 1.
    clean = folder.name == "clean"
    allowed = {"provlint": {0} if clean else {0, 1}, "check-jsonschema": {0} if clean else {0, 1}, "floor": {0}}
    todo = commands(venv, line, files)
    run_once(todo["floor"], folder, env, {0})  # the files into the page cache
    cell = Cell()
    for round_ in range(rounds):
        order = TOOLS[round_ % 3:] + TOOLS[:round_ % 3]
        for tool in order:
            seconds, rss = run_once(todo[tool], folder, env, allowed[tool])
            cell.seconds[tool].append(seconds)
            cell.rss_mib[tool].append(rss)
    return cell


def verdict(count: int, cell: Cell) -> str:
    cjs, floor, rss = TARGETS.get(count, (None, None, None))
    missed = []
    if cjs is not None and cell.ratio("check-jsonschema") > cjs:
        missed.append(f"cjs>{cjs}")
    if floor is not None and cell.ratio("floor") > floor:
        missed.append(f"floor>{floor:g}")
    if rss is not None and cell.peak("provlint") > rss:
        missed.append(f"RSS>{rss}")
    if cjs is None and floor is None and rss is None:
        return ""
    return " ✗ " + ", ".join(missed) if missed else " ✓"


def tables(line: str, sizes: list[int], cells: dict[tuple[str, int], Cell]) -> str:
    head = f"| files | {' | '.join(corpus.CORPORA)} |\n|---|" + "---|" * len(corpus.CORPORA)
    ratio_rows, time_rows = [head], [
        "| files | corpus | provlint | check-jsonschema | floor | RSS provlint / cjs / floor |", "|---|---|---|---|---|---|"]
    for count in sizes:
        row = []
        for name in corpus.CORPORA:
            cell = cells[(name, count)]
            row.append(f"{cell.ratio('check-jsonschema'):.2f}× cjs, {cell.ratio('floor'):.1f}× floor, "
                       f"{cell.peak('provlint'):.0f} MiB{verdict(count, cell)}")
            time_rows.append(
                f"| {count:,} | {name} | " + " | ".join(f"{cell.median(t):.3f} s" for t in TOOLS)
                + " | " + " / ".join(f"{cell.peak(t):.0f}" for t in TOOLS) + " MiB |")
        ratio_rows.append(f"| {count:,} | " + " | ".join(row) + " |")
    return (f"### Bifrost {line}: provlint's time as paired-median ratios, and its peak RSS\n\n"
            + "\n".join(ratio_rows)
            + f"\n\n### Bifrost {line}: median wall time per tool, and peak RSS\n\n" + "\n".join(time_rows) + "\n")


def describe(venv: Path, sizes: list[int], rounds: dict[int, int], corpus_bytes: dict[int, int]) -> str:
    python = subprocess.run([str(venv / "bin" / "python"), "-c", "import sys; print(sys.version.split()[0])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    versions = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "from importlib.metadata import version as v; print(v('provlint'), v('check-jsonschema'), v('jsonschema'))"],
        capture_output=True, text=True, check=True).stdout.split()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    load = os.getloadavg()[0]
    sized = ", ".join(f"{n:,} files {corpus_bytes[n] / 1e6:.1f} MB" for n in sizes)
    return (f"- {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores "
            f"({platform.machine()}, load {load:.1f} at start), Python {python}, commit {commit}\n"
            f"- provlint {versions[0]} (regular install, bytecode compiled), check-jsonschema {versions[1]} "
            f"(jsonschema {versions[2]})\n"
            f"- provlint runs `check --isolated --select ALL --output-format concise` (default rules plus the "
            f"opt-ins PL602 and PL901); check-jsonschema `--schemafile schemas/<line>/bifrost-config.schema.json`; "
            f"floor `python -c 'json.loads(...)'` of each file; stdout discarded\n"
            f"- rounds per files count: {', '.join(f'{n:,}: {rounds[n]}' for n in sizes)}; the three tools alternate, "
            f"the order rotating each round; ratios are medians of same-round pairs\n"
            f"- corpus (clean; mixed and heavy within 10 %): {sized}\n"
            f"- ✓/✗: the targets of issue 12 §2 (1 file ≤ 0.3× cjs; 1,000 and 10,000 files ≤ 0.1× cjs and "
            f"≤ 4× floor; 10,000 files ≤ 100 MiB)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=REPO / ".bench" / "venv")
    parser.add_argument("--corpus-dir", type=Path, default=REPO / ".bench" / "corpus")
    parser.add_argument("--quick", action="store_true", help="1 and 100 files only")
    parser.add_argument("--sizes", help="comma-separated files counts (default 1,100,1000,10000)")
    parser.add_argument("--rounds", help="rounds for every size (5), or per size (1:9,1000:3,10000:1); "
                                         "default 1: 15, 100: 9, 1,000: 11, 10,000: 3")
    parser.add_argument("--line", action="append", help="a target line (default: every lintable line)")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else FULL_SIZES)
    rounds = {n: ROUNDS.get(n, 3) for n in sizes}
    if args.rounds and ":" in args.rounds:
        rounds.update({int(n): int(r) for n, r in (pair.split(":") for pair in args.rounds.split(","))})
    elif args.rounds:
        rounds = {n: int(args.rounds) for n in sizes}
    env = child_environment()
    venv = args.venv.resolve()
    sections = []
    started = time.perf_counter()
    for line in args.line or corpus.target_lines():
        facts = corpus.line_facts(line)
        folders = {}
        for name in corpus.CORPORA:
            paths = corpus.write_corpus(args.corpus_dir, facts, name, max(sizes))
            folders[name] = paths[0].parent
            for stale in sorted(folders[name].glob("*.json"))[max(sizes):]:
                stale.unlink()
        corpus_bytes = {n: sum(p.stat().st_size for p in sorted(folders["clean"].glob("*.json"))[:n]) for n in sizes}
        cells = {}
        for count in sizes:
            for name in corpus.CORPORA:
                print(f"{line} {name} {count} files ...", file=sys.stderr, flush=True)
                cells[(name, count)] = measure(venv, line, folders[name], count, rounds[count], env)
        section = tables(line, sizes, cells)
        print(section)
        sections.append(section)
    header = describe(venv, sizes, rounds, corpus_bytes)
    took = f"- the whole run took {time.perf_counter() - started:.0f} s\n"
    print(header + took)
    args.results.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    stem = f"{now:%Y-%m-%d}" + ("-quick" if sizes == list(QUICK_SIZES) else "")
    if (args.results / f"{stem}.md").exists():  # an earlier run of the day stays as it was
        stem += f"-{now:%H%M}"
    out = args.results / f"{stem}.md"
    out.write_text(f"# make bench, {stem}\n\n{header}{took}\n" + "\n".join(sections), encoding="utf-8")
    print(f"written to {out.relative_to(REPO) if out.is_relative_to(REPO) else out}", file=sys.stderr)


if __name__ == "__main__":
    main()
