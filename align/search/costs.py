"""Bead costs for the search: lexical similarity of the two sides, a Gale-Church length term, bead size.

Costs are built row by row inside the band, vectorised over columns, from dot products of single
segments: the dot product of two multi-segment sides is the sum of their pairwise dot products, so
no bead's vector is ever built.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Sequence

import numpy as np

from align.search.csr import Csr
from align.search.dp import Band, CostRows, SkipCosts
from align.search.kernel import csr_arrays, in_parallel, kernel, row_splits
from align.search.vectors import band_dots, dot_block, neighbour_dots

MOVES: tuple[tuple[int, int], ...] = tuple(
    (a, b) for a in range(1, 6) for b in range(1, 6) if a + b <= 7)
"""Bead shapes with both sides: 1-1 up to 1-5, 5-1, 2-5, 5-2, 3-4 and 4-3."""

COARSE_MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1))
"""Shapes for blocks of segments: a path of small steps keeps the finer level's band narrow."""

FIRST_PASS_MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
"""The common shapes only: enough for the first pass, whose beads only teach the lexicon and guide the second."""


@dataclass(frozen=True)
class CostModel:
    """Weights of the cost terms, fitted over the whole development suite by `benchmarks/fit.py` (not per
    document): similarity, dilution, typical_best, cut_anchor and full_segment from its searches of 2026-12;
    the rest as tuned before."""

    similarity: float = 0.665
    typical_best: float = 6.0      # similarity z-score of a typical segment's best match
    max_z: float = 12.0          # similarity z above this grows only logarithmically
    length: float = 1.0
    size: float = 1.5
    size_unbalanced: float = 0.5
    dilution: float = 0.375            # per unit of similarity z lost by keeping the weakest end segment in a bead
    unrelated_in_bead: float = 1.5   # per link, meta, boilerplate or debris line paired with other kinds
    marked_in_bead: float = 4.5      # more per line the segmenter marked as link, meta or boilerplate
    heading_with_sentence: float = 8.0  # per heading paired with sentences
    heading_length: float = 0.5      # the length cost of a heading paired with a heading, times this
    max_length_cost: float = 8.0     # a cut sentence must not be pushed out of its pair by length alone
    full_segment: float = 30.0       # characters from which a segment counts fully in the bead-size cost (fit.py)
    skip_open: float = 7.0
    orphan: float = 4.0
    orphan_z: float = 1.0
    orphan_length: float = 120.0
    skip_extend: float = 2.0
    skip_unrelated_kind: float = 0.25
    skip_heading: float = 0.5        # headlines and headings are often left untranslated
    length_variance: float = 6.8
    cut_parenthesis: float = 12.0    # a bead boundary between a segment that opens a parenthesis and the one closing it
    cut_clause: float = 1.5          # a bead boundary after `;` or before a lower-case word: inside a sentence
    cut_anchor: float = 10.64          # per name or number a bead boundary separates from its translation
    max_cut_anchors: float = 2.0


SAME_LANGUAGE = replace(CostModel(), similarity=2.0, skip_open=3.5)   # chosen by benchmarks/postedit.py
"""The weights for two texts in one language (a machine translation and its post-edit, two versions of a
text), used in place of the default ones: shared words say far more there than across languages, so their
similarity weighs three times as much, and a sentence the other text lacks is left alone at half the cost
rather than paired with a stranger. `benchmarks/postedit.py`: strict F1 0.913 -> 0.972."""


@dataclass(frozen=True)
class SegmentKinds:
    """Per segment, 1.0 where it is a link, meta, boilerplate or debris line (`unrelated`), where the
    segmenter marked it as link, meta or boilerplate (`marked`, surer than debris found by letter counts),
    or a heading; and where a bead boundary after the segment would cut a sentence: inside a parenthesis that
    a following segment closes (`open_after`), or between clauses (`clause_after`)."""

    unrelated: np.ndarray
    heading: np.ndarray
    marked: np.ndarray
    open_after: np.ndarray
    clause_after: np.ndarray

    @staticmethod
    def none(n: int) -> "SegmentKinds":
        return SegmentKinds(np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n))


@dataclass(frozen=True)
class SideStats:
    """One side's vectors with what bead costs need: lengths and norms of runs of consecutive segments."""

    matrix: Csr
    lengths: np.ndarray          # characters per segment
    run_norm2: np.ndarray        # run_norm2[k, i]: squared norm of the sum of segments i-k .. i-1
    run_length: np.ndarray       # run_length[k, i]: characters in segments i-k .. i-1

    @staticmethod
    def build(matrix: Csr, lengths: np.ndarray, max_run: int) -> "SideStats":
        n = matrix.shape[0]
        near = neighbour_dots(matrix, max_run - 1)
        run_norm2 = np.full((max_run + 1, n + 1), np.nan)
        run_length = np.zeros((max_run + 1, n + 1))
        run_norm2[0] = 0.0
        for k in range(1, max_run + 1):
            # sum of segments end-k .. end-1 for every end; invalid (nan) where end < k
            total = np.zeros(n + 1)
            total_len = np.zeros(n + 1)
            ends = np.arange(k, n + 1)
            for p in range(k):
                first = ends - k + p
                total[ends] += near[0][first]
                total_len[ends] += lengths[first]
                for q in range(p + 1, k):
                    total[ends] += 2.0 * near[q - p][first]
            run_norm2[k, k:] = total[k:]
            run_length[k, k:] = total_len[k:]
        return SideStats(matrix, lengths.astype(np.float64), run_norm2, run_length)


def log_erfc(x: np.ndarray) -> np.ndarray:
    """log(erfc(x)) for x >= 0, accurate far into the tail (Abramowitz & Stegun 7.1.26 form)."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    return np.log(t) - x * x + poly


RATIO_POWER = 1.5
"""Beyond the ratios of two alphabetic scripts, the variance grows as the ratio to this power: 1.5 measures both
sides in units of the geometric mean of their characters, so Chinese against English (4 English characters to
a Chinese one) is judged as two Latin-script texts are."""

SAME_SCRIPT_RATIO = 1.5
"""Length ratios up to this (or down to its inverse) are what translation does between alphabetic scripts
(English-French 1.1, an abridged version 0.76): the characters are compared as they are."""


def variance_factor(ratio: float) -> float:
    """How much more a target character varies than a source character, from the pair's length ratio.

    >>> variance_factor(1.1), round(variance_factor(4.0), 2), round(variance_factor(0.25), 2)
    (1.0, 4.35, 0.23)
    """
    log_ratio = float(np.log(ratio)) if ratio > 0 else 0.0
    excess = max(0.0, abs(log_ratio) - float(np.log(SAME_SCRIPT_RATIO)))
    return float(np.exp(RATIO_POWER * np.copysign(excess, log_ratio)))


def length_delta(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float, variance: float = 6.8) -> np.ndarray:
    """Gale-Church delta: how many standard deviations the target is longer (+) or shorter (-) than expected."""
    mean = (src_len + tgt_len / ratio) / 2.0
    return (tgt_len - src_len * ratio) / np.sqrt(variance * variance_factor(ratio) * np.maximum(mean, 1.0))


def length_cost(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    """Gale-Church: -log P(|delta| this large) for the character lengths of a bead's two sides."""
    delta = length_delta(src_len, tgt_len, ratio, variance)
    return -log_erfc(np.abs(delta) / np.sqrt(2.0))


def character_weights(ratio: float) -> tuple[float, float]:
    """What one character of each side weighs in the bead-size and orphan terms, which count a segment's
    substance by its length: 1 and 1 between alphabetic scripts; beyond their ratios, the denser side's
    character counts as much more as the ratio exceeds them (a Chinese character against English about 2.7),
    so that a Chinese sentence of 25 characters is a sentence, not a fragment.

    >>> [tuple(round(w, 2) for w in character_weights(r)) for r in (1.1, 4.0, 0.3)]
    [(1.0, 1.0), (2.67, 1.0), (1.0, 2.22)]
    """
    if ratio > SAME_SCRIPT_RATIO:
        return ratio / SAME_SCRIPT_RATIO, 1.0
    if 0 < ratio < 1.0 / SAME_SCRIPT_RATIO:
        return 1.0, 1.0 / (ratio * SAME_SCRIPT_RATIO)
    return 1.0, 1.0


def make_cost_rows(src: SideStats, tgt: SideStats, band: Band, ratio: float, model: CostModel,
                   moves: Sequence[tuple[int, int]] = MOVES, src_kinds: "SegmentKinds | None" = None,
                   tgt_kinds: "SegmentKinds | None" = None, crossings: Csr | None = None) -> CostRows:
    """The cost function the search calls for a block of rows; all terms share one set of dot products.

    `crossings[i, j]` counts the names and numbers a bead boundary at cell (i, j) would separate.
    """
    n, m = src.matrix.shape[0], tgt.matrix.shape[0]
    max_a = max(a for a, _ in moves)
    max_b = max(b for _, b in moves)
    mu, sd = similarity_scale(src, tgt, band, model.typical_best)
    unbalanced = np.array([model.size_unbalanced * abs(a - b) for a, b in moves])
    # Each segment beyond the first on a side costs `size`; in a one-to-many bead, scaled down for short
    # fragments, which attach to a neighbouring sentence far more often than full sentences do.
    substance_src = np.concatenate(([0.0], np.cumsum(np.minimum(1.0, src.lengths / model.full_segment))))
    substance_tgt = np.concatenate(([0.0], np.cumsum(np.minimum(1.0, tgt.lengths / model.full_segment))))
    weights = character_weights(ratio)
    if weights != (1.0, 1.0):   # the orphan term reads `lengths`
        src, tgt = replace(src, lengths=src.lengths * weights[0]), replace(tgt, lengths=tgt.lengths * weights[1])
    # links, meta, boilerplate, debris and headings: cumulative counts, to count them in any run of segments
    src_kinds = src_kinds or SegmentKinds.none(n)
    tgt_kinds = tgt_kinds or SegmentKinds.none(m)
    unrelated_src, heading_src, marked_src = (np.concatenate(([0.0], np.cumsum(x)))
                                              for x in (src_kinds.unrelated, src_kinds.heading, src_kinds.marked))
    unrelated_tgt, heading_tgt, marked_tgt = (np.concatenate(([0.0], np.cumsum(x)))
                                              for x in (tgt_kinds.unrelated, tgt_kinds.heading, tgt_kinds.marked))

    # per boundary (after 0..n segments): whether a bead boundary there cuts a parenthesis or a sentence
    src_paren, tgt_paren = (np.concatenate(([0.0], k.open_after)) for k in (src_kinds, tgt_kinds))
    src_clause, tgt_clause = (np.concatenate(([0.0], k.clause_after)) for k in (src_kinds, tgt_kinds))

    compiled = _compiled_costs(src, tgt, band, ratio, model, moves, mu, sd, unbalanced, substance_src, substance_tgt,
                               (unrelated_src, unrelated_tgt, marked_src, marked_tgt, heading_src, heading_tgt),
                               (src_paren, tgt_paren, src_clause, tgt_clause))

    def cost_rows(i0: int, i1: int, width: int) -> np.ndarray:
        # one extra row before the block: a bead without its last source segment ends there
        e0 = max(0, i0 - 1)
        rows = np.arange(e0, i1)
        cols = np.arange(width)
        j = band.lo[rows][:, None] + cols[None, :]
        # Dot products of the source segments these beads can hold with the target columns they can reach.
        r0, c0 = max(0, e0 - max_a), max(0, int(band.lo[e0]) - max_b)
        c1 = max(c0, min(m, int(band.lo[i1 - 1]) + width))
        span = c1 - c0
        anchor_cells = (crossings.cells(np.broadcast_to(rows[:, None], j.shape), np.clip(j, 0, m))
                        if crossings is not None and model.cut_anchor else None)
        if compiled is not None:
            return compiled(i0, i1, width, r0, c0, c1, anchor_cells)
        prefix = np.zeros((i1 - r0, c1 - c0 + 1))
        if i1 > r0 and c1 > c0 and n:
            np.cumsum(dot_block(src.matrix.rows(r0, min(i1, n)), tgt.matrix, c0, c1), axis=1,
                      out=prefix[:min(i1, n) - r0, 1:])
        # block_dot[(a, b)] built up over a: add source segment i-a's dots with targets j-b .. j-1.
        acc = {b: np.zeros(j.shape) for b in range(1, max_b + 1)}
        by_a: dict[int, dict[int, np.ndarray]] = {}
        for a in range(1, max_a + 1):
            r = rows - a
            r_ok = r >= 0
            rc = np.maximum(r, r0) - r0
            base = j - c0
            hi = prefix[rc[:, None], np.clip(base, 0, span)]
            for b in range(1, max_b + 1):
                lo_val = prefix[rc[:, None], np.clip(base - b, 0, span)]
                acc[b] = acc[b] + np.where(r_ok[:, None], hi - lo_val, 0.0)
            by_a[a] = {b: acc[b].copy() for b in acc}
            by_a[a][0] = np.zeros(j.shape)
        by_a[0] = {b: np.zeros(j.shape) for b in range(max_b + 1)}
        jc = np.clip(j, 0, m)
        orphans = _orphan_evidence(by_a, moves, rows, jc, src, tgt, mu, sd, model.orphan_z, model.orphan_length)
        cosines = {}
        for a, b in moves:
            with np.errstate(invalid="ignore", divide="ignore"):
                cos = by_a[a][b] / np.sqrt(src.run_norm2[a, rows][:, None] * tgt.run_norm2[b, jc])
            cosines[a, b] = np.nan_to_num(cos, nan=0.0)
        skip = i0 - e0  # rows of the extra leading row to drop from the output
        # each side's cut parenthesis counts; a sentence cut on one side or on both counts once
        cut = (model.cut_parenthesis * (src_paren[rows][:, None] + tgt_paren[jc])
               + model.cut_clause * np.maximum(src_clause[rows][:, None], tgt_clause[jc]))
        if anchor_cells is not None:
            cut = cut + model.cut_anchor * np.minimum(anchor_cells, model.max_cut_anchors)
        step = np.concatenate(([0], np.diff(band.lo[rows])))  # lo[i] - lo[i-1] per row
        out = np.full((len(moves), i1 - i0, width), np.inf)
        for k, (a, b) in enumerate(moves):
            valid = (rows - a >= 0)[:, None] & (j - b >= 0) & (j <= m)
            cos = cosines[a, b]
            # concave, not capped: adding an unrelated segment to a strong pair must still cost something
            z = np.maximum((cos - mu) / sd, -2.0)
            z = np.where(z > model.max_z, model.max_z + np.log1p(np.maximum(z - model.max_z, 0.0)) * model.max_z ** 0.5, z)
            len_term = np.minimum(length_cost(src.run_length[a, rows][:, None], tgt.run_length[b, jc], ratio,
                                              model.length_variance), model.max_length_cost)
            extra_src = np.maximum(substance_src[rows] - substance_src[np.maximum(rows - a, 0)] - 1.0, 0.0)
            extra_tgt = np.maximum(substance_tgt[jc] - substance_tgt[np.maximum(jc - b, 0)] - 1.0, 0.0)
            if a > 1 and b > 1:  # a fragment attaches to one sentence; many-to-many beads pay in full
                extra_src, extra_tgt = np.full(len(rows), a - 1.0), np.full(jc.shape, b - 1.0)
            titles = ((heading_src[rows] - heading_src[np.maximum(rows - a, 0)])[:, None] == a) & (
                (heading_tgt[jc] - heading_tgt[np.maximum(jc - b, 0)]) == b)   # a bead of headings only
            if model.heading_length != 1.0:   # headings are rewritten freely
                len_term = np.where(titles, len_term * model.heading_length, len_term)
            size_pen = model.size * (extra_src[:, None] + extra_tgt) + unbalanced[k]
            cost = size_pen + model.length * len_term - model.similarity * z
            if (a, b) in orphans:
                cost = cost + model.orphan * orphans[a, b]
            if a > 1 or b > 1:
                without = _best_without_an_end(cosines, a, b, step, width)
                cost = cost + np.where(titles, 0.0, model.dilution * np.maximum(without - cos, 0.0) / sd)
            # a link or debris line, or a heading, paired with ordinary sentences (not with its own kind); a bead
            # of headings only (a title in two lines against one: `CHAPITRE II .` `LA MARE AUX LARMES .`) mixes none
            for weight, cum_src, cum_tgt, exempt in ((model.unrelated_in_bead, unrelated_src, unrelated_tgt, None),
                                                     (model.marked_in_bead, marked_src, marked_tgt, None),
                                                     (model.heading_with_sentence, heading_src, heading_tgt, titles)):
                if weight:
                    odd = np.abs((cum_src[rows] - cum_src[np.maximum(rows - a, 0)])[:, None]
                                 - (cum_tgt[jc] - cum_tgt[np.maximum(jc - b, 0)]))
                    cost = cost + weight * (odd if exempt is None else np.where(exempt, 0.0, odd))
            out[k] = np.where(valid, cost + cut, np.inf)[skip:]
        return out

    return cost_rows


def _compiled_costs(src: SideStats, tgt: SideStats, band: Band, ratio: float, model: CostModel,
                    moves: Sequence[tuple[int, int]], mu: float, sd: float, unbalanced: np.ndarray,
                    substance_src: np.ndarray, substance_tgt: np.ndarray, kinds: tuple[np.ndarray, ...],
                    cuts: tuple[np.ndarray, ...]):
    """The C kernel's version of `cost_rows` once its prefix sums are built, or None without the kernel."""
    lib = kernel()
    if lib is None or src.matrix.dtype != np.float32 or tgt.matrix.dtype != np.float32:
        return None          # the kernel reads single-precision feature values
    n, m = src.matrix.shape[0], tgt.matrix.shape[0]
    f64 = lambda x: np.ascontiguousarray(x, dtype=np.float64)  # noqa: E731
    i64 = lambda x: np.ascontiguousarray(x, dtype=np.int64)  # noqa: E731
    moves_a, moves_b = i64([a for a, _ in moves]), i64([b for _, b in moves])
    max_a, max_b = int(moves_a.max()), int(moves_b.max())
    lo = i64(band.lo)
    params = f64([mu, sd, model.similarity, model.max_z, model.max_z ** 0.5, model.length, model.size,
                  model.dilution, model.orphan, model.orphan_z, model.orphan_length, ratio,
                  model.length_variance * variance_factor(ratio), model.max_length_cost, model.cut_parenthesis,
                  model.cut_clause, model.cut_anchor, model.max_cut_anchors, model.unrelated_in_bead,
                  model.marked_in_bead, model.heading_with_sentence, model.heading_length])
    sides = [f64(x) for x in (src.run_norm2, src.run_length, tgt.run_norm2, tgt.run_length, src.lengths,
                              tgt.lengths, substance_src, substance_tgt, *kinds, *cuts)]
    unbalanced = f64(unbalanced)
    pointers = [x.ctypes.data for x in sides]

    rows_csr = csr_arrays(src.matrix)
    columns_csc = csr_arrays(tgt.matrix.T)   # per feature, the target segments that have it

    def cost_rows(i0: int, i1: int, width: int, r0: int, c0: int, c1: int,
                  anchor_cells: np.ndarray | None) -> np.ndarray:
        span = c1 - c0
        prefix = np.zeros((i1 - r0, span + 1))
        e0 = max(0, i0 - 1)
        anchors = f64(anchor_cells) if anchor_cells is not None else None

        def prefix_rows(a: int, b: int) -> int:
            acc = np.empty(max(span, 1))          # held here: C must not write into a freed array
            return lib.block_prefix(a, b, c0, c1, *(x.ctypes.data for x in rows_csr),
                                    *(x.ctypes.data for x in columns_csc), acc.ctypes.data,
                                    prefix.ctypes.data + (a - r0) * (span + 1) * 8)

        def cost_part(a: int, b: int) -> np.ndarray:
            out = np.empty((len(moves), b - a, width))
            scratch = np.empty(2 * (max_a + 1) * (max_b + 1) * width)
            orphans = np.empty(len(moves) * width)
            own = anchors[max(0, a - 1) - e0:] if anchors is not None else None
            status = lib.bead_costs(a, b, width, n, m, len(moves), moves_a.ctypes.data, moves_b.ctypes.data,
                                    lo.ctypes.data, prefix.ctypes.data, r0, c0, span, *pointers,
                                    own.ctypes.data if own is not None else None, params.ctypes.data,
                                    unbalanced.ctypes.data, scratch.ctypes.data, orphans.ctypes.data,
                                    out.ctypes.data)
            if status != 0:
                raise ValueError("bead shapes too large for the compiled kernel")
            return out

        cells = width * len(moves)
        if i1 > r0 and c1 > c0 and n:
            in_parallel([partial(prefix_rows, a, b) for a, b in row_splits(r0, min(i1, n), cells)])
        parts = in_parallel([partial(cost_part, a, b) for a, b in row_splits(i0, i1, cells)])
        return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)

    return cost_rows


def _best_without_an_end(cosines: dict[tuple[int, int], np.ndarray], a: int, b: int, step: np.ndarray,
                         width: int) -> np.ndarray:
    """Best cosine of the same bead with its first or last segment on one side left out.

    If leaving a segment out raises the similarity, that segment dilutes the bead: it does not belong.
    Rows are those of `cosines` (starting one row early); `step` is lo[i] - lo[i-1] per row.
    """
    best = np.full(cosines[a, b].shape, -np.inf)
    cols = np.arange(width)
    if b > 1:
        fewer = cosines[a, b - 1]
        best = np.maximum(best, fewer)                                 # without the first target segment
        shifted = np.full(fewer.shape, -np.inf)
        shifted[:, 1:] = fewer[:, :-1]
        best = np.maximum(best, shifted)                               # without the last target segment
    if a > 1:
        fewer = cosines[a - 1, b]
        best = np.maximum(best, fewer)                                 # without the first source segment
        previous = np.full(fewer.shape, -np.inf)                       # without the last: the row before
        index = cols[None, :] + step[1:, None]
        ok = index < width
        previous[1:] = np.where(ok, fewer[:-1][np.arange(len(step) - 1)[:, None], np.minimum(index, width - 1)],
                                -np.inf)
        best = np.maximum(best, previous)
    return best


def _orphan_evidence(by_a: dict[int, dict[int, np.ndarray]], moves: Sequence[tuple[int, int]], rows: np.ndarray,
                     jc: np.ndarray, src: "SideStats", tgt: "SideStats", mu: float, sd: float,
                     threshold: float, full_length: float) -> dict[tuple[int, int], np.ndarray]:
    """Per multi-segment move: how strongly its least related segment looks unrelated to the other side.

    A long segment that shares nothing with the other side (an inserted sentence) should not ride
    along in a bead; a short fragment with little to share is given the benefit of the doubt.
    A target segment's relation to the source block depends only on the block and its offset, so each
    is computed once and shared by every move that contains it (likewise for source segments).
    """
    max_a = max(a for a, _ in moves)
    max_b = max(b for _, b in moves)
    tgt_worst: dict[tuple[int, int], np.ndarray] = {}
    src_worst: dict[tuple[int, int], np.ndarray] = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for a in range(1, max_a + 1):
            n_src = src.run_norm2[a, rows][:, None]
            worst = np.zeros(jc.shape)
            for q in range(1, max_b + 1):
                seg = np.maximum(jc - q, 0)
                cos = np.nan_to_num((by_a[a][q] - by_a[a][q - 1]) / np.sqrt(tgt.run_norm2[1, seg + 1] * n_src), nan=0.0)
                weight = np.minimum(1.0, tgt.lengths[np.minimum(seg, len(tgt.lengths) - 1)] / full_length)
                worst = np.maximum(worst, weight * (threshold - (cos - mu) / sd))
                tgt_worst[a, q] = worst
        for b in range(1, max_b + 1):
            n_tgt = tgt.run_norm2[b, jc]
            worst = np.zeros(jc.shape)
            for p in range(1, max_a + 1):
                seg = np.maximum(rows - p, 0)
                cos = np.nan_to_num((by_a[p][b] - by_a[p - 1][b]) / np.sqrt(src.run_norm2[1, seg + 1][:, None] * n_tgt),
                                    nan=0.0)
                weight = np.minimum(1.0, src.lengths[seg] / full_length)[:, None]
                worst = np.maximum(worst, weight * (threshold - (cos - mu) / sd))
                src_worst[p, b] = worst
    out = {}
    for a, b in moves:
        if a > 1 and b > 1:
            out[a, b] = np.maximum(tgt_worst[a, b], src_worst[a, b])
        elif b > 1:
            out[a, b] = tgt_worst[a, b]
        elif a > 1:
            out[a, b] = src_worst[a, b]
    return out


def similarity_scale(src: SideStats, tgt: SideStats, band: Band, typical_best: float,
                     blocks: int = 16, block_rows: int = 128, min_columns: int = 512) -> tuple[float, float]:
    """Centre and scale that turn a cosine into a similarity z-score for this document, and its coverage:
    the share of segments that share any feature with a segment of the band (near 0 for Chinese against
    English before the lexicon: only numbers and Latin names are shared then).

    The centre is the median single-pair cosine in the band (what unrelated segments score here). The
    scale is set so that a segment's best match scores `typical_best` on the median row: how much more a
    translation shares than an unrelated pair depends on the language pair (English-French shares far
    more n-grams than German-French), and this keeps the weights of the other costs meaningful for every
    pair. Long documents are sampled in evenly spread blocks of rows.
    """
    n, m = src.matrix.shape[0], tgt.matrix.shape[0]
    if n == 0 or m == 0:
        return 0.0, 0.05
    if n <= blocks * block_rows:
        starts = [0]
        block_rows = n
    else:
        starts = [int(s) for s in np.linspace(0, n - block_rows, blocks)]
    values, best = [], []
    for start in starts:
        rows = np.arange(start, start + block_rows)
        lo = band.lo[np.minimum(rows + 1, n)]
        width = int(np.max(band.hi[np.minimum(rows + 1, n)] - lo)) + 1
        # the median of unrelated pairs needs more than a narrow band around the path: widen it
        wide = max(width, min(m, min_columns))
        lo = np.clip(lo - (wide - width) // 2, 0, max(0, m - wide))
        width = wide
        dots = band_dots(src.matrix.rows(start, start + block_rows), tgt.matrix, lo, width)
        cols = lo[:, None] + np.arange(width)[None, :]
        valid = cols < m
        denom = np.sqrt(src.run_norm2[1, rows + 1][:, None] * tgt.run_norm2[1, np.minimum(cols, m - 1) + 1])
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(valid & (denom > 0), dots / denom, np.nan)
        values.append(cos[np.isfinite(cos)])
        with np.errstate(invalid="ignore"):
            row_best = np.nanmax(np.where(np.isfinite(cos), cos, -np.inf), axis=1)
        best.append(row_best[np.isfinite(row_best)])
    all_values = np.concatenate(values)
    if all_values.size < 10:
        return 0.0, 0.05
    median = middle_value(all_values)
    all_best = np.concatenate(best)
    best_margin = middle_value(all_best - median) if all_best.size else 0.0
    return median, max(best_margin / typical_best, 0.005)


def middle_value(values: np.ndarray) -> float:
    """The median, as `np.median` gives it to the bit (the mean of the two middle values of an even count),
    without the 12 ms import of `numpy.ma` that `np.median` makes on its first call."""
    flat = np.asarray(values).ravel()
    if flat.size == 0 or np.isnan(flat).any():
        return float("nan")
    half = flat.size // 2
    if flat.size % 2:
        return float(np.partition(flat, half)[half])
    low, high = np.partition(flat, (half - 1, half))[half - 1:half + 1]
    return float((low + high) / 2.0)


def skip_costs(src_discount: np.ndarray, tgt_discount: np.ndarray, model: CostModel) -> SkipCosts:
    """Open/extend costs per segment, times each segment's discount: segments that often have no
    counterpart (links, meta, debris, headlines) are cheaper to leave unaligned."""
    def side(discount: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        discount = np.asarray(discount, dtype=np.float64)
        open_, extend = model.skip_open * discount, model.skip_extend * discount
        # a sentence after a skipped headline, link or debris line opens a run of its own: otherwise
        # dropping the first sentences after a headline would cost less than dropping any others
        costlier = np.concatenate(([False], (discount[1:] >= 1.0) & (discount[:-1] < 1.0)))
        return open_, np.where(costlier, open_, extend)
    so, se = side(src_discount)
    to, te = side(tgt_discount)
    return SkipCosts(so, se, to, te)
