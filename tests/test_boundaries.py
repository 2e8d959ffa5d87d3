import numpy as np
import pytest

from align.search.boundaries import AnchorIndex, anchors, clause_goes_on, open_parenthesis


def crossings_of(src, tgt, src_lang, tgt_lang, band=None, **options):
    return AnchorIndex.build([anchors(t, src_lang) for t in src], [anchors(t, tgt_lang) for t in tgt],
                             **options).crossings(band)


@pytest.mark.parametrize("texts, expected", [
    (["See ( Basel :", "Schwabe 1935 ) .", "Next ."], [1, 0, 0]),
    (["A ( b :", "c :", "d ) e .", "f ."], [1, 1, 0, 0]),           # open across three segments
    (["A ( never closed .", "b .", "c .", "d .", "e ."], [0, 0, 0, 0, 0]),  # too far: likely noise
    (["Closed ( here ) .", "b ."], [0, 0]),
    (["x ) y .", "z ( w ."], [0, 0]),
])
def test_open_parenthesis(texts, expected):
    assert open_parenthesis(texts).tolist() == expected


@pytest.mark.parametrize("texts, expected", [
    (["Il neige ;", "le camp est loin ."], [1, 0]),                    # ends with a semicolon
    (["Erstersteigung durch B.M .", "Abalakow , seither ."], [0, 0]),   # next starts in upper case
    (["La descente est une course contre la nuit ;", "mais c' est en vain ."], [1, 0]),
    (["Bis 1956 , S .", "296-309 ) ."], [0, 0]),                       # a digit is not lower case
    (["Er kam .", "und ging ."], [1, 0]),                               # the next starts in lower case
    (["Last one ;"], [1]),
    (["天下的水要聚在一处；", "使旱地露出来。"], [1, 0]),                 # the full-width semicolon too
])
def test_clause_goes_on(texts, expected):
    assert clause_goes_on(texts).tolist() == expected


def test_anchors_are_capitalised_words_and_numbers_by_value():
    words, names = anchors("Le PIB a atteint 32,5 billions selon le Bureau national", "fr")
    assert names == {"#32500000000000", "bureau"}                # `Le` has two letters: too short
    assert "atteint" in words and "atteint" not in names


def test_a_name_moved_across_the_boundary_is_a_crossing():
    src = ["Erstersteigung 1933 durch B.M .", "Abalakow , seitdem wiederholt besucht ."]
    tgt = ["première ascension en 1933 par E. M. Abalakow .", "Souvent visité depuis ."]
    crossings = crossings_of(src, tgt, "de", "fr").toarray()
    # Abalakow is after the boundary (1, 1) in German and before it in French; (2, 0) cuts it too, and
    # 1933 is cut by any boundary that puts its two segments on different sides: (0, 1) and (1, 0)
    assert {tuple(cell) for cell in np.argwhere(crossings)} == {(1, 1), (2, 0), (0, 1), (1, 0)}
    assert crossings[1, 1] == 1 and crossings[2, 2] == 0


@pytest.mark.parametrize("src, tgt, langs, expected", [
    pytest.param(["Hartog led the team .", "Hartog reached the top ."],
                 ["Hartog dirigeait l' équipe .", "Hartog atteignit le sommet ."], ("en", "fr"), 0,
                 id="a name on both sides of the boundary"),
    pytest.param(["The industrial internet grew fast .", "The Internet of Things followed ."],
                 ["L' Internet industriel a crû vite .", "L' Internet des objets a suivi ."], ("en", "fr"), 0,
                 id="a word the other side writes in lower case is still present"),
    pytest.param(["Output rose .", "It reached 32.5 trillion yuan ."],
                 ["La production a atteint 32,5 billions de yuans .", "Elle a augmenté ."], ("en", "fr"), 1,
                 id="numbers cross by value"),
])
def test_crossing_at_the_first_boundary(src, tgt, langs, expected):
    assert crossings_of(src, tgt, *langs)[1, 1] == expected


def test_a_hyphenated_compound_is_one_word():
    """`Sherpa-Liste` does not anchor to the French common noun `liste`."""
    src = ["Gyalzen ( Sherpa-Liste Nr. 57 ) stieg auf .", "Der Manaslu ist so hoch ."]
    tgt = ["Gyalzen monta .", "Selon la liste , le Manaslu est aussi haut ."]
    words, names = anchors(src[0], "de")
    assert "sherpa-liste" in names and "liste" not in words
    assert crossings_of(src, tgt, "de", "fr")[1, 1] == 0


def test_an_elided_article_is_not_part_of_the_name():
    assert "everest" in anchors("Le sommet de l’Everest", "fr")[1]


def test_common_anchors_are_ignored():
    src = ["Nepal ."] * 3
    tgt = ["Népal ."] * 3
    assert crossings_of(src, tgt, "de", "fr", max_count=2).nnz == 0


def test_a_band_keeps_only_the_cells_the_search_visits():
    from align.search.dp import Band
    src = ["Abalakow kam .", "Nichts .", "Nichts .", "Nichts ."]
    tgt = ["Rien .", "Rien .", "Rien .", "Abalakow vint ."]
    everywhere = crossings_of(src, tgt, "de", "fr")
    assert everywhere[0, 4] == 1 and everywhere[1, 3] == 1          # far from the diagonal
    near = crossings_of(src, tgt, "de", "fr", band=Band.of_width(np.arange(5), 2))
    assert near.nnz == 0
