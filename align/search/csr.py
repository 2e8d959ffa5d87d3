"""Sparse matrices in compressed rows, with just what the aligner does with its feature vectors.

A segment's n-grams, numbers and marks are a sparse row; a bead's vector is the sum of its segments' rows.
Importing scipy.sparse costs 0.15 s a run (longer than aligning a news article), so the few operations the
aligner needs live here: products and the sorting of rows in C beside the search kernel, sums, slices,
transposes and stacking. Only a machine without the kernel (no C compiler) imports scipy, for its products.
Every matrix is canonical: each row's columns sorted and distinct.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.search.kernel import kernel


@dataclass(frozen=True, eq=False)
class Csr:
    """A rows x columns sparse matrix: row r holds columns indices[indptr[r]:indptr[r+1]] (sorted, distinct)
    with values data[...] (float32 or float64)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple[int, int]

    @property
    def nnz(self) -> int:
        return int(self.indptr[-1])

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @staticmethod
    def empty(rows: int, cols: int, dtype: type = np.float32) -> "Csr":
        return Csr(np.zeros(rows + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, dtype), (rows, cols))

    @staticmethod
    def identity(n: int, dtype: type = np.float32) -> "Csr":
        return Csr(np.arange(n + 1, dtype=np.int64), np.arange(n, dtype=np.int32), np.ones(n, dtype), (n, n))

    @staticmethod
    def from_entries(values: np.ndarray, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int],
                     dtype: type | None = None) -> "Csr":
        """The matrix with these (row, column, value) entries; values of a repeated cell are added in order."""
        values = np.asarray(values)
        dtype = dtype or values.dtype
        shape = (int(shape[0]), int(shape[1]))
        rows, cols = np.asarray(rows, np.int64).ravel(), np.asarray(cols, np.int64).ravel()
        if not len(rows):
            return Csr.empty(shape[0], shape[1], dtype)
        if rows.min() < 0 or cols.min() < 0 or rows.max() >= shape[0] or cols.max() >= shape[1]:
            raise ValueError(f"an entry lies outside a {shape[0]} x {shape[1]} matrix")   # C would write past it
        lib = kernel()
        if lib is not None:
            vals = np.ascontiguousarray(values, np.float64).ravel()
            order, mark, acc = np.empty(len(rows), np.int64), np.full(max(1, shape[1]), -1, np.int64), np.zeros(max(1, shape[1]))
            indptr, indices, data = np.empty(shape[0] + 1, np.int64), np.empty(len(rows), np.int32), np.empty(len(rows))
            written = lib.from_entries(len(rows), rows.ctypes.data, cols.ctypes.data, vals.ctypes.data, shape[0],
                                       order.ctypes.data, mark.ctypes.data, acc.ctypes.data, indptr.ctypes.data,
                                       indices.ctypes.data, data.ctypes.data)
            return Csr(indptr, indices[:written], data[:written].astype(dtype), shape)
        keys = rows * max(1, shape[1]) + cols
        if len(keys) > 1 and not np.all(keys[1:] > keys[:-1]):
            order = np.argsort(keys, kind="stable")     # fast on rows of sorted runs (timsort)
            keys = keys[order]
            first = np.concatenate(([True], keys[1:] != keys[:-1]))
            values = np.bincount(np.cumsum(first) - 1, weights=values.ravel()[order].astype(np.float64))
            keys = keys[first]
        rows, cols = np.divmod(keys, max(1, shape[1]))
        indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=shape[0])))).astype(np.int64)
        return Csr(indptr, cols.astype(np.int32), np.asarray(values).ravel().astype(dtype), shape)

    @staticmethod
    def from_rows(indices: np.ndarray, indptr: np.ndarray, n_cols: int, dtype: type = np.float32) -> "Csr":
        """Rows given as runs of column numbers, each occurrence counting 1 (repeats add up)."""
        indptr = np.asarray(indptr, np.int64)
        rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int64), np.diff(indptr))
        return Csr.from_entries(np.ones(len(rows), dtype), rows, np.asarray(indices, np.int64),
                                (len(indptr) - 1, n_cols), dtype)

    @staticmethod
    def from_dense(array: np.ndarray, dtype: type | None = None) -> "Csr":
        array = np.asarray(array)
        rows, cols = np.nonzero(array)
        return Csr.from_entries(array[rows, cols], rows, cols, array.shape, dtype or array.dtype)

    def row_ids(self) -> np.ndarray:
        """The row of every stored entry."""
        return np.repeat(np.arange(self.shape[0], dtype=np.int64), np.diff(self.indptr))

    def astype(self, dtype: type) -> "Csr":
        return self if self.dtype == dtype else Csr(self.indptr, self.indices, self.data.astype(dtype), self.shape)

    def with_data(self, data: np.ndarray) -> "Csr":
        """The same entries with other values (one per stored entry)."""
        return Csr(self.indptr, self.indices, np.asarray(data), self.shape)

    def binary(self) -> "Csr":
        """1 where this matrix has an entry."""
        return self.with_data(np.ones(self.nnz, self.dtype))

    def rows(self, start: int, stop: int) -> "Csr":
        """Rows start .. stop-1."""
        start, stop = max(0, min(start, self.shape[0])), max(0, min(stop, self.shape[0]))
        stop = max(start, stop)
        a, b = int(self.indptr[start]), int(self.indptr[stop])
        return Csr(self.indptr[start:stop + 1] - a, self.indices[a:b], self.data[a:b], (stop - start, self.shape[1]))

    def columns(self, start: int, stop: int) -> "Csr":
        """Columns start .. stop-1."""
        keep = (self.indices >= start) & (self.indices < stop)
        indptr = np.concatenate(([0], np.cumsum(keep)))[self.indptr]
        return Csr(indptr.astype(np.int64), (self.indices[keep] - start).astype(np.int32), self.data[keep],
                   (self.shape[0], max(0, stop - start)))

    @property
    def T(self) -> "Csr":
        """The transpose (columns become rows, each in the original row order)."""
        lib = kernel()
        if not self.nnz:
            return Csr.empty(self.shape[1], self.shape[0], self.dtype)
        if lib is None:       # each column's entries in row order: a stable sort by column
            order = _stable_order(self.indices)
            counts = np.bincount(self.indices, minlength=self.shape[1])
            indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
            return Csr(indptr, self.row_ids()[order].astype(np.int32), self.data[order], (self.shape[1], self.shape[0]))
        data = _stored(self.data)
        indptr, indices = np.ascontiguousarray(self.indptr, np.int64), np.ascontiguousarray(self.indices, np.int32)
        out_ptr = np.empty(self.shape[1] + 1, np.int64)
        out_idx, out_val = np.empty(self.nnz, np.int32), np.empty(self.nnz, data.dtype)
        lib.transpose(self.shape[0], self.shape[1], int(data.dtype == np.float32), indptr.ctypes.data,
                      indices.ctypes.data, data.ctypes.data, out_ptr.ctypes.data, out_idx.ctypes.data,
                      out_val.ctypes.data)
        return Csr(out_ptr, out_idx, out_val.astype(self.dtype, copy=False), (self.shape[1], self.shape[0]))

    def __matmul__(self, other: "Csr | np.ndarray") -> "Csr | np.ndarray":
        if isinstance(other, Csr):
            return product(self, other)
        other = np.asarray(other)
        if other.ndim == 1:
            return np.bincount(self.row_ids(), weights=self.data * other[self.indices], minlength=self.shape[0])
        return NotImplemented

    def __add__(self, other: "Csr") -> "Csr":
        # a cell is at most twice among the entries, and a sum of two is the same either way round
        return Csr.from_entries(np.concatenate((self.data.astype(np.float64), other.data.astype(np.float64))),
                                np.concatenate((self.row_ids(), other.row_ids())),
                                np.concatenate((self.indices, other.indices)), self.shape,
                                np.result_type(self.dtype, other.dtype))

    def scale_columns(self, factors: np.ndarray) -> "Csr":
        """Each column times its factor."""
        return self.with_data(self.data * np.asarray(factors)[self.indices])

    def keep_rows(self, keep: np.ndarray) -> "Csr":
        """The rows where `keep` is true, the others emptied (the shape stays)."""
        mask = np.asarray(keep, bool)[self.row_ids()]
        counts = np.concatenate(([0], np.cumsum(mask)))
        return Csr(counts[self.indptr].astype(np.int64), self.indices[mask], self.data[mask], self.shape)

    def sum_columns(self) -> np.ndarray:
        """Per column, the sum of its entries."""
        return np.bincount(self.indices, weights=self.data, minlength=self.shape[1])

    def sum_rows(self) -> np.ndarray:
        """Per row, the sum of its entries."""
        return np.bincount(self.row_ids(), weights=self.data, minlength=self.shape[0])

    def row_dots(self, other: "Csr") -> np.ndarray:
        """Per row r, the dot product of this matrix's row r with `other`'s (same shape)."""
        if other is self:
            return np.bincount(self.row_ids(), weights=self.data.astype(np.float64) ** 2, minlength=self.shape[0])
        width = max(1, self.shape[1])
        ra = self.row_ids()
        mine, theirs = ra * width + self.indices, other.row_ids() * width + other.indices   # both increasing
        at = np.minimum(np.searchsorted(mine, theirs), max(0, len(mine) - 1))
        shared = mine[at] == theirs if len(mine) else np.zeros(len(theirs), bool)
        products = self.data[at[shared]].astype(np.float64) * other.data[shared]
        return np.bincount(ra[at[shared]], weights=products, minlength=self.shape[0])

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape, dtype=self.dtype)
        out[self.row_ids(), self.indices] = self.data
        return out

    def __getitem__(self, cell: tuple[int, int]) -> float:
        """The value at one (row, column)."""
        return float(self.cells(np.array([cell[0]]), np.array([cell[1]]))[0])

    def cells(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The values at (rows[k], cols[k]) (0 where nothing is stored), any shape of index arrays."""
        rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
        if rows.size and (rows.min() < 0 or rows.max() >= self.shape[0]):
            raise ValueError(f"a row outside a matrix of {self.shape[0]} rows")     # C would read past it
        lib = kernel()
        if lib is not None:                 # a binary search in each row, no key per stored entry
            flat_rows, flat_cols = np.ascontiguousarray(rows.ravel()), np.ascontiguousarray(cols.ravel())
            data = np.ascontiguousarray(self.data, np.float64)
            values = np.empty(len(flat_rows))
            lib.sample_cells(len(flat_rows), np.ascontiguousarray(self.indptr, np.int64).ctypes.data,
                             np.ascontiguousarray(self.indices, np.int32).ctypes.data, data.ctypes.data,
                             flat_rows.ctypes.data, flat_cols.ctypes.data, values.ctypes.data)
            return values.astype(self.dtype).reshape(rows.shape)
        width = max(1, self.shape[1])
        stored = self.row_ids() * width + self.indices
        wanted = rows * width + cols
        at = np.searchsorted(stored, wanted)
        found = at < len(stored)
        found[found] = stored[at[found]] == wanted[found]
        out = np.zeros(wanted.shape, dtype=self.dtype)
        out[found] = self.data[at[found]]
        return out


def _stable_order(key: np.ndarray) -> np.ndarray:
    """The stable sorting order of non-negative integers: a radix sort over 16-bit digits, each a stable numpy
    sort of uint16 keys (linear time; a stable sort of int32 or int64 keys is a merge sort, 5-10x slower)."""
    order = None
    top = int(key.max()) if len(key) else 0
    shift = 0
    while shift == 0 or top >> shift:
        digit = (((key if order is None else key[order]) >> shift) & 0xFFFF).astype(np.uint16)
        step = np.argsort(digit, kind="stable")
        order = step if order is None else order[step]
        shift += 16
    return order


def product(a: Csr, b: Csr) -> Csr:
    """a @ b, summed in double precision in the order of the stored entries (C kernel or scipy, same sums)."""
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"cannot multiply a {a.shape[0]} x {a.shape[1]} matrix by a {b.shape[0]} x {b.shape[1]} one")
    dtype = np.result_type(a.dtype, b.dtype)
    n, m = a.shape[0], b.shape[1]
    if not a.nnz or not b.nnz:
        return Csr.empty(n, m, dtype)
    lib = kernel()
    a_idx, b_idx = np.ascontiguousarray(a.indices, np.int32), np.ascontiguousarray(b.indices, np.int32)
    a_ptr, b_ptr = np.ascontiguousarray(a.indptr, np.int64), np.ascontiguousarray(b.indptr, np.int64)
    if lib is not None:
        mark = np.full(max(1, m), -1, np.int64)
        counts = np.empty(n, np.int64)
        total = lib.product_sizes(n, a_ptr.ctypes.data, a_idx.ctypes.data, b_ptr.ctypes.data, b_idx.ctypes.data,
                                  mark.ctypes.data, counts.ctypes.data)
        a_val, b_val = _stored(a.data), _stored(b.data)     # float32 stays float32: read as it is in C
        out_type = np.float32 if dtype == np.float32 else np.float64
        single = (a_val.dtype == np.float32) | (b_val.dtype == np.float32) << 1 | (out_type == np.float32) << 2
        acc = np.zeros(max(1, m))
        out_ptr = np.empty(n + 1, np.int64)
        out_idx, out_val = np.empty(max(1, total), np.int32), np.empty(max(1, total), out_type)
        written = lib.product(n, int(single), a_ptr.ctypes.data, a_idx.ctypes.data, a_val.ctypes.data,
                              b_ptr.ctypes.data, b_idx.ctypes.data, b_val.ctypes.data, mark.ctypes.data,
                              acc.ctypes.data, out_ptr.ctypes.data, out_idx.ctypes.data, out_val.ctypes.data)
        if written < total:                              # exact zeros left out: do not keep the unused room
            out_idx, out_val = out_idx[:written].copy(), out_val[:written].copy()
        return Csr(out_ptr, out_idx[:written], out_val[:written].astype(dtype, copy=False), (n, m))
    return _scipy_product(a, b, dtype)


def _scipy_product(a: Csr, b: Csr, dtype: np.dtype) -> Csr:
    """`product` without the C kernel: scipy's sparse product in double precision, which adds the terms in the
    kernel's order (row by row, A's entries in order), so the sums are the same. Imported only here: its import
    costs 0.15 s, which a machine with the kernel never pays."""
    from scipy import sparse
    left = sparse.csr_matrix((a.data.astype(np.float64), a.indices, a.indptr), shape=a.shape)
    right = sparse.csr_matrix((b.data.astype(np.float64), b.indices, b.indptr), shape=b.shape)
    out = (left @ right).tocsr()
    out.sort_indices()
    return Csr(out.indptr.astype(np.int64), out.indices.astype(np.int32), out.data.astype(dtype), out.shape)


def _stored(values: np.ndarray) -> np.ndarray:
    """Values as the C kernel reads them: float32 or float64, contiguous."""
    return np.ascontiguousarray(values, np.float32 if values.dtype == np.float32 else np.float64)


def hstack(blocks: Sequence[Csr], dtype: type = np.float32) -> Csr:
    """The blocks side by side (same number of rows): each row holds the first block's entries, then the next's."""
    offsets = np.cumsum([0] + [b.shape[1] for b in blocks])
    lib = kernel()
    if lib is not None and dtype == np.float32:
        return _rows_joined(lib, blocks, offsets[:-1], int(offsets[-1]))
    counts = [np.diff(b.indptr) for b in blocks]
    indptr = np.concatenate(([0], np.cumsum(sum(counts)))).astype(np.int64)
    nnz = int(indptr[-1])
    indices, data = np.empty(nnz, np.int32), np.empty(nnz, dtype)
    before = np.zeros(blocks[0].shape[0], np.int64)          # entries of earlier blocks in each row
    for block, count, offset in zip(blocks, counts, offsets):
        rows = block.row_ids()
        places = indptr[rows] + before[rows] + (np.arange(block.nnz) - block.indptr[rows])
        indices[places] = block.indices + offset
        data[places] = block.data
        before += count
    return Csr(indptr, indices, data, (blocks[0].shape[0], int(offsets[-1])))


def disjoint_rows(blocks: Sequence[Csr]) -> Csr:
    """Matrices of one shape whose non-empty rows do not overlap, as one: each row from the block that has it."""
    lib = kernel()
    if lib is None or any(b.dtype != np.float32 for b in blocks) or len(blocks) < 2:
        total = blocks[0]
        for block in blocks[1:]:
            total = total + block
        return total
    return _rows_joined(lib, blocks, np.zeros(len(blocks), np.int64), blocks[0].shape[1])


def _rows_joined(lib, blocks: Sequence[Csr], offsets: np.ndarray, width: int) -> Csr:
    """float32 blocks of as many rows joined row by row in C: row r holds block 0's row r, then block 1's (its
    columns moved by offsets[1]), ..."""
    arrays = [(np.ascontiguousarray(b.indptr, np.int64), np.ascontiguousarray(b.indices, np.int32),
               np.ascontiguousarray(b.data, np.float32)) for b in blocks]
    pointers = [np.array([a[k].ctypes.data for a in arrays], dtype=np.uintp) for k in range(3)]
    nnz = sum(b.nnz for b in blocks)
    indptr, indices, data = np.empty(blocks[0].shape[0] + 1, np.int64), np.empty(nnz, np.int32), np.empty(nnz, np.float32)
    moved = np.ascontiguousarray(offsets, np.int64)
    lib.hstack_rows(blocks[0].shape[0], len(blocks), *(p.ctypes.data for p in pointers), moved.ctypes.data,
                    indptr.ctypes.data, indices.ctypes.data, data.ctypes.data)
    return Csr(indptr, indices, data, (blocks[0].shape[0], width))


def vstack(blocks: Sequence[Csr]) -> Csr:
    """The blocks one under the other (the widest sets the width)."""
    width = max(b.shape[1] for b in blocks)
    ends = np.cumsum([0] + [b.nnz for b in blocks])
    indptr = np.concatenate([[0]] + [b.indptr[1:] + e for b, e in zip(blocks, ends)]).astype(np.int64)
    return Csr(indptr, np.concatenate([b.indices for b in blocks]).astype(np.int32),
               np.concatenate([b.data for b in blocks]), (sum(b.shape[0] for b in blocks), width))
