"""Alignment of a text with its post-edit (one language), as `align compare` does, on synthetic post-edits.

    python benchmarks/postedit.py [--edits 40] [--rate 0.12] [--words 0.15]

The English seeds 002, 003 and 004 (the project's own `seeds/`; `--seeds 001` for the one kept out when the
same-language weights were chosen), cut into sentences, are edited the way a post-editor works, with a fixed seed per edit: each sentence is, with probability `--rate` each, deleted,
preceded by a sentence of another seed, split in two at its middle, or merged with the next one; otherwise
kept, with words replaced, dropped or added at `--words` in half of them. The edits say where each sentence
went, so the gold is known. Printed: strict P/R/F1 of the pairs (after `compare`'s detaching of riders), and
of the sentences left unpaired (deleted and inserted ones), for the same-language weights that `compare` uses,
for the translation weights, and for hunalign (no dictionary) on the same files.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from harness import detection, hunalign_binary, prf, run_hunalign, unaligned  # noqa: E402

FILLERS = ("the", "new", "major", "key", "said", "also", "more")
ADDED = ("further", "really", "indeed", "now")


def sentences(path: str) -> list[str]:
    from align.text.segment import split_document
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return [s.text for s in split_document(text, "en") if s.kind == "sentence" and len(s.text.split()) >= 4]


def edit_words(sentence: str, rng: random.Random, share: float) -> str:
    out = []
    for word in sentence.split():
        draw = rng.random()
        if draw < share / 3:
            continue
        out.append(rng.choice(FILLERS) if draw < 2 * share / 3 else word)
        if draw > 1 - share / 3:
            out.append(rng.choice(ADDED))
    return " ".join(out) or sentence


def post_edit(src: list[str], strangers: list[str], rng: random.Random, rate: float, share: float):
    """The edited text's sentences and the gold beads (source indexes, edited indexes)."""
    tgt: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = 0
    while i < len(src):
        draw = rng.random()
        if draw < rate:
            gold.append(((i,), ()))
            i += 1
            continue
        if draw < 2 * rate:
            tgt.append(rng.choice(strangers))
            gold.append(((), (len(tgt) - 1,)))
            tgt.append(edit_words(src[i], rng, share))
            gold.append(((i,), (len(tgt) - 1,)))
        elif draw < 3 * rate and len(src[i].split()) >= 10:
            words = src[i].split()
            cut = len(words) // 2
            tgt.extend([" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize()])
            gold.append(((i,), (len(tgt) - 2, len(tgt) - 1)))
        elif draw < 4 * rate and i + 1 < len(src):
            joined = src[i].rstrip(".") + ", and " + src[i + 1][0].lower() + src[i + 1][1:]
            tgt.append(edit_words(joined, rng, share))
            gold.append(((i, i + 1), (len(tgt) - 1,)))
            i += 1
        else:
            tgt.append(edit_words(src[i], rng, share) if rng.random() < 0.5 else src[i])
            gold.append(((i,), (len(tgt) - 1,)))
        i += 1
    return tgt, gold


class Tally:
    """Pooled (hits, found, gold) of the pairs (every bead, one-sided ones included) and of the unpaired sentences."""

    def __init__(self) -> None:
        self.pairs, self.gaps = [0, 0, 0], [0, 0, 0]

    def add(self, gold, found) -> None:
        g, f = {(tuple(s), tuple(t)) for s, t in gold}, {(tuple(s), tuple(t)) for s, t in found}
        for tally, counts in ((self.pairs, detection(g, f)), (self.gaps, detection(unaligned(g), unaligned(f)))):
            for k, count in enumerate(counts):
                tally[k] += count

    def line(self, name: str) -> str:
        (p, r, f), (gp, gr, gf) = prf(*self.pairs), prf(*self.gaps)
        return f"{name:<30} strict P {p:.3f} R {r:.3f} F1 {f:.3f} | unpaired P {gp:.2f} R {gr:.2f} F1 {gf:.2f}"


def main() -> int:
    from align.compare.compare import detach_riders
    from align.search.align import Options, align_documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=40, help="post-edits of each seed")
    parser.add_argument("--rate", type=float, default=0.12, help="chance of each sentence edit")
    parser.add_argument("--words", type=float, default=0.15, help="share of words changed in an edited sentence")
    parser.add_argument("--seeds", nargs="+", default=["002", "003", "004"],
                        help="the English seeds to edit (001 was kept out of the choice of weights)")
    args = parser.parse_args()
    english = {os.path.basename(p)[:3]: sentences(p) for p in sorted(glob.glob(os.path.join(ROOT, "seeds", "00[1234]_*.txt")))}
    docs = {name: english[name] for name in args.seeds}
    runs = {"same-language weights (compare)": Options(presegmented=True),
            "translation weights": Options(presegmented=True, same_language_weights=False)}
    tallies = {name: Tally() for name in list(runs) + ["hunalign"]}
    binary = hunalign_binary()
    with tempfile.TemporaryDirectory() as tmp:
        for edit in range(args.edits):
            for k, (name, src) in enumerate(docs.items()):
                strangers = [s for other, lines in english.items() if other != name for s in lines]
                tgt, gold = post_edit(src, strangers, random.Random(edit * 7 + k), args.rate, args.words)
                source_text, target_text = "\n".join(src) + "\n", "\n".join(tgt) + "\n"
                for run, options in runs.items():
                    alignment = align_documents(source_text, target_text, "en", "en", options)
                    tallies[run].add(gold, [(b.src, b.tgt) for b in detach_riders(alignment)])
                if binary:
                    paths = [os.path.join(tmp, f"{edit}-{k}.{side}") for side in ("a", "b")]
                    for path, text in zip(paths, (source_text, target_text)):
                        with open(path, "w", encoding="utf-8") as handle:
                            handle.write(text)
                    tallies["hunalign"].add(gold, run_hunalign(binary, *paths))
    print(f"{args.edits} post-edits of each of {len(docs)} seeds ({sum(len(s) for s in docs.values())} sentences), "
          f"edit rate {args.rate}, words changed {args.words}")
    for name, tally in tallies.items():
        if name != "hunalign" or binary:
            print(tally.line(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
