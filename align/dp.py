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
"""cost_rows(i0, i1) -> array (len(moves), i1 - i0, width): cost of each move ending at row i, column lo[i]+w
(inf where the move does not fit: before row a, before column b, or past the last column)."""


@dataclass(frozen=True)
class SkipCosts:
    """Cost of leaving a segment unaligned: `open` starts a run of skips, `extend` continues it."""

    src_open: np.ndarray
    src_extend: np.ndarray
    tgt_open: np.ndarray
    tgt_extend: np.ndarray


def search(n: int, m: int, band: Band, moves: Sequence[tuple[int, int]], cost_rows: CostRows,
           skips: SkipCosts, chunk: int = 1024) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Best monotonic path from (0, 0) to (n, m) inside `band`, as (source indexes, target indexes) beads."""
    lo, width = band.lo, band.width
    if not (lo[0] == 0 and lo[n] <= m < lo[n] + width and np.all(np.diff(lo) >= 0)):
        raise ValueError("band must start at (0, 0), reach (n, m) and never move left")
    moves_a = np.array([a for a, _ in moves], dtype=np.int64)
    moves_b = np.array([b for _, b in moves], dtype=np.int64)
    max_a, max_b = int(moves_a.max(initial=1)), int(moves_b.max(initial=1))
    pad, slots = max_b, max_a + 1
    row_len = pad + 2 * width
    cols = np.arange(width)

    # Rolling buffer of the last max_a rows of D, padded with inf so a shifted read is a plain gather.
    d_rows = np.full(slots * row_len, INF)
    move_best = np.zeros((n + 1, width), dtype=np.int8)
    d_state = np.zeros((n + 1, width), dtype=np.int8)
    x_from = np.zeros((n + 1, width), dtype=np.int8)
    a_from = np.zeros((n + 1, width), dtype=np.int8)          # X rather than M ends the path before a Y run
    y_starts = np.zeros((n + 1, width), dtype=np.float64)     # run-start values; the trace takes their argmin
    tgt_ext_cum = np.concatenate(([0.0], np.cumsum(skips.tgt_extend, dtype=np.float64)))
    tgt_open = np.append(np.asarray(skips.tgt_open, dtype=np.float64), INF)  # sentinel for an empty target

    prev_m = prev_x = prev_y = np.full(width, INF)
    chunk_start, chunk_end = 0, 0
    for i in range(n + 1):
        if i >= chunk_end:
            chunk_start, chunk_end = i, min(n + 1, i + chunk)
            rows = np.arange(chunk_start, chunk_end)
            j_abs = lo[rows][:, None] + cols[None, :]
            in_doc = j_abs <= m
            k_abs = np.minimum(j_abs, m)
            start_off = np.where(j_abs < m, tgt_open[k_abs] - tgt_ext_cum[np.minimum(k_abs + 1, m)], INF)
            ext_at = np.where(in_doc, tgt_ext_cum[k_abs], INF)
            src_row = rows[:, None] - moves_a[None, :]
            shift = np.where(src_row >= 0, lo[rows][:, None] - lo[np.maximum(src_row, 0)] - moves_b, width)
            base = (src_row % slots) * row_len + pad + np.minimum(shift, width)
            gather = base[:, :, None] + cols[None, None, :]          # (rows, moves, width)
            costs = cost_rows(chunk_start, chunk_end)
        r = i - chunk_start
        # M: beads with both sides, from rows i-a.
        if i == 0:
            cur_m = np.where(cols == 0, 0.0, INF)
        else:
            cand = d_rows[gather[r]] + costs[:, r, :]
            best = cand.argmin(axis=0)
            cur_m = cand[best, cols]
            move_best[i] = best
        # X: the source segment i-1 left unaligned, from row i-1 at the same column.
        if i == 0:
            cur_x = np.full(width, INF)
        else:
            d = int(lo[i] - lo[i - 1])
            pm, py, px = (_shift(v, d, width) for v in (prev_m, prev_y, prev_x))
            opened = np.minimum(pm, py) + skips.src_open[i - 1]
            extended = px + skips.src_extend[i - 1]
            cur_x = np.minimum(opened, extended)
            x_from[i] = np.where(extended < opened, State.SKIP_SRC, np.where(py < pm, State.SKIP_TGT, State.BEAD))
        # Y: target segments k..j-1 left unaligned, from the same row: a running minimum over k.
        a_vals = np.minimum(cur_m, cur_x)
        a_from[i] = cur_x < cur_m
        starts = a_vals + start_off[r]
        y_starts[i] = starts
        cur_y = np.empty(width)
        cur_y[0] = INF
        np.add(ext_at[r, 1:], np.minimum.accumulate(starts)[:-1], out=cur_y[1:])
        cur_m = np.where(in_doc[r], cur_m, INF)
        y_wins = cur_y < a_vals
        d_state[i] = np.where(y_wins, State.SKIP_TGT, a_from[i])
        slot = (i % slots) * row_len
        d_rows[slot:slot + row_len] = INF
        d_rows[slot + pad:slot + pad + width] = np.where(y_wins, cur_y, a_vals)
        prev_m, prev_x, prev_y = cur_m, cur_x, cur_y

    if not np.isfinite(d_rows[(n % slots) * row_len + pad + m - lo[n]]):
        raise ValueError("no path inside the band")
    return _trace(n, m, lo, moves, move_best, d_state, x_from, a_from, y_starts)


def _shift(row: np.ndarray, d: int, width: int) -> np.ndarray:
    """Values of `row` (columns from lo[i-1]) seen from a row starting d columns further right."""
    if d == 0:
        return row
    out = np.full(width, INF)
    if d < width:
        out[:width - d] = row[d:]
    return out


def _trace(n: int, m: int, lo: np.ndarray, moves: Sequence[tuple[int, int]], move_best: np.ndarray,
           d_state: np.ndarray, x_from: np.ndarray, a_from: np.ndarray,
           y_starts: np.ndarray) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
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
            # the run started at the last column before w with the lowest start value
            k = w - 1 - int(np.argmin(y_starts[i, :w][::-1]))
            beads.extend(((), (t,)) for t in range(j - 1, lo[i] + k - 1, -1))
            state = int(a_from[i, k])
            j = lo[i] + k
    beads.reverse()
    return tuple(beads)
