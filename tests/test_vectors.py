import os
import sys

import pytest
import numpy as np

from align.search import vectors
from align.search.csr import Csr
from align.search.vectors import band_dots, neighbour_dots, ngrams, pool, prune_rows, words


def test_words_strip_accents_and_split_elisions():
    assert words("L’Élève de Kangchendzönga, 8848 m") == ["l", "eleve", "de", "kangchendzonga", "m"]


def test_nfd_and_nfc_give_the_same_words():
    assert words("cafe\u0301 déjà") == words("café de\u0301ja\u0300") == ["cafe", "deja"]


def test_ngrams_are_padded():
    assert ngrams("eau") == ("<ea", "eau", "au>", "<eau", "eau>")


def matrix(rows):
    return Csr.from_dense(np.array(rows, dtype=np.float32))


def test_band_dots_match_dense_products():
    rng = np.random.default_rng(1)
    a, b = rng.random((7, 5)), rng.random((9, 5))
    lo = np.array([0, 0, 1, 2, 3, 3, 5])
    got = band_dots(matrix(a), matrix(b), lo, 4, chunk=3)
    full = a @ b.T
    for r in range(7):
        for w in range(4):
            c = lo[r] + w
            assert np.isclose(got[r, w], full[r, c] if c < 9 else 0.0, atol=1e-5)


def test_neighbour_dots_in_blocks():
    rng = np.random.default_rng(2)
    a = rng.random((11, 4))
    near = neighbour_dots(matrix(a), 3, chunk=4)
    for k in range(4):
        expected = [a[r] @ a[r + k] if r + k < 11 else 0.0 for r in range(11)]
        assert np.allclose(near[k], expected, atol=1e-5)


@pytest.mark.parametrize("seed", range(5))
def test_neighbour_dots_of_sparse_rows_match_dense_products(seed):
    rng = np.random.default_rng(seed)
    a = rng.random((37, 9)) * (rng.random((37, 9)) < 0.3)   # most rows share few features, some none
    near = neighbour_dots(matrix(a), 4, chunk=8)
    for k in range(5):
        expected = [a[r] @ a[r + k] if r + k < 37 else 0.0 for r in range(37)]
        assert np.allclose(near[k], expected, atol=1e-5)


@pytest.mark.skipif(vectors.kernel() is None, reason="the C kernel is not built on this machine")
@pytest.mark.parametrize("seed", range(4))
def test_compiled_neighbour_dots_equal_the_numpy_ones_to_the_bit(seed, monkeypatch):
    """The kernel adds the products in the numpy version's order: the same sums, not just close ones,
    on rows with unsorted features (a pooled matrix) and features shared by the rows in between."""
    rng = np.random.default_rng(seed)
    dense = (rng.random((300, 40)) * (rng.random((300, 40)) < 0.4)).astype(np.float32)
    unsorted = pool(matrix(dense), 2)
    for m in (matrix(dense), unsorted):
        compiled = neighbour_dots(m, 4)
        monkeypatch.setattr(vectors, "kernel", lambda: None)
        expected = neighbour_dots(m, 4, chunk=64)
        monkeypatch.undo()
        assert all(np.array_equal(c, e) for c, e in zip(compiled, expected))


@pytest.mark.skipif(vectors.kernel() is None, reason="the C kernel is not built on this machine")
def test_compiled_band_dots_equal_the_numpy_ones_to_the_bit(monkeypatch):
    rng = np.random.default_rng(5)
    src = pool(matrix((rng.random((120, 50)) * (rng.random((120, 50)) < 0.3)).astype(np.float32)), 1)
    tgt = matrix((rng.random((90, 50)) * (rng.random((90, 50)) < 0.3)).astype(np.float32))
    lo = np.minimum(np.arange(120) * 90 // 120, 85) - 3
    lo = np.maximum(lo, 0)
    compiled = band_dots(src, tgt, lo, 12)
    monkeypatch.setattr(vectors, "kernel", lambda: None)
    assert np.array_equal(compiled, band_dots(src, tgt, lo, 12, chunk=32))


def test_pool_sums_consecutive_rows():
    got = pool(matrix([[1, 0], [0, 2], [3, 0]]), 2).toarray()
    assert got.tolist() == [[1, 2], [3, 0]]


def test_prune_rows_keeps_the_heaviest():
    got = prune_rows(matrix([[5, 1, 3, 0], [1, 0, 0, 0]]), 2).toarray()
    assert got.tolist() == [[5, 0, 3, 0], [1, 0, 0, 0]]


def test_unspaced_scripts_give_characters_and_character_pairs():
    assert words("新华社 Xinhua 报道") == ["xinhua", "新", "华", "社", "新华", "华社", "报", "道", "报道"]


def test_numbers_written_out_are_features_like_figures():
    from align.search.vectors import written_out_numbers
    text = "nine hundred and thirty years"
    assert written_out_numbers(text, "en", words(text)) == {"930"}
    text = "un homme et une femme"
    assert written_out_numbers(text, "fr", words(text)) == set()      # `un` is an article first


@pytest.mark.parametrize("text, marks", [
    ("他问：“你好吗？”", ["¶:", "¶?", "¶q"]),
    ('He asked: "How are you?"', ["¶:", "¶?", "¶q"]),
    ("« Quoi ? » dit-il (enfin) !", ["¶!", "¶(", "¶?", "¶q"]),
    ("A plain sentence.", []),
])
def test_punctuation_marks_are_one_feature_in_every_script(text, marks):
    from align.search.vectors import punctuation_marks
    assert punctuation_marks(text) == marks


@pytest.mark.skipif(vectors.kernel() is None, reason="the C kernel is not built on this machine")
@pytest.mark.parametrize("seed", range(5))
def test_compiled_bead_dots_equal_the_bead_vectors_to_the_bit(seed, monkeypatch):
    """The kernel sums each bead side without building its vector; the sums must be the same as the vectors'."""
    rng = np.random.default_rng(seed)
    n, m = 30, 25
    src = matrix((rng.random((n, 40)) * (rng.random((n, 40)) < 0.3)).astype(np.float32))
    tgt = matrix((rng.random((m, 40)) * (rng.random((m, 40)) < 0.3)).astype(np.float32))
    beads, i, j = [], 0, 0
    while i < n or j < m:
        a, b = min(n - i, int(rng.integers(0, 4))), min(m - j, int(rng.integers(0, 4)))
        if a or b:
            beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    compiled = vectors.bead_dots(beads, src, tgt)
    monkeypatch.setattr(vectors, "kernel", lambda: None)
    with_numpy = vectors.bead_dots(beads, src, tgt)
    for got, expected in zip(compiled, with_numpy):
        assert np.array_equal(got, expected)
    dense_s, dense_t = src.toarray().astype(np.float64), tgt.toarray().astype(np.float64)
    for k, (s, t) in enumerate(beads):
        assert compiled[0][k] == pytest.approx(float(dense_s[list(s)].sum(0) @ dense_t[list(t)].sum(0)))


def _columns(src, tgt):
    s = vectors.collect_terms(src, "fr", vectors.Vocabulary())
    t = vectors.collect_terms(tgt, "en", vectors.Vocabulary())
    width = vectors.assign_columns(s, t)
    return width, s.counts(width), t.counts(width)


def test_feature_columns_are_in_order_of_first_sight_whatever_the_process_met_before(monkeypatch):
    src, tgt = ["Le lac, 12 km ?", "Un lac."], ["The lake: 12 km?", "Lake Geneva."]
    width, s, t = _columns(src, tgt)
    # the source's numbers and marks come first, then its words' n-grams, then the target's new features
    assert width == len(set(s.indices) | set(t.indices)) and s.indices[s.indptr[0]:s.indptr[1]].min() == 0
    seen = _columns(["Tout autre chose, 7 fois.", "Genève"], ["Something else entirely"])
    assert seen[0] > 0
    monkeypatch.setattr(vectors, "_FEATURE_ID_LIMIT", 0)   # the table starts again after every comparison
    for again in (_columns(src, tgt), _columns(src, tgt)):
        assert again[0] == width
        for mine, theirs in zip(again[1:], (s, t)):
            assert np.array_equal(mine.indptr, theirs.indptr) and np.array_equal(mine.indices, theirs.indices)
            assert np.array_equal(mine.data, theirs.data)


def test_every_feature_of_a_comparison_has_one_column():
    width, s, t = _columns(["aa bb"], ["bb cc"])
    names = set(ngrams("aa")) | set(ngrams("bb")) | set(ngrams("cc"))
    assert width == len(names)
    assert len(set(s.indices) & set(t.indices)) == len(set(ngrams("bb")))


def _terms_of(side):
    return (bytes(side.words), bytes(side.word_ptr), bytes(side.number_ptr), bytes(side.letters), side.numbers,
            side.n_words)


def test_a_long_pair_read_side_by_side_gives_the_same_features_as_one_read_here(monkeypatch):
    """The target read by a second process: the same words, numbers, marks and columns as read here."""
    from align.search import both_sides
    src = [f"Der Gipfel {k}: 12.000 Meter, {k % 7} Tage «gut»?" for k in range(40)] + ["Über 3,5 Prozent."]
    tgt = [f"Le sommet {k} : 12 000 mètres, {k % 5} jours « bien » ?" for k in range(45)] + ["雅列共活了九百六十二岁。"]

    def read(parallel: bool):
        monkeypatch.setattr(both_sides, "MIN_PARALLEL_SEGMENTS", 0 if parallel else 10 ** 9)
        monkeypatch.setattr(both_sides, "MIN_FORKED_SEGMENTS", 10 ** 9)   # a fresh interpreter, not a fork
        monkeypatch.setattr("align.search.kernel.threads", lambda: 2)
        vs, vt = vectors.Vocabulary(), vectors.Vocabulary()
        s, t = both_sides.collect_both(src, tgt, "de", "fr", vs, vt)
        width = vectors.assign_columns(s, t)
        return width, vt.index, [(_terms_of(x), x.counts(width)) for x in (s, t)]

    answers = []
    real = both_sides._finish
    monkeypatch.setattr(both_sides, "_finish", lambda reader: answers.append(real(reader)) or answers[-1])
    apart, here = read(True), read(False)
    assert len(answers) == 1 and answers[0] is not None     # the second process was asked, and answered
    assert apart[:2] == here[:2]
    for (terms_a, counts_a), (terms_b, counts_b) in zip(apart[2], here[2]):
        assert terms_a == terms_b
        assert np.array_equal(counts_a.indices, counts_b.indices) and np.array_equal(counts_a.data, counts_b.data)


def test_a_pair_read_in_a_fork_gives_the_same_features_as_one_read_here(monkeypatch):
    """The target read by a fork of this process (which shares the feature ids met before it): the same words,
    numbers, marks and columns as read here, and the ids the fork met first become this process's own."""
    from align.search import both_sides
    if not sys.platform.startswith("linux"):
        pytest.skip("forks only on Linux")
    src = [f"Der Gipfel {k}: 12.000 Meter, {k % 7} Tage «gut»?" for k in range(40)] + ["Über 3,5 Prozent."]
    tgt = [f"Le sommet {k} : 12 000 mètres, {k % 5} jours « bien » ?" for k in range(45)] + ["雅列共活了九百六十二岁。"]
    monkeypatch.setattr("align.search.kernel.threads", lambda: 2)
    monkeypatch.setattr(both_sides.threading, "active_count", lambda: 1)   # pytest's own threads are not ours
    vectors.collect_terms(["Ein ganz anderer Satz mit neuen Wörtern."], "de", vectors.Vocabulary())

    def read(forked: bool):
        monkeypatch.setattr(both_sides, "MIN_FORKED_SEGMENTS", 0 if forked else 10 ** 9)
        monkeypatch.setattr(both_sides, "MIN_PARALLEL_SEGMENTS", 10 ** 9)
        vs, vt = vectors.Vocabulary(), vectors.Vocabulary()
        s, t = both_sides.collect_both(src, tgt, "de", "fr", vs, vt)
        width = vectors.assign_columns(s, t)
        return width, vt.index, [(_terms_of(x), bytes(x.ngram_ptr), x.counts(width)) for x in (s, t)]

    answers = []
    real = both_sides._finish
    monkeypatch.setattr(both_sides, "_finish", lambda reader: answers.append((reader, real(reader))) or answers[-1][1])
    forked, here = read(True), read(False)
    assert len(answers) == 1 and isinstance(answers[0][0], both_sides._Forked) and answers[0][1] is not None
    assert forked[:2] == here[:2]
    for (terms_a, ptr_a, counts_a), (terms_b, ptr_b, counts_b) in zip(forked[2], here[2]):
        assert terms_a == terms_b and ptr_a == ptr_b
        assert np.array_equal(counts_a.indices, counts_b.indices) and np.array_equal(counts_a.data, counts_b.data)


def test_a_fork_that_dies_leaves_the_reading_here(monkeypatch):
    from align.search import both_sides
    if not sys.platform.startswith("linux"):
        pytest.skip("forks only on Linux")
    monkeypatch.setattr(both_sides, "MIN_FORKED_SEGMENTS", 0)
    monkeypatch.setattr("align.search.kernel.threads", lambda: 2)
    monkeypatch.setattr(both_sides.threading, "active_count", lambda: 1)
    monkeypatch.setattr(both_sides, "read_side", lambda *a: os._exit(3))    # runs in the fork only
    s, t = both_sides.collect_both(["Un lac."], ["A lake."], "fr", "en", vectors.Vocabulary(), vectors.Vocabulary())
    assert s.n_words == 2 and t.n_words == 2


def test_a_second_process_that_cannot_start_leaves_the_reading_here(monkeypatch):
    from align.search import both_sides
    monkeypatch.setattr(both_sides, "MIN_PARALLEL_SEGMENTS", 0)
    monkeypatch.setattr("align.search.kernel.threads", lambda: 2)
    monkeypatch.setattr(both_sides.sys, "executable", "/nonexistent/python")
    s, t = both_sides.collect_both(["Un lac."], ["A lake."], "fr", "en", vectors.Vocabulary(), vectors.Vocabulary())
    assert s.n_words == 2 and t.n_words == 2


def test_comparisons_on_several_threads_get_the_columns_they_get_alone(monkeypatch):
    """The feature table starts again between comparisons (here after every one), never inside one running on
    another thread."""
    from concurrent.futures import ThreadPoolExecutor
    from align.search.align import _Features
    monkeypatch.setattr(vectors, "_FEATURE_ID_LIMIT", 0)
    pairs = [([f"Der Gipfel {k} war {w} und hoch." for w in ("frei", "weiß", "nah")],
              [f"Le sommet {k} était {w} et haut." for w in ("libre", "blanc", "proche")]) for k in range(12)]

    def columns(pair):
        f = _Features.build(pair[0], pair[1], "de", "fr")
        return f.src_matrix.indices.tobytes(), f.tgt_matrix.indices.tobytes(), f.src_matrix.data.tobytes()

    alone = [columns(p) for p in pairs]
    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)    # threads take turns inside a comparison, as they would on a busy server
    try:
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(columns, pairs * 5))
    finally:
        sys.setswitchinterval(switching)
    assert together == alone * 5
