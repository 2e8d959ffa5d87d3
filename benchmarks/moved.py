"""Sentences moved in the translation: how often `report` says "moved", rightly and wrongly.

    python benchmarks/moved.py [--trials 8]

Three measures: (1) the development suite as it is, whose gold has no move, so every move found is false;
(2) the seed pair with body paragraphs of the translation swapped or moved elsewhere (each found move must
pair a source paragraph with its own translation); (3) each suite document with one target line of a
one-to-one gold pair moved 10 lines or more away (`--trials` times, fixed seed). Skips the suite when absent.
"""
from __future__ import annotations

import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)

from harness import load_suite  # noqa: E402

from align.search.align import Options, align_documents  # noqa: E402

SOURCE = os.path.join(ROOT, "seeds", "001_4fa10e781d0ee104.txt")
TARGET = os.path.join(ROOT, "seeds", "000_b2c92323d477a4f3.txt")


def _moves(source: str, target: str, presegmented: bool = False) -> list[tuple[str, str]]:
    """The moves found, as (source text, target text)."""
    a = align_documents(source, target, "en" if not presegmented else None, "fr" if not presegmented else None,
                        options=Options(presegmented=presegmented))
    return [(a.source[m.source].text, a.target[m.target].text) for m in a.moves]


def seed_mutations() -> tuple[int, int, int]:
    """(mutations, mutations whose every moved paragraph is found, moves found that are wrong)."""
    source = open(SOURCE, encoding="utf-8").read()
    lines = open(TARGET, encoding="utf-8").read().split("\n")
    base = align_documents(source, "\n".join(lines), "en", "fr")
    rendering = {}     # target paragraph line -> its source text, from the unedited pair's one-to-one beads
    for bead in base.beads:
        if len(bead.src) == 1 and len(bead.tgt) == 1 and bead.score >= 0.8:
            text = base.target[bead.tgt[0]].text
            line = next(k for k, l in enumerate(lines) if text in l)
            rendering[line] = base.source[bead.src[0]].text
    body = sorted(rendering)
    cases = [("swap", a, b) for a, b in zip(body, body[2:])] + [("move", a, b) for a, b in zip(body, body[::-1])
                                                                if abs(a - b) >= 3]
    done = right = wrong = 0
    for kind, a, b in cases:
        edited = lines[:]
        if kind == "swap":
            edited[a], edited[b] = lines[b], lines[a]
            moved = {lines[a], lines[b]}
        else:
            edited.insert(b, edited.pop(a))
            moved = {lines[a]}
        found = _moves(source, "\n".join(edited))
        expected = {(rendering[k], lines[k]) for k in (a, b) if lines[k] in moved}
        done += 1
        right += all(any(s == src and t in tgt for s, t in found) for src, tgt in expected)
        # a move is wrong when the target is not the source's own translation (a neighbour that the edit
        # pushed out of place and that is found with its translation is a right move)
        wrong += sum(1 for s, t in found if not any(s == rendering[k] and t in lines[k] for k in body))
    return done, right, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=8)
    args = parser.parse_args()
    done, right, wrong = seed_mutations()
    print(f"seed pair, paragraphs swapped or moved: {right} of {done} found whole, {wrong} wrong moves")
    docs = [d for d in load_suite() if not d.verse_level]
    if not docs:
        print("skipped: no development documents found under ../shared/data")
        return 0
    rng = random.Random(3)
    false_plain = tried = found = false_moved = 0
    for d in docs:
        source, target = "\n".join(d.source) + "\n", "\n".join(d.target) + "\n"
        false_plain += len(_moves(source, target, True))
        ones = [(s[0], t[0]) for s, t in d.gold if len(s) == 1 and len(t) == 1 and len(d.target[t[0]]) >= 25]
        for _ in range(args.trials):
            i, j = rng.choice(ones)
            lines = list(d.target)
            line = lines.pop(j)
            far = [k for k in range(len(lines)) if abs(k - j) >= 10]
            if not far:
                continue
            k = rng.choice(far)
            lines.insert(k, line)
            moves = _moves(source, "\n".join(lines) + "\n", True)
            tried += 1
            hit = (d.source[i], line) in moves
            found += hit
            false_moved += len(moves) - hit
    print(f"suite as it is ({len(docs)} documents, no move in the gold): {false_plain} moves found (each wrong)")
    print(f"suite with one line moved ({tried} trials): {found} found, {false_moved} wrong moves")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
