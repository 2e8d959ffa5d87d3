import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.search.align import align_documents, align_segments, band_around, shared_share
from align.text.segment import SENTENCE, split_document


@pytest.fixture
def body(source_text, target_text):
    """The ten body sentences of the seed pair, which translate one to one."""
    src = [s.text for s in split_document(source_text, "en") if s.kind == SENTENCE]
    tgt = [s.text for s in split_document(target_text, "fr") if s.kind == SENTENCE]
    assert len(src) == len(tgt) == 10
    return src, tgt


def pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def test_seed_body_aligns_one_to_one(body):
    src, tgt = body
    assert pairs(align_segments(src, tgt, "en", "fr")) == [((i,), (i,)) for i in range(10)]


def test_deleted_translation_is_a_one_to_zero_bead(body):
    src, tgt = body
    del tgt[4]
    got = pairs(align_segments(src, tgt, "en", "fr"))
    assert ((4,), ()) in got
    assert got.count(((9,), (8,))) == 1 and ((3,), (3,)) in got


def test_inserted_sentence_is_a_zero_to_one_bead(body):
    src, tgt = body
    tgt.insert(6, "Le temps sera ensoleillé demain sur toute la côte atlantique, selon Météo-France.")
    got = pairs(align_segments(src, tgt, "en", "fr"))
    assert ((), (6,)) in got and ((6,), (7,)) in got and ((5,), (5,)) in got


def test_merged_translation_is_a_two_to_one_bead(body):
    src, tgt = body
    tgt[2:4] = [tgt[2] + " " + tgt[3]]
    got = pairs(align_segments(src, tgt, "en", "fr"))
    assert ((2, 3), (2,)) in got and ((4,), (3,)) in got


def test_split_translation_is_a_one_to_two_bead(body):
    src, tgt = body
    head, tail = tgt[4].split(", Jin a déclaré")
    tgt[4:5] = [head + ".", "Jin a déclaré" + tail]
    got = pairs(align_segments(src, tgt, "en", "fr"))
    assert ((4,), (4, 5)) in got and ((5,), (6,)) in got


def test_scores_are_confident_on_the_seed_and_zero_for_skips(source_text, target_text):
    alignment = align_documents(source_text, target_text)
    both = [b for b in alignment.beads if b.src and b.tgt]
    assert len(both) == 10 and all(b.score > 0.5 for b in both)
    assert all(b.score == 0.0 for b in alignment.beads if not (b.src and b.tgt))


def test_seed_links_and_headline_are_left_unaligned(source_text, target_text):
    alignment = align_documents(source_text, target_text)
    unaligned_tgt = [b.tgt[0] for b in alignment.beads if not b.src]
    unaligned_src = [b.src[0] for b in alignment.beads if not b.tgt]
    assert unaligned_tgt == [4, 11] and unaligned_src == [0, 1, 2]


def test_long_pair_uses_the_banded_search_and_still_tiles(body):
    src, tgt = body
    src, tgt = src * 30, tgt * 30  # 300 x 300 with a tiny full-search limit: coarse to fine
    from align.search.align import Options
    beads = align_segments(src, tgt, "en", "fr", Options(full_search_cells=2000))
    assert pairs(beads) == [((i,), (i,)) for i in range(300)]


def test_band_around_covers_the_coarse_path():
    band = band_around([((0,), (0,)), ((1,), (1,)), ((2,), ())], 4, 12, 8, margin=2)
    assert band.lo[0] == 0 and all(band.lo[i] <= min(8, i) for i in range(13))
    assert all(band.lo[i] + band.width > min(8, i) for i in range(13))


_WORDS = st.sampled_from(["China", "Chine", "12 000", "the", "la", "industrie", "industry", "Jin", ".", "robots"])
_SENT = st.lists(_WORDS, min_size=0, max_size=8).map(" ".join)


_ZH_WORDS = st.sampled_from(["中国", "工业", "12000", "1.2万", "的", "。", "，", "Xinhua", "新华社", "“", "”", "？"])
_ZH_SENT = st.lists(_ZH_WORDS, min_size=0, max_size=8).map("".join)


@pytest.mark.parametrize("source_sentences, langs", [(_SENT, ("en", "fr")), (_ZH_SENT, ("zh", "en"))])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_two_segment_lists_tile_in_order(source_sentences, langs, data):
    src = data.draw(st.lists(source_sentences, max_size=12))
    tgt = data.draw(st.lists(_SENT, max_size=25))
    beads = align_segments(src, tgt, *langs)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all((b.src or b.tgt) and 0.0 <= b.score <= 1.0 for b in beads)


def test_chinese_and_english_sides_share_little():
    en = ["China's industry grew.", "Xinhua reported."]
    zh_m, en_m = _features(["中国工业增长。", "新华社报道。"], "zh", en, "en")
    fr_m, en_m2 = _features(["L'industrie chinoise a progressé.", "Xinhua l'a rapporté."], "fr", en, "en")
    assert shared_share(zh_m, en_m) < 0.5 < shared_share(fr_m, en_m2)


def _features(src, src_lang, tgt, tgt_lang):
    from align.search.vectors import Vocabulary, assign_columns, collect_terms
    src_terms = collect_terms(src, src_lang, Vocabulary())
    tgt_terms = collect_terms(tgt, tgt_lang, Vocabulary())
    width = assign_columns(src_terms, tgt_terms)
    return src_terms.counts(width), tgt_terms.counts(width)


def test_a_chinese_news_pair_aligns_one_to_one_by_length_numbers_and_names():
    zh = ["新华社北京8月31日电 工业和信息化部部长金壮龙表示，中国制造业增加值达32.5万亿元。",
          "今年以来，全国新建5G基站超过40万个，总数达到383.7万个。",
          "他说，中国将加快推进新型工业化。",
          "中小企业数量超过5200万户，比2018年末增长51%。",
          "金壮龙在接受新华社记者采访时说，这些成就来之不易。"]
    en = ["Jin Zhuanglong, minister of industry and information technology, said that the added value of "
          "China's manufacturing reached 32.5 trillion yuan.",
          "Since the beginning of this year, more than 400,000 new 5G base stations have been built, bringing "
          "the total to 3.837 million.",
          "China will speed up new industrialization, he said.",
          "The number of small and medium-sized enterprises exceeded 52 million, up 51 percent from the end of 2018.",
          "These achievements did not come easily, Jin told Xinhua in an interview."]
    beads = align_segments(zh, en, "zh", "en")
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(5)]


@pytest.mark.parametrize("text, debris", [
    ("Jú,", False), ("Hæ,", False), ("No , no !", False), ("Oui !", False), ("So...", False),   # dialogue
    ("( 2 )", True), ("- 12 -", True), ("|", True), ("S. 4", True),                          # scanning debris
])
def test_a_short_interjection_is_not_debris(text, debris):
    import numpy as np
    from align.search.align import _unrelated
    from align.search.vectors import letter_count
    letters = np.array([letter_count(text)])
    assert bool(_unrelated([text], [text], letters)[0]) == debris


@given(st.integers(0, 12), st.integers(0, 12), st.integers(1, 15), st.integers(0, 10_000))
@settings(max_examples=150, deadline=None)
def test_shared_share_is_the_share_of_rows_with_a_feature_of_the_other_side(n, m, width, seed):
    """Against the definition, empty rows and empty sides included: per side, the rows holding a column that
    some row of the other side holds (columns marked not content left out); the lower of the two shares."""
    import numpy as np
    from align.search.csr import Csr
    rng = np.random.default_rng(seed)
    a, b = ((rng.random((rows, width)) < rng.random() * 0.4).astype(np.float32) for rows in (n, m))
    not_content = rng.random(width) < 0.3

    def share(own, other, skip):
        columns = other.any(axis=0) & ~skip
        return float(np.mean((own[:, columns] > 0).any(axis=1))) if len(own) else 1.0
    for skip in (np.zeros(width, bool), not_content):
        expected = min(share(a, b, skip), share(b, a, skip))
        got = shared_share(Csr.from_dense(a), Csr.from_dense(b), skip if skip.any() else None)
        assert got == expected


def test_unscored_alignment_has_the_same_beads_with_scores_left_at_zero():
    from align.search.align import Options, align_documents
    src = "Der Berg ist hoch. Wir stiegen um 5 Uhr auf. Der Gipfel war frei."
    tgt = "La montagne est haute. Nous sommes montés à 5 heures. Le sommet était dégagé."
    scored = align_documents(src, tgt, "de", "fr")
    bare = align_documents(src, tgt, "de", "fr", Options(scores=False))
    assert [(b.src, b.tgt) for b in bare.beads] == [(b.src, b.tgt) for b in scored.beads]
    assert all(b.score == 0.0 and b.similarity == 0.0 for b in bare.beads)
    assert any(b.score > 0.5 for b in scored.beads)
