import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.search.costs import MOVES
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
