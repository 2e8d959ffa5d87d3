"""Short documents aligned alone, at several sizes: what a single news article gets.

    python benchmarks/short.py [--sizes 20 30 45 60 90] [--param lexicon.MIN_BEADS=100]

Every document of the development suite is cut into pieces of N gold beads, one starting every N/2 beads (so a
set gives enough pieces to compare two settings), and each piece is aligned alone as `align pairs
--presegmented` does. Prints strict F1 per set and size, the macro over sets per size, and the mean of those
macros: the figure a change to short-document alignment is judged on, beside `benchmarks/suite.py`. `--param`
sets a constant or option for the run, as in `suite.py`.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from articles import Piece, cut  # noqa: E402
from harness import load_suite  # noqa: E402
from suite import Counts, experiment_options, score  # noqa: E402


def aligned(piece: Piece, params: tuple[str, ...] = ()) -> tuple[str, Counts]:
    from align.search.align import align_documents
    name, src, tgt, gold, verse_level = piece
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n", options=experiment_options(params))
    return name, score(gold, [(b.src, b.tgt) for b in alignment.beads], verse_level)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 30, 45, 60, 90])
    parser.add_argument("--param", action="append", default=[], help="as in suite.py")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    docs = load_suite()
    if not docs:
        print("skipped: no development suite in ../shared")
        return 0
    started = time.perf_counter()
    macros = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for size in args.sizes:
            pieces = [p for doc in docs for p in cut(doc, size, max(1, size // 2)) if len(p[3]) == size]
            per_set: dict[str, Counts] = {}
            for name, counts in pool.map(partial(aligned, params=tuple(args.param)), pieces, chunksize=8):
                per_set.setdefault(name, Counts()).add(counts)
            figures = {name: c.f1()[2] for name, c in per_set.items()}
            macros.append(sum(figures.values()) / len(figures))
            print(f"{size:>3} beads, {len(pieces):>4} pieces  " + "  ".join(f"{n} {f:.3f}" for n, f in figures.items())
                  + f"  macro {macros[-1]:.4f}", flush=True)
    print(f"mean macro strict F1 over sizes {sum(macros) / len(macros):.4f}  ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
