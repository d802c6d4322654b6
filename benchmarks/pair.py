"""Two versions of provlint timed against each other, whole processes, alternating (issue 12).

    python benchmarks/pair.py BASE [CHANGED] [--corpus mixed] [--files 1000] [--rounds 21]

BASE and CHANGED are git revisions or source folders (CHANGED defaults to the working tree).
A revision is exported with ``git archive`` and each tree compiled to bytecode, then both run
from the bench venv's Python (its dependencies, each tree first on the path), as users run a
regular install. The two alternate, the first of each round swapping, and the result is the
median of the same-round ratios CHANGED / BASE: the machine's slow spells move both sides of a
pair, so a ratio is steadier than either time.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import corpus  # noqa: E402
from benchmarks.run import child_environment, run_once  # noqa: E402

ENTRY = "import sys; sys.path.insert(0, sys.argv.pop(1)); from provlint.cli import run; run()"


def source_tree(spec: str, scratch: Path) -> Path:
    """The folder holding ``provlint/`` for a folder or a git revision (exported into scratch)."""
    if Path(spec, "provlint").is_dir():
        return Path(spec).resolve()
    target = scratch / spec.replace("/", "_")
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", spec, "provlint"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("changed", nargs="?", default=str(REPO))
    parser.add_argument("--venv", type=Path, default=REPO / ".bench" / "venv")
    parser.add_argument("--corpus-dir", type=Path, default=REPO / ".bench" / "corpus")
    parser.add_argument("--corpus", choices=corpus.CORPORA, default="mixed")
    parser.add_argument("--line", default="2.2")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--jobs", help="passed to provlint check --jobs")
    args = parser.parse_args()
    paths = corpus.write_corpus(args.corpus_dir, corpus.line_facts(args.line), args.corpus, args.files)
    folder = paths[0].parent
    files = sorted(p.name for p in folder.glob("*.json"))[:args.files]
    env = child_environment()
    python = str(args.venv.resolve() / "bin" / "python")
    check = ["check", "--isolated", "--select", "ALL", "--target-version", args.line, "--output-format", "concise"]
    check += ["--jobs", args.jobs] if args.jobs else []
    with tempfile.TemporaryDirectory() as scratch:
        trees = [source_tree(spec, Path(scratch)) for spec in (args.base, args.changed)]
        for tree in trees:
            compileall.compile_dir(str(tree / "provlint"), quiet=1)
        command = [[python, "-c", ENTRY, str(tree), *check, *files] for tree in trees]
        run_once(command[0], folder, env, {0, 1})  # the files into the page cache
        times: list[list[float]] = [[], []]
        for round_ in range(args.rounds):
            for side in ((0, 1) if round_ % 2 == 0 else (1, 0)):
                times[side].append(run_once(command[side], folder, env, {0, 1})[0])
    ratio = statistics.median(c / b for b, c in zip(*times))
    print(f"{args.line} {args.corpus} {args.files} files, {args.rounds} rounds: "
          f"base {statistics.median(times[0]):.4f} s, changed {statistics.median(times[1]):.4f} s, "
          f"changed/base {ratio:.3f} (paired median; load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
