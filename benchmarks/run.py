"""Whole-process timings: provlint against the floor (python + json.loads) and check-jsonschema.

    make bench            # or: python benchmarks/run.py [--runs 5] [--sizes 1,100,1000]

Each command is run --runs times per input size over copies of a clean Bifrost config; the
median wall time is reported. check-jsonschema is given the schema provlint generates
(schemas/1.5/bifrost-config.schema.json) and is skipped when it is not installed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "fixtures" / "bifrost-examples" / "github__workflows__configs__default__config.json"
SCHEMA = REPO / "schemas" / "1.5" / "bifrost-config.schema.json"
FLOOR = "import json, sys\nfor p in sys.argv[1:]:\n    json.loads(open(p, 'rb').read())"


def median_seconds(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def commands(files: list[str]) -> dict[str, list[str]]:
    python = sys.executable
    found = {
        "python + json.loads (floor)": [python, "-c", FLOOR, *files],
        "provlint check": [python, "-m", "provlint", "check", "--isolated", "--output-format", "concise", *files],
    }
    checker = shutil.which("check-jsonschema") or str(Path(python).parent / "check-jsonschema")
    if Path(checker).exists() and SCHEMA.exists():
        found["check-jsonschema (provlint's schema)"] = [checker, "--schemafile", str(SCHEMA), *files]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,100,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = SAMPLE.read_bytes()
        for size in sizes:
            files = []
            for i in range(size):
                path = root / f"{size}" / f"config-{i}.json"
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                files.append(str(path.relative_to(root)))
            for name, command in commands(files).items():
                seconds = median_seconds(command, args.runs, root)
                rows.setdefault(name, []).append(f"{seconds:.3f} s")
    header = "| command | " + " | ".join(f"{s} file{'s' if s > 1 else ''}" for s in sizes) + " |"
    print(header)
    print("|---|" + "---|" * len(sizes))
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
