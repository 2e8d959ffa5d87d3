import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from align.search import csr as csr_module
from align.search.csr import Csr, hstack, product, vstack


def random_dense(rng, rows, cols, density=0.3, dtype=np.float32):
    dense = rng.random((rows, cols)) * (rng.random((rows, cols)) < density)
    return dense.astype(dtype)


def canonical(m: Csr) -> bool:
    """Every row's columns strictly increasing, the row pointers consistent with the entries."""
    if m.indptr[0] != 0 or m.indptr[-1] != len(m.indices) or len(m.indices) != len(m.data):
        return False
    return all(np.all(np.diff(m.indices[a:b]) > 0) for a, b in zip(m.indptr, m.indptr[1:]))


shapes = st.tuples(st.integers(0, 12), st.integers(1, 12), st.integers(1, 12), st.integers(0, 2**31 - 1))


@settings(max_examples=60, deadline=None)
@given(shapes)
def test_a_product_equals_the_dense_product_and_is_canonical(shape):
    n, k, m, seed = shape
    rng = np.random.default_rng(seed)
    a, b = random_dense(rng, n, k), random_dense(rng, k, m)
    got = Csr.from_dense(a) @ Csr.from_dense(b)
    assert canonical(got) and got.shape == (n, m) and got.dtype == np.float32
    np.testing.assert_allclose(got.toarray(), a.astype(np.float64) @ b, rtol=1e-6)
    assert not np.any(got.data == 0.0)              # exact zeros are left out


@settings(max_examples=40, deadline=None)
@given(shapes)
def test_the_product_without_the_kernel_gives_the_kernels_sums_to_the_bit(shape):
    n, k, m, seed = shape
    if csr_module.kernel() is None:
        pytest.skip("the C kernel is not built on this machine")
    rng = np.random.default_rng(seed)
    # sums of many terms, where the order of adding shows in the last bits
    a, b = Csr.from_dense(random_dense(rng, n, 40 * k, 0.8, np.float64)), Csr.from_dense(random_dense(rng, 40 * k, m, 0.8))
    compiled = product(a, b)
    original = csr_module.kernel
    try:
        csr_module.kernel = lambda: None
        with_numpy = product(a, b)
    finally:
        csr_module.kernel = original
    assert np.array_equal(compiled.indptr, with_numpy.indptr) and np.array_equal(compiled.indices, with_numpy.indices)
    assert np.array_equal(compiled.data, with_numpy.data)


def test_repeated_entries_are_added_and_rows_sorted():
    m = Csr.from_entries(np.array([1.0, 2.0, 4.0, 8.0]), np.array([1, 0, 1, 1]), np.array([3, 2, 0, 3]), (3, 4))
    assert canonical(m)
    assert m.toarray().tolist() == [[0, 0, 2, 0], [4, 0, 0, 9], [0, 0, 0, 0]]
    assert m[1, 3] == 9.0 and m[2, 2] == 0.0


def test_both_ways_of_building_from_entries_agree(monkeypatch):
    rng = np.random.default_rng(4)
    rows, cols = rng.integers(0, 30, 500), rng.integers(0, 40, 500)
    values = rng.random(500)
    built = Csr.from_entries(values, rows, cols, (30, 40))
    monkeypatch.setattr(csr_module, "kernel", lambda: None)
    with_numpy = Csr.from_entries(values, rows, cols, (30, 40))
    assert canonical(built) and canonical(with_numpy)
    assert np.array_equal(built.indices, with_numpy.indices) and np.array_equal(built.data, with_numpy.data)


def test_transpose_slices_and_sums_follow_the_dense_matrix():
    rng = np.random.default_rng(2)
    dense = random_dense(rng, 9, 7)
    m = Csr.from_dense(dense)
    assert canonical(m.T) and np.array_equal(m.T.toarray(), dense.T)
    assert np.array_equal(m.rows(2, 5).toarray(), dense[2:5])
    assert np.array_equal(m.columns(1, 4).toarray(), dense[:, 1:4])
    assert np.allclose(m.sum_columns(), dense.sum(axis=0)) and np.allclose(m.sum_rows(), dense.sum(axis=1))
    assert np.allclose(m @ np.arange(7.0), dense @ np.arange(7.0))
    assert np.array_equal(m.keep_rows(np.arange(9) % 2 == 0).toarray(), dense * (np.arange(9) % 2 == 0)[:, None])
    assert np.allclose(m.scale_columns(np.arange(7.0)).toarray(), dense * np.arange(7.0))


def test_row_dots_cells_and_sums_of_two_matrices():
    rng = np.random.default_rng(3)
    a, b = random_dense(rng, 8, 6, 0.5), random_dense(rng, 8, 6, 0.5)
    ma, mb = Csr.from_dense(a), Csr.from_dense(b)
    assert np.allclose(ma.row_dots(mb), (a.astype(np.float64) * b).sum(axis=1))
    assert np.allclose(ma.row_dots(ma), (a.astype(np.float64) ** 2).sum(axis=1))
    assert canonical(ma + mb) and np.allclose((ma + mb).toarray(), a + b)
    rows, cols = np.array([[0, 1], [7, 3]]), np.array([[5, 0], [2, 2]])
    assert np.array_equal(ma.cells(rows, cols), a[rows, cols])


def test_stacking_side_by_side_and_one_under_the_other():
    rng = np.random.default_rng(5)
    a, b = random_dense(rng, 5, 3), random_dense(rng, 5, 4)
    side = hstack([Csr.from_dense(a), Csr.from_dense(b)])
    assert canonical(side) and np.array_equal(side.toarray(), np.hstack([a, b]))
    c = random_dense(rng, 2, 3)
    under = vstack([Csr.from_dense(a), Csr.from_dense(c)])
    assert np.array_equal(under.toarray(), np.vstack([a, c]))


def test_empty_matrices_multiply_to_empty_ones():
    empty = Csr.empty(3, 4)
    assert (empty @ Csr.from_dense(np.ones((4, 2), np.float32))).shape == (3, 2)
    assert Csr.from_entries(np.zeros(0), np.zeros(0, int), np.zeros(0, int), (2, 2)).nnz == 0


def test_entries_outside_the_matrix_and_mismatched_products_are_refused():
    with pytest.raises(ValueError):
        Csr.from_entries(np.ones(1), np.array([3]), np.array([0]), (3, 3))
    with pytest.raises(ValueError):
        Csr.empty(2, 3) @ Csr.empty(4, 2)
    with pytest.raises(ValueError):
        Csr.empty(2, 3).cells(np.array([2]), np.array([0]))


@pytest.mark.parametrize("length", [23, 25, 100, 1000])
def test_long_rows_in_any_order_come_out_sorted(length):
    """Rows long enough for the kernel's quicksort, in shuffled, reversed and sorted order."""
    rng = np.random.default_rng(length)
    cols = np.concatenate([rng.permutation(5000)[:length], np.arange(length)[::-1], np.arange(length) * 3])
    rows = np.repeat([0, 1, 2], length)
    m = Csr.from_entries(np.arange(3 * length, dtype=np.float64) + 1, rows, cols, (3, 5000))
    assert canonical(m)
    dense = np.zeros((3, 5000))
    dense[rows, cols] = np.arange(3 * length) + 1
    assert np.array_equal(m.toarray(), dense)
    wide = Csr.from_dense(np.ones((1, 3), np.float32)) @ Csr.from_dense((dense != 0).astype(np.float32))
    assert canonical(wide) and np.array_equal(wide.toarray()[0], (dense != 0).sum(axis=0))
