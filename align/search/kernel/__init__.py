"""The compiled search kernel (C, loaded with ctypes), or None where it was not built.

`pip install` compiles `dp_rows.c` (the recurrence), `bead_costs.c` (the cost of every move), `dots.c` (dot products
of segment vectors) and `sparse.c` (sparse matrix products) into the top-level library `align_kernel` when the
machine has a C compiler; without one the install still succeeds and the search runs its numpy version, which
gives the same path.
Set ALIGN_KERNEL=numpy to use the numpy version anyway (tests and benchmarks compare the two).

ctypes lets go of Python's lock during a call, so a large block of rows is split between threads (one per
processor, at most 4; ALIGN_THREADS=1 turns it off): each computes its own rows, and the result is the same.
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Callable, Sequence, TypeVar

import numpy as np

LIBRARY = "align_kernel"
VERSION = 13
"""Raised with every change of the C sources' functions or their arguments (dp_rows.c has the same number)."""


@lru_cache(maxsize=1)
def kernel() -> "ctypes.CDLL | None":
    """The loaded library with its functions' signatures, or None (not built, or turned off)."""
    if os.environ.get("ALIGN_KERNEL", "").lower() == "numpy":
        return None
    try:
        spec = importlib.util.find_spec(LIBRARY)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return None
    try:
        lib = ctypes.CDLL(spec.origin)
    except OSError:
        return None
    i64, ptr = ctypes.c_int64, ctypes.c_void_p
    try:
        lib.kernel_version.restype = i64
        if lib.kernel_version() != VERSION:
            return None      # a library built from other sources (a stale build): the numpy search is safe
        lib.dp_rows.restype = i64
        lib.dp_rows.argtypes = [i64, i64, i64, i64, i64, ptr, ptr, ptr, ptr, ptr, i64, i64, i64] + [ptr] * 17
        lib.bead_costs.restype = i64
        lib.bead_costs.argtypes = [i64, i64, i64, i64, i64, i64, ptr, ptr, ptr, ptr, i64, i64, i64] + [ptr] * 24
        lib.neighbour_dots.restype = i64
        lib.neighbour_dots.argtypes = [i64, i64, ptr, ptr, ptr, ptr, ptr, ptr]
        lib.block_prefix.restype = i64
        lib.block_prefix.argtypes = [i64, i64, i64, i64] + [ptr] * 8
        lib.band_dots.restype = i64
        lib.band_dots.argtypes = [i64, i64, i64] + [ptr] * 9
        lib.product_sizes.restype = i64
        lib.product_sizes.argtypes = [i64] + [ptr] * 6
        lib.product.restype = i64
        lib.product.argtypes = [i64, i64] + [ptr] * 11
        lib.transpose.restype = i64
        lib.transpose.argtypes = [i64, i64, i64] + [ptr] * 6
        lib.hstack_rows.restype = i64
        lib.hstack_rows.argtypes = [i64, i64] + [ptr] * 7
        lib.sample_cells.restype = i64
        lib.sample_cells.argtypes = [i64] + [ptr] * 6
        lib.bead_dots.restype = i64
        lib.bead_dots.argtypes = [i64] + [ptr] * 17
        lib.from_entries.restype = i64
        lib.from_entries.argtypes = [i64, ptr, ptr, ptr, i64] + [ptr] * 6
    except AttributeError:
        return None
    return lib


T = TypeVar("T")
MIN_PARALLEL_CELLS = 100_000
"""Blocks with fewer cells x moves than this run in one thread: starting threads would cost more."""

_pool: "tuple[int, ThreadPoolExecutor] | None" = None


def threads() -> int:
    """How many threads a large block of rows is split between."""
    wanted = os.environ.get("ALIGN_THREADS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), 16)
    try:
        return max(1, min(4, len(os.sched_getaffinity(0))))
    except AttributeError:                      # not on Linux
        return max(1, min(4, os.cpu_count() or 1))


def in_parallel(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Run the tasks on the kernel's threads and return their results in order (one task: no thread)."""
    global _pool
    if len(tasks) <= 1:
        return [task() for task in tasks]
    if _pool is None or _pool[0] != os.getpid():     # a forked worker must not use its parent's threads
        _pool = (os.getpid(), ThreadPoolExecutor(threads(), thread_name_prefix="align-kernel"))
    return [future.result() for future in [_pool[1].submit(task) for task in tasks]]


def row_splits(start: int, stop: int, cells_per_row: int) -> list[tuple[int, int]]:
    """Rows start .. stop-1 cut into one run per thread when the block is large enough, else one run."""
    parts = threads() if (stop - start) * cells_per_row >= MIN_PARALLEL_CELLS else 1
    parts = max(1, min(parts, stop - start))
    bounds = [start + (stop - start) * k // parts for k in range(parts + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def csr_arrays(matrix: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """indptr (int64), indices (int32) and data (float32) of a `csr.Csr` matrix (rows sorted), as the kernel reads
    them."""
    return (np.ascontiguousarray(matrix.indptr, dtype=np.int64), np.ascontiguousarray(matrix.indices, dtype=np.int32),
            np.ascontiguousarray(matrix.data, dtype=np.float32))
