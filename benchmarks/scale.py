"""Speed and memory of `align_segments` on long presegmented pairs, beside hunalign on the same input.

    python benchmarks/scale.py [--sizes 5000 20000 100000] [--data DIR] [--fast]

Each pair is the Text+Berg development pair repeated up to the size, with about 2 % of the source
lines deleted and 2 % unrelated lines inserted into the target (fixed seed). Every size runs in a fresh
process so the peak memory (max RSS) is that run's own. Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

from textberg import DEFAULT_DATA, HUNALIGN_DIR, hunalign_binary, read_lines  # noqa: E402


def make_pair(src: list[str], tgt: list[str], size: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """The dev pair repeated to `size` source lines, with deletions and insertions."""
    import numpy as np

    rng = np.random.default_rng(seed)
    reps = size // len(src) + 1
    out_src, out_tgt = (src * reps)[:size], (tgt * reps)[: int(size * len(tgt) / len(src))]
    keep = rng.random(len(out_src)) > 0.02
    out_src = [line for line, k in zip(out_src, keep) if k]
    noise = [f"Ligne ajoutée numéro {k} sans rapport avec le texte ." for k in range(len(out_tgt) // 50)]
    for k, line in enumerate(noise):
        out_tgt.insert(int(rng.integers(0, len(out_tgt))), line)
    return out_src, out_tgt


def child(src_path: str, tgt_path: str, fast: str = "") -> None:
    """Run one alignment and print its figures as JSON (in a fresh process)."""
    import resource

    from align.align import Options, align_segments

    src, tgt = read_lines(src_path), read_lines(tgt_path)
    start = time.perf_counter()
    beads = align_segments(src, tgt, "de", "fr", Options(lexicon=not fast))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "beads": len(beads)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 100000])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--hunalign-max", type=int, default=20000,
                        help="run hunalign only up to this size (its time and memory grow quadratically)")
    parser.add_argument("--fast", action="store_true", help="also time `align pairs --fast` (no learned lexicon)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    de, fr = os.path.join(args.data, "dev.de"), os.path.join(args.data, "dev.fr")
    if not (os.path.exists(de) and os.path.exists(fr)):
        print(f"skipped: development set not found in {args.data}")
        return 0
    binary = hunalign_binary()
    base_src, base_tgt = read_lines(de), read_lines(fr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            src, tgt = make_pair(base_src, base_tgt, size)
            sp, tp = os.path.join(tmp, f"{size}.de"), os.path.join(tmp, f"{size}.fr")
            for path, lines in ((sp, src), (tp, tgt)):
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(lines) + "\n")
            out = subprocess.run([sys.executable, __file__, "--child", sp, tp], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{size}: failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            ours = json.loads(out.stdout)
            line = (f"{size:>7} x {len(tgt):>7}  align {ours['seconds']:7.2f} s  {ours['peak_mb']:7.0f} MB"
                    f"  {(len(src) + len(tgt)) / ours['seconds']:9.0f} sent/s")
            if binary and size <= args.hunalign_max:
                start = time.perf_counter()
                null_dic = os.path.join(HUNALIGN_DIR, "data", "null.dic")
                run = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "-utf", null_dic, sp, tp],
                                     capture_output=True, text=True)
                hs = time.perf_counter() - start
                peak = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "?"
                mb = f"{int(peak) / 1024:.0f}" if peak.isdigit() else "?"
                line += f"  | hunalign {hs:7.2f} s  {mb:>6} MB  {(len(src) + len(tgt)) / hs:9.0f} sent/s"
            if args.fast:
                out = subprocess.run([sys.executable, __file__, "--child", sp, tp, "fast"], capture_output=True,
                                     text=True)
                if out.returncode == 0:
                    quick = json.loads(out.stdout)
                    line += (f"  | --fast {quick['seconds']:7.2f} s  {quick['peak_mb']:6.0f} MB"
                             f"  {(len(src) + len(tgt)) / quick['seconds']:9.0f} sent/s")
            print(line, flush=True)
            rows.append((size, ours["seconds"]))
    if len(rows) >= 2:
        (s0, t0), (s1, t1) = rows[0], rows[-1]
        print(f"scaling: {s1 // s0}x the lines took {t1 / t0:.1f}x the time (linear = {s1 / s0:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
