"""End to end: `report` on a short Chinese news text and its English translation (examples/zh-en/)."""
import json
import os

import pytest

from align.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "examples", "zh-en")
SOURCE = os.path.join(EXAMPLE, "source.zh.txt")
TARGET = os.path.join(EXAMPLE, "translation.en.txt")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("zh-en")
    assert main(["report", SOURCE, TARGET, "--out", str(out)]) == 0
    with open(out / "report.json", encoding="utf-8") as handle:
        return json.load(handle)


def _pairs(report):
    return [(tuple(p["source_ids"]), tuple(p["target_ids"]), tuple(f["type"] for f in p["flags"]))
            for p in report["pairs"]]


def test_languages_are_detected(report):
    assert (report["source"]["lang"], report["target"]["lang"]) == ("zh", "en")


def test_chinese_sentences_headline_and_dateline(report):
    kinds = [(s["id"], s["kind"]) for s in report["source"]["segments"]]
    assert kinds[:3] == [("s0", "heading"), ("s1", "meta"), ("s2", "sentence")]
    assert len(kinds) == 8   # “这些成就来之不易。”金壮龙说。 is one sentence


def test_sentences_pair_in_order_and_headline_is_dropped(report):
    pairs = _pairs(report)
    assert pairs[0][:2] == (("s0",), ())
    # the datelines pair with each other, then each sentence with its translation
    assert [p[:2] for p in pairs[1:5]] == [(("s1",), ("t0",)), (("s2",), ("t1",)), (("s3",), ("t2",)),
                                           (("s4",), ("t3",))]


def test_number_forms_agree_and_the_changed_number_is_an_error(report):
    by_pair = {tuple(p["source_ids"]): p for p in report["pairs"]}
    numbers = [(k, f["severity"], f["message"]) for k, p in by_pair.items() for f in p["flags"]
               if f["type"] == "number_mismatch"]
    # 32.5万亿 = 32.5 trillion, 40万 = 400,000, 383.7万 = 3.837 million, 5200万 = 52 million, 8月 = Aug.
    assert numbers == [(("s4",), "error", "Numbers disagree: the source has 51% where the translation has "
                                          "15 percent.")]


def test_the_sentence_the_translation_leaves_out_is_told_by_length(report):
    # 他还表示…（MIIT will keep supporting private firms) has no English: with no shared characters and no
    # lexicon every similarity is low, so the length alone has to say it, at the pair that holds it
    omissions = [((tuple(p["source_ids"]), tuple(p["target_ids"])), f["severity"]) for p in report["pairs"]
                 for f in p["flags"] if f["type"] == "partial_omission"]
    assert omissions == [((("s5", "s6"), ("t4",)), "warning")]


def test_names_across_scripts_are_not_flagged_and_the_summary_explains_the_scores(report):
    types = {t for p in _pairs(report) for t in p[2]}
    assert "entity_mismatch" not in types and "low_similarity" not in types
    assert any("placed by length, numbers, names and the shipped bilingual dictionary" in note
               for note in report["summary"]["notes"])


def test_segment_shows_one_chinese_sentence_a_line(capsys):
    assert main(["segment", SOURCE]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8 and lines[2].endswith("连续14年位居全球首位。")


def _example():
    with open(SOURCE, encoding="utf-8") as src, open(TARGET, encoding="utf-8") as tgt:
        return src.read(), tgt.read()


def test_a_run_lexicon_gives_a_short_pair_the_evidence_it_lacks():
    from align.search.align import align_documents, taught_words
    from align.search.lexicon import learn_word_pairs
    from align.review.review import review_alignment
    source, target = _example()
    alone = align_documents(source, target)
    assert not alone.lexical
    # what other articles of the run taught (here: the same article twice, as stand-ins)
    pairs = learn_word_pairs([taught_words(alone), taught_words(alone)])
    helped = align_documents(source, target, word_pairs=pairs)
    assert helped.lexical and not review_alignment(helped).summary.notes


def test_batch_learns_a_lexicon_over_the_run(tmp_path):
    source, target = _example()
    lines = ["id\tsource\ttarget"]
    for k in range(3):
        (tmp_path / f"zh{k}.txt").write_text(source, encoding="utf-8")
        (tmp_path / f"en{k}.txt").write_text(target, encoding="utf-8")
        lines.append(f"p{k}\tzh{k}.txt\ten{k}.txt")
    (tmp_path / "manifest.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def notes(out, *extra):
        assert main(["batch", str(tmp_path / "manifest.tsv"), "--out", str(tmp_path / out), "--jobs", "1",
                     *extra]) == 0
        with open(tmp_path / out / "pairs" / "p0" / "report.json", encoding="utf-8") as handle:
            return json.load(handle)["summary"]["notes"]

    assert notes("with") == [] and notes("without", "--no-run-lexicon") != []


def test_a_chinese_sentence_left_in_the_english_translation_is_untranslated():
    from align.review.review import review_documents
    source, target = _example()
    lines = target.split("\n")
    left = "金壮龙说，中国将加快推进新型工业化，培育一批具有国际竞争力的先进制造业集群。"
    review = review_documents(source, "\n".join(lines[:3] + [left] + lines[4:]), "zh", "en")
    (pair,) = [p for p in review.pairs if any(t.text == left for t in p.target)]
    # the untranslated copy is as short as its source: no omission on top
    assert [(f.type, f.severity) for f in pair.flags] == [("untranslated", "error")]


def test_the_summary_counts_chinese_words_as_pairs_of_characters(report):
    # a Chinese sentence has no spaces: counted by letter runs it would be one or two "words"; two characters
    # make about a word, as the English side's count shows
    summary = report["summary"]
    assert 0.5 < summary["source_words"] / summary["target_words"] < 2.0


def test_summary_word_count_rules():
    from align.review.review import _word_total

    assert _word_total("He sold 12,000 cars in Paris.") == 7          # as before: runs of letters or digits
    assert _word_total("全国共有1.2万家企业。") == 6                    # 4 + 2 characters pairs, and 1, 2
    assert _word_total("Élève Übergröße") == 2
