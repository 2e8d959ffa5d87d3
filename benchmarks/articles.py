"""Short documents aligned one by one, and as one run that learns its lexicon first.

    python benchmarks/articles.py [--beads 30] [--set NAME]

Every document of the development suite is cut into article-sized pieces of `--beads` gold beads (news runs
10-60 sentences), too short for a document to learn its own lexicon. Each piece is aligned alone, then again
with the word pairs learned over the run (`align.search.lexicon.heldout_word_pairs`: a piece only sees the pairs
learned from the pieces of the other folds). Prints strict F1 and unaligned-segment F1 per set, both ways.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import GoldDocument, load_suite, prf  # noqa: E402
from suite import Counts, score  # noqa: E402

from align.search.evaluate import BeadPair  # noqa: E402

Piece = tuple[str, list[str], list[str], list[BeadPair], bool]   # set, source lines, target lines, gold, verse-level


def cut(doc: GoldDocument, size: int, stride: int | None = None) -> list[Piece]:
    """The document as pieces of `size` consecutive gold beads, one starting every `stride` beads (every `size`
    unless given: no overlap), with line numbers from 0 in each."""
    src, tgt = doc.source, doc.target
    pieces = []
    for k in range(0, len(doc.gold), stride or size):
        beads = doc.gold[k:k + size]
        s_lines = [i for s, _ in beads for i in s]
        t_lines = [j for _, t in beads for j in t]
        if not s_lines or not t_lines:
            continue
        s0, t0 = min(s_lines), min(t_lines)
        gold = [(tuple(i - s0 for i in s), tuple(j - t0 for j in t)) for s, t in beads]
        pieces.append((doc.set, src[s0:max(s_lines) + 1], tgt[t0:max(t_lines) + 1], gold, doc.verse_level))
    return pieces


def first_pass(piece: Piece):
    from align.search.align import Options, align_documents, taught_words
    _, src, tgt, _, _ = piece
    return taught_words(align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n",
                                        options=Options(presegmented=True)))


def aligned(piece: Piece, word_pairs=None) -> Counts:
    from align.search.align import Options, align_documents
    _, src, tgt, gold, verse_level = piece
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n", options=Options(presegmented=True),
                                word_pairs=word_pairs)
    return score(gold, [(b.src, b.tgt) for b in alignment.beads], verse_level)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=30)
    parser.add_argument("--set", action="append")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    docs = [d for d in load_suite() if not args.set or d.set in args.set]
    if not docs:
        print("skipped: no development documents found under ../shared/data")
        return 0
    from align.search.lexicon import heldout_word_pairs
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name in dict.fromkeys(d.set for d in docs):
            pieces = [p for d in docs if d.set == name for p in cut(d, args.beads)]
            start = time.perf_counter()
            alone = list(pool.map(aligned, pieces))
            seconds_alone = time.perf_counter() - start
            start = time.perf_counter()
            taught = list(pool.map(first_pass, pieces))
            lexicons = heldout_word_pairs(taught)
            with_run = list(pool.map(aligned, pieces, lexicons))
            seconds_run = time.perf_counter() - start
            for label, results, seconds in (("alone", alone, seconds_alone), ("run lexicon", with_run, seconds_run)):
                total = Counts()
                for c in results:
                    total.add(c)
                print(f"{name:<16} {len(pieces):4d} pieces {label:<12} strict F1 {total.f1()[2]:.3f}  "
                      f"unaligned F1 {prf(*total.gaps)[2]:.2f}  {seconds:6.2f} s"
                      + (f"  ({sum(map(len, lexicons)) // max(1, len(lexicons))} word pairs a piece)"
                         if label != "alone" else ""), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
