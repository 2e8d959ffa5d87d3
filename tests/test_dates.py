"""Months named in dates, in the languages the toolkit reads."""
import pytest

from align.review.divergence import date_mismatch
from align.text.dates import months
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
    ("He may 2 go", []),                    # the verb, not the month
    ("set 3 items out of 5", []),           # Portuguese month abbreviations as English words
    ("In August the plan was ready.", []),  # no day or year beside it: not a date
])
def test_months(text, expected):
    assert [m.month for m in months(text)] == expected


class TestDateMismatch:
    @pytest.mark.parametrize("src, tgt", [
        ("The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts le 31 août à Pékin."),
        ("The talks opened on Aug. 31 in Beijing.", "会谈于8月31日在北京开幕。"),
        ("The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts à Pékin."),   # left out
    ])
    def test_the_same_month_or_none_is_fine(self, src, tgt):
        langs = ("en", "zh") if "会谈" in tgt else ("en", "fr")
        assert date_mismatch(view([src], [tgt], langs=langs)) == ()

    def test_another_month_is_an_error_even_when_the_day_agrees(self):
        src, tgt = "The talks opened on Aug. 31 in Beijing.", "Les pourparlers se sont ouverts le 31 juillet à Pékin."
        (flag,) = date_mismatch(view([src], [tgt]))
        assert (flag.type, flag.severity) == ("date_mismatch", "error")
        assert "August (Aug.)" in flag.message and "July (juillet)" in flag.message
        assert [(sp.side, (src if sp.side == "source" else tgt)[sp.start:sp.end]) for sp in flag.spans] == \
            [("source", "Aug."), ("target", "juillet")]
