"""Names on one side only: what a translation renders by its own words or by a pronoun is a note, not a warning."""
from align.review.review import review_documents
from align.search.anchors import find_anchors, translated_names
from align.text.segment import Segment

SOURCE = ("The Hatter opened his eyes very wide on hearing this.\n"
          "Then the Hatter said nothing for a while.\n"
          "Alice waited a little, and then the Hatter spoke again.\n"
          "Alice thought it over and said she did not know.\n"
          "She looked at Alice and smiled.\n")
TARGET = ("Le Chapelier ouvrit de grands yeux en entendant cela.\n"
          "Puis le Chapelier ne dit rien pendant un moment.\n"
          "Alice attendit un peu, puis le Chapelier reprit la parole.\n"
          "Elle y réfléchit et dit qu'elle ne savait pas.\n"
          "Elle regarda Alice et sourit.\n")


def _entity_flags():
    review = review_documents(SOURCE, TARGET, "en", "fr")
    return [(f.severity, f.message) for p in review.pairs for f in p.flags if f.type == "entity_mismatch"]


def seg(k, text):
    return Segment("s", k, text, 0, len(text))


def test_a_name_the_translation_renders_throughout_by_its_own_word_is_a_note():
    from align.review.divergence import omissions_and_entities
    from align.review.view import PairView

    pair = PairView((seg(0, "Then the Hatter said nothing for a while, and Alice sat down on the grass."),),
                    (Segment("t", 0, "Puis le Chapelier ne dit rien, et Alice s'assit sur l'herbe.", 0, 61),),
                    "en", "fr", 0.9, 1.1)
    assert [f.severity for f in omissions_and_entities(pair) if "Hatter" in f.message] == ["warning"]
    renamed = PairView(pair.source, pair.target, "en", "fr", 0.9, 1.1, renamed=frozenset({"hatter"}))
    (flag,) = [f for f in omissions_and_entities(renamed) if "Hatter" in f.message]
    assert flag.severity == "info" and "renders it by a word of its own" in flag.message


def test_a_name_the_translation_writes_elsewhere_is_a_note_where_a_pronoun_stands():
    flags = _entity_flags()
    assert ("info", "“Alice” from the source is not in this part of the translation, which names it elsewhere: "
                    "a pronoun or a rephrasing?") in flags
    assert not any(sev == "warning" for sev, _ in flags)


def test_translated_names_needs_several_sentences_and_no_trace_in_the_other_document():
    source = [seg(k, t) for k, t in enumerate(SOURCE.splitlines())]
    target = [seg(k, t) for k, t in enumerate(TARGET.splitlines())]
    assert translated_names("source", source, "en", target) == frozenset({"hatter"})
    assert translated_names("source", source[:2], "en", target) == frozenset()    # two sentences: too few


def test_a_capital_after_an_opening_quotation_mark_opens_a_sentence():
    segment = seg(0, "She heard the Rabbit say to itself , ' Oh dear ! ' and ‘ Do cats eat bats ? ’")
    assert [a.text for a in find_anchors("source", segment, "en")] == ["Rabbit"]


def test_a_name_lost_from_the_whole_translation_is_still_a_warning():
    review = review_documents("Minister Jin Zhuanglong spoke in Beijing on Monday.\n",
                              "Le ministre a parlé à Pékin lundi.\n", "en", "fr")
    flags = [(f.severity, f.message) for p in review.pairs for f in p.flags if f.type == "entity_mismatch"]
    assert flags and flags[0][0] == "warning" and "Jin Zhuanglong" in flags[0][1]


def test_a_place_each_language_names_its_own_way_is_not_missing():
    review = review_documents("The Bank of Spain warned that inflation could rise again in the spring.\n"
                              "Spain's economy grew in the third quarter, officials in Munich said.\n",
                              "El Banco de España advirtió de que la inflación podría volver a subir en primavera.\n"
                              "La economía española creció en el tercer trimestre, según fuentes de Múnich.\n",
                              "en", "es")
    assert [f for p in review.pairs for f in p.flags if f.type == "entity_mismatch"] == []


def test_exonyms_name_the_same_place_and_nothing_else():
    from align.text.exonyms import exonyms
    assert {"espagne", "spanien", "espana"} <= exonyms("spain") and "spain" in exonyms("испания")
    assert "munchen" in exonyms("munich") and exonyms("paris") == frozenset() and "spain" not in exonyms("spain")
    assert "poland" in exonyms("polski") and "austria" in exonyms("osterreicher")   # inflected, demonyms


def test_a_place_left_out_of_the_translation_is_still_a_warning():
    review = review_documents("Officials in Spain and in Munich said the economy grew strongly this year.\n",
                              "Des responsables à Munich ont dit que l'économie avait fortement progressé cette année.\n",
                              "en", "fr")
    flags = [(f.severity, f.message) for p in review.pairs for f in p.flags if f.type == "entity_mismatch"]
    assert flags and flags[0][0] == "warning" and "Spain" in flags[0][1]


def test_chapter_words_and_roman_numerals_are_no_names():
    text = "CHAPTER VII A Mad Tea-Party, in which Louis XIV appears"
    segment = Segment("s", 0, text, 0, len(text))
    assert [a.text for a in find_anchors("source", segment, "en")] == ["Mad Tea-Party", "Louis"]
    text = "She flew from Washington DC to see an MD about it."
    assert [a.text for a in find_anchors("source", Segment("s", 0, text, 0, len(text)), "en")] == ["Washington",
                                                                                                  "DC", "MD"]


def test_a_name_missing_from_a_translated_title_is_a_note():
    review = review_documents("CHAPTER VII A Mad Tea-Party\nThere was a table set out under a tree in front of the house.\n",
                              "CHAPITRE VII . UN THÉ DE FOUS .\nIl y avait une table dressée sous un arbre devant la maison.\n",
                              "en", "fr")
    flags = [f for p in review.pairs for f in p.flags if f.type == "entity_mismatch"]
    assert flags and all(f.severity == "info" for f in flags)


def test_a_place_replaced_by_another_is_a_warning():
    review = review_documents("China is planning to speed up its new industrialization, officials said on Tuesday.\n",
                              "Le Japon envisage d'accélérer sa nouvelle industrialisation, ont dit des responsables.\n",
                              "en", "fr")
    flags = [(f.severity, f.message) for p in review.pairs for f in p.flags if "another place" in f.message]
    assert flags == [("warning", "“Japon” in the translation stands where the source names “China”: another place?")]


def test_demonyms_and_places_each_side_names_its_own_way_are_no_replacement():
    review = review_documents("Das gelang, Engländer und Franzosen schieden als gute Kameraden in Deutschland.\n",
                              "Anglais et Français se séparèrent en bons camarades en Allemagne.\n", "de", "fr")
    assert not [f for p in review.pairs for f in p.flags if "another place" in f.message]


def test_a_person_replaced_where_a_sentence_opens_is_a_warning():
    source = ("Minister Jin Zhuanglong spoke in Beijing on Tuesday about the plan.\n"
              "Jin said the country would carry out major projects this year.\n")
    pronoun = ("Le ministre Jin Zhuanglong a parlé mardi à Pékin du plan.\n"
               "Il a déclaré que le pays mènerait à bien de grands projets cette année.\n")
    replaced = pronoun.replace("Il a déclaré", "Li a déclaré")
    flags = [(f.severity, f.message) for p in review_documents(source, replaced, "en", "fr").pairs for f in p.flags
             if f.type == "entity_mismatch"]
    assert flags == [("warning", "“Li” in the translation stands where the source names “Jin”: a name replaced?")]
    assert all(f.severity == "info" for p in review_documents(source, pronoun, "en", "fr").pairs for f in p.flags
               if f.type == "entity_mismatch")    # `Il` (a pronoun the text writes in lower case) is no name
