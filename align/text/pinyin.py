"""Chinese names written in pinyin (Jin Zhuanglong, Li Qiang) and the characters that read them (金壮龙, 李强): what
the review can look up across Chinese and English, which share no letter. Readings come from the shipped
CC-CEDICT table (`align/data/cedict-pinyin.tsv.gz`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from align.text.lang import character_class
from align.text.tables import shipped_table

READINGS = "cedict-pinyin.tsv.gz"

SURNAMES = frozenset("""li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding
    ren shen yao jin fu zhong cui tan fan liao shi jia xia fang qiu hou zou xiong meng qin bai yan xue yin duan lei
    long hao kong shao mao wan gu lai kang niu hong qian gong wen tao mo qi ni lv dai chang geng an bao xi""".split())
"""The most common Chinese surnames in pinyin: a name of the English side that opens with one and goes on with a
given name of one or two syllables is read as a Chinese person's."""

NOT_PINYIN = frozenset(("hong kong",))
"""Names shaped as a Chinese person's that are written otherwise (Hong Kong, 香港, is Cantonese)."""

_HAN = re.compile(f"[{character_class(frozenset(['Han']))}]+")


@lru_cache(maxsize=1)
def _readings() -> dict[str, frozenset[str]]:
    return {char: frozenset(readings.split()) for char, readings in shipped_table(READINGS).items()}


def readings(char: str) -> frozenset[str]:
    """A character's readings in pinyin without tones (`说`: shui, shuo), none for a character the table lacks."""
    return _readings().get(char, frozenset())


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset().union(*_readings().values())


@lru_cache(maxsize=4096)
def pinyin_syllables(word: str, most: int = 2) -> tuple[str, ...] | None:
    """The word split into at most `most` pinyin syllables (the split with the fewest), or None.

    >>> pinyin_syllables("Zhuanglong"), pinyin_syllables("Jinping"), pinyin_syllables("Smith")
    (('zhuang', 'long'), ('jin', 'ping'), None)
    """
    letters = re.sub(r"[-'’]", "", word.lower())
    if not letters.isascii() or not letters.isalpha():
        return None
    known = _syllables()
    if letters in known:
        return (letters,)
    if most < 2:
        return None
    for cut in range(min(6, len(letters) - 1), 0, -1):
        head, rest = letters[:cut], letters[cut:]
        if head in known:
            tail = pinyin_syllables(rest, most - 1)
            if tail is not None:
                return (head, *tail)
    return None


def chinese_name(words: Sequence[str]) -> tuple[str, ...] | None:
    """The syllables of a name written as a Chinese person's in pinyin (a common surname, then a given name of one
    or two syllables: `Li Qiang`, `Jin Zhuanglong`, `Xi Jinping`), or None.

    >>> chinese_name(["Jin", "Zhuanglong"]), chinese_name(["Hong", "Kong"]), chinese_name(["Anna", "Smith"])
    (('jin', 'zhuang', 'long'), None, None)
    """
    if len(words) != 2 or words[0].lower() not in SURNAMES or " ".join(words).lower() in NOT_PINYIN:
        return None
    given = pinyin_syllables(words[1])
    return (words[0].lower(), *given) if given else None


def written_in(syllables: Sequence[str], text: str) -> bool:
    """Whether consecutive Han characters of `text` read `syllables` in order (any reading of each).

    >>> written_in(("jin", "zhuang", "long"), "工业和信息化部部长金壮龙日前表示"), written_in(("li", "qiang"), "金壮龙表示")
    (True, False)
    """
    readings = _readings()
    n = len(syllables)
    for run in _HAN.findall(text):
        for start in range(len(run) - n + 1):
            if all(syllables[k] in readings.get(run[start + k], ()) for k in range(n)):
                return True
    return False
