"""The bilingual QA checks (one case that fires and one that must not, per check), the whole-pair doubts and
the glossary reader."""
import pytest

from align.review.divergence import PairView
from align.errors import AlignError
from align.review.qa import (CHECKS, brackets, check_names, doubled_word, inconsistencies, left_in_source_language,
                             doubled_sentence, repeated_lines,
                             placeholders, symbols, terminology_rule, untranslated, urls_and_emails, whitespace)
from align.text.glossary import Term, read_glossary
from align.review.review import Checks, review_documents
from align.review.sanity import LANGUAGE_MISMATCH, NOT_TRANSLATIONS, SAME_LANGUAGE, language_warnings, pair_score_warnings
from align.text.segment import Segment


def seg(doc, index, text, padding=("", "")):
    return Segment(doc, index, text, 0, len(text), padding=padding)


def view(src, tgt, source_lang="en", target_lang="fr", **kwargs):
    source = tuple(seg("s", k, t) if isinstance(t, str) else t for k, t in enumerate([src] if isinstance(src, str) else src))
    target = tuple(seg("t", k, t) if isinstance(t, str) else t for k, t in enumerate([tgt] if isinstance(tgt, str) else tgt))
    return PairView(source, target, source_lang, target_lang, 0.9, 1.1, **kwargs)


def types(flags):
    return [f.type for f in flags]


class TestUntranslated:
    def test_a_copy_of_the_source_is_an_error(self):
        (flag,) = untranslated(view("The company grew fast last year.", "The company grew fast last year."))
        assert flag.type == "untranslated" and flag.severity == "error"

    def test_names_and_codes_that_stay_as_they_are(self):
        assert untranslated(view("Nanga Parbat, Cho Oyu, Gasherbrum.", "Nanga Parbat, Cho Oyu, Gasherbrum.")) == ()
        assert untranslated(view("COVID-19", "COVID-19")) == ()

    def test_a_segment_left_in_the_source_language(self):
        (flag,) = left_in_source_language(view("The company grew fast last year.",
                                               "The company grew fast last year, it said."))
        assert flag.type == "untranslated" and "(en)" in flag.message

    def test_a_real_translation_with_an_english_name(self):
        assert left_in_source_language(view("He quoted The Washington Post on the economy.",
                                            "Il a cité le Washington Post à propos de l’économie.")) == ()

    def test_a_clause_left_in_the_source_language_inside_a_translated_sentence(self):
        src = ("Jin pointed out that although China has built a large industrial system, the adverse impact of "
               "changes in the external environment is increasing.")
        tgt = ("Jin a souligné que même si la Chine a construit un vaste système industriel, the adverse impact of "
               "changes in the external environment is increasing.")
        (flag,) = left_in_source_language(view(src, tgt))
        assert (flag.type, flag.severity) == ("untranslated", "warning")
        (span,) = flag.spans
        assert tgt[span.start:span.end] == "the adverse impact of changes in the external environment is increasing"

    @pytest.mark.parametrize("src, tgt", [
        # a title kept in English: words copied, but not a clause of the source's language
        ("She read The Lord of the Rings twice during the summer with her brother.",
         "Elle a lu The Lord of the Rings deux fois pendant les vacances d’été avec son frère."),
        # names and numbers in common, the rest translated
        ("The Nanda Devi Sanctuary, 7816 m, was closed in 1983 by India.",
         "Le sanctuaire de la Nanda Devi, 7816 m, a été fermé en 1983 par l’Inde."),
    ])
    def test_names_and_titles_kept_are_not_a_part_left_untranslated(self, src, tgt):
        assert left_in_source_language(view(src, tgt)) == ()

    def test_same_language_is_not_untranslated(self):
        assert untranslated(view("It rained all day.", "It rained all day.", "en", "en")) == ()

    def test_across_scripts_a_segment_in_the_source_script(self):
        (flag,) = left_in_source_language(view("新华社北京8月31日电 中国将加快发展先进制造业。",
                                               "新华社北京8月31日电 中国将加快发展先进制造业。还有。", "zh", "en"))
        assert flag.type == "untranslated"


class TestDoubledWord:
    def test_fires(self):
        (flag,) = doubled_word(view("He left the room.", "Il a quitté la la pièce."))
        assert flag.spans[0].start == "Il a quitté ".__len__() and "“la la”" in flag.message

    def test_grammar_and_source_doubles_do_not(self):
        assert doubled_word(view("We met.", "Nous nous sommes rencontrés.")) == ()
        assert doubled_word(view("It was very very cold.", "Il faisait très très froid.")) == ()
        assert doubled_word(view("He had had enough.", "Il en avait assez.")) == ()


class TestWhitespace:
    def test_double_space_in_the_translation(self):
        (flag,) = whitespace(view("He left.", "Il est  parti."))
        assert flag.type == "whitespace" and (flag.spans[0].start, flag.spans[0].end) == (6, 8)

    def test_double_space_in_both_is_the_document_style(self):
        assert whitespace(view("He left.  Then.", "Il est  parti.")) == ()

    def test_padding_the_source_does_not_have(self):
        (flag,) = whitespace(view([seg("s", 0, "He left.")], [seg("t", 0, "Il est parti.", (" ", ""))]))
        assert "leading" in flag.message
        assert whitespace(view([seg("s", 0, "He left.", (" ", ""))], [seg("t", 0, "Il est parti.", (" ", ""))])) == ()


class TestBrackets:
    def test_a_bracket_that_does_not_close(self):
        (flag,) = brackets(view("See the book (Makalu, Arthaud).", "Voyez le livre {Makalu, Arthaud)."))
        assert flag.type == "bracket"

    def test_list_markers_and_balanced_brackets(self):
        assert brackets(view("a) the refraction", "a ) la réfraction")) == ()
        assert brackets(view("He (the minister) left.", "Il (le ministre) est parti.")) == ()
        assert brackets(view("See ( Basel :", "Voir ( Bâle :")) == ()   # the source's runs on too


class TestUrlsAndEmails:
    def test_a_changed_address(self):
        (flag,) = urls_and_emails(view("Write to press@example.org or see https://example.org/news.",
                                       "Écrivez à presse@example.org ou voyez https://example.org/news."))
        assert "press@example.org" in flag.message and "presse@example.org" in flag.message

    def test_the_same_addresses_and_handles(self):
        assert urls_and_emails(view("Follow @xinhua and see www.news.cn.", "Suivez @xinhua et voyez www.news.cn.")) == ()

    def test_an_address_in_capitals_a_hashtag_and_a_lost_handle(self):
        (flag,) = urls_and_emails(view("See WWW.NEWS.CN and #Xinhua, or ask @xinhua.", "Voir #Xinhua, ou demandez."))
        assert "www.news.cn" in flag.message and "@xinhua" in flag.message and "#Xinhua" not in flag.message


class TestPlaceholders:
    def test_a_lost_placeholder_is_an_error(self):
        (flag,) = placeholders(view("Hello {0}, you have %d new <b>messages</b>.",
                                    "Bonjour, vous avez %d nouveaux <b>messages</b>."))
        assert flag.severity == "error" and "{0}" in flag.message

    def test_moved_placeholders_are_fine(self):
        assert placeholders(view("{name} has {count} files.", "{count} fichiers pour {name}.")) == ()

    def test_a_percent_sign_in_french_typography_is_no_format(self):
        # `5,9 % cette`, `12 % d'entre`, `3 % des` read as the formats `% c`, `% d` before this rule
        assert placeholders(view("La production a augmenté de 5,9 % cette année, 12 % d'entre elles et 3 % des autres.",
                                 "Production rose 5.9 percent this year, 12 percent of them and 3 percent of others.",
                                 "fr", "en")) == ()

    def test_formats_after_words_still_count(self):
        (flag,) = placeholders(view("Found %d files in % d folders, %s left.", "Trouvé des fichiers, %s restants."))
        assert "%d" in flag.message and "% d" in flag.message


class TestSymbols:
    def test_a_symbol_on_one_side(self):
        (flag,) = symbols(view("Go to room #5 now.", "Allez en salle 5 maintenant."))
        assert "#" in flag.message

    def test_a_percent_written_out(self):
        assert symbols(view("It rose 5 per cent.", "Il a augmenté de 5 %.")) == ()
        assert symbols(view("It rose 5%.", "Il a augmenté de 5 %.")) == ()


class TestInconsistency:
    def pairs(self, *items):
        return [((seg("s", k, s),), (seg("t", k, t),)) for k, (s, t) in enumerate(items)]

    def test_one_source_two_translations(self):
        found = inconsistencies(self.pairs(("The board approved the plan.", "Le conseil a approuvé le plan."),
                                           ("It rained.", "Il a plu."),
                                           ("The board approved the plan.", "Le conseil a adopté le plan.")))
        assert set(found) == {0, 2} and "2 ways" in found[0][0].message

    def test_one_translation_two_sources(self):
        found = inconsistencies(self.pairs(("The board approved the plan.", "Le conseil a approuvé le plan."),
                                           ("The council adopted the plan.", "Le conseil a approuvé le plan.")))
        assert set(found) == {0, 1} and "2 different source" in found[1][0].message

    def test_consistent_repeats_and_short_replies(self):
        assert inconsistencies(self.pairs(("The board approved the plan.", "Le conseil a approuvé le plan."),
                                          ("The board approved the plan.", "Le conseil a approuvé le plan."),
                                          ("Yes.", "Oui."), ("Yes.", "Si."))) == {}


class TestGlossary:
    def test_a_missing_required_term(self):
        rule = terminology_rule([Term("board", ("conseil d’administration",))])
        (flag,) = rule(view("The board approved the plan.", "Le conseil a approuvé le plan."))
        assert flag.type == "terminology" and flag.spans[0].side == "source"

    def test_the_term_used_or_absent(self):
        rule = terminology_rule([Term("board", ("conseil d’administration", "CA"))])
        assert rule(view("The board met.", "Le CA s’est réuni.")) == ()
        assert rule(view("The boardroom was empty.", "La salle était vide.")) == ()   # a whole word only

    def test_tsv_csv_and_tbx(self, tmp_path):
        (tmp_path / "g.tsv").write_text("source\ttarget\nboard\tconseil\tCA\n# a comment\n", encoding="utf-8")
        assert read_glossary(str(tmp_path / "g.tsv")) == (Term("board", ("conseil", "CA")),)
        (tmp_path / "g.csv").write_text("board,conseil\n", encoding="utf-8")
        assert read_glossary(str(tmp_path / "g.csv")) == (Term("board", ("conseil",)),)
        (tmp_path / "g.tbx").write_text(
            '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>'
            '<termEntry id="1"><langSet xml:lang="en"><tig><term>board</term></tig></langSet>'
            '<langSet xml:lang="fr-FR"><tig><term>conseil</term></tig></langSet></termEntry>'
            '</body></text></martif>', encoding="utf-8")
        assert read_glossary(str(tmp_path / "g.tbx"), "en", "fr") == (Term("board", ("conseil",)),)

    def test_a_bad_glossary_is_one_error(self, tmp_path):
        (tmp_path / "g.tsv").write_text("board\n", encoding="utf-8")
        with pytest.raises(AlignError, match="g.tsv:1"):
            read_glossary(str(tmp_path / "g.tsv"))


class TestSkipCheck:
    def test_names_are_checked(self):
        assert check_names(["doubled_word,whitespace", "added"]) == {"doubled_word", "whitespace", "added"}
        with pytest.raises(AlignError, match="unknown check 'spelling'"):
            check_names(["spelling"])
        assert "untranslated" in CHECKS and "terminology" in CHECKS

    def test_a_skipped_check_raises_nothing(self):
        src, tgt = "He sold the cars. It rained.", "Il a vendu les les voitures. Il a plu."
        assert "doubled_word" in {f.type for p in review_documents(src, tgt, "en", "fr").pairs for f in p.flags}
        review = review_documents(src, tgt, "en", "fr", checks=Checks(skip=frozenset({"doubled_word"})))
        assert "doubled_word" not in {f.type for p in review.pairs for f in p.flags}


class TestDoubts:
    def test_two_texts_in_one_language(self):
        (doubt,) = language_warnings("The talks went on for hours in the city.", "The talks went on in the city.",
                                     None, None)
        assert doubt.kind == SAME_LANGUAGE and "align compare" in doubt.message

    def test_languages_given_against_the_text(self):
        doubts = language_warnings("The talks went on for hours in the city.",
                                   "Les pourparlers ont duré des heures dans la ville.", "fr", "en")
        assert [d.kind for d in doubts] == [LANGUAGE_MISMATCH, LANGUAGE_MISMATCH]

    def test_a_region_tag_is_not_a_contradiction(self):
        assert language_warnings("The talks went on for hours in the city.",
                                 "Les pourparlers ont duré des heures dans la ville.", "en-US", "fr-CA") == ()

    def test_most_pairs_low(self):
        (doubt,) = pair_score_warnings([0.1, 0.2, 0.9, 0.3, 0.05], 0.5)
        assert doubt.kind == NOT_TRANSLATIONS
        assert pair_score_warnings([0.1, 0.2, 0.9, 0.3, 0.05], 0.5, lexical=False) == ()
        assert pair_score_warnings([0.4, 0.45, 0.9, 0.3, 0.8], 0.5) == ()     # loose, not wrong


class TestRepeatedLines:
    SENTENCE = "Le pays accélérera le développement d’un système industriel moderne."

    def pairs(self, *rows):
        return [(tuple(seg("s", k, t) for t in src), tuple(seg("t", k, t) for t in tgt)) for k, (src, tgt) in
                enumerate(rows)]

    def test_a_translation_sentence_pasted_twice_names_its_first_copy(self):
        pairs = self.pairs((["The country will speed up."], [self.SENTENCE]), ([], [self.SENTENCE]),
                           (["It said so."], ["Il l’a dit."]))
        notes = repeated_lines(pairs)
        assert list(notes) == [1] and "t0" in notes[1] and "(pair 0)" in notes[1]

    def test_short_formulas_and_headings_repeat_as_they_should(self):
        pairs = self.pairs((["Thank you."], ["Merci bien."]), ([], ["Merci bien."]))
        assert repeated_lines(pairs) == {}
        heading = Segment("t", 1, "Stiftung für alpine Forschungen , Zürich", 0, 40, "heading")
        pairs = [(pairs[0][0], (Segment("t", 0, heading.text, 0, 40, "heading"),)), ((), (heading,))]
        assert repeated_lines(pairs) == {}

    def test_a_sentence_given_twice_inside_one_pair_is_added(self):
        tgt = "Il construira des usines dans chaque province cette année."
        (flag,) = doubled_sentence(view(["It will build factories in every province this year."], [tgt, tgt]))
        assert (flag.type, flag.severity, flag.spans[0].segment) == ("added", "error", "t1") and "t1 repeats t0" in \
            flag.message
        assert doubled_sentence(view([tgt, tgt], [tgt, tgt], "fr", "fr")) == ()   # the source has it twice too

    def test_the_review_of_a_seed_with_a_paragraph_pasted_twice_says_so(self, source_text, target_text):
        src, lines = source_text, target_text.split("\n")
        review = review_documents(src, "\n".join(lines[:3] + [lines[2]] + lines[3:]), "en", "fr")
        added = [f for p in review.pairs for f in p.flags if f.type == "added" and f.severity == "error"]
        assert len(added) == 1 and "pasted twice?" in added[0].message
