"""What the review's checks and the TMX's score threshold do on real human translations (the dev suite).

    python benchmarks/review_checks.py

For each set: the flags of each QA check per 1,000 pairs (on published translations most are noise, so
fewer is better), the share of pairs scoring below the low score (the "not translations" warning fires above
0.5) and the whole-pair warnings raised; then, for a range of `--min-score` values, how many of the pairs a
TMX would keep are exactly a gold pair (precision) and how many gold pairs it keeps (recall). Skips when the
data is absent.
"""
from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import load_suite  # noqa: E402

from align.search.align import Options  # noqa: E402
from align.review.divergence import LOW_SCORE, WARNING_SCORE  # noqa: E402
from align.search.align import score_pairs, segment_pair  # noqa: E402
from align.review.qa import PAIR_RULES  # noqa: E402
from align.review.review import review_documents  # noqa: E402

QA_TYPES = ("untranslated", "doubled_word", "whitespace", "bracket", "url_email", "placeholder", "symbol",
            "inconsistency")
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def replaced_scores(doc) -> tuple[list[float], list[float]]:
    """The scores of the gold's 1-1 pairs of `doc` (scored as given, `score_pairs`), one in ten of them with the
    translation of the pair ten places on: those kept, and those replaced."""
    src, tgt, source_lang, target_lang = segment_pair("\n".join(doc.source) + "\n", "\n".join(doc.target) + "\n",
                                                      doc.source_lang, doc.target_lang, True)
    ones = [(s, t) for s, t in doc.gold if len(s) == 1 and len(t) == 1]
    swapped = [k % 10 == 5 and k + 10 < len(ones) for k in range(len(ones))]
    path = [(s, ones[k + 10][1]) if swapped[k] else (s, t) for k, (s, t) in enumerate(ones)]
    beads, _ = score_pairs(src, tgt, path, source_lang, target_lang)
    return ([b.score for b, w in zip(beads, swapped) if not w], [b.score for b, w in zip(beads, swapped) if w])


def main() -> int:
    docs = load_suite()
    if not docs:
        print("no dev suite found; skipped")
        return 0
    assert {f.__name__ for f in PAIR_RULES}
    per_set: dict[str, Counter] = defaultdict(Counter)
    kept: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0, 0])   # kept, correct, gold
    for doc in docs:
        review = review_documents("\n".join(doc.source) + "\n", "\n".join(doc.target) + "\n", doc.source_lang,
                                  doc.target_lang, Options(presegmented=True))
        counts = per_set[doc.set]
        scored = [p for p in review.pairs if p.source and p.target]
        counts["pairs"] += len(scored)
        counts["low"] += sum(p.score < LOW_SCORE for p in scored)
        counts["warnings"] += len(review.summary.warnings)
        for pair in review.pairs:
            for flag in pair.flags:
                counts[flag.type] += 1
        gold = {(tuple(s), tuple(t)) for s, t in doc.gold if s and t}
        for threshold in THRESHOLDS:
            entry = kept[(doc.set, threshold)]
            chosen = [p for p in scored if p.score >= threshold and not any(f.severity == "error" for f in p.flags)]
            entry[0] += len(chosen)
            entry[1] += sum((tuple(s.index for s in p.source), tuple(t.index for t in p.target)) in gold
                            for p in chosen)
            entry[2] += len(gold)
    print(f"{'set':<18}{'pairs':>7}{'low':>7}{'warn':>6}" + "".join(f"{t[:11]:>12}" for t in QA_TYPES))
    for name, counts in sorted(per_set.items()):
        rate = [1000 * counts[t] / max(1, counts["pairs"]) for t in QA_TYPES]
        print(f"{name:<18}{counts['pairs']:>7}{counts['low'] / max(1, counts['pairs']):>7.3f}{counts['warnings']:>6}"
              + "".join(f"{r:>12.1f}" for r in rate))
    print("\nLow scores (the low_similarity flag: a warning under WARNING_SCORE, a note up to LOW_SCORE): share of")
    print("the gold's 1-1 pairs scoring under each, as they are and with one in ten of their translations replaced")
    print("by the translation ten pairs on (a sentence that does not translate its source)")
    print(f"{'document':<30}{'real <' + str(WARNING_SCORE):>12}{'real <' + str(LOW_SCORE):>12}"
          f"{'replaced <' + str(WARNING_SCORE):>16}{'replaced <' + str(LOW_SCORE):>16}")
    for doc in docs:
        if doc.verse_level:
            continue
        real, replaced = (np.array(x) for x in replaced_scores(doc))
        print(f"{doc.doc[:29]:<30}{np.mean(real < WARNING_SCORE):>12.3f}{np.mean(real < LOW_SCORE):>12.3f}"
              f"{np.mean(replaced < WARNING_SCORE):>16.3f}{np.mean(replaced < LOW_SCORE):>16.3f}")
    print("\nTMX kept pairs (no error flag, score >= S): precision (exact gold pair) / recall of gold pairs")
    print(f"{'S':>5}" + "".join(f"{name:>24}" for name in sorted(per_set)))
    for threshold in THRESHOLDS:
        cells = []
        for name in sorted(per_set):
            k, c, g = kept[(name, threshold)]
            cells.append(f"{c / max(1, k):.3f} / {c / max(1, g):.3f}")
        print(f"{threshold:>5.1f}" + "".join(f"{cell:>24}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
