import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.text.segment import (BOILERPLATE, HEADING, LINK, META, SENTENCE, classify_line, split_document, unwrapped,
                           split_sentences)


def sentences(text, lang="en"):
    return [text[s:e] for s, e in split_sentences(text, lang)]


class TestSplitSentences:
    @pytest.mark.parametrize("text, lang, expected", [
        ("Mr. Jin spoke. He left.", "en", ["Mr. Jin spoke.", "He left."]),
        ("M. Jin a parlé. Il est parti.", "fr", ["M. Jin a parlé.", "Il est parti."]),
        ("On Aug. 31 the minister spoke.", "en", ["On Aug. 31 the minister spoke."]),
        ("Firms in the U.S. and China grew.", "en", ["Firms in the U.S. and China grew."]),
        ("It grew in the U.S. The rest fell.", "en", ["It grew in the U.S.", "The rest fell."]),
        ("Revenue was 4.57 trillion. It rose.", "en", ["Revenue was 4.57 trillion.", "It rose."]),
        ("Le revenu est de 4,57 billions. Il augmente.", "fr", ["Le revenu est de 4,57 billions.", "Il augmente."]),
        ("Elle a formé 12 000 entreprises. Bien.", "fr", ["Elle a formé 12 000 entreprises.", "Bien."]),
        ("Cars, ships etc. were listed.", "en", ["Cars, ships etc. were listed."]),
        ("Cars, ships, etc. The list ended.", "en", ["Cars, ships, etc.", "The list ended."]),
        ("See No. 5 for details.", "en", ["See No. 5 for details."]),
        ("G. O. Dyhrenfurth wrote it.", "de", ["G. O. Dyhrenfurth wrote it."]),
        ("Das ist z.B. ein Test. Gut.", "de", ["Das ist z.B. ein Test.", "Gut."]),
        ("Am 3. Mai kam er an.", "de", ["Am 3. Mai kam er an."]),
        ("Der 2. Weltkrieg endete.", "de", ["Der 2. Weltkrieg endete."]),
        ("« Quoi ? » dit-il. Puis rien.", "fr", ["« Quoi ? » dit-il.", "Puis rien."]),
        ("Il a dit : « C’est fini. » Puis il est parti.", "fr", ["Il a dit : « C’est fini. »", "Puis il est parti."]),
        ("He said: “It is over.” Then he left.", "en", ["He said: “It is over.”", "Then he left."]),
        ("Why? Because! Fine.", "en", ["Why?", "Because!", "Fine."]),
        ("He waited... Then he left.", "en", ["He waited...", "Then he left."]),
        ("He waited… and left.", "en", ["He waited… and left."]),
        ("It fell (to 48.8 in May). Then it rose.", "en", ["It fell (to 48.8 in May).", "Then it rose."]),
        ("1. Vom Kangchendzönga ist nichts Neues.", "de", ["1. Vom Kangchendzönga ist nichts Neues."]),
        ("Growth is needed. needed, they added.", "en", ["Growth is needed.", "needed, they added."]),
        # Chinese and Japanese: no space after the full stop; closing quotes stay with their sentence
        ("起初神创造天地。地是空虚混沌。", "zh", ["起初神创造天地。", "地是空虚混沌。"]),
        ("他问：“你好吗？”我很好！谢谢……再见", "zh", ["他问：“你好吗？”", "我很好！", "谢谢……", "再见"]),
        ("增长了4.57%。工信部表示，将继续推进。", "zh", ["增长了4.57%。", "工信部表示，将继续推进。"]),
        ("東京は首都です。大阪は大きい！", "ja", ["東京は首都です。", "大阪は大きい！"]),
        ("「元気ですか？」と彼は聞いた。はい。", "ja", ["「元気ですか？」と彼は聞いた。", "はい。"]),
        ("价格是3.5元，不是4元。", "zh", ["价格是3.5元，不是4元。"]),
        # a quotation closed after its stop, then who said it: one sentence (“……。”付凌晖说。)
        ("“我们有信心实现目标。”付凌晖说。他还表示，经济平稳。", "zh", ["“我们有信心实现目标。”付凌晖说。", "他还表示，经济平稳。"]),
        ("“走吧！”他喊道。", "zh", ["“走吧！”他喊道。"]),
        ("他说：“你好。”我们都笑了起来，然后离开了那个地方。", "zh", ["他说：“你好。”", "我们都笑了起来，然后离开了那个地方。"]),
        ("你好吗?我很好.", "zh", ["你好吗?", "我很好."]),
        # Greek `;` is a question mark; elsewhere a semicolon does not end a sentence
        ("Τι κάνεις; Καλά είμαι.", "el", ["Τι κάνεις;", "Καλά είμαι."]),
        ("Wzrost o 2,7 proc. rok do roku. Potem spadek.", "pl", ["Wzrost o 2,7 proc. rok do roku.", "Potem spadek."]),
        ("Рост составил 5 тыс. рублей. Я сказал им. Потом ушёл.", "ru",
         ["Рост составил 5 тыс. рублей.", "Я сказал им.", "Потом ушёл."]),   # тыс. abbreviates; им is a word
        ("Πότε θα μειωθούν οι φόροι; ρώτησαν οι δημοσιογράφοι.", "el",
         ["Πότε θα μειωθούν οι φόροι; ρώτησαν οι δημοσιογράφοι."]),     # a question, then who asked it
        ("Il neige ; le camp est loin.", "fr", ["Il neige ; le camp est loin."]),
        ("هل أنت بخير؟ نعم.", "ar", ["هل أنت بخير؟", "نعم."]),
        ("यह एक वाक्य है। यह दूसरा है।", "hi", ["यह एक वाक्य है।", "यह दूसरा है।"]),
    ])
    def test_rule(self, text, lang, expected):
        assert sentences(text, lang) == expected


class TestClassifyLine:
    @pytest.mark.parametrize("line, kind", [
        (":La Chine reste le plus grand marché mondial de robots industriels", LINK),
        ("Lire aussi : la Chine et l’IA", LINK),
        ("Sur le même sujet : Pékin mise sur les robots", LINK),
        ("À voir aussi - Les robots humanoïdes", LINK),
        ("Pour aller plus loin : notre dossier", LINK),
        ("More on this: China's chip push", LINK),
        ("Weiterlesen: Chinas Industriepolitik", LINK),
        ("Voir la carte des usines ci-dessous.", SENTENCE),
        ("Read more: China's industrial robots", LINK),
        ("Lesen Sie auch: Roboter in China", LINK),
        ("https://www.example.com/article/1", LINK),
        ("Return to list", BOILERPLATE),
        ("© 2024 Xinhua. All rights reserved", BOILERPLATE),
        ("date 2024-09-02", META),
        ("Sources 1/ https://Google.com/ 2/ https://example.com/a.html", META),
        ("By John Smith", META),
        ("Editor: Li Wei", META),
        ("Industry news", HEADING),
        ("“Important Driver”", HEADING),
        ("China is mulling efforts to promote new industrialization.", SENTENCE),
        ("needed, they added", SENTENCE),
        ("( Traduit par L. S. )", META),                                 # translator credits
        ("(Trad. R. M.)", META),
        ("Translated from the German by Anthea Bell.", META),
        ("Traduit de l’allemand par E. A. Cuendet", META),
        ("Übersetzung: R. Z.", META),
        ("Translation is an art that few master well enough to be invisible.", SENTENCE),
        ("Translated by hand, the text took months to finish because every page had to be checked.", SENTENCE),
        ("[ Runic glyphs occur here ]", META),                            # editorial notes
        ("[ ... ]", META), ("[Illustration]", META),
        ("( Tr . )", META), ("(N.d.T.)", META),
        ("[1] In the cipher, audax is written avdas.", META),
        ("[ Redactor : In the original version the initial letter is an ' m '.", META),
        ("Come on , and after dinner-- \"", SENTENCE),                        # speech broken off
        ("\" C' est tout simple — \"", SENTENCE), ("one shilling the box-", SENTENCE),
        ("Part one - Introduction", HEADING),
        ("— Vous êtes vieux , par quelle adresse", SENTENCE), ("-- Ma chère Emma", SENTENCE),   # dialogue
        ("( Dinah was the cat . )", SENTENCE),                              # the author's own aside
        ("(He pronounced it 'arrum.')", SENTENCE),
        ("[The minister] said the plan would be ready in May.", SENTENCE),    # a quotation's inserted word
        ("And God spake unto Noah, saying,", SENTENCE),                    # a line ending in a comma goes on
        ("I", HEADING), ("XII.", HEADING), ("CHAPTER I. THE PROFESSOR AND HIS FAMILY", HEADING),
        ("CHAPITRE PREMIER .", HEADING), ("AU FOND DU TERRIER.", HEADING), ("ГЛАВА ПЕРВАЯ.", HEADING),  # titles
        ("STOP !", SENTENCE), ("HELP...", SENTENCE), ("-- NON .", SENTENCE),            # shouted speech
        ("THE TWO MEN LOOKED AT EACH OTHER FOR A LONG TIME WITHOUT SAYING A WORD OR MOVING .", SENTENCE),
        ("起初神创造天地。", SENTENCE),                                      # no ASCII full stop needed
        ("迦南生长子西顿，又生赫", SENTENCE),                                 # a comma: a clause, not a headline
        ("工信部部长金壮龙：加快推进新型工业化", HEADING),
        ("新型工业化 加快推进", HEADING),
        ("中国制造业增加值连续14年位居全球首位，这是一个很长的句子，没有句号但也不是标题", SENTENCE),
    ])
    def test_kind(self, line, kind):
        assert classify_line(line) == kind


class TestSplitDocument:
    def test_an_editorial_note_over_several_lines_is_a_note_up_to_its_closing_bracket(self):
        text = ("He spoke .\n[ Redactor : In the original the initial letter is an ' m ' .\n"
                "It is my supposition that this is the translator 's way , since our typography does not allow it . ]\n"
                "He left .\n[ Editor : a bracket that never closes\nHe came back .\n")
        kinds = [s.kind for s in split_document(text, "en", presegmented=True)]
        assert kinds == [SENTENCE, META, META, SENTENCE, META, SENTENCE]

    POEM = ("I must have been changed for Mabel!\n' How doth the little crocodile\nImprove his shining tail ,\n"
            "And pour the waters of the Nile\nOn every golden scale !\n")

    @pytest.mark.parametrize("presegmented", [True, False])
    def test_lines_of_a_verse_are_no_headings(self, presegmented):
        # the first line goes on into a short line ending in a comma, the third follows one
        kinds = [s.kind for s in split_document(self.POEM, "en", presegmented=presegmented)]
        assert kinds == [SENTENCE] * 5

    def test_a_verse_block_has_no_headings_even_between_unpunctuated_lines(self):
        text = ("That your eye was as steady as ever ;\nVous êtes vieux , par quelle adresse\nUne anguille qui se "
                "redresse\nDroit comme un I quand vous sifflez ?\nCessez de babiller ainsi ,\n")
        assert [s.kind for s in split_document(text, "fr", presegmented=True)] == [SENTENCE] * 5

    def test_chinese_lines_are_not_short_verse(self):
        # two Chinese headlines among long lines ending in commas: length counts the characters
        text = ("工信部部长金壮龙：加快推进新型工业化\n"
                "中国制造业增加值连续十四年位居全球首位，新型工业化正在全面推进，各地都在加快发展，\n"
                "新型工业化 加快推进\n")
        kinds = [s.kind for s in split_document(text, "zh", presegmented=True)]
        assert kinds[0] == HEADING

    def test_a_heading_before_prose_stays_a_heading(self):
        text = ("Industry news\nChina is mulling efforts to promote new industrialization, officials said on "
                "Monday at a press conference in Beijing.\n")
        assert [s.kind for s in split_document(text, "en", presegmented=True)] == [HEADING, SENTENCE]

    def test_a_heading_the_format_marked_stays_one_inside_verse(self):
        text = "Verses,\nThe Crocodile\nImprove his shining tail ,\n"
        marked = split_document(text, "en", presegmented=True, headings=frozenset([8]))
        assert [s.kind for s in marked] == [SENTENCE, HEADING, SENTENCE]
        assert split_document(text, "en", presegmented=True)[1].kind == SENTENCE

    def test_french_seed_has_twelve_segments_two_links(self, target_text):
        segs = split_document(target_text, "fr")
        assert len(segs) == 12
        assert [s.index for s in segs if s.kind == LINK] == [4, 11]
        assert all(s.kind == SENTENCE for s in segs if s.kind != LINK)

    def test_english_seed_heading_dateline_and_ten_body_sentences(self, source_text):
        segs = split_document(source_text, "en")
        assert [s.kind for s in segs[:3]] == [META, HEADING, META]
        assert segs[2].text == "BEIJING, Aug. 31 (Xinhua) --"
        body = segs[3:]
        assert len(body) == 10 and all(s.kind == SENTENCE for s in body)
        assert [s.paragraph for s in body] == list(range(2, 12))

    def test_spans_point_into_the_document(self, source_text):
        for s in split_document(source_text):
            assert source_text[s.start:s.end] == s.text

    def test_ids_are_stable_and_prefixed(self):
        segs = split_document("One. Two.", doc="t")
        assert [s.id for s in segs] == ["t0", "t1"]

    def test_crlf_and_nbsp(self):
        text = "Un.\r\n\r\nIl a 12\u202f000 firmes. Deux.\r\n"
        segs = split_document(text, "fr")
        assert [s.text for s in segs] == ["Un.", "Il a 12\u202f000 firmes.", "Deux."]
        assert [s.paragraph for s in segs] == [1, 2, 2]

    def test_presegmented_keeps_each_line(self):
        text = "Erste Zeile. Noch ein Satz.\nZweite\n\nDritte"
        segs = split_document(text, "de", presegmented=True)
        assert [s.text for s in segs] == ["Erste Zeile. Noch ein Satz.", "Zweite", "", "Dritte"]

    def test_chinese_dateline_is_meta(self):
        segs = split_document("新华社北京8月31日电（记者张三）工信部部长表示，将加快推进。会议在北京举行。", "zh")
        assert [(s.kind, s.text) for s in segs] == [(META, "新华社北京8月31日电（记者张三）"),
                                                    (SENTENCE, "工信部部长表示，将加快推进。"),
                                                    (SENTENCE, "会议在北京举行。")]

    def test_photo_credit_is_split_off_as_meta(self):
        segs = split_document("Cars on display in Beijing. [Photo/Xinhua]", "en")
        assert [(s.kind, s.text) for s in segs] == [(SENTENCE, "Cars on display in Beijing."),
                                                    (META, "[Photo/Xinhua]")]


_TOKENS = list("ab AB.?!,:;«»“”\"'()[]\n\r\u00a0\u202f1 M.中国。！？，」") + [
    "Mr.", "U.S.", "...", "\n\n", "date 2024-09-02 ", "BEIJING, Aug. 31 (Xinhua) -- ", "[Photo/Xinhua]", ":", "Sources ",
    "……", "新华社北京8月31日电", "32.5万亿"]
_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["en", "fr", "de", "zh", "el", "und"]))
def test_spans_tile_each_paragraph(text, lang):
    """Segments are exact slices, in order, never overlapping; only white space lies between them."""
    segs = split_document(text, lang)
    pos = 0
    for s in segs:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        gap = text[pos:s.start]
        assert gap.strip() == "", f"lost characters {gap!r}"
        pos = s.end
    assert text[pos:].strip() == ""
    assert [s.index for s in segs] == list(range(len(segs)))
    paragraphs = [s.paragraph for s in segs]
    assert paragraphs == sorted(paragraphs)


class TestHardWrappedText:
    """A plain text broken into lines at a fixed width (e-mail, `fmt`, text exported from a PDF) is read as
    its paragraphs, so its segments are those of the same text written one paragraph a line."""

    @staticmethod
    def texts(text, lang="fr"):
        return [(s.kind, s.text) for s in split_document(text, lang)]

    @pytest.mark.parametrize("width", [50, 60, 72, 80, 100])
    @pytest.mark.parametrize("between", ["\n", "\n\n", "\r\n"])
    def test_the_wrapped_seed_reads_as_the_seed(self, target_text, width, between):
        import textwrap
        paragraphs = target_text.split("\n")
        wrapped = between.join(textwrap.fill(p, width).replace("\n", "\r\n" if between == "\r\n" else "\n")
                               for p in paragraphs)
        assert self.texts(wrapped) == self.texts(target_text)

    @pytest.mark.parametrize("text", [
        # one sentence a line, as a presegmented corpus or a list of findings
        "Der Bericht ist fertig und liegt vor.\nDie Expedition erreichte den Gipfel.\nAlle kehrten gesund zurück.\n"
        "Die Finanzierung ist noch offen.\nEin zweiter Band folgt im Herbst.",
        # verse: lines opening with capitals
        "How doth the little crocodile\nImprove his shining tail,\nAnd pour the waters of the Nile\n"
        "On every golden scale!\nHow cheerfully he seems to grin,\nHow neatly spread his claws,",
        # Chinese, written without spaces
        "中国将加快推进新型工业化，培育一批具有国际竞争力的先进制造业集群。\n" * 5,
    ])
    def test_texts_that_are_not_wrapped_are_read_line_by_line(self, text):
        assert unwrapped(text) == text

    def test_a_link_line_or_a_headline_keeps_its_line(self):
        text = ("La Chine envisage des efforts pour promouvoir une nouvelle industrialisation à\n"
                "un rythme plus rapide afin de fournir un soutien solide, a déclaré le ministre\n"
                "Jin Zhuanglong.\n"
                ":La Chine reste le plus grand marché mondial de robots industriels\n"
                "Le pays accélérera le développement d’un système industriel moderne avec la\n"
                "fabrication de pointe comme épine dorsale, a déclaré Jin devant la presse.\n")
        kinds = self.texts(text)
        assert [k for k, _ in kinds] == ["sentence", "link", "sentence"]
        assert kinds[0][1].endswith("le ministre Jin Zhuanglong.") and "\n" not in kinds[0][1]
