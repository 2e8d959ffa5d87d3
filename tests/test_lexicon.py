from hypothesis import given, settings
from hypothesis import strategies as st
import numpy as np

from align.search.csr import Csr
from align.search.lexicon import (FULL_STRENGTH_BEADS, MIN_BEADS, SCORING_BEADS, heldout_lexicon_features,
                                  learn_lexicon, scores_with_lexicon)


def presence(rows):
    return Csr.from_dense(np.array(rows, dtype=np.float32))


def test_pairs_seen_together_in_two_beads_are_learned():
    src = presence([[1, 0, 1], [1, 0, 0], [0, 1, 0]])   # words: berg, see, und
    tgt = presence([[1, 0, 1], [1, 0, 0], [0, 1, 0]])   # words: montagne, lac, et
    lex = learn_lexicon(src, tgt, [((0,), (0,)), ((1,), (1,)), ((2,), (2,))])
    assert list(zip(lex.src_ids, lex.tgt_ids)) == [(0, 0)] and lex.strength[0] == 1.0


def test_a_pair_seen_once_is_not_learned():
    lex = learn_lexicon(presence([[1]]), presence([[1]]), [((0,), (0,))])
    assert len(lex) == 0


def test_short_documents_get_no_lexicon():
    words = presence(np.eye(50))
    src_feats, tgt_feats, pairs = heldout_lexicon_features(words, words, [((k,), (k,)) for k in range(50)])
    assert pairs == 0 and src_feats.nnz == 0 and tgt_feats.nnz == 0


def _always_together(n: int):
    """n beads whose sides both hold word 0, and one word of their own each."""
    rows = np.zeros((n, n + 1), dtype=np.float32)
    rows[:, 0] = 1
    rows[np.arange(n), np.arange(1, n + 1)] = 1
    return Csr.from_dense(rows), [((k,), (k,)) for k in range(n)]


def test_fewer_than_twenty_beads_teach_nothing():
    words, beads = _always_together(MIN_BEADS - 1)
    assert heldout_lexicon_features(words, words, beads)[2] == 0


def test_a_news_sized_document_learns_at_a_strength_in_proportion_to_its_beads():
    short_words, short_beads = _always_together(40)
    long_words, long_beads = _always_together(FULL_STRENGTH_BEADS)
    short, _, short_pairs = heldout_lexicon_features(short_words, short_words, short_beads)
    full, _, full_pairs = heldout_lexicon_features(long_words, long_words, long_beads)
    assert short_pairs == full_pairs == 1
    assert np.allclose(short.toarray(), full.toarray()[0, 0] * 40 / FULL_STRENGTH_BEADS)


def test_only_a_lexicon_learned_from_a_hundred_beads_scores_pairs():
    assert not scores_with_lexicon(SCORING_BEADS - 1) and scores_with_lexicon(SCORING_BEADS)


def test_a_short_pair_in_two_scripts_aligns_better_with_its_own_lexicon():
    # an invented language and its word-for-word translation in Cyrillic: nothing shared but lengths and the
    # full stops, and three sentences of the 40 left out of the translation
    import random

    from align.search.align import Options, align_segments

    rng = random.Random(5)
    vocab = ["".join(rng.choice("bdfgklmnprstv") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
             for _ in range(60)]
    cyrillic = dict(zip("abdefgiklmnoprstuv", "абдефгиклмнопрстув"))
    translated = ["".join(cyrillic[c] for c in word[::-1]) + "я" for word in vocab]
    sentences = [[rng.randrange(60) for _ in range(rng.randint(4, 14))] for _ in range(40)]
    src = [" ".join(vocab[w] for w in s).capitalize() + " ." for s in sentences]
    dropped = {7, 19, 30}
    tgt = [" ".join(translated[w] for w in s).capitalize() + " ." for k, s in enumerate(sentences) if k not in dropped]
    gold, j = [], 0
    for k in range(40):
        gold.append(((k,), ()) if k in dropped else ((k,), (j,)))
        j += k not in dropped

    def right(lexicon: bool) -> int:
        beads = {(b.src, b.tgt) for b in align_segments(src, tgt, None, None, Options(lexicon=lexicon))}
        return sum(g in beads for g in gold)
    assert right(True) > right(False) and right(True) >= 38


def test_held_out_features_need_support_from_other_parts():
    # word 0 pairs with word 0 in every bead; word k (k >= 1) only in bead k, so it can never be learned
    n = 200
    rows = np.zeros((n, n + 1), dtype=np.float32)
    rows[:, 0] = 1
    rows[np.arange(n), np.arange(1, n + 1)] = 1
    words = Csr.from_dense(rows)
    src_feats, tgt_feats, pairs = heldout_lexicon_features(words, words, [((k,), (k,)) for k in range(n)])
    assert pairs == 1 and src_feats.shape == (n, 1) and (src_feats.toarray() > 0).all()


def _taught(*beads):
    from align.search.lexicon import BeadWords
    return BeadWords(tuple(frozenset(s) for s, _ in beads), tuple(frozenset(t) for _, t in beads))


def test_word_pairs_are_learned_across_documents():
    from align.search.lexicon import learn_word_pairs
    docs = [_taught((["cat", "the"], ["chat", "le"]), (["dog"], ["chien"])),
            _taught((["cat"], ["chat"]), (["the", "dog"], ["le", "chien"]))]
    learned = {(s, t) for s, t, _ in learn_word_pairs(docs).pairs}
    assert {("cat", "chat"), ("dog", "chien"), ("the", "le")} <= learned and ("cat", "chien") not in learned


def test_a_document_never_sees_pairs_only_its_own_fold_teaches():
    from align.search.lexicon import heldout_word_pairs
    shared = (["cat"], ["chat"])
    docs = [_taught(shared, (["owl"], ["hibou"]), (["owl"], ["hibou"])), _taught(shared, shared), _taught(shared, shared)]
    lexicons = heldout_word_pairs(docs, folds=3)
    first = {(s, t) for s, t, _ in lexicons[0].pairs}
    assert ("cat", "chat") in first and ("owl", "hibou") not in first
    assert ("owl", "hibou") in {(s, t) for s, t, _ in lexicons[1].pairs}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sets(st.sampled_from("abcdefg"), max_size=3),
                                   st.sets(st.sampled_from("ABCDEFG"), max_size=3)), max_size=5), max_size=7),
       st.integers(1, 5))
def test_each_fold_learns_what_the_other_folds_alone_would_teach(documents, folds):
    from align.search.lexicon import heldout_word_pairs, learn_word_pairs
    docs = [_taught(*beads) for beads in documents]
    count = max(1, min(folds, len(docs)))
    fold_of = [k * count // max(1, len(docs)) for k in range(len(docs))]
    expected = [learn_word_pairs([d for d, g in zip(docs, fold_of) if g != f] if count > 1 else [], 1, 0.3)
                for f in fold_of]
    assert heldout_word_pairs(docs, folds, min_count=1, min_dice=0.3) == expected


def test_word_pairs_become_features_only_where_both_words_occur():
    from align.search.lexicon import WordPairs
    pairs = WordPairs((("cat", "chat", 1.0), ("owl", "hibou", 0.5)))
    src, tgt, found = pairs.features(presence([[1, 0], [0, 1]]), presence([[1], [0]]), ["cat", "dog"], ["chat"])
    assert found == 1 and src.toarray().tolist() == [[1.0], [0.0]] and tgt.toarray().tolist() == [[1.0], [0.0]]


def pasted(copies, distinct=300):
    """A document of `distinct` one-to-one beads pasted `copies` times: bead k has word k % 100 on both sides
    (so each word pair is seen in three beads of a copy) and a word of its own on each side; the first pass
    got bead 7 wrong: its target has, instead of word 7, a word that appears nowhere else."""
    words = distinct // 3
    own, stray = words, words + distinct
    src = np.zeros((distinct, words + distinct + 1), dtype=np.float32)
    tgt = np.zeros((distinct, words + distinct + 1), dtype=np.float32)
    for k in range(distinct):
        src[k, [k % words, own + k]] = 1
        tgt[k, [k % words, own + k]] = 1
    tgt[7, 7], tgt[7, stray] = 0, 1
    beads = [((k,), (k,)) for k in range(distinct * copies)]
    return presence(np.vstack([src] * copies)), presence(np.vstack([tgt] * copies)), beads


def test_copies_of_a_pasted_document_do_not_confirm_each_others_beads():
    # once: the wrong pair (source word 7, the stray target word) is seen in one bead and never learned;
    # pasted three times it would be seen three times, in three folds, unless the copies teach once
    for copies in (1, 3):
        src, tgt, beads = pasted(copies)
        src_feats, tgt_feats, _ = heldout_lexicon_features(src, tgt, beads)
        shared = src_feats.row_dots(tgt_feats)       # per segment: what its two sides' lexicon features share
        for c in range(copies):
            assert shared[7 + 300 * c] == 0
        # the right beads still find their word pairs in the other parts
        assert shared[20] > 0


def test_a_pasted_document_learns_what_one_copy_learns():
    once = heldout_lexicon_features(*pasted(1))[2]
    assert heldout_lexicon_features(*pasted(4))[2] == once
