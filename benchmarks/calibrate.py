"""Fit the bead-score calibration over the whole development suite, and say what a score means on real pairs.

    python benchmarks/calibrate.py [--jobs 2]

Per document of the suite (aligned as `benchmarks/suite.py` does): positives are the aligner's beads whose
sides overlap the gold (lax hits: they do translate each other); negatives are the same sources paired with the
targets of beads 3 to 30 places away (misalignments). A logistic regression of that label on the bead's
similarity z-score and length cost, each set weighing the same whatever its size, gives the weights in
`align.search.confidence.SCORE_WEIGHTS`, so a score of 0.5 means "as likely a translation as not"; the same on
the z-score alone gives `SIMILARITY_WEIGHTS`.

Prints, per set: how the shipped weights and the fitted ones sort both kinds, and leave-one-set-out figures
(weights fitted on the other sets, scored on the one left out: what a new kind of document gets); then the
reliability of the shipped score on the aligner's own beads: per band of score, the share of pairs that are
exactly a gold bead (verse-level gold merged as `suite.py` scores it). Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from harness import GoldDocument, load_suite  # noqa: E402

from align.search import align as aligner  # noqa: E402
from align.search import confidence  # noqa: E402

BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


@dataclass
class Evidence:
    """One document's beads as the fit sees them: z-score and length cost of translated and swapped beads, and
    the aligner's own beads' shipped scores with whether each is exactly a gold bead."""

    set: str
    z_pos: np.ndarray
    len_pos: np.ndarray
    z_neg: np.ndarray
    len_neg: np.ndarray
    scores: np.ndarray
    exact: np.ndarray


def capture_scoring_inputs(doc: GoldDocument) -> tuple[list, tuple, tuple[float, float], tuple]:
    """Align a document as the suite does and keep what it hands to `bead_scores`: the path, the features
    (vectors, lengths, ratio, model), the document's unrelated baseline, and the beads."""
    from suite import experiment_options

    captured: dict = {}
    original = aligner.bead_scores

    def spy(path, src, tgt, src_len, tgt_len, ratio, model, baseline=None):
        if "path" not in captured:      # the first call scores the alignment's path (later ones: moves)
            captured.update(path=path, rest=(src, tgt, src_len, tgt_len, ratio, model), baseline=baseline)
        return original(path, src, tgt, src_len, tgt_len, ratio, model, baseline)

    aligner.bead_scores = spy
    try:
        alignment = aligner.align_documents("\n".join(doc.source) + "\n", "\n".join(doc.target) + "\n",
                                            options=experiment_options(()))
    finally:
        aligner.bead_scores = original
    return captured["path"], captured["rest"], captured["baseline"], alignment.beads


def _exact(doc: GoldDocument, beads) -> np.ndarray:
    """Per bead with two sides: exactly a gold bead (verse-level gold: all its segments inside one gold bead)."""
    if doc.verse_level:
        owner = {("s", i): k for k, (s, _) in enumerate(doc.gold) for i in s}
        owner.update({("t", j): k for k, (_, t) in enumerate(doc.gold) for j in t})
        return np.array([len({owner.get(("s", i)) for i in b.src} | {owner.get(("t", j)) for j in b.tgt}) == 1
                         and ("s", b.src[0]) in owner for b in beads if b.src and b.tgt], dtype=bool)
    gold = {(tuple(s), tuple(t)) for s, t in doc.gold}
    return np.array([(b.src, b.tgt) in gold for b in beads if b.src and b.tgt], dtype=bool)


def document_evidence(doc: GoldDocument) -> Evidence:
    path, rest, baseline, beads = capture_scoring_inputs(doc)
    gold_targets: dict[int, set[int]] = {}
    for s, t in doc.gold:
        for i in s:
            gold_targets.setdefault(i, set()).update(t)
    paired = [b for b in path if b[0] and b[1]]
    positives = [b for b in paired if set(b[1]) & set().union(*(gold_targets.get(i, set()) for i in b[0]))]
    rng = np.random.default_rng(0)
    negatives = [(b[0], paired[(k + int(rng.integers(3, 31))) % len(paired)][1]) for k, b in enumerate(paired)]
    mu, sd = baseline or confidence.unrelated_baseline(path, *rest)
    cos_p, len_p = confidence.bead_evidence(positives, *rest)
    cos_n, len_n = confidence.bead_evidence(negatives, *rest)
    z = lambda cos: np.clip((cos - mu) / sd, -5.0, 20.0)  # noqa: E731  (as score_from_evidence reads it)
    scores = np.array([b.score for b in beads if b.src and b.tgt])
    return Evidence(doc.set, z(cos_p), np.minimum(len_p, 30.0), z(cos_n), np.minimum(len_n, 30.0), scores,
                    _exact(doc, beads))


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, steps: int = 20000,
                 rate: float = 0.1) -> np.ndarray:
    """Gradient descent on the (weighted) log loss with a small L2 penalty; returns weights (bias last)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    weight = np.ones(len(y)) if weight is None else weight
    weight = weight / weight.sum()
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        w -= rate * (xb.T @ (weight * (p - y)) + 1e-3 * np.append(w[:-1], 0.0))
    return w


def _samples(evidence: list[Evidence], with_length: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights of the translated and swapped beads, each set weighing the same."""
    sets = sorted({e.set for e in evidence})
    xs, ys, ws = [], [], []
    for name in sets:
        mine = [e for e in evidence if e.set == name]
        z = np.concatenate([np.concatenate([e.z_pos, e.z_neg]) for e in mine])
        length = np.concatenate([np.concatenate([e.len_pos, e.len_neg]) for e in mine])
        y = np.concatenate([np.concatenate([np.ones(len(e.z_pos)), np.zeros(len(e.z_neg))]) for e in mine])
        xs.append(np.column_stack([z, length]) if with_length else z[:, None])
        ys.append(y)
        ws.append(np.full(len(y), 1.0 / max(1, len(y))))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


def fit(evidence: list[Evidence]) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(SCORE_WEIGHTS, SIMILARITY_WEIGHTS) fitted on these documents."""
    w = fit_logistic(*_samples(evidence, True))
    v = fit_logistic(*_samples(evidence, False))
    return (float(w[0]), float(-w[1]), float(w[2])), (float(v[0]), 0.0, float(v[1]))


def sorting(evidence: list[Evidence], weights: tuple[float, float, float], with_length: bool = True
            ) -> tuple[float, float]:
    """Share of translated beads scoring 0.5 or more, and of swapped beads under 0.5, with these weights."""
    def score(z: np.ndarray, length: np.ndarray) -> np.ndarray:
        logit = weights[0] * z - weights[1] * (length if with_length else 0.0) + weights[2]
        return 1.0 / (1.0 + np.exp(-logit))
    pos = np.concatenate([score(e.z_pos, e.len_pos) for e in evidence])
    neg = np.concatenate([score(e.z_neg, e.len_neg) for e in evidence])
    return float(np.mean(pos >= 0.5)), float(np.mean(neg < 0.5))


def reliability(evidence: list[Evidence]) -> tuple[str, float]:
    """Per band of shipped score: pairs and the share exactly right; and the mean gap between score and share."""
    scores = np.concatenate([e.scores for e in evidence])
    exact = np.concatenate([e.exact for e in evidence]).astype(float)
    cells, gap = [], 0.0
    for lo, hi in zip(BANDS, BANDS[1:]):
        inside = (scores >= lo) & (scores < hi)
        if inside.any():
            cells.append(f"{lo:.1f}+ {int(inside.sum())}/{exact[inside].mean():.2f}")
            gap += inside.sum() / len(scores) * abs(scores[inside].mean() - exact[inside].mean())
    return "  ".join(cells), gap


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    docs = load_suite()
    if not docs:
        print("skipped: no development documents found under ../shared/data")
        return 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        evidence = list(pool.map(document_evidence, docs))
    sets = sorted({e.set for e in evidence})
    score_w, similarity_w = fit(evidence)
    print(f"{sum(len(e.z_pos) for e in evidence)} translated beads, {sum(len(e.z_neg) for e in evidence)} "
          f"swapped ones, {len(sets)} sets weighing the same")
    print(f"shipped SCORE_WEIGHTS = {confidence.SCORE_WEIGHTS}, SIMILARITY_WEIGHTS = {confidence.SIMILARITY_WEIGHTS}")
    print(f"fitted  SCORE_WEIGHTS = ({score_w[0]:.2f}, {score_w[1]:.2f}, {score_w[2]:.2f}), "
          f"SIMILARITY_WEIGHTS = ({similarity_w[0]:.2f}, 0.0, {similarity_w[2]:.2f})")
    print("\ntranslated beads >= 0.5 / swapped beads < 0.5 (score; similarity)")
    print(f"{'set':<18} {'shipped':>22} {'fitted on all':>22} {'left out of the fit':>22}")
    for name in sets + ["macro"]:
        mine = [e for e in evidence if e.set == name]
        if name == "macro":
            continue
        others = [e for e in evidence if e.set != name]
        loso_score, loso_similarity = fit(others)
        row = []
        for s_w, v_w in ((confidence.SCORE_WEIGHTS, confidence.SIMILARITY_WEIGHTS), (score_w, similarity_w),
                         (loso_score, loso_similarity)):
            p, n = sorting(mine, s_w)
            ps, ns = sorting(mine, v_w, with_length=False)
            row.append(f"{p:.3f}/{n:.3f}; {ps:.3f}/{ns:.3f}")
        print(f"{name:<18} " + " ".join(f"{cell:>22}" for cell in row))
    print("\nthe shipped score on the aligner's own beads: per band, pairs / share exactly a gold bead")
    for name in sets + ["pooled"]:
        cells, gap = reliability([e for e in evidence if name == "pooled" or e.set == name])
        print(f"{name:<18} mean gap {gap:.3f}  {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
