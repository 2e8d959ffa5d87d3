"""Fit the bead-score calibration on the Text+Berg development set.

    python benchmarks/calibrate.py

Positives are the aligner's beads whose sides overlap the gold (lax hits: they do translate each other);
negatives are the same sources paired with the targets of beads 3 to 30 places away (misalignments).
A logistic regression of that label on the bead's similarity z-score and length cost gives the weights
in `align.search.confidence.SCORE_WEIGHTS`, so a score of 0.5 means "as likely a translation as not"; the same on the
z-score alone gives `SIMILARITY_WEIGHTS`. Prints the fits
and how the shipped weights sort both kinds. Skips when the data is absent.
"""
from __future__ import annotations

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from harness import load_dev  # noqa: E402

from align.search import align as aligner  # noqa: E402
from align.search import confidence  # noqa: E402


def capture_scoring_inputs(src: list[str], tgt: list[str]) -> dict:
    """Run the aligner and keep what it hands to `bead_scores`."""
    captured: dict = {}
    original = aligner.bead_scores

    def spy(path, *rest):
        captured.update(path=path, rest=rest)
        return original(path, *rest)

    aligner.bead_scores = spy
    try:
        aligner.align_segments(src, tgt, "de", "fr")
    finally:
        aligner.bead_scores = original
    return captured


def fit_logistic(x: np.ndarray, y: np.ndarray, steps: int = 20000, rate: float = 0.1) -> np.ndarray:
    """Gradient descent on the log loss with a small L2 penalty; returns weights (bias last)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        w -= rate * (xb.T @ (p - y) / len(y) + 1e-3 * np.append(w[:-1], 0.0))
    return w


def main() -> int:
    dev = load_dev()
    if dev is None:
        return 0
    src, tgt, gold = dev
    gold_targets: dict[int, set[int]] = {}
    for s, t in gold:
        for i in s:
            gold_targets.setdefault(i, set()).update(t)
    got = capture_scoring_inputs(src, tgt)
    path, rest = got["path"], got["rest"]
    paired = [b for b in path if b[0] and b[1]]
    positives = [b for b in paired if set(b[1]) & set().union(*(gold_targets.get(i, set()) for i in b[0]))]
    rng = np.random.default_rng(0)
    negatives = [(b[0], paired[(k + int(rng.integers(3, 31))) % len(paired)][1]) for k, b in enumerate(paired)]
    mu, sd = confidence.unrelated_baseline(path, *rest)
    cos_p, len_p = confidence.bead_evidence(positives, *rest)
    cos_n, len_n = confidence.bead_evidence(negatives, *rest)
    z = np.clip((np.concatenate([cos_p, cos_n]) - mu) / sd, -5.0, 20.0)
    length = np.minimum(np.concatenate([len_p, len_n]), 30.0)
    y = np.concatenate([np.ones(len(positives)), np.zeros(len(negatives))])
    w = fit_logistic(np.column_stack([z, length]), y)
    v = fit_logistic(z[:, None], y)
    print(f"{len(positives)} translated beads, {len(negatives)} swapped ones; baseline cos {mu:.3f} +- {sd:.3f}")
    print(f"fitted SCORE_WEIGHTS = ({w[0]:.2f}, {-w[1]:.2f}, {w[2]:.2f})")
    print(f"fitted SIMILARITY_WEIGHTS = ({v[0]:.2f}, 0.0, {v[1]:.2f})")
    for name, weights in (("shipped", confidence.SCORE_WEIGHTS), ("fitted", (w[0], -w[1], w[2]))):
        s_p = confidence.score_from_evidence(cos_p, len_p, mu, sd, weights)
        s_n = confidence.score_from_evidence(cos_n, len_n, mu, sd, weights)
        print(f"{name}: translated beads scoring >= 0.5: {np.mean(s_p >= 0.5):.3f}; "
              f"swapped beads scoring < 0.5: {np.mean(s_n < 0.5):.3f}")
    for name, weights in (("shipped", confidence.SIMILARITY_WEIGHTS), ("fitted", (v[0], 0.0, v[1]))):
        s_p = confidence.score_from_evidence(cos_p, 0 * len_p, mu, sd, weights)
        s_n = confidence.score_from_evidence(cos_n, 0 * len_n, mu, sd, weights)
        print(f"{name} similarity: translated beads >= 0.5: {np.mean(s_p >= 0.5):.3f}; "
              f"swapped beads < 0.5: {np.mean(s_n < 0.5):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
