"""Sentences moved in the translation: found where they cross the alignment and clearly translate each other."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from align.review.review import review_documents
from align.search.csr import Csr
from align.search.moves import Move, find_moves
from conftest import SOURCE_SEED, TARGET_SEED, read


def _vectors(topics, width=12):
    """One row per segment, its weight on its topic's column and a little on a shared one."""
    rows = np.zeros((len(topics), width))
    for k, topic in enumerate(topics):
        rows[k, topic] = 1.0
        rows[k, width - 1] = 0.1
    return Csr.from_dense(rows)


def _score(pairs):
    return [0.95] * len(pairs)


LENGTHS = [60.0] * 6


def test_two_pairs_swapped_are_two_moves():
    # source topics 0..5; the translation gives 1 and 4 in each other's place
    src, tgt = _vectors([0, 1, 2, 3, 4, 5]), _vectors([0, 4, 2, 3, 1, 5])
    beads = [((k,), (k,)) for k in range(6)]
    scores = [0.9, 0.1, 0.9, 0.9, 0.1, 0.9]
    assert find_moves(beads, scores, src, tgt, LENGTHS, LENGTHS, _score) == (Move(1, 4, 0.95), Move(4, 1, 0.95))


def test_a_sentence_put_elsewhere_is_a_move():
    # target of source 1 moved to the end: the alignment leaves source 1 and the last target unpaired
    src, tgt = _vectors([0, 1, 2, 3, 4]), _vectors([0, 2, 3, 4, 1])
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)), ((4,), (3,)), ((), (4,))]
    scores = [0.9, 0.0, 0.9, 0.9, 0.9, 0.0]
    assert find_moves(beads, scores, src, tgt, LENGTHS, LENGTHS, _score) == (Move(1, 4, 0.95),)


def test_nothing_is_out_of_place_where_the_documents_hardly_align():
    src, tgt = _vectors([0, 1, 2, 3, 4, 5]), _vectors([0, 4, 2, 3, 1, 5])
    beads = [((k,), (k,)) for k in range(6)]
    assert find_moves(beads, [0.9, 0.1, 0.3, 0.3, 0.1, 0.9], src, tgt, LENGTHS, LENGTHS, _score) == ()


def test_neighbours_left_apart_are_no_move():
    src, tgt = _vectors([0, 1, 2]), _vectors([0, 1, 2])
    beads = [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))]
    assert find_moves(beads, [0.9, 0.0, 0.0, 0.9], src, tgt, LENGTHS, LENGTHS, _score) == ()


def test_short_lines_low_scores_and_alike_sentences_are_no_move():
    src, tgt = _vectors([0, 1, 2, 3, 4]), _vectors([0, 2, 3, 4, 1])
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)), ((4,), (3,)), ((), (4,))]
    scores = [0.9, 0.0, 0.9, 0.9, 0.9, 0.0]
    short = [60.0, 10.0, 60.0, 60.0, 60.0]
    assert find_moves(beads, scores, src, tgt, short, LENGTHS[:5], _score) == ()
    assert find_moves(beads, scores, src, tgt, LENGTHS[:5], LENGTHS[:5], lambda pairs: [0.6] * len(pairs)) == ()
    # every target alike (one topic): the pair does not stand out from its neighbours
    assert find_moves(beads, scores, _vectors([0] * 5), _vectors([0] * 5), LENGTHS[:5], LENGTHS[:5], _score) == ()


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(range(8))), st.lists(st.floats(0, 1), min_size=8, max_size=8))
def test_each_segment_moves_once_and_every_move_crosses(order, scores):
    src, tgt = _vectors(list(range(8))), _vectors(list(order))
    beads = [((k,), (k,)) for k in range(8)]
    moves = find_moves(beads, scores, src, tgt, [60.0] * 8, [60.0] * 8, _score)
    assert len({m.source for m in moves}) == len({m.target for m in moves}) == len(moves)
    for m in moves:
        assert order[m.target] == m.source and m.source != m.target   # the translation, out of its place
        assert scores[m.source] < 0.5 and scores[m.target] < 0.5


def _seed_lines():
    return read(SOURCE_SEED), read(TARGET_SEED).split("\n")


def test_a_paragraph_moved_in_the_seed_translation_is_reported_moved_not_dropped():
    source, lines = _seed_lines()
    moved = lines.pop(9)
    lines.insert(2, moved)
    review = review_documents(source, "\n".join(lines), "en", "fr")
    flags = [(p, f) for p in review.pairs for f in p.flags]
    assert not [f for _, f in flags if f.type in ("dropped", "added") and f.severity == "error"]
    found = [(p, f) for p, f in flags if f.type == "moved"]
    assert len(found) == 2 and all(f.severity == "warning" for _, f in found)
    (from_source,) = [f for p, f in found if p.source]
    assert "rendered elsewhere" in from_source.message
    assert any(moved.strip()[:20] in t.text for p, _ in found for t in p.target)


def test_skipping_the_moved_check_gives_the_plain_flags_back():
    from align.review.review import Checks
    source, lines = _seed_lines()
    lines.insert(2, lines.pop(9))
    review = review_documents(source, "\n".join(lines), "en", "fr", checks=Checks(skip=frozenset({"moved"})))
    types = {f.type for p in review.pairs for f in p.flags}
    assert "moved" not in types and {"dropped", "added"} <= types


def test_a_moved_pair_is_a_unit_of_the_translation_memory():
    from align.report.tmx import format_review_tmx
    source, lines = _seed_lines()
    moved = lines.pop(9)
    lines.insert(2, moved)
    review = review_documents(source, "\n".join(lines), "en", "fr")
    assert len(review.moved) == 1
    tmx = format_review_tmx(review)
    assert tmx.count('tuid="moved-') == 1
    unit = tmx[tmx.index('tuid="moved-0"'):]
    unit = unit[:unit.index("</tu>")]
    assert review.moved[0].source[0].text[:40] in unit and moved.strip()[:40] in unit
    assert "info moved:" in unit
