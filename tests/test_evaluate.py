import pytest

from align.search.evaluate import parse_beads, score_alignment


def test_perfect_alignment():
    gold = [((0,), (0,)), ((1, 2), (1,)), ((), (2,))]
    acc = score_alignment(gold, gold)
    assert acc.f1_strict == acc.f1_lax == 1.0


def test_strict_and_lax_differ_on_partial_overlap():
    gold = [((0,), (0,)), ((1, 2), (1,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    acc = score_alignment(gold, test)
    assert acc.precision_strict == pytest.approx(1 / 3)
    assert acc.precision_lax == pytest.approx(2 / 3)  # the deletion of 2 is no lax hit
    assert acc.recall_strict == pytest.approx(1 / 2)
    assert acc.recall_lax == pytest.approx(1.0)


def test_parse_beads_with_scores():
    assert parse_beads(["[0]:[0]:0.9", "[3, 4]:[5]", "", "[]:[7]"]) == [((0,), (0,)), ((3, 4), (5,)), ((), (7,))]


def test_parse_beads_rejects_garbage():
    with pytest.raises(ValueError, match="line 1"):
        parse_beads(["nonsense"])
