import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.text.lang import (STOPWORDS, UNDETERMINED, abbreviations, detect_language, enough_evidence, script_family,
                             script_of, stopword_score, strip_accents)


@pytest.mark.parametrize("text, lang", [
    ("The country will accelerate the development of a modern industrial system.", "en"),
    ("Le pays accélérera le développement d’un système industriel moderne avec la fabrication.", "fr"),
    ("Es wäre also eigentlich zu erwarten, dass die Neuvermessung sehr starke Abweichungen liefern.", "de"),
    ("El país acelerará el desarrollo de un sistema industrial moderno con la fabricación.", "es"),
    ("Il paese accelererà lo sviluppo di un sistema industriale moderno e della manifattura.", "it"),
    ("O país vai acelerar o desenvolvimento de um sistema industrial moderno para a indústria.", "pt"),
    ("Het land zal de ontwikkeling van een modern industrieel systeem versnellen met de industrie.", "nl"),
    ("起初神创造天地。地是空虚混沌。", "zh"),
    ("新华社北京8月31日电 工业和信息化部部长金壮龙表示，5G基站已超过400万个。", "zh"),
    ("東京は日本の首都です。私は学生です。", "ja"),
    ("서울은 한국의 수도입니다.", "ko"),
    ("Москва — столица России, и это не так уж и плохо.", "ru"),
    ("Київ є столицею України, і це її найбільше місто.", "uk"),
    ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "el"),
    ("القاهرة هي عاصمة مصر.", "ar"),
    ("تهران پایتخت ایران است و بزرگترین شهر کشور.", "fa"),
    ("ירושלים היא בירת ישראל.", "he"),
    ("नई दिल्ली भारत की राजधानी है।", "hi"),
    ("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย", "th"),
    ("Norræn samvinna er eitt elsta og víðtækasta svæðasamstarf í heiminum og það er gott.", "is"),
])
def test_detects_language(text, lang):
    """By script first (Han, Kana, Cyrillic...), then by stop words."""
    assert detect_language(text) == lang


def test_detect_falls_back_to_default_without_words():
    assert detect_language("12 000 — 4,57", default="fr") == "fr"


def test_strip_accents_is_for_matching():
    assert strip_accents("Kangchendzönga Élève") == "kangchendzonga eleve"


def test_abbreviations_combine_common_and_language():
    assert {"etc", "mr"} <= abbreviations("en") and "z.b" in abbreviations("de")


def test_unknown_language_is_undetermined_not_english():
    assert detect_language("Xyloq vrask tumbel okarin zeft.") == UNDETERMINED
    assert detect_language("Lorem ipsum dolor sit amet, consectetur adipiscing elit.") == UNDETERMINED


@pytest.mark.parametrize("char, script", [("a", "Latin"), ("ß", "Latin"), ("中", "Han"), ("カ", "Kana"),
                                          ("한", "Hangul"), ("ж", "Cyrillic"), ("λ", "Greek"), ("ب", "Arabic"),
                                          ("א", "Hebrew"), ("क", "Devanagari"), ("ก", "Thai"), ("7", "Other"),
                                          ("。", "Other"), ("Ａ", "Latin")])
def test_script_of(char, script):
    assert script_of(char) == script


def test_undetermined_language_uses_every_abbreviation():
    assert {"mr", "z.b", "mme"} <= abbreviations(UNDETERMINED)



_MIXED = st.text(alphabet=st.sampled_from(list("abcÉéß1_ .,中文字かなカナ한국어Русскийελληνικάעבריתالعربيةहिन्दीไทย"
                                               "\u0301\u200b")), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_scripts_counts_runs_of_letters_as_many_letters_as_one_by_one(text):
    from collections import Counter

    from align.text import lang

    one_by_one = Counter({name: len(re.findall(f"(?=[{lang.character_class(frozenset([name]))}])[^\\W\\d_]", text))
                          for name, _ in lang._SCRIPT_PATTERNS})
    if text.isascii():
        one_by_one = Counter({"Latin": len(re.findall("[A-Za-z]", text))})
    elif not lang._NOT_LATIN.search(text):
        one_by_one = Counter({"Latin": len(re.findall(r"[^\W\d_]", text))})
    assert +lang.scripts(text) == +one_by_one


_LATIN_PROFILES = sorted(code for code in STOPWORDS if script_family(code) == "Latin")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for code in _LATIN_PROFILES for w in STOPWORDS[code]})), min_size=3,
                max_size=40),
       st.lists(st.sampled_from(list("éèàçäöüßñáþðæåøąęěšč")), max_size=6))
def test_detected_language_is_the_profile_the_text_scores_highest_on(words, letters):
    """detect_language counts every profile in one pass; its choice is the language whose stop words and letters
    the text scores highest on (`stopword_score`), the first in code order on a tie."""
    text = " ".join(words) + " " + " ".join(letters)
    found = detect_language(text)
    scores = {code: stopword_score(text, code) for code in sorted(STOPWORDS) if script_family(code) == "Latin"}
    best = max(scores.values())
    if found == UNDETERMINED:
        assert best < enough_evidence(len(re.findall(r"[^\W\d_]+", text)))
    else:
        assert scores[found] == best
        assert found == min(code for code, score in scores.items() if score == best)



def test_a_letter_keeps_its_combining_marks_in_its_word():
    # Python's \w leaves out the vowel signs and viramas of Indic scripts, Hebrew points and Arabic harakat
    from align.search.vectors import words
    from align.text.lang import word_count
    hindi = "भारतीय रिज़र्व बैंक ने शुक्रवार को रेपो दर 6.5% पर स्थिर रखी।"
    assert word_count(hindi) == 11 and words(hindi)[:2] == ["भारतीय", "रिज़र्व"]
    assert word_count("שָׁלוֹם עוֹלָם") == 2 and word_count("مَرْحَبًا بالعالم") == 2
    assert words("L’Élève a 12 ans") == ["l", "eleve", "a", "ans"]



def test_a_language_without_a_profile_is_undetermined_not_a_chance_match():
    # Swahili holds `bei` (German "at") once in 23 words: no reason to call it German
    swahili = ("Uchumi wa Kenya ulikua kwa asilimia 5 katika robo ya pili, shirika la takwimu lilisema Jumatatu. "
               "Mfumuko wa bei ulishuka hadi asilimia 2.7.")
    assert detect_language(swahili) == UNDETERMINED
    assert detect_language("Le marché chute.") == "fr" and detect_language("Ekonomi Indonesia tumbuh pada kuartal "
                                                                          "kedua, kata badan statistik.") == "id"
