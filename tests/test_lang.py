import pytest

from align.lang import abbreviations, detect_language, strip_accents


@pytest.mark.parametrize("text, lang", [
    ("The country will accelerate the development of a modern industrial system.", "en"),
    ("Le pays accélérera le développement d’un système industriel moderne avec la fabrication.", "fr"),
    ("Es wäre also eigentlich zu erwarten, dass die Neuvermessung sehr starke Abweichungen liefern.", "de"),
    ("El país acelerará el desarrollo de un sistema industrial moderno con la fabricación.", "es"),
    ("Il paese accelererà lo sviluppo di un sistema industriale moderno e della manifattura.", "it"),
    ("O país vai acelerar o desenvolvimento de um sistema industrial moderno para a indústria.", "pt"),
    ("Het land zal de ontwikkeling van een modern industrieel systeem versnellen met de industrie.", "nl"),
])
def test_detects_language(text, lang):
    assert detect_language(text) == lang


def test_detect_falls_back_to_default_without_words():
    assert detect_language("12 000 — 4,57", default="fr") == "fr"


def test_strip_accents_is_for_matching():
    assert strip_accents("Kangchendzönga Élève") == "kangchendzonga eleve"


def test_abbreviations_combine_common_and_language():
    assert {"etc", "mr"} <= abbreviations("en") and "z.b" in abbreviations("de")
