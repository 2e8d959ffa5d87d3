"""Accuracy on the Text+Berg German-French development set, beside hunalign on the same input.

    python benchmarks/textberg.py [--data DIR]

Prints strict and lax precision/recall/F1 (Vecalign's definitions). Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from align.align import Options, align_documents  # noqa: E402
from align.evaluate import Accuracy, parse_beads, score_alignment  # noqa: E402

DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data", "textberg-dev")
HUNALIGN_DIR = os.path.join(HERE, "..", "..", "shared", "tools", "hunalign")


def read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return handle.read().split("\n")[:-1]


def load_dev(data: str = DEFAULT_DATA) -> tuple[list[str], list[str], list] | None:
    """The development pair and its gold beads, or None (with a message) when the data is absent."""
    paths = [os.path.join(data, f"dev.{ext}") for ext in ("de", "fr", "defr")]
    if not all(os.path.exists(p) for p in paths):
        print(f"skipped: development set not found in {data}")
        return None
    with open(paths[2], encoding="utf-8") as handle:
        gold = parse_beads(handle)
    return read_lines(paths[0]), read_lines(paths[1]), gold


def run_ours(src: list[str], tgt: list[str], options: Options = Options()) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Align as `python -m align pairs --presegmented` does: the lines as documents, languages detected,
    each line one segment with its kind."""
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n",
                                options=dataclasses.replace(options, presegmented=True))
    if (len(alignment.source), len(alignment.target)) != (len(src), len(tgt)):
        raise ValueError("a blank line in the input: segment numbers would not be line numbers")
    return [(b.src, b.tgt) for b in alignment.beads]


def hunalign_binary() -> str | None:
    build = os.path.join(HUNALIGN_DIR, "build.sh")
    if not os.path.exists(build):
        return None
    result = subprocess.run(["bash", build], capture_output=True, text=True)
    path = result.stdout.strip().splitlines()[-1] if result.returncode == 0 and result.stdout.strip() else ""
    return path if path and os.path.exists(path) else None


def ladder_to_beads(ladder: list[tuple[int, int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """hunalign's rungs (i, j) -> beads between consecutive rungs."""
    beads = []
    for (i0, j0), (i1, j1) in zip(ladder, ladder[1:]):
        beads.append((tuple(range(i0, i1)), tuple(range(j0, j1))))
    return beads


def run_hunalign(binary: str, src_path: str, tgt_path: str,
                 realign: bool = False) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    null_dic = os.path.join(HUNALIGN_DIR, "data", "null.dic")
    flags = ["-utf"] + (["-realign"] if realign else [])
    out = subprocess.run([binary, *flags, null_dic, src_path, tgt_path],
                         capture_output=True, text=True, check=True).stdout
    ladder = [(int(a), int(b)) for a, b, *_ in (line.split("\t") for line in out.splitlines() if line.strip())]
    return ladder_to_beads(ladder)


def show(name: str, acc: Accuracy, seconds: float) -> None:
    print(f"{name:<18} strict P {acc.precision_strict:.3f} R {acc.recall_strict:.3f} F1 {acc.f1_strict:.3f}"
          f" | lax P {acc.precision_lax:.3f} R {acc.recall_lax:.3f} F1 {acc.f1_lax:.3f} | {seconds:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args()
    dev = load_dev(args.data)
    if dev is None:
        return 0
    src, tgt, gold = dev
    paths = {ext: os.path.join(args.data, f"dev.{ext}") for ext in ("de", "fr")}
    print(f"Text+Berg dev: {len(src)} German, {len(tgt)} French lines, {len(gold)} gold beads")
    start = time.perf_counter()
    ours = run_ours(src, tgt)
    show("align", score_alignment(gold, ours), time.perf_counter() - start)
    start = time.perf_counter()
    quick = run_ours(src, tgt, Options(lexicon=False))
    show("align --fast", score_alignment(gold, quick), time.perf_counter() - start)
    binary = hunalign_binary()
    if binary is None:
        print("hunalign           skipped: build failed (needs g++ and make)")
        return 0
    for realign in (False, True):
        start = time.perf_counter()
        theirs = run_hunalign(binary, paths["de"], paths["fr"], realign)
        show("hunalign" + (" -realign" if realign else ""), score_alignment(gold, theirs),
             time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
