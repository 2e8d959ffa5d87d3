"""Months named in dates, in the languages the toolkit reads."""
import pytest

from align.review.divergence import date_mismatch
from align.text.dates import month_names, months
from test_divergence import view


@pytest.mark.parametrize("text, expected", [
    ("BEIJING, Aug. 31 (Xinhua) -- he said", [8]),
    ("le 31 août 2024", [8]),
    ("am 3. März 2023 und am 5. Mai", [3, 5]),
    ("Im Jänner 2021", [1]),
    ("新华社北京8月31日电", [8]),
    ("十二月五日", [12]),
    ("Le 1er mai", [5]),
    ("in May 2023", [5]),
    ("de 5 mayo", [5]),
    ("состоится 20 декабря 2024 года", [12]),  # Russian, in the genitive of dates
    ("в марте 2023 года", []),               # the prepositional case is no date's form here
    ("fundurinn 3. desember", [12]),          # Icelandic
    ("He may 2 go", []),                    # the verb, not the month
    ("set 3 items out of 5", []),           # Portuguese month abbreviations as English words
    ("In August the plan was ready.", []),  # no day or year beside it: not a date
])
def test_months(text, expected):
    assert [m.month for m in months(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("im November bei 2,3 Prozent, nach 2,4 % im Oktober", [11, 10]),
    ("In August the plan was ready.", [8]),
    ("He may go in May.", [5]),                 # lower-case `may` is the verb
    ("新华社北京8月31日电", [8]),
])
def test_month_names(text, expected):
    assert [m.month for m in month_names(text)] == expected


class TestDateMismatch:
    @pytest.mark.parametrize("src, tgt", [
        ("The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts le 31 août à Pékin."),
        ("The talks opened on Aug. 31 in Beijing.", "会谈于8月31日在北京开幕。"),
        ("The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts à Pékin."),   # left out
    ])
    def test_the_same_month_or_none_is_fine(self, src, tgt):
        langs = ("en", "zh") if "会谈" in tgt else ("en", "fr")
        assert date_mismatch(view([src], [tgt], langs=langs)) == ()

    def test_months_both_sides_name_are_fine_wherever_the_figures_stand(self):
        # `2,4 % im Oktober` reads as a date (a figure within a few characters), `in October.` after `2.4%` too,
        # but `im November bei 2,3` and `in November, after` differ: both sides still name both months
        src = "Die Inflation lag im November bei 2,3 Prozent, nach 2,4 % im Oktober."
        tgt = "Inflation was 2.3 percent in November, after 2.4% in October."
        assert date_mismatch(view([src], [tgt], langs=("de", "en"))) == ()

    def test_a_dated_month_the_other_side_names_otherwise_is_still_an_error(self):
        (flag,) = date_mismatch(view(["The index fell to 48.8 in May from 49.2 in April."],
                                     ["L'indice est tombé à 48,8 en juin, après 49,2 en avril."]))
        assert "May" in flag.message and "June (juin)" in flag.message and "April" not in flag.message

    def test_another_month_is_an_error_even_when_the_day_agrees(self):
        src, tgt = "The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts le 31 juillet à Pékin."
        (flag,) = date_mismatch(view([src], [tgt]))
        assert (flag.type, flag.severity) == ("date_mismatch", "error")
        assert "August (Aug.)" in flag.message and "July (juillet)" in flag.message
        assert [(sp.side, (src if sp.side == "source" else tgt)[sp.start:sp.end]) for sp in flag.spans] == \
            [("source", "Aug."), ("target", "juillet")]
