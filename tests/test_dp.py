import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.search.costs import MOVES
from align.search import dp as dp_module
from align.search.dp import Band, Bead, SkipCosts, search


def flat_skips(n, m, open_=1.0, extend=0.5):
    return SkipCosts(np.full(n, open_), np.full(n, extend), np.full(m, open_), np.full(m, extend))


def table_costs(n, m, band, table):
    """Cost rows from a function of (a, b, i, j)."""
    def rows(i0, i1, width):
        out = np.full((len(MOVES), i1 - i0, width), np.inf)
        for k, (a, b) in enumerate(MOVES):
            for i in range(i0, i1):
                for w in range(width):
                    j = band.lo[i] + w
                    if i - a >= 0 and 0 <= j - b and j <= m:
                        out[k, i - i0, w] = table(a, b, i, j)
        return out
    return rows


def assert_tiles(beads, n, m):
    src = [i for s, _ in beads for i in s]
    tgt = [j for _, t in beads for j in t]
    assert src == list(range(n)) and tgt == list(range(m))
    for s, t in beads:
        assert s or t
        assert list(s) == list(range(s[0], s[0] + len(s))) if s else True
        assert list(t) == list(range(t[0], t[0] + len(t))) if t else True


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 9), st.integers(0, 9), st.integers(0, 2**32 - 1),
       st.floats(0.1, 5.0), st.floats(0.05, 5.0))
def test_beads_tile_both_sides_in_order(n, m, seed, open_, extend):
    rng = np.random.default_rng(seed)
    noise = rng.uniform(-1, 3, size=(6, 6, n + 1, m + 1))
    band = Band.full(n, m)
    beads = search(n, m, band, MOVES, table_costs(n, m, band, lambda a, b, i, j: noise[a, b, i, j]),
                   flat_skips(n, m, open_, extend))
    assert_tiles(beads, n, m)


def test_diagonal_costs_give_one_to_one():
    n = m = 6
    band = Band.full(n, m)
    cost = table_costs(n, m, band, lambda a, b, i, j: 0.0 if (a, b) == (1, 1) and i == j else 5.0)
    beads = search(n, m, band, MOVES, cost, flat_skips(n, m, 3.0, 3.0))
    assert beads == tuple(((i,), (i,)) for i in range(6))


def test_cheap_two_to_one_is_taken():
    band = Band.full(3, 2)
    cost = table_costs(3, 2, band, lambda a, b, i, j: {(2, 1, 2, 1): 0.0, (1, 1, 3, 2): 0.0}.get((a, b, i, j), 9.0))
    assert search(3, 2, band, MOVES, cost, flat_skips(3, 2, 9.0, 9.0)) == (((0, 1), (0,)), ((2,), (1,)))


def test_run_of_skips_is_cheaper_than_isolated_skips():
    # Target lines 2..5 have no source; one open and three extends beat anything else.
    n, m = 2, 6
    band = Band.full(n, m)
    table = {(1, 1, 1, 1): 0.0, (1, 1, 2, 6): 0.0}
    cost = table_costs(n, m, band, lambda a, b, i, j: table.get((a, b, i, j), 50.0))
    beads = search(n, m, band, MOVES, cost, flat_skips(n, m, 4.0, 0.5))
    assert beads == (((0,), (0,)), ((), (1,)), ((), (2,)), ((), (3,)), ((), (4,)), ((1,), (5,)))


def test_empty_sides():
    band = Band.full(0, 3)
    beads = search(0, 3, band, MOVES, table_costs(0, 3, band, lambda *_: 0.0), flat_skips(0, 3))
    assert beads == (((), (0,)), ((), (1,)), ((), (2,)))


def test_band_must_reach_the_end():
    with pytest.raises(ValueError, match="band"):
        search(5, 5, Band.of_width(np.zeros(6, dtype=np.int64), 2), MOVES, lambda *_: None, flat_skips(5, 5))


def test_narrow_band_follows_diagonal():
    n = m = 40
    lo = np.maximum(np.arange(n + 1) - 3, 0)
    band = Band.of_width(lo, 8)
    cost = table_costs(n, m, band, lambda a, b, i, j: 0.0 if (a, b) == (1, 1) and i == j else 4.0)
    beads = search(n, m, band, MOVES, cost, flat_skips(n, m, 3.0, 3.0))
    assert beads == tuple(((i,), (i,)) for i in range(n))


def test_bead_prints_in_vecalign_convention():
    assert str(Bead((3, 4), (5,), 0.5)) == "[3, 4]:[5]" and str(Bead((), (7,))) == "[]:[7]"


def random_band(n, m, rng, width):
    """A band that starts at (0, 0), reaches (n, m) and drifts right unevenly."""
    lo = np.sort(rng.integers(0, m + 1, size=n + 1))
    lo[0] = 0
    lo = np.minimum(lo, np.maximum(0, m - width // 2))
    lo = np.maximum.accumulate(lo)
    hi = np.minimum(lo + width - 1 + rng.integers(0, 3, size=n + 1), m)
    hi[n] = m
    lo[n] = min(lo[n], m)
    return Band(lo.astype(np.int64), hi.astype(np.int64))


def numpy_search(*args, **kwargs):
    """The search with the C kernel turned off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dp_module, "kernel", lambda: None)
        return search(*args, **kwargs)


@pytest.mark.skipif(dp_module.kernel() is None, reason="the C kernel is not built on this machine")
@pytest.mark.parametrize("ties", [False, True])
def test_compiled_kernel_finds_the_numpy_path(ties):
    """Same path from the C kernel and the numpy recurrence over 300 random searches (bands that drift,
    chunks of 1 to 6 rows); costs of 0 and 1 make ties everywhere, so the tie rules are compared too."""
    compared = 0
    for seed in range(300):
        rng = np.random.default_rng(seed)
        n, m = (int(x) for x in rng.integers(0, 15, 2))
        chunk, width = int(rng.integers(1, 7)), int(rng.integers(2, 10))
        band = random_band(n, m, rng, width) if rng.random() < 0.7 else Band.full(n, m)
        if ties:
            noise = rng.integers(0, 2, size=(6, 6, n + 1, m + 1)).astype(float)
            skips = SkipCosts(*(rng.integers(0, 2, size=k).astype(float) for k in (n, n, m, m)))
        else:
            noise = rng.uniform(-1, 3, size=(6, 6, n + 1, m + 1))
            skips = SkipCosts(*(rng.uniform(0.05, 3.0, size=k) for k in (n, n, m, m)))
        costs = table_costs(n, m, band, lambda a, b, i, j: noise[a, b, i, j])
        try:
            compiled = search(n, m, band, MOVES, costs, skips, chunk=chunk)
        except ValueError:
            continue
        assert compiled == numpy_search(n, m, band, MOVES, costs, skips, chunk=chunk), seed
        compared += 1
    assert compared > 250


def test_the_kernel_is_built_where_a_compiler_is():
    """A machine with a C compiler gets the compiled search: a broken kernel must not fall back unseen."""
    import os
    import shutil
    if os.environ.get("ALIGN_KERNEL", "").lower() == "numpy" or not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here, or the numpy search asked for")
    assert dp_module.kernel() is not None


def test_a_library_built_from_other_sources_is_not_used(tmp_path, monkeypatch):
    """A stale `align_kernel` (another version number) is refused: the numpy search runs instead."""
    import importlib.machinery
    import shutil
    import subprocess

    from align.search import kernel as kernel_module
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        pytest.skip("no C compiler here")
    source = tmp_path / "stale.c"
    # every function the loader looks for is there: only the version number is wrong
    source.write_text("long long kernel_version(void) { return 0; }\n" + "".join(
        f"long long {name}(void) {{ return 0; }}\n"
        for name in ("dp_rows", "bead_costs", "neighbour_dots", "block_prefix", "band_dots")))
    library = tmp_path / "align_kernel.so"
    subprocess.run([compiler, "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    spec = importlib.machinery.ModuleSpec("align_kernel", None, origin=str(library))
    monkeypatch.setattr(kernel_module.importlib.util, "find_spec", lambda name: spec)
    assert kernel_module.kernel.__wrapped__() is None
    monkeypatch.setenv("ALIGN_KERNEL", "numpy")
    assert kernel_module.kernel.__wrapped__() is None
