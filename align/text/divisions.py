"""Numbers of a book's divisions as each language heads them: `CHAPTER I`, `CHAPITRE PREMIER`, `Erstes Kapitel`,
`Chapter One`, `BOOK IV`, `第一章`, or a Roman numeral alone on its line.

A chapter heading is where a translation is surest to follow its original, and its number the one thing the two
headings share; but a Roman numeral, an ordinal word or `一` is no number to `find_numbers` (each is also a word:
`I`, `first`, "one"). Next to a word for a division they are numbers, and give the heading the same number
feature as `Chapter 1`.
"""
from __future__ import annotations

import re
from typing import Sequence

from align.text.lang import strip_accents
from align.text.numbers import parse_cjk_number, roman_numeral

DIVISION_WORDS = frozenset("""
    chapter chapters book part volume act scene canto section letter
    chapitre livre partie tome acte scene chant lettre
    kapitel buch teil band akt szene abschnitt brief
    capitulo libro parte tomo acto escena carta
    capitolo atto
    kafli bok hluti
""".split())
"""Words that head a division of a book (accents dropped), in English, French, German, Spanish, Italian and
Icelandic."""

_ORDINALS: dict[str, int] = {}
for _words in (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
        "premier deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme dixieme onzieme douzieme "
        "treizieme quatorzieme quinzieme seizieme dix-septieme dix-huitieme dix-neuvieme vingtieme",
        "erste zweite dritte vierte funfte sechste siebte achte neunte zehnte elfte zwolfte dreizehnte vierzehnte "
        "funfzehnte sechzehnte siebzehnte achtzehnte neunzehnte zwanzigste",
        "primero segundo tercero cuarto quinto sexto septimo octavo noveno decimo",
        "primo secondo terzo quarto quinto sesto settimo ottavo nono decimo",
        "fyrsti annar thridji fjordi fimmti sjotti sjoundi attundi niundi tiundi"):
    for _value, _word in enumerate(_words.split(), 1):
        _ORDINALS.setdefault(_word, _value)
_ORDINALS.update({"premiere": 1, "second": 2, "seconde": 2, "primera": 1, "segunda": 2, "tercera": 3, "tercer": 3,
                  "primer": 1, "prima": 1, "siebente": 7, "fyrsta": 1, "onnur": 2, "thridja": 3})

_CARDINALS: dict[str, int] = {}
for _words in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty",
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit "
        "dix-neuf vingt",
        "eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn "
        "achtzehn neunzehn zwanzig",
        "uno dos tres cuatro cinco seis siete ocho nueve diez",
        "einn tveir thrir fjorir fimm sex sjo atta niu tiu"):
    for _value, _word in enumerate(_words.split(), 1):
        _CARDINALS.setdefault(_word, _value)
_CARDINALS.update({"une": 1, "ein": 1, "una": 1})

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_ALONE = re.compile(r"\W*([IVXLCDM]+)\W*")
_CJK_DIVISION = re.compile(r"第([零〇一二两三四五六七八九十百千]+)[章回卷部节節篇幕集]")
_MAX_WORDS = 12
"""A heading is short: a longer text naming a chapter (`in the first chapter of his book`) is prose."""
_MAX_CHARACTERS = 200   # longer texts are not read word by word: a heading of 12 words is shorter than this


def division_numbers(text: str, text_words: Sequence[str] | None = None) -> tuple[str, ...]:
    """The numbers (as `Number.key`) of the divisions a heading names, in order; none in prose. `text_words`, the
    text's words as `align.search.vectors.words` gives them, where the caller has them: most texts are then
    passed over without reading them again.

    >>> [division_numbers(text) for text in ("CHAPTER I Down the Rabbit-Hole", "CHAPITRE PREMIER .", "第一章")]
    [('1',), ('1',), ('1',)]
    """
    found = [str(parse_cjk_number(m.group(1))) for m in _CJK_DIVISION.finditer(text)] if "第" in text else []
    if len(text) > _MAX_CHARACTERS or (text_words is not None and len(text_words) > 1 and (
            len(text_words) > _MAX_WORDS or DIVISION_WORDS.isdisjoint(text_words))):
        return tuple(found)
    tokens = _TOKEN.findall(text)
    if not tokens or len(tokens) > _MAX_WORDS:
        return tuple(found)
    alone = _ALONE.fullmatch(text.strip())
    if alone and (value := roman_numeral(alone.group(1))):
        return (str(value),)
    words = [strip_accents(token) for token in tokens]
    for k, word in enumerate(words):
        if word not in DIVISION_WORDS:
            continue
        j = k + 2 if words[k + 1:k + 2] == ["the"] else k + 1     # Chapter the First
        value = None
        if j < len(words):
            value = _ORDINALS.get(words[j]) or _CARDINALS.get(words[j]) or roman_numeral(tokens[j])
        if value is None and k > 0:    # Erstes Kapitel, Première partie, First Book
            value = _ORDINALS.get(_without_ending(words[k - 1]))
        if value:
            found.append(str(value))
    return tuple(found)


def _without_ending(word: str) -> str:
    """A German or Icelandic ordinal without its case ending (`erstes`, `zweiten`) where that leaves one."""
    for ending in ("s", "r", "n", "m"):
        if word.endswith(ending) and word[:-1] in _ORDINALS:
            return word[:-1]
    return word
