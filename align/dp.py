"""The monotonic alignment search: a banded dynamic programme over bead costs. Knows no text.

Cells (i, j) sit between segments: i source and j target segments are aligned so far.
Row i only holds columns j in [lo[i], lo[i] + width). Three states end a path at (i, j):

    M(i, j) = min over moves (a, b), a, b >= 1, of D(i-a, j-b) + cost_ab(i, j)   a bead with both sides
    X(i, j) = min(min(M, Y)(i-1, j) + src_open[i-1], X(i-1, j) + src_extend[i-1])    source skipped (1-0)
    Y(i, j) = min over k < j of min(M, X)(i, k) + tgt_open[k] + sum(tgt_extend[k+1:j])  target skipped (0-1)
    D(i, j) = min(M, X, Y)(i, j),  D(0, 0) = M(0, 0) = 0

Separate open and extend costs make a run of skipped lines (captions, credits, debris) cheaper than
the same number of isolated skips. Ties go to the first move in `moves`, then to M, X, Y in that order.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Callable, Sequence

import numpy as np

INF = np.float64(np.inf)


class State(IntEnum):
    """Which kind of step ended the path at a cell."""

    BEAD = 0
    SKIP_SRC = 1
    SKIP_TGT = 2


@dataclass(frozen=True)
class Bead:
    """Source and target segment indexes (0-based, consecutive, either may be empty) and a score in [0, 1]."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass(frozen=True)
class Band:
    """Row i may use columns lo[i] .. lo[i] + width - 1; `lo` never decreases."""

    lo: np.ndarray
    width: int

    @staticmethod
    def full(n: int, m: int) -> "Band":
        return Band(np.zeros(n + 1, dtype=np.int64), m + 1)


CostRows = Callable[[int, int], np.ndarray]
"""cost_rows(i0, i1) -> array (len(moves), i1 - i0, width): cost of each move ending at row i, column lo[i]+w."""


@dataclass(frozen=True)
class SkipCosts:
    """Cost of leaving a segment unaligned: `open` starts a run of skips, `extend` continues it."""

    src_open: np.ndarray
    src_extend: np.ndarray
    tgt_open: np.ndarray
    tgt_extend: np.ndarray


def search(n: int, m: int, band: Band, moves: Sequence[tuple[int, int]], cost_rows: CostRows,
           skips: SkipCosts, chunk: int = 256) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Best monotonic path from (0, 0) to (n, m) inside `band`, as (source indexes, target indexes) beads."""
    lo, width = band.lo, band.width
    if not (lo[0] == 0 and lo[n] <= m < lo[n] + width and np.all(np.diff(lo) >= 0)):
        raise ValueError("band must start at (0, 0), reach (n, m) and never move left")
    moves_a = np.array([a for a, _ in moves], dtype=np.int64)
    moves_b = np.array([b for _, b in moves], dtype=np.int64)
    max_a, max_b = int(moves_a.max(initial=1)), int(moves_b.max(initial=1))
    pad = max_b
    row_len = pad + 2 * width
    cols = np.arange(width)

    # Rolling buffer of the last max_a rows of D, padded with inf so shifted reads are plain slices.
    d_rows = np.full((max_a + 1, row_len), INF)
    move_best = np.full((n + 1, width), -1, dtype=np.int8)
    d_state = np.zeros((n + 1, width), dtype=np.int8)
    x_from = np.zeros((n + 1, width), dtype=np.int8)
    y_start = np.zeros((n + 1, width), dtype=np.int64)
    y_from = np.zeros((n + 1, width), dtype=np.int8)
    tgt_ext_cum = np.concatenate(([0.0], np.cumsum(skips.tgt_extend, dtype=np.float64)))
    # a sentinel entry keeps the index arithmetic valid when the target is empty
    tgt_open = np.append(np.asarray(skips.tgt_open, dtype=np.float64), INF)

    prev_m = prev_x = prev_y = np.full(width, INF)
    costs = np.empty((len(moves), 0, width))
    chunk_start = 0
    for i in range(n + 1):
        j_abs = lo[i] + cols
        in_doc = j_abs <= m
        # M: beads with both sides, from rows i-a.
        if i == 0:
            cur_m = np.where(j_abs == 0, 0.0, INF)
            best_move = np.full(width, -1, dtype=np.int8)
        else:
            if i == 1 or i - chunk_start >= costs.shape[1]:
                chunk_start = i
                costs = cost_rows(i, min(n + 1, i + chunk))
            slots = (i - moves_a) % (max_a + 1)
            shift = np.where(i - moves_a >= 0, lo[i] - lo[np.maximum(i - moves_a, 0)] - moves_b, width)
            shift = np.minimum(shift, width)
            gathered = d_rows[slots[:, None], pad + shift[:, None] + cols[None, :]]
            cand = gathered + costs[:, i - chunk_start, :]
            best_move = np.argmin(cand, axis=0).astype(np.int8)
            cur_m = cand[best_move, cols]
            best_move = np.where(np.isfinite(cur_m), best_move, -1).astype(np.int8)
        # X: the source segment i-1 left unaligned, from row i-1 at the same column.
        if i == 0:
            cur_x = np.full(width, INF)
            from_x = np.zeros(width, dtype=np.int8)
        else:
            d = int(lo[i] - lo[i - 1])
            pm, py, px = (_shift(r, d, width) for r in (prev_m, prev_y, prev_x))
            opened = np.minimum(pm, py) + skips.src_open[i - 1]
            extended = px + skips.src_extend[i - 1]
            from_x = np.where(extended < opened, State.SKIP_SRC,
                              np.where(py < pm, State.SKIP_TGT, State.BEAD)).astype(np.int8)
            cur_x = np.minimum(opened, extended)
        # Y: target segments k..j-1 left unaligned, from the same row: a running minimum over k.
        a_vals = np.minimum(cur_m, cur_x)
        k_abs = np.minimum(j_abs, m)
        start_vals = np.where(in_doc & (j_abs < m),
                              a_vals + tgt_open[k_abs] - tgt_ext_cum[np.minimum(k_abs + 1, m)], INF)
        run_min = np.minimum.accumulate(start_vals)
        is_min = start_vals <= run_min
        argmin = np.maximum.accumulate(np.where(is_min, cols, 0))
        cur_y = np.full(width, INF)
        cur_y[1:] = tgt_ext_cum[k_abs[1:]] + run_min[:-1]
        cur_y = np.where(in_doc, cur_y, INF)
        start_col = np.zeros(width, dtype=np.int64)
        start_col[1:] = argmin[:-1]
        from_y = np.where(cur_x[start_col] < cur_m[start_col], State.SKIP_SRC, State.BEAD).astype(np.int8)

        cur_m = np.where(in_doc, cur_m, INF)
        stacked = np.stack((cur_m, cur_x, cur_y))
        state = np.argmin(stacked, axis=0).astype(np.int8)
        d_rows[i % (max_a + 1), :] = INF
        d_rows[i % (max_a + 1), pad:pad + width] = stacked[state, cols]
        move_best[i], d_state[i], x_from[i] = best_move, state, from_x
        y_start[i], y_from[i] = lo[i] + start_col, from_y
        prev_m, prev_x, prev_y = cur_m, cur_x, cur_y

    if not np.isfinite(d_rows[n % (max_a + 1), pad + m - lo[n]]):
        raise ValueError("no path inside the band")
    return _trace(n, m, lo, moves, move_best, d_state, x_from, y_start, y_from)


def _shift(row: np.ndarray, d: int, width: int) -> np.ndarray:
    """Values of `row` (columns from lo[i-1]) seen from a row starting d columns further right."""
    if d == 0:
        return row
    out = np.full(width, INF)
    if d < width:
        out[:width - d] = row[d:]
    return out


def _trace(n: int, m: int, lo: np.ndarray, moves: Sequence[tuple[int, int]], move_best: np.ndarray,
           d_state: np.ndarray, x_from: np.ndarray, y_start: np.ndarray,
           y_from: np.ndarray) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = n, m
    state = int(d_state[i, j - lo[i]])
    while i > 0 or j > 0:
        w = j - lo[i]
        if state == State.BEAD:
            a, b = moves[int(move_best[i, w])]
            beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
            i, j = i - a, j - b
            state = int(d_state[i, j - lo[i]])
        elif state == State.SKIP_SRC:
            beads.append(((i - 1,), ()))
            state = int(x_from[i, w])
            i -= 1
        else:
            k = int(y_start[i, w])
            beads.extend(((), (t,)) for t in range(j - 1, k - 1, -1))
            state = int(y_from[i, w])
            j = k
    beads.reverse()
    return tuple(beads)
