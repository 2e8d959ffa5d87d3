import math
import dataclasses

import numpy as np
import pytest

from align.search.align import _Features
from align.search.costs import (MOVES, CostModel, SegmentKinds, SideStats, length_cost, length_delta, log_erfc, make_cost_rows,
                         middle_value, similarity_scale, skip_costs)
from align.search import costs as costs_module
from align.search.dp import Band


@pytest.mark.parametrize("x", [0.0, 0.3, 1.0, 2.5, 6.0])
def test_log_erfc_matches_math(x):
    assert log_erfc(np.array(x)) == pytest.approx(math.log(math.erfc(x)), abs=1e-6)


@pytest.mark.parametrize("size", [1, 2, 7, 8, 1001])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_middle_value_is_numpys_median_to_the_bit(size, dtype):
    values = np.random.default_rng(size).normal(size=size).astype(dtype)
    assert middle_value(values) == float(np.median(values))
    assert math.isnan(middle_value(np.array([1.0, np.nan]))) and math.isnan(middle_value(np.array([])))


def test_length_cost_is_lowest_at_the_expected_ratio():
    src = np.array([100.0, 100.0, 100.0])
    costs = length_cost(src, np.array([60.0, 115.0, 170.0]), 1.15, 6.8)
    assert costs[1] < costs[0] and costs[1] < costs[2] and costs[1] == pytest.approx(0.0, abs=1e-6)


def test_length_delta_sign():
    assert length_delta(np.array(100.0), np.array(50.0), 1.0) < 0 < length_delta(np.array(100.0), np.array(150.0), 1.0)


def test_skip_costs_are_cheaper_for_links_and_debris():
    skips = skip_costs(np.array([0.25, 1.0]), np.array([1.0]), CostModel())
    assert skips.src_open[0] < skips.src_open[1]


def test_a_run_of_skips_is_cheap_to_extend_only_with_its_own_kind():
    # headline, sentence, sentence, link, link
    skips = skip_costs(np.array([0.5, 1.0, 1.0, 0.25, 0.25]), np.array([1.0]), CostModel())
    assert skips.src_extend[1] == skips.src_open[1]      # a sentence after the headline opens its own run
    assert skips.src_extend[2] < skips.src_open[2]       # the next sentence extends it
    assert skips.src_extend[4] < skips.src_open[4] and skips.src_extend[3] <= skips.src_open[3]


SRC = ["The minister presented the plan for new industrialization in Beijing on Monday.",
       "He said the country will support twelve thousand small firms across the provinces.",
       "The plan covers robots, integrated circuits and satellite internet."]
TGT = ["Le ministre a présenté le plan de nouvelle industrialisation à Beijing lundi.",
       "Le festival de jazz de Montreux a attiré deux cent mille visiteurs venus du monde entier.",
       "Il a dit que le pays soutiendra douze mille petites entreprises dans les provinces.",
       "Le plan couvre les robots, les circuits intégrés et l’internet par satellite."]


def costs_for(src, tgt, tgt_kinds=None, model=CostModel(), src_kinds=None, crossings=None):
    f = _Features.build(src, tgt, "en", "fr")
    s, t = SideStats.build(f.src_matrix, f.src_lengths, 5), SideStats.build(f.tgt_matrix, f.tgt_lengths, 5)
    band = Band.full(len(src), len(tgt))
    rows = make_cost_rows(s, t, band, float(f.tgt_lengths.sum() / f.src_lengths.sum()), model,
                          src_kinds=src_kinds, tgt_kinds=tgt_kinds, crossings=crossings)
    return rows(0, len(src) + 1, band.width), s, t, band


def test_a_translation_costs_less_than_a_stranger():
    costs, *_ = costs_for(SRC, TGT)
    one_one = MOVES.index((1, 1))
    assert costs[one_one, 1, 1] < costs[one_one, 1, 2]    # s0 with t0 rather than with the jazz line


def test_an_unrelated_sentence_does_not_ride_along():
    costs, *_ = costs_for(SRC, TGT)
    one_one, one_two = MOVES.index((1, 1)), MOVES.index((1, 2))
    # s1 + (jazz line, its translation) as a 1-2 bead costs more than skipping the jazz line and pairing 1-1
    assert costs[one_two, 2, 3] > costs[one_one, 2, 3] + skip_costs(np.array([1.0]), np.array([1.0]),
                                                                    CostModel()).tgt_open[0]


def test_moves_that_do_not_fit_cost_infinity():
    costs, *_ = costs_for(SRC, TGT)
    assert np.isinf(costs[MOVES.index((2, 1)), 1, :]).all()      # two source segments do not fit before row 2
    assert np.isinf(costs[MOVES.index((1, 3)), 1, :3]).all()     # nor three targets before column 3


def test_similarity_scale_is_positive():
    _, s, t, band = costs_for(SRC, TGT)
    centre, scale = similarity_scale(s, t, band, CostModel().typical_best)
    assert scale > 0 and -1 <= centre <= 1


def test_a_marked_link_line_costs_more_in_a_bead_than_debris():
    """The segmenter's link/meta/boilerplate kinds are surer than debris guessed from letter counts."""
    unrelated = np.array([0.0, 1.0, 0.0, 0.0])
    as_debris = SegmentKinds(unrelated, np.zeros(4), np.zeros(4), np.zeros(4), np.zeros(4))
    as_link = SegmentKinds(unrelated, np.zeros(4), unrelated, np.zeros(4), np.zeros(4))
    one_two = MOVES.index((1, 2))
    plain, *_ = costs_for(SRC, TGT)
    debris, *_ = costs_for(SRC, TGT, as_debris)
    link, *_ = costs_for(SRC, TGT, as_link)
    # s0 + (t0, t1): the bead that holds the second target line
    assert plain[one_two, 1, 2] < debris[one_two, 1, 2] < link[one_two, 1, 2]
    assert link[one_two, 1, 2] - debris[one_two, 1, 2] == pytest.approx(CostModel().marked_in_bead)
    # beads without the line are untouched
    assert link[one_two, 2, 4] == debris[one_two, 2, 4] == plain[one_two, 2, 4]


def test_a_bead_boundary_inside_a_parenthesis_costs_more():
    """A boundary after a segment that leaves a parenthesis open (closed by the next) pays `cut_parenthesis`."""
    opens_first = SegmentKinds(np.zeros(4), np.zeros(4), np.zeros(4), np.array([1.0, 0.0, 0.0, 0.0]), np.zeros(4))
    one_one, one_two = MOVES.index((1, 1)), MOVES.index((1, 2))
    plain, *_ = costs_for(SRC, TGT)
    cut, *_ = costs_for(SRC, TGT, opens_first)
    # a bead ending right after t0 cuts the parenthesis; one holding t0 and t1 does not
    assert cut[one_one, 1, 1] - plain[one_one, 1, 1] == pytest.approx(CostModel().cut_parenthesis)
    assert cut[one_two, 1, 2] == plain[one_two, 1, 2]


def test_a_bead_boundary_between_clauses_costs_less_than_one_cutting_a_parenthesis():
    """`cut_clause` is a nudge (translations often re-cut clauses), `cut_parenthesis` nearly a rule."""
    clause_first = SegmentKinds(np.zeros(4), np.zeros(4), np.zeros(4), np.zeros(4), np.array([1.0, 0.0, 0.0, 0.0]))
    one_one = MOVES.index((1, 1))
    plain, *_ = costs_for(SRC, TGT)
    cut, *_ = costs_for(SRC, TGT, clause_first)
    assert cut[one_one, 1, 1] - plain[one_one, 1, 1] == pytest.approx(CostModel().cut_clause)
    assert 0 < CostModel().cut_clause < CostModel().cut_parenthesis


def test_clauses_cut_on_both_sides_at_once_cost_as_much_as_on_one():
    """A translation that keeps the clause structure cuts both sides at the same place: one cut, not two."""
    n_src = len(SRC)
    src_clause = SegmentKinds(*(np.zeros(n_src) for _ in range(4)), np.eye(n_src)[0])
    tgt_clause = SegmentKinds(*(np.zeros(4) for _ in range(4)), np.array([1.0, 0.0, 0.0, 0.0]))
    one_one = MOVES.index((1, 1))
    plain, *_ = costs_for(SRC, TGT)
    src_only, *_ = costs_for(SRC, TGT, src_kinds=src_clause)
    both, *_ = costs_for(SRC, TGT, tgt_clause, src_kinds=src_clause)
    assert src_only[one_one, 1, 1] - plain[one_one, 1, 1] == pytest.approx(CostModel().cut_clause)
    assert both[one_one, 1, 1] == pytest.approx(src_only[one_one, 1, 1])
    assert both[one_one, 1, 2] - plain[one_one, 1, 2] == pytest.approx(CostModel().cut_clause)  # source cut only


def test_a_bead_boundary_that_separates_names_pays_per_name_up_to_a_cap():
    from align.search.csr import Csr
    n, m = len(SRC), len(TGT)
    crossings = np.zeros((n + 1, m + 1))
    crossings[1, 1] = 1
    crossings[1, 2] = 5
    model = CostModel()
    one_one, one_two = MOVES.index((1, 1)), MOVES.index((1, 2))
    plain, *_ = costs_for(SRC, TGT)
    crossed, *_ = costs_for(SRC, TGT, crossings=Csr.from_dense(crossings))
    assert crossed[one_one, 1, 1] - plain[one_one, 1, 1] == pytest.approx(model.cut_anchor)
    assert crossed[one_two, 1, 2] - plain[one_two, 1, 2] == pytest.approx(model.cut_anchor * model.max_cut_anchors)
    assert crossed[one_one, 2, 2] == plain[one_one, 2, 2]


def test_length_variance_grows_only_beyond_alphabetic_ratios():
    from align.search.costs import variance_factor
    assert variance_factor(1.0) == variance_factor(1.4) == variance_factor(0.7) == 1.0
    assert variance_factor(4.0) > 3.0 and variance_factor(0.25) < 0.35
    assert abs(variance_factor(4.0) * variance_factor(0.25) - 1.0) < 1e-9   # the same pair either way round


def random_side(rng, n, features=60):
    from align.search.csr import Csr
    dense = (rng.random((n, features)) * (rng.random((n, features)) < 0.15)).astype(np.float32)
    dense[rng.random(n) < 0.1] = 0.0                    # segments that share nothing
    lengths = rng.integers(1, 200, size=n).astype(float)
    kinds = SegmentKinds(*(1.0 * (rng.random(n) < p) for p in (0.1, 0.1, 0.05, 0.1, 0.2)))
    return SideStats.build(Csr.from_dense(dense), lengths, 5), kinds


@pytest.mark.skipif(costs_module.kernel() is None, reason="the C kernel is not built on this machine")
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("threads", [1, 3])
def test_compiled_bead_costs_equal_the_numpy_ones(seed, threads, monkeypatch):
    """Every term of every move, in blocks of rows as the search asks for them, narrow bands included; with
    3 threads every block is split between them (each computes its own rows)."""
    from align.search.csr import Csr
    from align.search import kernel as kernel_module
    monkeypatch.setenv("ALIGN_THREADS", str(threads))
    monkeypatch.setattr(kernel_module, "MIN_PARALLEL_CELLS", 1)
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(5, 40)), int(rng.integers(5, 40))
    (src, src_kinds), (tgt, tgt_kinds) = random_side(rng, n), random_side(rng, m)
    crossings = Csr.from_dense((rng.integers(0, 4, size=(n + 1, m + 1)) * (rng.random((n + 1, m + 1)) < 0.2)).astype(float))
    if seed % 2:
        band = Band.full(n, m)
    else:
        lo = np.maximum.accumulate(np.clip((np.arange(n + 1) * m) // n - 4 + rng.integers(0, 3, n + 1), 0, m))
        lo[0] = 0
        band = Band(lo.astype(np.int64), np.minimum(lo + 8, m).astype(np.int64))
        band.hi[n] = m
    args = (src, tgt, band, 1.0 + rng.random(), CostModel(), MOVES, src_kinds, tgt_kinds, crossings)
    compiled = make_cost_rows(*args)
    monkeypatch.setattr(costs_module, "kernel", lambda: None)
    with_numpy = make_cost_rows(*args)
    for i0 in range(0, n + 1, 7):
        i1 = min(n + 1, i0 + 7)
        width = band.chunk_width(i0, i1)
        got, expected = compiled(i0, i1, width), with_numpy(i0, i1, width)
        assert np.array_equal(np.isinf(got), np.isinf(expected))
        finite = np.isfinite(expected)
        assert finite.any() or i0 == 0
        np.testing.assert_allclose(got[finite], expected[finite], rtol=1e-12, atol=1e-12)


def test_a_heading_paired_with_a_heading_pays_half_the_length_cost():
    src = ["CHAPTER I. THE PROFESSOR AND HIS FAMILY", "On the 24th of May, 1863, my uncle came home."]
    tgt = ["I", "Le 24 mai 1863, mon oncle revint chez lui."]
    heading = SegmentKinds(np.zeros(2), np.array([1.0, 0.0]), np.zeros(2), np.zeros(2), np.zeros(2))
    one_one = MOVES.index((1, 1))

    def cost(weight):
        costs, *_ = costs_for(src, tgt, tgt_kinds=heading, src_kinds=heading, model=CostModel(heading_length=weight))
        return costs[one_one, 1, 1]
    full, half, none = cost(1.0), cost(0.5), cost(0.0)
    assert full - half > 0.5                                   # the lengths (39 against 1) cost a lot
    assert full - half == pytest.approx(half - none)           # half of the length cost, nothing else
    sentences, *_ = costs_for(src, tgt)
    assert sentences[one_one, 1, 1] > half                     # between sentences the length counts in full



def test_a_title_in_two_lines_pays_neither_for_headings_nor_for_the_line_that_shares_no_words():
    """`CHAPTER II The Pool of Tears` against `CHAPITRE II .` + `LA MARE AUX LARMES .`: a bead of headings only
    mixes no heading with sentences, and its second line is no unrelated segment riding along."""
    src = ["CHAPTER II The Pool of Tears", "Curiouser and curiouser, cried Alice."]
    tgt = ["CHAPITRE II .", "LA MARE AUX LARMES .", "De plus en plus curieux, s'écria Alice."]
    src_kinds = SegmentKinds(np.zeros(2), np.array([1.0, 0.0]), np.zeros(2), np.zeros(2), np.zeros(2))
    title = SegmentKinds(np.zeros(3), np.array([1.0, 1.0, 0.0]), np.zeros(3), np.zeros(3), np.zeros(3))
    one_one, one_two = MOVES.index((1, 1)), MOVES.index((1, 2))
    model = CostModel()

    def costs(**changes):
        out, *_ = costs_for(src, tgt, tgt_kinds=title, src_kinds=src_kinds, model=dataclasses.replace(model, **changes))
        return out
    plain = costs()
    assert plain[one_two, 1, 2] == pytest.approx(costs(dilution=0.0)[one_two, 1, 2])
    assert plain[one_two, 1, 2] == pytest.approx(costs(heading_with_sentence=0.0)[one_two, 1, 2])
    assert costs(dilution=0.0)[one_two, 2, 3] < plain[one_two, 2, 3]      # a sentence still dilutes a bead
    # the heading against the sentence of the other side still pays for it
    assert plain[one_one, 1, 3] - costs(heading_with_sentence=0.0)[one_one, 1, 3] == pytest.approx(
        model.heading_with_sentence)
