"""Times of day in several notations, and the number check that reads them as one moment."""
import pytest

from align.review.figures import number_mismatch
from align.text.times import times_of_day
from test_divergence import view


@pytest.mark.parametrize("text, minutes", [
    ("um 14.30 Uhr", [870]),
    ("at 2:30 p.m.", [870]),
    ("à 14 h 30", [870]),
    ("à 14h30", [870]),
    ("at 3pm and 9 a.m.", [900, 540]),
    ("um 15 Uhr", [900]),
    ("at 12:15 a.m.", [15]),
    ("a rise of 14.30 points", []),        # a decimal: no Uhr, h or a.m./p.m. after it
    ("ouvert 24 h sur 24", []),            # hours counted
    ("le score de 3.5 %", []),
])
def test_times_of_day(text, minutes):
    assert [t.minutes for t in times_of_day(text)] == minutes


@pytest.mark.parametrize("src, tgt, langs", [
    ("Am 3. Oktober um 14.30 Uhr sprach Scholz vor 1.200 Gästen.",
     "On October 3 at 2:30 p.m., Scholz spoke to 1,200 guests.", ("de", "en")),
    ("La conférence commence à 9 h 05.", "The conference starts at 9:05 a.m.", ("fr", "en")),
    ("The talks resume at 3 p.m.", "Les pourparlers reprennent à 15 h.", ("en", "fr")),
])
def test_the_same_time_in_another_notation_is_no_mismatch(src, tgt, langs):
    assert number_mismatch(view([src], [tgt], langs=langs)) == ()


def test_another_time_is_still_a_mismatch():
    (flag,) = number_mismatch(view(["Die Sitzung beginnt um 14.30 Uhr."], ["The meeting starts at 3:30 p.m."],
                                   langs=("de", "en")))
    assert flag.severity == "error" and "14.30" in flag.message
