"""Patterns compiled on first use, and the simpler patterns a text without CJK or Thai gets in their place."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from align.text import numbers, segment
from align.text.lang import HAN_KANA_CHARACTERS, UNSPACED_CHARACTERS, character_class
from align.text.patterns import LazyPattern, past_common_blocks


def _code_points(character_class_text: str):
    for k in range(0, len(character_class_text), 3):      # `a-b` ranges
        yield from range(ord(character_class_text[k]), ord(character_class_text[k + 2]) + 1)


def test_lazy_pattern_compiles_on_first_use_only():
    pattern = LazyPattern(r"(\d+)-(\d+)")
    assert pattern._compiled is None
    assert pattern.search("pages 12-15").groups() == ("12", "15")
    assert isinstance(pattern._compiled, re.Pattern)
    assert pattern.findall("1-2 3-4") == [("1", "2"), ("3", "4")]
    assert pattern.sub("X", "a 1-2 b") == "a X b"
    assert [m.group() for m in pattern.finditer("1-2, 3-4")] == ["1-2", "3-4"]
    assert pattern.match("x1-2") is None and pattern.fullmatch("1-2") is not None


def test_every_cjk_and_unspaced_character_is_past_the_common_blocks():
    # the guard may say yes too often (then the full pattern runs), never no to one of these
    classes = numbers._CJK + UNSPACED_CHARACTERS + HAN_KANA_CHARACTERS + character_class(frozenset(["Hangul"]))
    assert all(past_common_blocks(chr(c)) for c in _code_points(classes))


def test_common_text_is_not_past_the_common_blocks():
    assert not past_common_blocks("L’économie a crû de 5,2 % — « selon l’INSEE » … 12 000 €")
    assert not past_common_blocks("Ísland, Ελλάδα, Россия, עברית, العربية")
    assert past_common_blocks("新华社北京8月31日电") and past_common_blocks("ภาษาไทย") and past_common_blocks("한국어")


_COMMON_TEXT = st.lists(st.sampled_from(
    list("0123456789 .,;:!?%'’«»—–-…()[]\"\u00a0\u202fabcdefxyzABCGMéèàüßøЖжλΩ€$") +
    ["million", "milliards", "per cent", "billion", "mille", "5G", "1er", "3D", "……", "12 000", "3,5"]),
    max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_COMMON_TEXT)
def test_numbers_of_a_text_without_cjk_are_those_the_cjk_pattern_finds(text):
    assert not past_common_blocks(text)
    plain = [m.groupdict() for m in numbers._NUMBER.finditer(text)]
    full = [m.groupdict() for m in numbers._NUMBER_BY_CJK.finditer(text)]
    assert plain == full


@settings(max_examples=300, deadline=None)
@given(_COMMON_TEXT)
def test_sentence_ends_of_a_text_without_han_or_kana_are_those_of_the_full_pattern(text):
    plain = [(m.span(), m.groupdict()) for m in segment._TERMINATOR.finditer(text)]
    full = [(m.span(), m.groupdict()) for m in segment._TERMINATOR_BY_HAN_KANA.finditer(text)]
    assert plain == full


def test_cjk_text_still_gets_its_numbers_and_sentence_ends():
    assert [n.key for n in numbers.find_numbers("增长达32.5万亿元，同比增长3.5%", "zh")] == ["32500000000000", "3.5%"]
    # `!` glued to the Chinese that follows ends a sentence: the branch only the full pattern has
    text = "他说：“好!”然后走了。我们也走了。"
    assert [text[s:e] for s, e in segment.split_sentences(text, "zh")] == ["他说：“好!”", "然后走了。", "我们也走了。"]
