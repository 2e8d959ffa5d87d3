"""How sure the toolkit is of each bead: a calibrated score (similarity and length) and a similarity alone.

Both are logistic functions of the bead's cosine as a z-score against swapped beads of the same
document (so they carry over between language pairs); `benchmarks/calibrate.py` fits the weights.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from align.search.costs import CostModel, length_cost, middle_value
from align.search.csr import Csr
from align.search.vectors import bead_dots, bead_sides


SCORE_WEIGHTS = (0.92, 1.21, 0.15)
"""Logistic weights of (similarity z, length cost, bias) fitted by `benchmarks/calibrate.py` on the
development set: its beads against the same sources paired with other targets."""

SIMILARITY_WEIGHTS = (0.86, 0.0, -1.84)
"""The same fit on the similarity z alone (no length term): the `similarity` of a bead."""


def bead_evidence(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], src: Csr,
                  tgt: Csr, src_len: np.ndarray, tgt_len: np.ndarray, ratio: float,
                  model: CostModel, chunk: int = 8192) -> tuple[np.ndarray, np.ndarray]:
    """Cosine and Gale-Church length cost of each bead (nan where a side is empty)."""
    cos = np.full(len(path), np.nan)
    length = np.full(len(path), np.nan)
    for b0 in range(0, len(path), chunk):
        block = path[b0:b0 + chunk]
        sides = bead_sides(block, 0), bead_sides(block, 1)
        dot, norm_s, norm_t = bead_dots(block, src, tgt, sides)
        norm = np.sqrt(norm_s * norm_t)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos[b0:b0 + chunk] = np.where(norm > 0, dot / norm, 0.0)
        length[b0:b0 + chunk] = length_cost(_side_sums(sides[0], src_len), _side_sums(sides[1], tgt_len), ratio,
                                            model.length_variance)
    empty = np.array([not (s and t) for s, t in path], dtype=bool)
    cos[empty] = np.nan
    length[empty] = np.nan
    return cos, length


def _side_sums(side: tuple[np.ndarray, np.ndarray], values: np.ndarray) -> np.ndarray:
    """Per bead, the sum of `values` over its segments of one side (`bead_sides`), in segment order."""
    sizes, segments = side
    rows = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    return np.bincount(rows, weights=np.asarray(values, dtype=np.float64)[segments], minlength=len(sizes))


def unrelated_baseline(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], src: Csr,
                       tgt: Csr, src_len: np.ndarray, tgt_len: np.ndarray, ratio: float,
                       model: CostModel, max_pairings: int = 4000) -> tuple[float, float]:
    """Median and spread of the cosine of beads whose target is swapped for another bead's (not a
    neighbour's): what two sides that do not translate each other score in this document.

    Short documents use every such swap, so the baseline (and every score) barely moves when a
    sentence is added or removed; long ones use up to `max_pairings` swaps at evenly spread offsets.
    """
    paired = [b for b in path if b[0] and b[1]]
    if len(paired) < 6:
        return 0.02, 0.03
    count = len(paired)
    offsets = np.arange(2, count - 1)
    keep = max(1, max_pairings // count)
    if len(offsets) > keep:
        offsets = offsets[np.linspace(0, len(offsets) - 1, keep).round().astype(np.int64)]
    # beads at evenly spread places: a long document has more beads than swaps are needed
    beads = np.linspace(0, count - 1, min(count, max(1, max_pairings // len(offsets)))).round().astype(np.int64)
    shuffled = [(paired[k][0], paired[(k + int(shift)) % count][1]) for shift in offsets for k in beads]
    cos, _ = bead_evidence(shuffled, src, tgt, src_len, tgt_len, ratio, model)
    median = middle_value(cos)
    return median, max(0.02, middle_value(np.abs(cos - median)) * 1.4826)


def bead_scores(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], src: Csr,
                tgt: Csr, src_len: np.ndarray, tgt_len: np.ndarray, ratio: float,
                model: CostModel, baseline: tuple[float, float] | None = None) -> tuple[list[float], list[float]]:
    """Confidence in [0, 1] that a bead's two sides translate each other, and the same from their shared
    content alone; 0 for a bead with an empty side.

    Logistic functions of the bead's similarity, as a z-score against swapped beads of the same
    document (so it carries over between language pairs), and (for the score) its length cost; 0.5
    means as likely a translation as not, on the development set's beads against swapped ones. `baseline`,
    the `unrelated_baseline` of an alignment, scores other pairs of its segments (not a path) on its scale.
    """
    cos, length = bead_evidence(path, src, tgt, src_len, tgt_len, ratio, model)
    mu, sd = baseline or unrelated_baseline(path, src, tgt, src_len, tgt_len, ratio, model)
    scores = score_from_evidence(cos, length, mu, sd)
    similarity = score_from_evidence(cos, np.where(np.isnan(length), np.nan, 0.0), mu, sd, SIMILARITY_WEIGHTS)
    return [float(x) for x in scores], [float(x) for x in similarity]


def score_from_evidence(cos: np.ndarray, length: np.ndarray, mu: float, sd: float,
                        weights: tuple[float, float, float] = SCORE_WEIGHTS) -> np.ndarray:
    """The calibrated score; 0 where the evidence is missing (a bead with an empty side)."""
    z = np.clip((cos - mu) / sd, -5.0, 20.0)
    logit = weights[0] * z - weights[1] * np.minimum(length, 30.0) + weights[2]
    with np.errstate(invalid="ignore", over="ignore"):
        score = np.round(1.0 / (1.0 + np.exp(-logit)), 4)
    return np.nan_to_num(score, nan=0.0)
