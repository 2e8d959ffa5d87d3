"""Speed and memory of `align_segments` on long presegmented pairs, beside hunalign on the same input.

    python benchmarks/scale.py [--sizes 5000 20000 100000] [--data DIR] [--fast] [--numpy]

Each pair is the Text+Berg development pair repeated up to the size (each copy's numbers moved, so the
copies differ), with about 2 % of the source lines deleted and 2 % unrelated lines inserted into the
target (fixed seed); the gold beads follow from
those edits, so each line also prints strict/lax F1 (ours and hunalign's). Every size runs in a fresh
process so the peak memory (max RSS) is that run's own, and its time is the whole process's (start-up, imports
and reading the files included, the scoring against the gold left out), as hunalign's is. Skips when the data
is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

from align.search.evaluate import parse_beads, score_alignment  # noqa: E402
from harness import DEFAULT_DATA, HUNALIGN_DIR, hunalign_binary, ladder_to_beads, load_dev, read_lines  # noqa: E402


Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]
_NUMBER = re.compile(r"\d+")


def make_pair(src: list[str], tgt: list[str], gold: Beads, size: int,
              seed: int = 7) -> tuple[list[str], list[str], Beads]:
    """The dev pair repeated to about `size` source lines (the last copy cut where a gold bead ends), 2 % of
    the source lines deleted and unrelated lines inserted into the target (one in 50), with the gold beads
    those edits leave."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n, m = len(src), len(tgt)
    full, rest = divmod(size, n)

    def copy(lines: list[str], r: int) -> list[str]:
        # every number of copy r moved by r * 100,000 on both sides: the copies differ as the parts of a
        # real long document do (a document repeated unchanged is periodic, and a path one copy off is as good)
        return [_NUMBER.sub(lambda found: str(int(found.group()) + r * 100000), line) for line in lines] if r else lines

    # the last, partial copy ends before the first gold bead that starts at or after `rest` source lines
    starts = sorted((min(s), min(t)) for s, t in gold if s and t)
    cut_s, cut_t = next(((i, j) for i, j in starts if i >= rest), (n, m)) if rest else (0, 0)
    out_src = [line for r in range(full) for line in copy(src, r)] + copy(src[:cut_s], full)
    out_tgt = [line for r in range(full) for line in copy(tgt, r)] + copy(tgt[:cut_t], full)
    beads = [(tuple(i + r * n for i in s), tuple(j + r * m for j in t)) for r in range(full) for s, t in gold]
    beads += [(tuple(i + full * n for i in s), tuple(j + full * m for j in t)) for s, t in gold
              if all(i < cut_s for i in s) and all(j < cut_t for j in t) and (s or t)]
    keep = rng.random(len(out_src)) > 0.02
    src_index = np.cumsum(keep) - 1
    out_src = [line for line, k in zip(out_src, keep) if k]
    noise = [f"Ligne ajoutée numéro {k} sans rapport avec le texte ." for k in range(len(out_tgt) // 50)]
    places = sorted(int(rng.integers(0, len(out_tgt) + 1)) for _ in noise)
    tgt_index = np.arange(len(out_tgt)) + np.searchsorted(places, np.arange(len(out_tgt)), side="right")
    for k, place in enumerate(places):
        out_tgt.insert(place + k, noise[k])
    edited: Beads = []
    for s, t in beads:
        s2 = tuple(int(src_index[i]) for i in s if keep[i])
        t2 = tuple(int(tgt_index[j]) for j in t)
        if s2 or t2:
            edited.append((s2, t2))
    inserted = set(range(len(out_tgt))) - {int(j) for j in tgt_index}
    edited += [((), (j,)) for j in sorted(inserted)]
    return out_src, out_tgt, edited


def child(src_path: str, tgt_path: str, gold_path: str, fast: str = "") -> None:
    """Run one alignment and print its figures as JSON (in a fresh process)."""
    import resource

    from align.search.align import Options, align_segments

    src, tgt = read_lines(src_path), read_lines(tgt_path)
    start = time.perf_counter()
    beads = align_segments(src, tgt, "de", "fr", Options(lexicon=not fast))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scoring = time.perf_counter()
    with open(gold_path, encoding="utf-8") as handle:
        acc = score_alignment(parse_beads(handle), [(b.src, b.tgt) for b in beads])
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "beads": len(beads), "strict": acc.f1_strict,
                      "lax": acc.f1_lax, "scoring": time.perf_counter() - scoring}))


def run_child(*arguments: str, env: dict[str, str] | None = None) -> dict:
    """One alignment in a fresh process: its figures, with `whole`, the process's time less the scoring (or
    `error`, the last line it printed on stderr)."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", *arguments], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    whole = time.perf_counter() - started
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1:]}
    figures = json.loads(out.stdout)
    return dict(figures, whole=whole - figures["scoring"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 100000])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--hunalign-max", type=int, default=20000,
                        help="run hunalign only up to this size (its time and memory grow quadratically)")
    parser.add_argument("--fast", action="store_true", help="also time `align pairs --fast` (no learned lexicon)")
    parser.add_argument("--numpy", action="store_true",
                        help="also time the search without the C kernel (ALIGN_KERNEL=numpy)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    dev = load_dev(args.data)
    if dev is None:
        return 0
    binary = hunalign_binary()
    base_src, base_tgt, base_gold = dev
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            src, tgt, gold = make_pair(base_src, base_tgt, base_gold, size)
            sp, tp, gp = (os.path.join(tmp, f"{size}.{ext}") for ext in ("de", "fr", "gold"))
            for path, lines in ((sp, src), (tp, tgt), (gp, [f"{list(s)}:{list(t)}" for s, t in gold])):
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(lines) + "\n")
            ours = run_child(sp, tp, gp)
            if "error" in ours:
                print(f"{size}: failed: {ours['error']}")
                continue
            whole = ours["whole"]
            line = (f"{len(src):>7} x {len(tgt):>7}  align {whole:7.2f} s ({ours['seconds']:.2f} aligning)"
                    f"  {ours['peak_mb']:7.0f} MB"
                    f"  {(len(src) + len(tgt)) / ours['seconds']:6.0f} sent/s  F1 {ours['strict']:.3f}/{ours['lax']:.3f}")
            if binary and size <= args.hunalign_max:
                start = time.perf_counter()
                null_dic = os.path.join(HUNALIGN_DIR, "data", "null.dic")
                run = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "-utf", null_dic, sp, tp],
                                     capture_output=True, text=True, cwd=tmp)   # hunalign writes translate.txt
                hs = time.perf_counter() - start
                peak = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "?"
                mb = f"{int(peak) / 1024:.0f}" if peak.isdigit() else "?"
                ladder = [(int(a), int(b)) for a, b, *_ in (r.split("\t") for r in run.stdout.splitlines() if r.strip())]
                theirs = score_alignment(gold, ladder_to_beads(ladder))
                line += (f"  | hunalign {hs:7.2f} s  {mb:>6} MB  {(len(src) + len(tgt)) / hs:6.0f} sent/s"
                         f"  F1 {theirs.f1_strict:.3f}/{theirs.f1_lax:.3f}")
            if args.fast and "error" not in (quick := run_child(sp, tp, gp, "fast")):
                line += (f"  | --fast {quick['whole']:7.2f} s  {quick['peak_mb']:6.0f} MB"
                         f"  {(len(src) + len(tgt)) / quick['whole']:6.0f} sent/s"
                         f"  F1 {quick['strict']:.3f}/{quick['lax']:.3f}")
            if args.numpy and "error" not in (plain := run_child(sp, tp, gp, env={"ALIGN_KERNEL": "numpy"})):
                line += f"  | numpy {plain['whole']:7.2f} s  F1 {plain['strict']:.3f}"
            print(line, flush=True)
            rows.append((size, whole))
    if len(rows) >= 2:
        (s0, t0), (s1, t1) = rows[0], rows[-1]
        print(f"scaling: {s1 // s0}x the lines took {t1 / t0:.1f}x the time (linear = {s1 / s0:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
