"""The Text+Berg dev pair repeated end to end (exact copies): strict F1 of 1, 3 and 10 copies side by side, so a
long run of similar text that leads the aligner astray shows.

    python benchmarks/repeat.py

Skips when the data is absent.
"""
from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import load_dev, run_ours  # noqa: E402

from align.search.evaluate import score_alignment  # noqa: E402


def main() -> int:
    dev = load_dev()
    if dev is None:
        print("no Text+Berg dev data; skipped")
        return 0
    src, tgt, gold = dev
    for copies in (1, 3, 10):
        source, target, beads = src * copies, tgt * copies, []
        for c in range(copies):
            beads += [(tuple(i + c * len(src) for i in s), tuple(j + c * len(tgt) for j in t)) for s, t in gold]
        start = time.perf_counter()
        found = run_ours(source, target)
        seconds = time.perf_counter() - start
        print(f"{copies:>2} copies  {len(source):>5} lines  strict F1 {score_alignment(beads, found).f1_strict:.4f}"
              f"  {seconds:5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
