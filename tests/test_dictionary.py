"""The shipped Chinese-English dictionary: what it finds in a document, and what it changes in an alignment."""
from __future__ import annotations

import pytest

from align.search.align import Options, align_documents
from align.search.dictionary import dictionary_pairs, has_dictionary, word_key
from align.text.inflections import english_lemmas

CHINESE = """今天北京的天气很好，阳光明媚。
市场上的水果价格上涨了。
学生们在学校里学习数学和历史。
老人每天早上在公园里散步。
这家工厂生产汽车和卡车。
孩子们喜欢在河边玩水。
医生说病人需要多休息。
"""
# the third sentence (the pupils) left out: lengths alone cannot say which one is missing
ENGLISH = """The weather in Beijing is fine today, and the sun is shining.
The price of fruit in the market has risen.
The old man walks in the park every morning.
This factory produces cars and trucks.
The children like to play with water by the river.
The doctor said the patient needs more rest.
"""


def pairs_of(src_lang, tgt_lang, src_vocab, tgt_vocab):
    return {(s, t) for s, t, _ in dictionary_pairs(src_lang, tgt_lang, src_vocab, tgt_vocab).pairs}


class TestDictionaryPairs:
    def test_a_headword_meets_an_inflected_english_word(self):
        assert pairs_of("zh", "en", ["说", "儿子", "水"], ["said", "sons", "waters", "table"]) == {
            ("说", "said"), ("儿子", "sons"), ("水", "waters")}

    def test_either_direction_puts_the_source_word_first(self):
        assert pairs_of("en", "zh", ["said"], ["说"]) == {("said", "说")}

    def test_a_name_in_pinyin_meets_its_characters(self):
        assert ("近平", "jinping") in pairs_of("zh", "en", ["近平"], ["jinping"])

    def test_a_short_joined_reading_is_no_name(self):
        # 和 he + 恩 en: "hen" is an English word, not a name
        assert ("和恩", "hen") not in pairs_of("zh", "en", ["和恩"], ["hen"])

    def test_traditional_characters_are_looked_up_too(self):
        assert ("說", "say") in pairs_of("zh", "en", ["說"], ["say"])

    @pytest.mark.parametrize("pair", [("es", "en"), ("zh", "fr"), ("ja", "en"), (None, "en"), ("en", "en")])
    def test_no_dictionary_ships_for_other_pairs(self, pair):
        assert not has_dictionary(*pair)
        assert pairs_of(*pair, ["说"], ["say"]) == set()


class TestPrefixTables:
    def test_english_and_french_words_meet_through_their_beginnings(self):
        found = pairs_of("en", "fr", ["houses", "government", "the"], ["maisons", "gouvernement", "chat"])
        assert ("houses", "maisons") in found and ("government", "gouvernement") in found
        assert not any(t == "chat" for _, t in found)

    def test_french_to_english_puts_the_french_word_first(self):
        assert ("maisons", "houses") in pairs_of("fr", "en", ["maisons"], ["houses"])

    def test_german_and_french(self):
        assert ("regierung", "gouvernement") in pairs_of("de", "fr", ["regierung"], ["gouvernement"])


def test_word_key_orders_one_and_two_character_words_apart():
    assert word_key("说") == ord("说")
    assert word_key("儿子") == (ord("儿") << 21) + ord("子")
    assert word_key("子儿") != word_key("儿子")


@pytest.mark.parametrize("word, lemma", [("said", "say"), ("cities", "city"), ("stopped", "stop"),
                                         ("walks", "walk"), ("produces", "produce"), ("children", "child"),
                                         ("begat", "beget"), ("bigger", "big"), ("making", "make")])
def test_english_lemmas_undo_inflections(word, lemma):
    assert english_lemmas(word)[0] == word
    assert lemma in english_lemmas(word)


def test_no_plural_is_undone_on_a_word_ending_in_s():
    assert english_lemmas("glass") == ("glass",)


class TestAlignment:
    def test_the_dictionary_places_the_sentences_after_a_left_out_one(self):
        beads = [(b.src, b.tgt) for b in align_documents(CHINESE, ENGLISH, options=Options(presegmented=True)).beads]
        assert ((0,), (0,)) in beads and ((1,), (1,)) in beads
        for k in (4, 5, 6):
            assert ((k,), (k - 1,)) in beads
        assert any(3 in s and t == (2,) for s, t in beads)     # the old man: beside the left-out one or alone

    def test_without_it_lengths_alone_misplace_them(self):
        beads = [(b.src, b.tgt) for b in align_documents(CHINESE, ENGLISH,
                                                         options=Options(presegmented=True, dictionary=False)).beads]
        assert not all(((k,), (k - 1,)) in beads for k in (4, 5, 6))

    def test_a_short_pair_is_not_scored_on_it(self):
        # between two short texts on one topic the dictionary finds chance pairs: a wrong file would score as
        # a translation, so under 100 pairs the scores are those of the features without it
        with_it = align_documents(CHINESE, ENGLISH, options=Options(presegmented=True))
        unrelated = "The board met on Monday.\nIt approved the budget for next year.\nThe vote was unanimous.\n" * 2
        wrong = align_documents(CHINESE, unrelated, options=Options(presegmented=True))
        assert not with_it.lexical and not wrong.lexical
        paired = [b.score for b in wrong.beads if b.src and b.tgt]
        assert sum(paired) / len(paired) < 0.5


def test_a_short_latin_script_pair_is_aligned_on_its_own_evidence():
    # under 20 pairs the dictionary's chance matches could pull an inserted sentence into its neighbour's pair
    import os
    from align.review.review import review_documents
    seeds = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")
    with open(os.path.join(seeds, "001_4fa10e781d0ee104.txt"), encoding="utf-8") as handle:
        english = handle.read()
    with open(os.path.join(seeds, "000_b2c92323d477a4f3.txt"), encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    lines.insert(7, "Cette phrase a été ajoutée par erreur dans la traduction et ne correspond à rien.")
    french = "\n".join(lines)
    with_it, without = (align_documents(english, french, options=Options(dictionary=d)) for d in (True, False))
    assert [(b.src, b.tgt) for b in with_it.beads] == [(b.src, b.tgt) for b in without.beads]
    review = review_documents(english, french)
    assert any(f.type == "added" and f.severity == "error" for p in review.pairs for f in p.flags
               if any("ajoutée par erreur" in t.text for t in p.target))
