"""The compiled search kernel (C, loaded with ctypes), or None where it was not built.

`pip install` compiles `dp_rows.c` (the recurrence), `bead_costs.c` (the cost of every move) and `dots.c` (dot products
of segment vectors) into the top-level library `align_kernel` when the machine has a C compiler;
without one the install still succeeds and the search runs its numpy version, which gives the same path.
Set ALIGN_KERNEL=numpy to use the numpy version anyway (tests and benchmarks compare the two).
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
from functools import lru_cache

LIBRARY = "align_kernel"
VERSION = 3
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
        lib.neighbour_dots.argtypes = [i64, i64, ptr, ptr, ptr, ptr]
        lib.block_prefix.restype = i64
        lib.block_prefix.argtypes = [i64, i64, i64, i64] + [ptr] * 8
    except AttributeError:
        return None
    return lib
