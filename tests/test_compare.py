"""Same-language alignment on edits made to the post-edit of 004: split, merged, dropped and added sentences."""
import pytest

from align.compare.compare import compare_documents
from conftest import ROOT, read

REF = read(f"{ROOT}/examples/004_post-edit_align-project.txt")


def pairs_of(comparison):
    return [([s.text[:25] for s in p.source], [t.text[:25] for t in p.target], [f.type for f in p.flags])
            for p in comparison.review.pairs]


def find(comparison, text):
    return [p for p in comparison.review.pairs if any(text in s.text for s in p.source + p.target)]


def test_identical_texts_pair_one_to_one_and_score_100():
    c = compare_documents(REF, [REF], "en")
    assert all(len(p.source) == len(p.target) == 1 and not p.flags for p in c.review.pairs)
    assert c.corpus["bleu"].score == 100.0 and c.corpus["ter"].score == 0.0


def test_split_sentence_faces_its_whole_counterpart():
    hyp = REF.replace("He called for addressing technology bottlenecks and ensuring",
                      "He called for addressing technology bottlenecks. He also called for ensuring")
    (pair,) = find(compare_documents(hyp, [REF], "en"), "technology bottlenecks")
    assert len(pair.source) == 2 and len(pair.target) == 1


def test_merged_sentences_face_both_counterparts():
    hyp = REF.replace("However, the country’s manufacturing sector contracted in May. The official",
                      "However, the country’s manufacturing sector contracted in May, and the official")
    (pair,) = find(compare_documents(hyp, [REF], "en"), "contracted in May")
    assert len(pair.source) == 1 and len(pair.target) == 2


def test_dropped_and_added_sentences():
    dropped = "China’s top leadership attaches great importance to manufacturing"
    hyp = "\n".join(line for line in REF.split("\n") if not line.startswith(dropped))
    hyp = hyp.replace("“Important Driver”", "“Important Driver”\n\nThe weather in Beijing was sunny and warm "
                                            "on the day of the conference, organisers said.")
    c = compare_documents(hyp, [REF], "en")
    (gone,) = find(c, dropped)       # in the reference, not in the hypothesis: the hypothesis dropped it
    assert not gone.source and [f.type for f in gone.flags] == ["dropped"]
    (extra,) = find(c, "The weather in Beijing")   # the hypothesis says more
    assert not extra.target and [f.type for f in extra.flags] == ["added"]
    others = [p for p in c.review.pairs if p not in (gone, extra)]
    assert all(len(p.source) == len(p.target) == 1 and not p.flags for p in others)


def test_changed_number_is_flagged_and_scored():
    hyp = REF.replace("13 consecutive years", "15 consecutive years")
    (pair,) = find(compare_documents(hyp, [REF], "en"), "consecutive years")
    assert [f.type for f in pair.flags] == ["number_mismatch"]


def test_seed_004_against_its_post_edit():
    c = compare_documents(read(f"{ROOT}/seeds/004_61cc61bc62d06839.txt"), [REF], "en")
    merged = [p for p in c.review.pairs if len(p.source) > 1]
    assert any("needed, they added." in s.text for p in merged for s in p.source)
    assert any("enterprise." == s.text for p in merged for s in p.source)
    (view,) = find(c, "you’ll have this beautiful view")
    assert not view.target and [f.type for f in view.flags] == ["added"]    # the hypothesis has it, the post-edit not
    assert 80 < c.corpus["chrf"].score < 100


def test_several_references():
    other = REF.replace("Denis Depoux", "Denis Depou")
    c = compare_documents(REF, [REF, other], "en")
    assert c.corpus["bleu"].signature.startswith("nrefs:2|") and c.corpus["bleu"].score == 100.0
    assert all(len(texts) == 2 for texts in c.reference_texts)


def test_needs_a_reference():
    with pytest.raises(ValueError):
        compare_documents(REF, [], "en")


def test_diff_html_separates_a_replaced_word_from_its_replacement():
    from align.compare.diff import word_diff
    from align.report.comparison import diff_html

    html = diff_html(word_diff("He said <more>.", "They said more."))
    assert html.startswith("<del>He</del> <ins>They</ins> said ")
    assert "<del>&lt;</del>more<del>&gt;</del>" in html   # text is escaped
    assert diff_html(word_diff("Li added.", "Li added today.")).count(" ") == 2   # a pure insertion adds none


def test_a_cut_fragment_next_to_a_split_sentence_stays_unpaired():
    """The post-editor deletes a fragment and splits the next sentence: the fragment is `added` (the hypothesis
    has it), the split sentence faces both halves; the translation weights paired the fragment with the first
    half instead, and the sentence with the second."""
    from align.search.align import Options
    seed = read(f"{ROOT}/seeds/004_61cc61bc62d06839.txt")
    post_edit = seed.replace(" He said more resources should be pooled to strengthen.", "").replace(
        "The country needs to double down on its indigenous innovation to achieve core technology breakthroughs "
        "in key areas, they said.", "The country needs to double down on indigenous innovation. Only then can it "
        "achieve breakthroughs in core technologies in key areas, they said.")
    for options, right in ((Options(), True), (Options(same_language_weights=False), False)):
        c = compare_documents(seed, [post_edit], "en", options)
        (fragment,) = [p for p in c.review.pairs if any("resources should be pooled" in h.text for h in p.source)]
        (split,) = [p for p in c.review.pairs if any("its indigenous innovation" in h.text for h in p.source)]
        assert (not fragment.target and [f.type for f in fragment.flags] == ["added"]) == right
        assert (len(split.source) == 1 and len(split.target) == 2) == right


def test_same_language_weights_only_for_one_known_language_and_the_default_model():
    from align.search.align import Options, _model_for
    from align.search.costs import SAME_LANGUAGE, CostModel
    assert _model_for(Options(), "en", "en-GB").model == SAME_LANGUAGE
    assert _model_for(Options(), "en", "fr").model == CostModel()
    assert _model_for(Options(), "und", "und").model == CostModel() == _model_for(Options(), None, None).model
    own = CostModel(skip_open=5.0)
    assert _model_for(Options(model=own), "en", "en").model == own
    assert _model_for(Options(same_language_weights=False), "en", "en").model == CostModel()


class TestNamesDiffer:
    @staticmethod
    def flags(hyp, ref):
        from align.compare.compare import names_differ
        from align.review.view import PairView
        from align.text.segment import Segment
        pair = PairView((Segment("s", 0, hyp, 0, len(hyp)),), (Segment("t", 0, ref, 0, len(ref)),), "en", "en", 0.9,
                        1.0, ("hypothesis", "reference"))
        return names_differ(pair)

    def test_a_name_the_post_editor_corrected_is_a_warning(self):
        (flag,) = self.flags("Growth is crucial to high-tech manufacturing, Lee added.",
                             "Growth is crucial to high-tech manufacturing, Li added.")
        assert (flag.type, flag.severity) == ("entity_mismatch", "warning")
        assert "“Lee” where the reference has “Li”" in flag.message and len(flag.spans) == 2

    @pytest.mark.parametrize("hyp, ref", [
        ("Mr. Bai will foster giant companies.", "The country will foster giant companies."),   # one side only
        ("It was said by Minister Müller today.", "It was said by Minister Muller today."),   # accents
        ("The plan was praised by Mr. Li.", "The plan was praised by Mrs. Li."),   # forms of address
    ])
    def test_rewritten_sentences_case_and_address_are_not_name_changes(self, hyp, ref):
        assert self.flags(hyp, ref) == ()

    def test_the_committed_comparison_of_seed_004_names_the_corrected_names(self):
        import json
        with open(f"{ROOT}/reports/004-compare/report.json", encoding="utf-8") as handle:
            report = json.load(handle)
        messages = [f["message"] for p in report["pairs"] for f in p["flags"] if f["type"] == "entity_mismatch"]
        assert any("“Lee”" in m and "“Li”" in m for m in messages) and any("“Depu”" in m for m in messages)
