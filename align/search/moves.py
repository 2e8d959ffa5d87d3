"""Sentences moved in the translation: a source segment and a target segment, each out of the other's place,
that translate each other (a paragraph the translator put elsewhere). A monotone alignment can only leave
them unaligned or pair each with a stranger; this finds them afterwards."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from align.search.csr import Csr

MOVED_SCORE = 0.8
"""The calibrated score a pair out of order needs: surely a translation, not a sentence alike by chance."""
MARGIN = 1.7
"""How many times more alike the pair must be than each side is, on average, to its four nearest segments of
the other document (the ratio margin of bitext mining): a sentence that resembles many is no proof of a move.
Over the development suite's documents (no move in their gold) no pair scoring 0.8 passed 1.28; the seed pair's
paragraphs moved or swapped pass at 1.58 to 2.08, and so does (1.57) a source line beside a bibliography line
left in the source language in a pair of unrelated pieces."""
LENGTH_FACTOR = 2.0
"""A moved pair's target is at most this many times longer or shorter than the pair's source would make it
(at the length ratio of the two documents): a heading is no translation of a paragraph."""
MARGIN_WITH_NUMBER = 1.5
"""The margin that suffices when the two segments also share a number: chance rarely gives both."""
NEIGHBOURS = 4
OUT_OF_PLACE = 0.5
"""A segment with no counterpart, in a pair scoring below this, or one of several on its side of a pair, may be
one whose translation moved."""
MIN_LENGTH = 25
"""Characters a segment needs on each side: short lines (`Oh no!`, `he said.`) recur and match by chance."""
MAX_CANDIDATES = 200
"""Segments out of place per side considered at most (a document that aligns this badly is no reordering)."""
MAX_CELLS = 4_000_000
"""Candidates times the other side's segments at most (the cosines are held densely)."""
HOLDING = 0.5
"""The share of source segments the alignment must pair surely (score `MOVED_SCORE` or more) for anything to
be out of place: in a pair of documents that hardly translate each other, every match is by chance."""
BETTER_BY = 0.3
"""How much better than the pairs they are in the moved pair must score."""


@dataclass(frozen=True)
class Move:
    """Source segment `source` and target segment `target` (indices) translate each other, out of order."""

    source: int
    target: int
    score: float


Pairs = Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
Scorer = Callable[[list[tuple[tuple[int, ...], tuple[int, ...]]]], Sequence[float]]


def find_moves(beads: Pairs, bead_score: Sequence[float], src: Csr, tgt: Csr, src_lengths: Sequence[float],
               tgt_lengths: Sequence[float], score: Scorer,
               shared_number: Callable[[int, int], bool] = lambda i, j: False) -> tuple[Move, ...]:
    """Pairs of segments out of place that translate each other, each segment in one at most.

    A pair stands when each side is the other's nearest segment in the whole other document, it stands out
    from their other neighbours by `MARGIN` (less where `shared_number(i, j)` says they share one), the lengths
    agree, it crosses a link of the alignment, and `score` (the calibrated score of one-to-one pairs on the
    alignment's scale) is high.
    """
    sure = sum(len(s) for (s, t), value in zip(beads, bead_score) if s and t and value >= MOVED_SCORE)
    if sure < HOLDING * src.shape[0]:
        return ()
    src_place, tgt_place = _out_of_place(beads, bead_score, src_lengths, tgt_lengths)
    if not src_place or not tgt_place or max(len(src_place), len(tgt_place)) > MAX_CANDIDATES \
            or len(src_place) * tgt.shape[0] + len(tgt_place) * src.shape[0] > MAX_CELLS:
        return ()
    sources, targets = sorted(src_place), sorted(tgt_place)
    from_src = _cosines(sources, src, tgt)          # candidate sources x every target
    from_tgt = _cosines(targets, tgt, src)          # candidate targets x every source
    best_tgt, best_src = from_src.argmax(axis=1), from_tgt.argmax(axis=1)
    near_src = _nearest_mean(from_src)
    near_tgt = _nearest_mean(from_tgt)
    row_of_target = {j: r for r, j in enumerate(targets)}
    ratio = float(np.sum(tgt_lengths)) / max(1.0, float(np.sum(src_lengths)))
    found = []
    for r, i in enumerate(sources):
        j = int(best_tgt[r])
        c = row_of_target.get(j)
        if c is None or int(best_src[c]) != i:
            continue          # not each other's nearest, or the target is in a pair that holds
        cos = float(from_src[r, j])
        expected = src_lengths[i] * ratio
        if not expected / LENGTH_FACTOR <= tgt_lengths[j] <= expected * LENGTH_FACTOR:
            continue
        needed = MARGIN_WITH_NUMBER if shared_number(i, j) else MARGIN
        if cos <= 0 or cos < needed * (near_src[r] + near_tgt[c]) / 2:
            continue
        if src_place[i][0] == tgt_place[j][0] or not _crosses(beads, i, j):
            continue
        found.append((i, j))
    if not found:
        return ()
    scores = score([((i,), (j,)) for i, j in found])
    return tuple(Move(i, j, float(value)) for (i, j), value in zip(found, scores)
                 if value >= MOVED_SCORE and value >= max(src_place[i][1], tgt_place[j][1]) + BETTER_BY)


def _out_of_place(beads: Pairs, bead_score: Sequence[float], src_lengths: Sequence[float],
                  tgt_lengths: Sequence[float]) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Per side, segment -> (its bead, the bead's score) for the segments with no counterpart or a weak one."""
    src_place: dict[int, tuple[int, float]] = {}
    tgt_place: dict[int, tuple[int, float]] = {}
    for k, ((s, t), value) in enumerate(zip(beads, bead_score)):
        value = float(value) if s and t else 0.0
        # a sentence moved next to another is often taken into its pair: the segments of a side of two or more
        # may be out of place whatever the pair scores
        if value < OUT_OF_PLACE or len(s) > 1:
            src_place.update((i, (k, value if len(s) == 1 else 0.0)) for i in s if src_lengths[i] >= MIN_LENGTH)
        if value < OUT_OF_PLACE or len(t) > 1:
            tgt_place.update((j, (k, value if len(t) == 1 else 0.0)) for j in t if tgt_lengths[j] >= MIN_LENGTH)
    return src_place, tgt_place


def _cosines(rows: Sequence[int], mine: Csr, theirs: Csr) -> np.ndarray:
    """Cosine of each of `rows` of `mine` with every row of `theirs`, densely."""
    pick = Csr.from_entries(np.ones(len(rows)), np.arange(len(rows), dtype=np.int64),
                            np.asarray(rows, dtype=np.int64), (len(rows), mine.shape[0]))
    chosen = pick @ mine
    dots = (chosen @ theirs.T).toarray().astype(np.float64)
    norms_a = np.sqrt(chosen.row_dots(chosen))
    norms_b = np.sqrt(theirs.row_dots(theirs))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = dots / np.outer(norms_a, norms_b)
    return np.nan_to_num(out, nan=0.0, posinf=0.0, neginf=0.0)


def _nearest_mean(cosines: np.ndarray) -> np.ndarray:
    """Per row, the mean of its `NEIGHBOURS` largest cosines."""
    k = min(NEIGHBOURS, cosines.shape[1])
    top = np.partition(cosines, cosines.shape[1] - k, axis=1)[:, -k:]
    return top.mean(axis=1)


def _crosses(beads: Pairs, i: int, j: int) -> bool:
    """Pairing source `i` with target `j` crosses a link of the alignment between two other segments: the
    pair is out of order, not a boundary the search drew one segment off."""
    return any((i2 - i) * (j2 - j) < 0 for s, t in beads if s and t for i2 in s if i2 != i for j2 in t if j2 != j)
