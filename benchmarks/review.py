"""Wall time of `align report` as a whole process (start-up included), beside `align pairs` alone.

    python benchmarks/review.py [--runs 5]

Two inputs: the seed pair, and a long pair made of the Text+Berg development set's lines joined into
paragraphs of five (skipped when the data is absent). Prints the median of several runs of each, after one
that is not counted, with bytecode cached as in an installed package.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from harness import DEFAULT_DATA, read_lines  # noqa: E402

SEED_SOURCE = os.path.join(ROOT, "seeds", "001_4fa10e781d0ee104.txt")
SEED_TARGET = os.path.join(ROOT, "seeds", "000_b2c92323d477a4f3.txt")


def median_seconds(argv: list[str], runs: int, bytecode: str) -> float:
    """Median wall time of `runs` runs after one not counted, with compiled bytecode kept in `bytecode` as an
    installed package has it (a shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module each run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": bytecode}
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "align", *argv], check=True, cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def paragraphs(lines: list[str], size: int = 5) -> str:
    return "\n\n".join(" ".join(lines[k:k + size]) for k in range(0, len(lines), size)) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pairs = [("seed pair", SEED_SOURCE, SEED_TARGET)]
        de, fr = os.path.join(DEFAULT_DATA, "dev.de"), os.path.join(DEFAULT_DATA, "dev.fr")
        if os.path.exists(de) and os.path.exists(fr):
            for name, src, lang in (("long.de", de, "de"), ("long.fr", fr, "fr")):
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as handle:
                    handle.write(paragraphs(read_lines(src)))
            pairs.append(("dev set as paragraphs", os.path.join(tmp, "long.de"), os.path.join(tmp, "long.fr")))
        else:
            print(f"long pair skipped: development set not found in {DEFAULT_DATA}")
        for name, src, tgt in pairs:
            bytecode = os.path.join(tmp, "bytecode")
            report = median_seconds(["report", src, tgt, "--out", os.path.join(tmp, "out")], args.runs, bytecode)
            align_only = median_seconds(["pairs", src, tgt, "-o", os.path.join(tmp, "pairs.txt")], args.runs,
                                        bytecode)
            print(f"{name:<24} report {report:6.2f} s   pairs {align_only:6.2f} s   ratio {report / align_only:.2f}"
                  f"   (median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
