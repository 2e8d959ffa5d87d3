from hypothesis import given, settings
from hypothesis import strategies as st

from align.compare.diff import rebuild, tokens, word_diff


def test_tokens_rebuild_the_text():
    text = "Li added, 12 000 « firms »\tand\n more."
    assert "".join(tokens(text)) == text


def test_word_diff_ops():
    ops = [(e.op, e.hyp, e.ref) for e in word_diff("the value of .”", "the value of data.”")]
    assert ops == [("equal", "the value of ", "the value of "), ("insert", "", "data"), ("equal", ".”", ".”")]


def test_empty_sides():
    assert [(e.op, e.hyp, e.ref) for e in word_diff("", "Added line.")] == [("insert", "", "Added line.")]
    assert [(e.op, e.hyp, e.ref) for e in word_diff("Dropped.", "")] == [("delete", "Dropped.", "")]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_diff_rebuilds_both_sides(hyp, ref):
    assert rebuild(word_diff(hyp, ref)) == (hyp, ref)
