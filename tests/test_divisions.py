import pytest

from align.text.divisions import division_numbers


@pytest.mark.parametrize("heading, number", [
    ("CHAPTER I Down the Rabbit-Hole", "1"), ("CHAPITRE PREMIER .", "1"), ("LIVRE PREMIER", "1"),
    ("Erstes Kapitel", "1"), ("Zweiter Teil", "2"), ("Première partie", "1"), ("Chapter the First", "1"),
    ("Chapter One", "1"), ("BOOK IV", "4"), ("CHAPTER XXIV", "24"), ("Capítulo tercero", "3"),
    ("第一章", "1"), ("第十二章 归来", "12"), ("XIV.", "14"), ("II", "2"),
])
def test_a_heading_names_its_division_number_in_any_notation(heading, number):
    assert division_numbers(heading) == (number,)


@pytest.mark.parametrize("text", [
    "I went to the shop.",                                  # the pronoun, not a numeral
    "He took part in it.",                                  # a division word with no number by it
    "IIII", "Vi",                                           # not Roman numerals as written
    "In the first chapter of his long book he wrote of many things here and there.",   # prose, not a heading
    "第一次见面",                                             # 第一 with no division character: "the first time"
])
def test_prose_and_words_that_look_like_numerals_name_no_division(text):
    assert division_numbers(text) == ()


def test_a_heading_and_its_translation_share_a_number_feature():
    from align.search.vectors import Vocabulary, text_terms

    def number_features(text, lang):
        return list(text_terms([text], lang, Vocabulary()).number_columns)
    assert number_features("CHAPTER I", "en") == number_features("CHAPITRE PREMIER", "fr") != []
