"""The monotonic alignment search: a banded dynamic programme over bead costs. Knows no text.

Cells (i, j) sit between segments: i source and j target segments are aligned so far.
Row i holds columns j from lo[i]; rows are searched in chunks, each as wide as its widest row
(hi[i] - lo[i] + 1), so one long skip widens only its own chunk. Three states end a path at (i, j):

    M(i, j) = min over moves (a, b), a, b >= 1, of D(i-a, j-b) + cost_ab(i, j)   a bead with both sides
    X(i, j) = min(min(M, Y)(i-1, j) + src_open[i-1], X(i-1, j) + src_extend[i-1])    source skipped (1-0)
    Y(i, j) = min over k < j of min(M, X)(i, k) + tgt_open[k] + sum(tgt_extend[k+1:j])  target skipped (0-1)
    D(i, j) = min(M, X, Y)(i, j),  D(0, 0) = M(0, 0) = 0

Separate open and extend costs make a run of skipped lines (captions, credits, debris) cheaper than
the same number of isolated skips. Ties go to the first move in `moves`, then to M, X, Y in that order.
Each chunk's rows run in the C kernel (`kernel/dp_rows.c`) where it is built, else in numpy, row by row:
the same recurrence and tie rules, so the same path.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Callable, Sequence

import numpy as np

from align.search.kernel import kernel

INF = np.float64(np.inf)


class State(IntEnum):
    """Which kind of step ended the path at a cell."""

    BEAD = 0
    SKIP_SRC = 1
    SKIP_TGT = 2


@dataclass(frozen=True)
class Bead:
    """Source and target segment indexes (0-based, consecutive, either may be empty), a score in [0, 1]
    (do the two sides translate each other?) and `similarity`, the same from shared content alone, length
    left aside: a sentence cut in half keeps a high similarity, one replaced by another sentence does not."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0
    similarity: float = 0.0

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass(frozen=True)
class Band:
    """Row i may use columns lo[i] .. hi[i]; `lo` never decreases."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def width(self) -> int:
        """Columns of the widest row."""
        return int(np.max(self.hi - self.lo)) + 1

    def chunk_width(self, i0: int, i1: int) -> int:
        """Columns of the widest row among rows i0 .. i1-1."""
        return int(np.max(self.hi[i0:i1] - self.lo[i0:i1])) + 1

    @staticmethod
    def full(n: int, m: int) -> "Band":
        return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @staticmethod
    def of_width(lo: np.ndarray, width: int) -> "Band":
        return Band(np.asarray(lo, dtype=np.int64), np.asarray(lo, dtype=np.int64) + width - 1)


CostRows = Callable[[int, int, int], np.ndarray]
"""cost_rows(i0, i1, width) -> array (len(moves), i1 - i0, width): cost of each move ending at row i,
column lo[i]+w (inf where the move does not fit: before row a, before column b, or past the last column)."""


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
    lo = band.lo
    if not (lo[0] == 0 and lo[n] <= m <= band.hi[n] and np.all(np.diff(lo) >= 0) and np.all(band.hi >= lo)):
        raise ValueError("band must start at (0, 0), reach (n, m) and never move left")
    moves_a = np.array([a for a, _ in moves], dtype=np.int64)
    moves_b = np.array([b for _, b in moves], dtype=np.int64)
    max_a, max_b = int(moves_a.max(initial=1)), int(moves_b.max(initial=1))
    max_width = band.width
    pad, slots = max_b, max_a + 1
    row_len = pad + 2 * max_width

    # Rolling buffer of the last max_a rows of D, padded with inf so a shifted read is a plain gather.
    d_rows = np.full(slots * row_len, INF)
    trace = _Trace(lo, chunk)
    tgt_ext_cum = np.concatenate(([0.0], np.cumsum(skips.tgt_extend, dtype=np.float64)))
    tgt_open = np.append(np.asarray(skips.tgt_open, dtype=np.float64), INF)  # sentinel for an empty target

    lib = kernel()
    if lib is not None:
        _search_compiled(lib, n, m, band, moves_a, moves_b, cost_rows, skips, chunk, d_rows, trace,
                         tgt_open, tgt_ext_cum, pad, slots, row_len)
    else:
        _search_numpy(n, m, band, moves_a, moves_b, cost_rows, skips, chunk, d_rows, trace, tgt_open, tgt_ext_cum,
                      pad, slots, row_len)
    if not np.isfinite(d_rows[(n % slots) * row_len + pad + m - lo[n]]):
        raise ValueError("no path inside the band")
    return trace.path(n, m, moves)


def _search_numpy(n: int, m: int, band: Band, moves_a: np.ndarray, moves_b: np.ndarray, cost_rows: CostRows,
                  skips: SkipCosts, chunk: int, d_rows: np.ndarray, trace: "_Trace", tgt_open: np.ndarray,
                  tgt_ext_cum: np.ndarray, pad: int, slots: int, row_len: int) -> None:
    """The recurrence row by row in numpy, vectorised over each row's columns (no compiled kernel)."""
    lo, max_width = band.lo, band.width
    prev_m = prev_x = prev_y = np.full(1, INF)
    chunk_start, chunk_end = 0, 0
    for i in range(n + 1):
        if i >= chunk_end:
            chunk_start, chunk_end = i, min(n + 1, i + chunk)
            width = band.chunk_width(chunk_start, chunk_end)
            cols = np.arange(width)
            rows = np.arange(chunk_start, chunk_end)
            j_abs = lo[rows][:, None] + cols[None, :]
            in_doc = j_abs <= m
            k_abs = np.minimum(j_abs, m)
            start_off = np.where(j_abs < m, tgt_open[k_abs] - tgt_ext_cum[np.minimum(k_abs + 1, m)], INF)
            ext_at = np.where(in_doc, tgt_ext_cum[k_abs], INF)
            src_row = rows[:, None] - moves_a[None, :]
            shift = np.where(src_row >= 0, lo[rows][:, None] - lo[np.maximum(src_row, 0)] - moves_b, max_width)
            base = (src_row % slots) * row_len + pad + np.minimum(shift, max_width)
            gather = base[:, :, None] + cols[None, None, :]          # (rows, moves, width)
            costs = cost_rows(chunk_start, chunk_end, width)
            trace.open_chunk(chunk_end - chunk_start, width, numpy=True)
        r = i - chunk_start
        # M: beads with both sides, from rows i-a.
        if i == 0:
            cur_m = np.where(cols == 0, 0.0, INF)
        else:
            cand = d_rows[gather[r]] + costs[:, r, :]
            best = cand.argmin(axis=0)
            cur_m = cand[best, cols]
            trace.move_best[-1][r] = best
        # X: the source segment i-1 left unaligned, from row i-1 at the same column.
        if i == 0:
            cur_x = np.full(width, INF)
        else:
            d = int(lo[i] - lo[i - 1])
            if d == 0 and len(prev_m) == width:
                pm, py, px = prev_m, prev_y, prev_x
            else:
                pm, py, px = _shift(prev_m, d, width), _shift(prev_y, d, width), _shift(prev_x, d, width)
            from_y = py < pm
            opened = np.where(from_y, py, pm) + skips.src_open[i - 1]
            extended = px + skips.src_extend[i - 1]
            cur_x = np.minimum(opened, extended)
            trace.x_extends[-1][r] = extended < opened
            trace.x_from_y[-1][r] = from_y
        # Y: target segments k..j-1 left unaligned, from the same row: a running minimum over k.
        a_vals = np.minimum(cur_m, cur_x)
        a_from = cur_x < cur_m
        trace.a_from[-1][r] = a_from
        starts = a_vals + start_off[r]
        trace.y_starts[-1][r] = starts
        cur_y = np.empty(width)
        cur_y[0] = INF
        np.add(ext_at[r, 1:], np.minimum.accumulate(starts)[:-1], out=cur_y[1:])
        cur_m = np.where(in_doc[r], cur_m, INF)
        y_wins = cur_y < a_vals
        trace.y_wins[-1][r] = y_wins
        slot = (i % slots) * row_len
        d_rows[slot:slot + row_len] = INF
        d_rows[slot + pad:slot + pad + width] = np.where(y_wins, cur_y, a_vals)
        prev_m, prev_x, prev_y = cur_m, cur_x, cur_y


def _search_compiled(lib, n: int, m: int, band: Band, moves_a: np.ndarray, moves_b: np.ndarray,
                     cost_rows: CostRows, skips: SkipCosts, chunk: int, d_rows: np.ndarray, trace: "_Trace",
                     tgt_open: np.ndarray, tgt_ext_cum: np.ndarray, pad: int, slots: int, row_len: int) -> None:
    """The same recurrence, one chunk of rows per call of the C kernel."""
    lo = np.ascontiguousarray(band.lo, dtype=np.int64)
    max_width = band.width
    prev = [np.full(max_width, INF) for _ in range(3)]
    cur = [np.empty(max_width) for _ in range(3)]
    prev_width = np.ones(1, dtype=np.int64)
    src_open = np.ascontiguousarray(skips.src_open, dtype=np.float64)
    src_extend = np.ascontiguousarray(skips.src_extend, dtype=np.float64)
    for chunk_start in range(0, n + 1, chunk):
        chunk_end = min(n + 1, chunk_start + chunk)
        width = band.chunk_width(chunk_start, chunk_end)
        costs = np.ascontiguousarray(cost_rows(chunk_start, chunk_end, width), dtype=np.float64)
        out = trace.open_chunk(chunk_end - chunk_start, width)
        lib.dp_rows(chunk_start, chunk_end, width, m, len(moves_a), moves_a.ctypes.data, moves_b.ctypes.data,
                    lo.ctypes.data, costs.ctypes.data, d_rows.ctypes.data, slots, row_len, pad,
                    *(a.ctypes.data for a in prev), prev_width.ctypes.data, src_open.ctypes.data,
                    src_extend.ctypes.data, tgt_open.ctypes.data, tgt_ext_cum.ctypes.data,
                    *(a.ctypes.data for a in out), *(a.ctypes.data for a in cur))


class _Trace:
    """Back-pointers of the search, one block of rows per chunk (each as wide as that chunk)."""

    def __init__(self, lo: np.ndarray, chunk: int) -> None:
        self.lo, self.chunk = lo, chunk
        self.move_best: list[np.ndarray] = []
        self.y_wins: list[np.ndarray] = []        # Y (a target skip) ends the path at the cell
        self.a_from: list[np.ndarray] = []        # X rather than M ends the path (before a Y run, or at the cell)
        self.x_extends: list[np.ndarray] = []     # X continues a run of source skips
        self.x_from_y: list[np.ndarray] = []      # X opens after Y rather than M
        self.y_starts: list[np.ndarray] = []      # run-start values; the trace takes their argmin
        self.y_from: list[np.ndarray] = []        # or that argmin, where the C kernel searched

    def open_chunk(self, rows: int, width: int, numpy: bool = False) -> list[np.ndarray]:
        """Back-pointer arrays for the next chunk, in the order the C kernel takes them. The numpy search
        keeps the run-start values (the trace takes their argmin), the kernel the argmin itself."""
        stores = [(self.move_best, np.int8), (self.y_wins, np.bool_), (self.a_from, np.bool_),
                  (self.x_extends, np.bool_), (self.x_from_y, np.bool_)]
        stores.append((self.y_starts, np.float64) if numpy else (self.y_from, np.int32))
        out = []
        for store, dtype in stores:
            store.append(np.zeros((rows, width), dtype=dtype))
            out.append(store[-1])
        return out

    def _at(self, store: list[np.ndarray], i: int) -> np.ndarray:
        return store[i // self.chunk][i % self.chunk]

    def _d_state(self, i: int, w: int) -> State:
        """Which state D takes at row i, column lo[i] + w."""
        if self._at(self.y_wins, i)[w]:
            return State.SKIP_TGT
        return State.SKIP_SRC if self._at(self.a_from, i)[w] else State.BEAD

    def _x_from(self, i: int, w: int) -> State:
        """Which state the X step at row i, column lo[i] + w came from."""
        if self._at(self.x_extends, i)[w]:
            return State.SKIP_SRC
        return State.SKIP_TGT if self._at(self.x_from_y, i)[w] else State.BEAD

    def path(self, n: int, m: int, moves: Sequence[tuple[int, int]]
             ) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
        lo = self.lo
        beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        i, j = n, m
        state = self._d_state(i, j - lo[i])
        while i > 0 or j > 0:
            w = j - lo[i]
            if state == State.BEAD:
                a, b = moves[int(self._at(self.move_best, i)[w])]
                beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
                i, j = i - a, j - b
                state = self._d_state(i, j - lo[i])
            elif state == State.SKIP_SRC:
                beads.append(((i - 1,), ()))
                state = self._x_from(i, w)
                i -= 1
            else:
                # the run started at the last column before w with the lowest start value
                if self.y_from:
                    k = int(self._at(self.y_from, i)[w])
                else:
                    k = w - 1 - int(np.argmin(self._at(self.y_starts, i)[:w][::-1]))
                beads.extend(((), (t,)) for t in range(j - 1, lo[i] + k - 1, -1))
                state = State.SKIP_SRC if self._at(self.a_from, i)[k] else State.BEAD
                j = lo[i] + k
        beads.reverse()
        return tuple(beads)


def _shift(row: np.ndarray, d: int, width: int) -> np.ndarray:
    """Values of the previous row (columns from lo[i-1]) seen from a row `width` wide starting d columns on."""
    if d == 0 and len(row) == width:
        return row
    out = np.full(width, INF)
    take = row[d:d + width]
    out[:len(take)] = take
    return out


