import pytest

from align.compare.check import check_text
from conftest import ROOT, read


def found(text, lang="en"):
    return [(i.segment_id, i.type) for i in check_text(text, lang)[1]]


@pytest.mark.parametrize("text, expected", [
    ("Growth is needed. needed, they added.", [("s1", "fragment")]),
    ("He stressed the importance of a package. enterprise.", [("s1", "fragment")]),
    ("It rose. added that the focus of economic growth must be on the real economy.", [("s1", "lowercase_start")]),
    ("Further promotion is needed to maximize the value of .", [("s0", "empty_slot")]),
    ("The figures ( ) were not given.", [("s0", "empty_slot")]),
    ("He said “the plan will work.", [("s0", "unbalanced")]),
    ("The plan will work.” he said.", [("s0", "unbalanced")]),
    ("The the plan will work.", [("s0", "doubled_word")]),
    ("Le march\u00c3\u00a9 est ouvert.", [("s0", "mojibake")]),
    ("Read it at https://example.com/a?utm_source=x today.", [("s0", "leftover_url")]),
])
def test_detector(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "He said “the plan will work,” and left. It was (mostly) true.",
    "L’entreprise a dit : « C’est fini. » Puis elle est partie.",
    "We had had enough. That that was wrong is clear.",
])
def test_clean_text_is_left_alone(text):
    assert found(text, "fr" if "«" in text else "en") == []


@pytest.mark.parametrize("name", ["000_b2c92323d477a4f3.txt", "001_4fa10e781d0ee104.txt", "002_d6988d8b7820869a.txt",
                                  "003_6374a0250a8da33c.txt"])
def test_clean_seeds_have_no_issues(name):
    assert check_text(read(f"{ROOT}/seeds/{name}"))[1] == ()


def test_machine_translated_seed_fragments_and_slot():
    segments, issues = check_text(read(f"{ROOT}/seeds/004_61cc61bc62d06839.txt"), "en")
    text = {s.id: s.text for s in segments}
    flagged = {(text[i.segment_id], i.type) for i in issues}
    assert {("needed, they added.", "fragment"), ("enterprise.", "fragment"),
            ("manufacturing industry.", "fragment")} <= flagged
    assert any(t == "empty_slot" and "the value of .”" in s for s, t in flagged)
