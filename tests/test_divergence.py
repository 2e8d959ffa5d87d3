"""One test per divergence rule, on hand-made pairs."""
import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.search.anchors import find_anchors
from align.review.divergence import (PairView, added, check_pair, dropped, low_similarity, merged_or_split,
                                     number_mismatch, omissions_and_entities)
from align.review.figures import decimal_mark
from align.review.flags import Flag
from align.text.segment import Segment


def seg(doc, index, text, kind="sentence"):
    return Segment(doc, index, text, 0, len(text), kind)


def view(src, tgt, score=0.9, ratio=1.1, langs=("en", "fr"), similarity=1.0):
    return PairView(tuple(seg("s", k, t) if isinstance(t, str) else t for k, t in enumerate(src)),
                    tuple(seg("t", k, t) if isinstance(t, str) else t for k, t in enumerate(tgt)),
                    langs[0], langs[1], score, ratio, similarity=similarity)


def types(flags):
    return [(f.type, f.severity) for f in flags]


class TestAddedAndDropped:
    @pytest.mark.parametrize("kind, severity", [("link", "info"), ("meta", "info"), ("boilerplate", "info"),
                                                ("heading", "warning"), ("sentence", "error")])
    def test_added_severity_follows_what_the_line_is(self, kind, severity):
        flags = added(view([], [seg("t", 0, "Lire aussi : autre chose", kind)]))
        assert types(flags) == [("added", severity)] and flags[0].spans[0].segment == "t0"

    @pytest.mark.parametrize("text", ["This photo taken on May 26, 2023 shows new vehicles in Beijing.",
                                      "Cette photo prise le 26 mai montre des véhicules.",
                                      "Das Bild zeigt den Gipfel des Makalu."])
    def test_an_added_caption_is_information(self, text):
        (flag,) = added(view([], [text]))
        assert (flag.severity, flag.message.startswith("Photo caption")) == ("info", True)

    @pytest.mark.parametrize("kind, severity", [("heading", "info"), ("meta", "info"), ("sentence", "error")])
    def test_dropped_severity(self, kind, severity):
        assert types(dropped(view([seg("s", 0, "Interview: a headline", kind)], []))) == [("dropped", severity)]

    @pytest.mark.parametrize("kind, severity", [("heading", "warning"), ("meta", "info"), ("sentence", "error")])
    def test_a_heading_dropped_inside_the_text_is_a_warning(self, kind, severity):
        pair = dataclasses.replace(view([seg("s", 9, "A MYSTERY TO BE SOLVED", kind)], []), in_body=True)
        (flag,) = dropped(pair)
        assert (flag.type, flag.severity) == ("dropped", severity)
        assert ("section title" in flag.message) == (kind == "heading")

    def test_stray_characters_are_information(self):
        assert types(added(view([], ["”"]))) == [("added", "info")]
        assert types(dropped(view(["« ‘ »"], []))) == [("dropped", "info")]

    def test_pairs_with_both_sides_are_neither(self):
        pair = view(["One."], ["Un."])
        assert added(pair) == () and dropped(pair) == ()


class TestMergedOrSplit:
    @pytest.mark.parametrize("a, b, expected", [(1, 1, []), (2, 1, [("merged", "info")]),
                                                (1, 3, [("split", "info")]), (2, 2, [("merged", "info")])])
    def test_shape(self, a, b, expected):
        assert types(merged_or_split(view(["S."] * a, ["T."] * b))) == expected

    SRC = ["Jin visited the Shanghai robot factory on Monday.", "Exports of electric vehicles rose 30 percent."]
    TGT = ["Les exportations de véhicules électriques ont augmenté de 30 %.",
           "Jin a visité lundi l’usine de robots de Shanghai."]

    def test_sentences_in_another_order_are_reordered(self):
        (flag,) = merged_or_split(view(self.SRC, self.TGT))
        assert (flag.type, flag.severity) == ("reordered", "info")
        assert "s0 → t1, s1 → t0" in flag.message

    def test_sentences_in_order_are_one_block(self):
        (flag,) = merged_or_split(view(self.SRC, self.TGT[::-1]))
        assert flag.type == "merged"


class TestDecimalMark:
    @pytest.mark.parametrize("src, tgt, shown", [
        ("32.5 trillion yuan in 2023", "32.5 billions de yuans en 2023", "32,5"),
        ("a rise of 3.5 percent", "une hausse de 3.5 %", "3,5"),
        ("2,45 Milliarden Euro", "2,45 billion euros", "2.45"),
    ])
    def test_the_source_decimal_mark_kept_is_a_note(self, src, tgt, shown):
        langs = ("de", "en") if "Milliarden" in src else ("en", "fr")
        (flag,) = decimal_mark(view([src], [tgt], langs=langs))
        assert (flag.type, flag.severity) == ("number_mismatch", "info") and f"writes {shown}." in flag.message

    @pytest.mark.parametrize("src, tgt, langs", [
        ("32.5 trillion yuan", "32,5 billions de yuans", ("en", "fr")),   # the right form
        ("Web 2.0 and Python 3.11", "le Web 2.0 et Python 3.11", ("en", "fr")),   # versions keep their point
        ("at 14.30 hours", "um 14.30 Uhr", ("en", "de")),
        ("2,45 Milliarden", "2,45 milliards", ("de", "fr")),   # both write a decimal comma
        ("12.000 Firmen", "12.000 entreprises", ("de", "fr")),
    ])
    def test_right_forms_versions_and_times_are_left_alone(self, src, tgt, langs):
        assert decimal_mark(view([src], [tgt], langs=langs)) == ()


class TestNumberMismatch:
    @pytest.mark.parametrize("src, tgt", [
        ("12,000 firms", "12 000 entreprises"),
        ("12,000 firms", "12\u202f000 entreprises"),
        ("12,000 firms", "12\u00a0000 entreprises"),
        ("32.5 trillion yuan", "32,5 billions de yuans"),
        ("4.57 per cent", "4,57 %"),
        ("2.45 billion euros", "2,45 milliards d’euros"),
        ("2,450 billion euros", "2.450 milliards d’euros"),
        ("in 2023", "en 2023"),
        ("10km away, 5G networks", "à 10 km, réseaux 5G"),
        ("12,000 firms", "douze mille entreprises"),
        ("32.5 trillion yuan", "32,5 mille milliards de yuans"),
    ])
    def test_format_differences_are_not_mismatches(self, src, tgt):
        assert number_mismatch(view([src], [tgt])) == ()

    @pytest.mark.parametrize("src, tgt, severity", [
        ("12,000 firms", "15 000 entreprises", "error"),
        ("32.5 trillion yuan", "32,5 milliards de yuans", "error"),
        ("12,000 firms in 2023", "12 000 entreprises", "warning"),
        ("firms", "12 000 entreprises", "warning"),
        ("humanoid robots, 6G and atomic-level manufacturing", "robots humanoïdes, 5G et fabrication atomique", "error"),
        ("12,000 firms", "treize mille entreprises", "warning"),
    ])
    def test_mismatches(self, src, tgt, severity):
        (flag,) = number_mismatch(view([src], [tgt]))
        assert (flag.type, flag.severity) == ("number_mismatch", severity)

    @pytest.mark.parametrize("src, tgt, number, reads", [
        ("They hired 12,000 people last year.", "Ils ont embauché 12,000 personnes l'an dernier.", "12,000",
         "reads as 12;"),
        ("Revenue was 32.5 trillion yuan.", "Le chiffre d'affaires a atteint 32.5 trillions de yuans.",
         "32.5 trillions", "reads as 32.5 x 10^18;"),
    ])
    def test_a_number_kept_in_the_source_form_is_a_format_warning(self, src, tgt, number, reads):
        (flag,) = number_mismatch(view([src], [tgt]))
        assert (flag.severity, reads in flag.message, "write it as fr does" in flag.message) == ("warning", True, True)
        assert [(sp.side, tgt[sp.start:sp.end]) for sp in flag.spans] == [("target", number)]

    def test_a_number_kept_in_the_source_form_beside_a_changed_one(self):
        (flag,) = number_mismatch(view(["They hired 12,000 people in 2023."], ["Ils ont embauché 12,000 personnes en 2024."]))
        assert flag.severity == "error" and "2023" in flag.message and "reads as 12;" in flag.message
        assert len(flag.spans) == 3

    def test_a_sentence_left_in_the_source_language_has_its_numbers_read_as_the_source(self):
        text = "Noting that the digital industry reported a total revenue of 32.5 trillion yuan and 12,000 firms."
        assert number_mismatch(view([text], [text])) == ()

    def test_spans_cover_the_numbers(self):
        (flag,) = number_mismatch(view(["They hired 12,000 people."], ["Ils ont embauché 15 000 personnes."]))
        assert [(s.side, s.start, s.end) for s in flag.spans] == [("source", 11, 17), ("target", 17, 23)]


class TestAnchors:
    def test_names_acronyms_and_not_sentence_openers(self):
        s = seg("s", 0, "Jin said in an interview with Xinhua that SMEs in the U.S. will grow.")
        assert [a.text for a in find_anchors("source", s, "en")] == ["Xinhua", "SMEs"]

    def test_german_nouns_are_not_names(self):
        s = seg("s", 0, "Die Expedition erreichte den Gipfel mit der UNO.")
        assert [a.text for a in find_anchors("source", s, "de")] == ["UNO"]

    def test_all_caps_lines_have_no_acronyms(self):
        s = seg("t", 0, "AVEC NOTES COMPLÉMENTAIRES PAR G. O. DYHRENFURTH")
        assert find_anchors("target", s, "fr") == ()

    def test_spelling_variants_of_a_name_match(self):
        flags = omissions_and_entities(view(["Für den Kangchendzönga wurde bisher nur bekannt."],
                                            ["Quant au Kanchenjunga, on savait."], langs=("de", "fr")))
        assert flags == ()

    def test_multiword_names_with_connectors(self):
        s = seg("s", 0, "He spoke of the Ministry of Industry and Information Technology yesterday.")
        assert [a.text for a in find_anchors("source", s, "en")] == ["Ministry of Industry and Information Technology"]


class TestOmissionsAndEntities:
    SRC = "The plan supports small firms, Jin said in an interview with Xinhua."

    def test_missing_name_and_short_translation_is_a_partial_omission(self):
        flags = omissions_and_entities(view([self.SRC], ["Le plan soutient les petites entreprises, a dit Jin."]))
        assert types(flags) == [("partial_omission", "warning")]
        assert self.SRC[flags[0].spans[0].start:flags[0].spans[0].end] == "Xinhua"

    def test_missing_name_at_full_length_is_an_entity_mismatch(self):
        tgt = "Le plan soutient vraiment beaucoup les petites entreprises, a dit Jin lors d’un long entretien."
        assert types(omissions_and_entities(view([self.SRC], [tgt]))) == [("entity_mismatch", "warning")]

    def test_cognates_and_localised_acronyms_match(self):
        src = "China will support small and medium-sized enterprises (SMEs), said Jin."
        tgt = "La Chine soutiendra les petites et moyennes entreprises (PME), a déclaré Jin."
        assert omissions_and_entities(view([src], [tgt])) == ()

    def test_a_much_shorter_translation_is_reported_on_length_alone(self):
        src = ("The ministry will support the digital transformation and healthy growth of these firms across "
               "every province of the country over the next five years.")
        flags = omissions_and_entities(view([src], ["Le ministère soutiendra ces entreprises."]))
        assert types(flags) == [("partial_omission", "warning")]

    def test_name_added_in_the_translation(self):
        flags = omissions_and_entities(view(["The minister spoke."], ["Le ministre Dupont a parlé."]))
        assert types(flags) == [("entity_mismatch", "info")] and flags[0].spans[0].side == "target"


def test_across_scripts_a_translation_far_too_short_is_a_partial_omission_on_length_alone():
    src = "中国制造业增加值达32.5万亿元，连续14年位居全球首位，工业和信息化部部长金壮龙日前在接受新华社记者专访时表示。"
    full = ("China's manufacturing added value reached 32.5 trillion yuan, ranking first in the world for 14 "
            "consecutive years, Minister Jin Zhuanglong said in a recent interview with Xinhua.")
    cut = "Manufacturing reached 32.5 trillion yuan."
    ratio = len(full) / len(src)
    assert omissions_and_entities(view([src], [full], ratio=ratio, langs=("zh", "en"))) == ()
    (flag,) = omissions_and_entities(view([src], [cut], ratio=ratio, langs=("zh", "en")))
    assert (flag.type, flag.severity) == ("partial_omission", "warning")


class TestRespeltNames:
    def test_a_garbled_word_of_a_name_kept_otherwise_is_a_warning(self):
        src = "The plan was presented by Minister Jin Zhuanglong on Monday in Beijing."
        tgt = "Le plan a été présenté lundi à Pékin par le ministre Jin Zhuanlong."
        (flag,) = [f for f in omissions_and_entities(view([src], [tgt])) if "spelt" in f.message]
        assert (flag.type, flag.severity) == ("entity_mismatch", "warning")
        assert [(sp.side, (src if sp.side == "source" else tgt)[sp.start:sp.end]) for sp in flag.spans] == \
            [("source", "Zhuanglong"), ("target", "Zhuanlong")]

    def test_one_long_name_spelt_differently_is_information(self):
        flags = omissions_and_entities(view(["Then my uncle Liedenbrock came in quickly."],
                                            ["Alors mon oncle Lidenbrock entra rapidement."]))
        assert [(f.type, f.severity) for f in flags if "spelt" in f.message] == [("entity_mismatch", "info")]

    @pytest.mark.parametrize("src, tgt", [
        ("The delegation then flew on to Tunisia with the minister.", "La délégation s'est ensuite rendue en Tunisie avec le ministre."),
        ("The ship reached Hamburg on Monday evening.", "Le navire a atteint Hambourg lundi soir."),
        ("He lived in the Königstrasse in the old town.", "Il habitait la König-strasse dans la vieille ville."),
        ("Minister Jin Zhuanglong spoke on Monday.", "Le ministre Jin Zhuanglong a parlé lundi."),
    ])
    def test_translated_forms_hyphens_and_the_same_spelling_are_not_flagged(self, src, tgt):
        assert not [f for f in omissions_and_entities(view([src], [tgt])) if "spelt" in f.message]


def test_days_and_months_standing_alone_are_not_names():
    src = "The plan, presented on Monday and due in May 2025, pleased the March Hare."
    tgt = "Le plan, présenté lundi et attendu en mai 2025, a plu au Lièvre."
    messages = " ".join(f.message for f in omissions_and_entities(view([src], [tgt])))
    assert "Monday" not in messages and "“May" not in messages


def test_a_name_of_the_document_opening_a_sentence_is_looked_up_too():
    from align.search.anchors import document_names
    doc = [seg("s", 0, "The plan came from Minister Jin Zhuanglong and the council."),
           seg("s", 1, "' But the council , ' she said , ' but Jin agreed . '"),
           seg("s", 2, "Jin pointed out that the industry had grown quickly in the last ten years.")]
    names = document_names("source", doc, "en")
    assert "jin" in names and "but" not in names
    pair = dataclasses.replace(view([doc[2]], ["Li a souligné que l'industrie avait crû vite ces dix dernières années."]),
                               source_names=names)
    assert any("“Jin”" in f.message for f in omissions_and_entities(pair))
    assert not any("“Jin”" in f.message for f in omissions_and_entities(view([doc[2]], [pair.target[0]])))


class TestNameReplaced:
    SRC = "The plan was presented by Minister of Industry Jin Zhuanglong on Monday."

    def test_a_person_replaced_by_another_under_the_same_title_is_a_warning(self):
        tgt = "Le plan a été présenté lundi par le ministre de l’Industrie Li Qiang."
        flags = [f for f in omissions_and_entities(view([self.SRC], [tgt])) if f.type == "entity_mismatch"]
        assert [(f.severity, "“Li Qiang”" in f.message and "“Jin Zhuanglong”" in f.message) for f in flags] == \
            [("warning", True)]

    def test_a_title_replaced_before_the_same_person_is_a_warning(self):
        src = "The plan was presented by Minister of Industry and Information Technology Jin Zhuanglong on Monday."
        tgt = "Le plan a été présenté lundi par le ministre des Finances Jin Zhuanglong."
        flags = [f for f in omissions_and_entities(view([src], [tgt])) if f.type == "entity_mismatch"]
        assert [(f.severity, "“Finances”" in f.message and "Industry and Information Technology”" in f.message)
                for f in flags] == [("warning", True)]
        kept = "Le plan a été présenté lundi par le ministre de l’Industrie et des Technologies de l’information " \
               "Jin Zhuanglong."
        assert not [f for f in omissions_and_entities(view([src], [kept])) if f.type == "entity_mismatch"]

    @pytest.mark.parametrize("src, tgt", [
        # forms of address are localised: Mrs. and Miss / Mme
        ("They drank tea with Mrs. and Miss Bates at noon.", "Elles prirent le thé chez Mme Bates à midi."),
        # a list of names, each translated
        ("It involves Denmark, Finland, Iceland, Norway, Sweden, the Faroe Islands and Greenland.",
         "Að samstarfinu koma Danmörk, Finnland, Ísland, Noregur og Svíþjóð auk Færeyja og Grænlands."),
    ])
    def test_names_translated_word_by_word_are_not_replaced(self, src, tgt):
        flags = omissions_and_entities(view([src], [tgt]))
        assert not any("replaced" in f.message for f in flags)

    @pytest.mark.parametrize("tgt", [
        "Le plan a été présenté lundi par le ministre de l’Industrie Jin Zhuanglong, selon Xinhua.",  # a name added
        "Le plan a été présenté lundi par le ministre Jin Zhuanglong devant Li Qiang.",
    ])
    def test_a_name_added_beside_the_source_names_is_information(self, tgt):
        flags = [f for f in omissions_and_entities(view([self.SRC], [tgt])) if f.type == "entity_mismatch"]
        assert [f.severity for f in flags] == ["info"]


class TestLowSimilarity:
    def test_low_score(self):
        assert types(low_similarity(view(["One."], ["Deux."], score=0.2))) == [("low_similarity", "warning")]

    def test_message_names_what_the_sides_are(self):
        (flag,) = low_similarity(view(["One."], ["Deux."], score=0.2))
        assert "translate each other" in flag.message
        pair = PairView((seg("s", 0, "One."),), (seg("t", 0, "Two."),), "en", "en", 0.2, 1.0, ("hypothesis", "reference"))
        (flag,) = low_similarity(pair)
        assert "say the same thing" in flag.message

    def test_a_lowish_score_is_a_note_and_a_low_one_a_warning(self):
        # on published translations a score of 0.3-0.5 falls mostly on right, free pairs
        assert types(low_similarity(view(["One."], ["Deux."], score=0.4))) == [("low_similarity", "info")]
        assert types(low_similarity(view(["One."], ["Deux."], score=0.29))) == [("low_similarity", "warning")]

    def test_confident_pair_and_skips_are_not_flagged(self):
        assert low_similarity(view(["One."], ["Un."], score=0.8)) == ()
        assert low_similarity(view(["One."], [], score=0.0)) == ()

    def test_left_out_next_to_a_partial_omission(self):
        src = ("The ministry will support the digital transformation and healthy growth of these firms across "
               "every province of the country over the next five years.")
        flags = check_pair(view([src], ["Le ministère soutiendra ces entreprises."], score=0.1))
        assert [f.type for f in flags] == ["partial_omission"]

    def test_sides_that_share_nothing_are_another_sentence_not_an_omission(self):
        """A short translation that shares no content with its source replaces it rather than cuts it."""
        src = "The plan supports small firms, Jin said in an interview with Xinhua."
        flags = check_pair(view([src], ["Il fera beau demain à Brest."], score=0.0, similarity=0.05))
        assert [(f.type, f.severity) for f in flags] == [("low_similarity", "warning")]
        assert "share almost nothing" in flags[0].message
        cut = check_pair(view([src], ["Le plan soutient les petites entreprises."], score=0.0, similarity=0.6))
        assert "partial_omission" in [f.type for f in cut]


def test_flag_is_a_plain_frozen_dataclass():
    flag = Flag("added", "info", "x")
    with pytest.raises(AttributeError):
        flag.type = "dropped"


_ANCHOR_TEXT = st.text(alphabet=st.sampled_from(list("aAbBéÉxXyYsS.-«» ,:!?ΣσǅIU0")), max_size=40)


@settings(max_examples=600, deadline=None)
@given(_ANCHOR_TEXT, st.sampled_from(["en", "fr", "de"]))
def test_a_segment_skipped_unread_has_no_anchor(text, lang):
    from align.search.anchors import _scan_anchors, cannot_hold_anchors

    if cannot_hold_anchors(text, lang):
        assert _scan_anchors("source", seg("s", 0, text), lang) == ()


def test_only_a_segment_that_may_hold_an_anchor_is_read():
    from align.search.anchors import cannot_hold_anchors

    assert cannot_hold_anchors("Le ministre a parlé hier soir.", "fr")
    assert cannot_hold_anchors("« Il pleut », dit-il.", "fr")
    assert not cannot_hold_anchors("Le ministre a parlé à Paris.", "fr")
    assert not cannot_hold_anchors("le ministre de Paris.", "fr")
    assert cannot_hold_anchors("Der Minister sprach mit der Presse.", "de")   # nouns: only acronyms count
    assert not cannot_hold_anchors("Der Minister sprach vor der UNO.", "de")


def _number_flags(source, target, source_lang=None, target_lang=None):
    """The severities of the number flags `report` raises on a pair of texts."""
    from align.review.review import review_documents
    review = review_documents(source, target, source_lang, target_lang)
    return [f.severity for p in review.pairs for f in p.flags if f.type == "number_mismatch"]


@pytest.mark.parametrize("source, target", [
    ("国家统计局3日发布数据。", "The statistics bureau released the data on Tuesday."),
    ("国家统计局3日发布数据。", "The statistics bureau released the data on Dec. 3."),
    ("1至11月份，全国固定资产投资46.5万亿元。", "From January to November, fixed-asset investment reached 46.5 trillion yuan."),
    ("1至11月份，全国固定资产投资46.5万亿元。", "In the first 11 months, fixed-asset investment reached 46.5 trillion yuan."),
    ("L'Insee a publié les chiffres le 3 décembre.", "The statistics office released the figures on Tuesday."),
])
def test_a_date_said_in_words_on_one_side_is_no_missing_number(source, target):
    assert not _number_flags(source, target)


@pytest.mark.parametrize("source, target", [
    ("国家统计局3日发布数据。", "The statistics bureau released the data on Dec. 4."),
    ("L'Insee a publié les chiffres le 3 décembre.", "The statistics office released the figures on December 4."),
    ("30日内完成审查。", "The review will be completed within 20 days."),     # a count of days, not a date
    ("Следующее заседание совета директоров состоится 20 декабря.",
     "The next meeting of the board of directors will take place on December 21."),
])
def test_days_that_differ_are_still_an_error(source, target):
    assert _number_flags(source, target) == ["error"]


def test_a_number_in_chinese_characters_is_a_number_in_words():
    assert _number_flags("以扫跑来迎接他，两个人就哭了。", "And Esau ran to meet him: and they wept.") == []
    assert _number_flags("共有一百零五名代表出席。", "In all, 106 delegates attended.") == ["error"]
    assert _number_flags("共有105名代表出席了这次会议。",
                         "The delegates of all the provinces attended the meeting in the capital.") == ["warning"]


def test_the_one_of_an_exchange_rate_is_no_missing_number():
    assert _number_flags("円相場は一時1ドル＝150円台まで上昇した。日経平均株価は3万8000円で取引を終えた。",
                         "The yen briefly rose to the 150 level against the dollar. The Nikkei closed at 38,000.",
                         "ja", "en") == []


def test_korean_news_numbers_read_as_their_english():
    # 28일 is the 28th (on Thursday); 0.25%포인트 a percentage point; 1년 전 "a year earlier"
    assert _number_flags("한국은행은 28일 기준금리를 연 3.25%에서 3.00%로 0.25%포인트 인하했다. "
                         "수출은 지난달 1년 전보다 1.4% 증가한 563억 달러를 기록했다.",
                         "The Bank of Korea cut its benchmark rate by 0.25 percentage point to 3.00% from 3.25% "
                         "on Thursday. Exports rose 1.4% from a year earlier to $56.3 billion last month.",
                         "ko", "en") == []


def test_a_lone_one_against_another_figure_is_still_compared():
    assert _number_flags("Exports rose by 1 percent after 1 year of decline in the region.",
                         "Les exportations ont augmenté de 1 % après 2 ans de recul dans la région.",
                         "en", "fr") == ["error"]


def test_french_business_news_reads_as_its_english():
    # Mds and M€ are scales, XIXe siècle the 19th century, 3e trimestre the third quarter: no flag at all
    from align.review.review import review_documents
    review = review_documents("Le chiffre d'affaires du groupe a atteint 4,2 Mds € au 3e trimestre, en hausse de 5 %.\n"
                              "La société, fondée au XIXe siècle, emploie 12 500 salariés.\n"
                              "Le bénéfice net s'établit à 350 M€, contre 310 M€ un an plus tôt.\n",
                              "The group's revenue reached 4.2 billion euros in the third quarter, up 5%.\n"
                              "The company, founded in the 19th century, employs 12,500 people.\n"
                              "Net profit came to 350 million euros, compared with 310 million euros a year earlier.\n",
                              "fr", "en")
    assert [(f.type, f.message) for p in review.pairs for f in p.flags] == []


def test_ordinals_that_differ_are_still_an_error():
    assert _number_flags("Les ventes ont reculé au 3e trimestre dans toutes les régions du pays.",
                         "Sales fell in the 4th quarter in every region of the country.", "fr", "en") == ["error"]


def test_a_german_ordinal_is_the_english_ordinal_in_words():
    assert _number_flags("Der Umsatz stieg im 3. Quartal um 4 Prozent auf 2,5 Mrd. Euro.\n"
                         "Zum 2. Mal in Folge übertraf das Unternehmen die Erwartungen.\n",
                         "Sales rose 4 percent to 2.5 billion euros in the third quarter.\n"
                         "For the second time in a row, the company beat expectations.\n", "de", "en") == []


def test_polish_news_reads_as_its_english():
    # proc. is per cent (and no sentence end before `rok`), Polski is Poland's, procentowe an adjective
    from align.review.review import review_documents
    review = review_documents("PKB Polski wzrósł w trzecim kwartale o 2,7 proc. rok do roku, podał w czwartek GUS.\n"
                              "Prezes banku powiedział, że stopy procentowe pozostaną bez zmian.\n",
                              "Poland's GDP grew 2.7% year on year in the third quarter, the statistics office GUS "
                              "said on Thursday.\nThe bank's governor said interest rates would stay unchanged.\n",
                              "pl", "en")
    assert [(f.type, f.message) for p in review.pairs for f in p.flags] == []
    assert len(review.pairs) == 2


@pytest.mark.parametrize("source, target, lang", [
    ("Ekonomi Indonesia tumbuh 5,05 persen pada kuartal kedua, kata Badan Pusat Statistik pada Senin.\n"
     "Pemerintah menganggarkan belanja sebesar Rp 3.325 triliun untuk tahun depan.\n",
     "Indonesia's economy grew 5.05 percent in the second quarter, the statistics agency said on Monday.\n"
     "The government budgeted spending of 3,325 trillion rupiah for next year.\n", "id"),
    ("Xuất khẩu của Việt Nam đạt 190 tỷ USD trong sáu tháng đầu năm, tăng 6,93%.\n",
     "Vietnam's exports reached 190 billion dollars in the first six months of the year, up 6.93%.\n", "vi"),
])
def test_indonesian_and_vietnamese_news_read_as_their_english(source, target, lang):
    from align.review.review import review_documents
    from align.text.lang import detect_language
    assert detect_language(source) == lang
    review = review_documents(source, target)
    assert [(f.type, f.message) for p in review.pairs for f in p.flags if f.severity != "info"] == []
    assert not review.summary.warnings     # no "both sides are in en"


class TestAnotherPersonInPlace:
    """A person the translation names elsewhere is missing here, and a name the source never writes stands in
    the pair: `…, a déclaré Wang.` for `…, Jin said.`"""
    SRC = "The country will support small firms across the whole country, Jin said."

    def pair(self, tgt, **fields):
        base = view([self.SRC], [tgt])
        return dataclasses.replace(base, **{"target_names": frozenset({"jin"}), **fields})

    def test_a_name_the_source_never_writes_is_a_warning(self):
        flags = omissions_and_entities(self.pair("Le pays soutiendra les petites entreprises de tout le pays, "
                                                 "a déclaré Wang."))
        (flag,) = [f for f in flags if "stands where" in f.message]
        assert (flag.type, flag.severity) == ("entity_mismatch", "warning") and "“Wang”" in flag.message
        assert not any("does not appear in the source" in f.message for f in flags)

    def test_after_a_title_abbreviation_the_name_is_read_too(self):
        flags = omissions_and_entities(self.pair("Le pays soutiendra les petites entreprises de tout le pays, "
                                                 "a déclaré M. Wang."))
        assert any("“Wang”" in f.message and f.severity == "warning" for f in flags)

    def test_one_word_of_a_name_replaced_while_the_other_is_kept(self):
        src = "The plan was presented by Minister of Industry Jin Zhuanglong on Monday."
        pair = dataclasses.replace(view([src], ["Le plan a été présenté lundi par le ministre Wang Zhuanglong."]),
                                   target_names=frozenset({"jin", "zhuanglong"}))
        (flag,) = [f for f in omissions_and_entities(pair) if "stands where" in f.message]
        assert "“Wang”" in flag.message and "“Jin”" in flag.message and flag.severity == "warning"

    @pytest.mark.parametrize("tgt, fields", [
        # a form of address is no name of its own
        ("Le pays soutiendra les petites entreprises de tout le pays, a déclaré Monsieur.", {}),
        # a name of the source document: someone else the pair speaks of, not a replacement
        ("Le pays soutiendra les petites entreprises de tout le pays, a déclaré Wang.",
         {"source_names": frozenset({"wang"})}),
        # a name the translation gives throughout to one of its own (le Lapin for the Rabbit)
        ("Le pays soutiendra les petites entreprises de tout le pays, a déclaré le Lapin.",
         {"own_names": frozenset({"lapin"})}),
        # the same name inflected (Icelandic Höfn, genitive Hafnar) or written as it is
        ("Le pays soutiendra les petites entreprises de tout le pays, a déclaré Jinn.", {}),
    ])
    def test_no_warning_where_the_name_is_known_or_the_same(self, tgt, fields):
        flags = omissions_and_entities(self.pair(tgt, **fields))
        assert not any("stands where" in f.message for f in flags)


def test_a_capitalised_word_after_a_title_or_an_initial_is_a_name():
    text = "Il a ajouté, selon M. Wang et J. Smith, que le plan avançait."
    assert [a.text for a in find_anchors("target", seg("t", 0, text), "fr")] == ["Wang", "Smith"]


@pytest.mark.parametrize("word, other, same", [("Höfn", "Hafnar", True), ("Bolungarvík", "Vík", True),
                                               ("Zhuanglong", "Zhuanlong", True), ("Jin", "Wang", False),
                                               ("Perry", "Cole", False)])
def test_respelt_or_inflected_tells_one_name_from_another(word, other, same):
    from align.search.anchors import respelt_or_inflected
    assert respelt_or_inflected(word, other) is same


class TestNamesAcrossCyrillicAndGreek:
    RU = "«Мы видим устойчивое инфляционное давление», — заявила глава ЦБ Эльвира Набиуллина."
    EN = "\"We see persistent inflationary pressure,\" central bank governor Elvira Nabiullina said."

    def test_a_short_translation_without_the_name_is_a_partial_omission_naming_it(self):
        ratio = len(self.EN) / len(self.RU)
        (flag,) = omissions_and_entities(view([self.RU], ["\"We see persistent inflationary pressure.\""],
                                              ratio=ratio, langs=("ru", "en")))
        assert (flag.type, flag.severity) == ("partial_omission", "warning") and "Набиуллина" in flag.message

    def test_the_name_spelt_in_latin_letters_is_found(self):
        ratio = len(self.EN) / len(self.RU)
        assert omissions_and_entities(view([self.RU], [self.EN], ratio=ratio, langs=("ru", "en"))) == ()
        short = "\"We see inflationary pressure,\" Nabiullina said."
        flags = omissions_and_entities(view([self.RU], [short], ratio=ratio, langs=("ru", "en")))
        assert not any("Набиуллина" in f.message for f in flags)

    def test_a_greek_name_in_capitals_is_looked_up_in_latin_letters(self):
        en = "The economy grew 2.3% in the second quarter, the statistics authority ELSTAT said on Friday."
        el = "Η ελληνική οικονομία αναπτύχθηκε κατά 2,3% το δεύτερο τρίμηνο, ανακοίνωσε η ΕΛΣΤΑΤ την Παρασκευή."
        ratio = len(el) / len(en)
        from align.search.anchors import missing_across_scripts
        assert missing_across_scripts("source", (seg("s", 0, el),), (seg("t", 0, en),), "el") == []
        cut = seg("t", 0, "The economy grew 2.3% in the second quarter.")
        assert [a.text for a in missing_across_scripts("source", (seg("s", 0, el),), (cut,), "el")] == ["ΕΛΣΤΑΤ"]
        assert omissions_and_entities(view([el], [en], ratio=1 / ratio, langs=("el", "en"))) == ()


class TestChineseNamesInPinyin:
    ZH = "工业和信息化部部长金壮龙日前在接受新华社记者专访时表示，中国将加快推进新型工业化。"
    EN = "China will speed up new industrialization, Minister of Industry and Information Technology Jin Zhuanglong said."

    def flags(self, zh, en, langs=("zh", "en")):
        src, tgt = (zh, en) if langs[0] == "zh" else (en, zh)
        return [f for f in omissions_and_entities(view([src], [tgt], ratio=len(tgt) / len(src), langs=langs))
                if "no characters" in f.message]

    def test_the_name_its_characters_read_is_not_flagged(self):
        assert self.flags(self.ZH, self.EN) == []

    @pytest.mark.parametrize("name", ["Li Qiang", "Jin Zhuanlong"])
    def test_another_name_or_a_misspelt_one_is_a_warning(self, name):
        (flag,) = self.flags(self.ZH, self.EN.replace("Jin Zhuanglong", name))
        assert flag.severity == "warning" and f"“{name}”" in flag.message

    def test_english_to_chinese_too(self):
        assert len(self.flags(self.ZH, self.EN.replace("Jin Zhuanglong", "Li Qiang"), langs=("en", "zh"))) == 1

    def test_names_not_shaped_as_a_chinese_persons_are_left_alone(self):
        en = "China will speed up new industrialization, said Anna Smith of Hong Kong."
        assert self.flags(self.ZH, en) == []
