import sacrebleu

from align.compare.compare import compare_documents
from align.compare.scores import corpus_scores, pair_scores
from conftest import ROOT, read


def test_identical_pair_scores_perfectly():
    s = pair_scores("The cat sat on the mat.", ["The cat sat on the mat."])
    assert (s.bleu, s.chrf, s.ter) == (100.0, 100.0, 0.0)


def test_corpus_scores_equal_sacrebleu_over_the_listed_pairs():
    hyp = read(f"{ROOT}/seeds/004_61cc61bc62d06839.txt")
    ref = read(f"{ROOT}/examples/004_post-edit_align-project.txt")
    comparison = compare_documents(hyp, [ref], "en")
    hyps = [" ".join(s.text for s in p.source) for p in comparison.review.pairs]
    refs = [" ".join(t.text for t in p.target) for p in comparison.review.pairs]
    assert "" in refs and len(hyps) == len(comparison.review.pairs)  # an omitted side counts as an empty string
    assert comparison.corpus["bleu"].score == round(sacrebleu.corpus_bleu(hyps, [refs]).score, 4)
    assert comparison.corpus["chrf"].score == round(sacrebleu.corpus_chrf(hyps, [refs]).score, 4)
    assert comparison.corpus["ter"].score == round(sacrebleu.corpus_ter(hyps, [refs]).score, 4)
    assert comparison.corpus["bleu"].signature.startswith("nrefs:1|")


def test_multi_reference_scores_use_every_stream():
    result = corpus_scores(["a b c d"], [["a b c d"], ["w x y z"]])
    assert result["bleu"].score == 100.0 and result["bleu"].signature.startswith("nrefs:2|")
