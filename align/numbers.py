"""Numbers in a segment, normalised across written forms (separators, decimal marks, scale words).

`12,000`, `12 000`, `12 000` and `12.000` (German) are all 12000; `32,5 billions` (French) is 32.5e12,
the same amount as `32.5 trillion` (English); `milliard` and `Milliarde` are 1e9.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from align.lang import strip_accents

# Languages that write a decimal comma and group thousands with a point or a space.
DECIMAL_COMMA = frozenset("fr de es it pt nl is sv da nb pl cs ro tr fi hu ru uk bg sr el".split())

_SEP = " \u00a0\u202f\u2009'’"
_NO_SEPARATORS = str.maketrans("", "", _SEP)
_DIGIT = re.compile(r"\d")

# Scale words by language: the long scale of French, German, Spanish... (billion = 10^12) against English.
_SCALES: dict[str, dict[str, int]] = {
    "en": {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12,
           "trillions": 12, "bn": 9, "mn": 6, "tn": 12},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9, "billion": 12,
           "billions": 12, "trillion": 18, "trillions": 18, "md": 9, "mds": 9, "mrd": 9},
    "de": {"tausend": 3, "million": 6, "millionen": 6, "mio": 6, "milliarde": 9, "milliarden": 9, "mrd": 9,
           "billion": 12, "billionen": 12, "bio": 12},
    "es": {"mil": 3, "millon": 6, "millones": 6, "billon": 12, "billones": 12},
    "it": {"mila": 3, "milione": 6, "milioni": 6, "miliardo": 9, "miliardi": 9, "bilione": 12},
    "pt": {"mil": 3, "milhao": 6, "milhoes": 6, "bilhao": 9, "bilhoes": 9, "trilhao": 12, "trilhoes": 12},
    "nl": {"duizend": 3, "miljoen": 6, "miljard": 9, "biljoen": 12},
}


_SCALE_WORDS = sorted({w for table in _SCALES.values() for w in table} | {
    "millón", "millon", "billón", "milhão", "milhões", "bilhão", "bilhões", "trilhão", "trilhões"}, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?<![\w])(?<!\d[.,])(?P<num>\d{1,3}(?:(?:[" + _SEP + r"]\d{3})+|(?:,\d{3})+(?!\d)|(?:\.\d{3})+(?!\d))(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?P<suffix>[^\W\d_]{1,3})?(?![\w])"  # a short letter suffix stays part of the token: 5G, 3D, 1er
    r"(?:[\s\u00a0\u202f]*(?P<scale>(?:" + "|".join(_SCALE_WORDS) + r")(?:[\s\u00a0\u202f]+(?:"
    + "|".join(_SCALE_WORDS) + r"))?)\b)?"   # one scale word, or two: mille milliards, tausend Milliarden
    r"(?:[\s\u00a0\u202f]*(?P<pct>%|per ?cent\b|pour ?cent\b|prozent\b|por ?ciento\b|per ?cento\b|procent\b))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number found in text: its exact span and text, its value, and whether it is a percentage."""

    start: int
    end: int
    text: str
    value: Decimal
    percent: bool = False

    @property
    def key(self) -> str:
        """Canonical form for comparing across languages, e.g. `32500000000000` or `4.57%`."""
        text = format(self.value.normalize(), "f")
        return text + ("%" if self.percent else "")


def find_numbers(text: str, lang: str | None = None) -> tuple[Number, ...]:
    """Every number in `text` with its value, reading separators the way `lang` writes them.

    >>> [n.key for n in find_numbers("12 000 firmes, 32,5 billions, 4,57 %", "fr")]
    ['12000', '32500000000000', '4.57%']
    """
    if not _DIGIT.search(text):
        return ()
    found = []
    scales = _SCALES.get(lang or "en", _SCALES["en"])
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group("num"), lang)
        if value is None:
            continue
        end = match.end("suffix") if match.group("suffix") else match.end("num")
        scale = match.group("scale")
        if scale:
            powers = [scales.get(strip_accents(word.lower())) for word in scale.split()]
            if all(p is not None for p in powers):
                value = value.scaleb(sum(p for p in powers if p is not None))
                end = match.end("scale")
        percent = bool(match.group("pct"))
        if percent:
            end = match.end("pct")
        found.append(Number(match.start(), end, text[match.start():end], value, percent))
    return tuple(found)


def parse_number(raw: str, lang: str | None = None) -> Decimal | None:
    """Value of one written number; `lang` decides whether a lone `,` or `.` is decimal.

    >>> parse_number("2.450", "fr"), parse_number("4.57", "fr"), parse_number("12,000", "en")
    (Decimal('2450'), Decimal('4.57'), Decimal('12000'))
    """
    s = raw.translate(_NO_SEPARATORS)
    comma_decimal = (lang or "en") in DECIMAL_COMMA
    if "," in s and "." in s:
        # Both marks: the last one is the decimal mark.
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    elif "," in s:
        parts = s.split(",")
        thousands = all(len(p) == 3 for p in parts[1:]) and not comma_decimal
        s = s.replace(",", "") if thousands or len(parts) > 2 else s.replace(",", ".")
    elif "." in s:
        parts = s.split(".")
        thousands = len(parts) > 2 or (comma_decimal and len(parts[1]) == 3)
        s = s.replace(".", "") if thousands else s
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


# Number words, to recognise a number written out on one side ("douze mille" for 12 000).
_UNITS: dict[str, dict[str, int]] = {
    "en": {w: k for k, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
    | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90},
    "fr": {w: k for k, w in enumerate("zero un deux trois quatre cinq six sept huit neuf dix onze douze treize "
                                      "quatorze quinze seize".split())}
    | {"une": 1, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60},
    "de": {w: k for k, w in enumerate("null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn "
                                      "vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn".split())}
    | {"ein": 1, "eine": 1, "zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "sechzig": 60,
       "siebzig": 70, "achtzig": 80, "neunzig": 90},
}
_HUNDRED = frozenset({"hundred", "cent", "cents", "hundert"})
_JOINERS = frozenset({"and", "et", "und"})
_SPELLED_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


def spelled_numbers(text: str, lang: str | None = None) -> set[str]:
    """Keys (as `Number.key`) of numbers written out in words: `douze mille`, `twenty-five`, `quatre-vingt-dix`.

    Only used to excuse a number that the other side writes in figures, never to raise a flag.

    >>> sorted(spelled_numbers("douze mille entreprises et quatre-vingt-dix usines", "fr"), key=int)
    ['90', '12000']
    """
    lang = lang if lang in _UNITS else "en"
    units, scales = _UNITS[lang], _SCALES.get(lang, _SCALES["en"])
    found: set[str] = set()
    total = current = 0
    seen = False
    previous = 0

    def close() -> None:
        nonlocal total, current, seen
        if seen:
            found.add(format(Decimal(total + current).normalize(), "f"))
        total = current = 0
        seen = False

    for token in _SPELLED_TOKEN.findall(strip_accents(text.lower())):
        if token in units:
            value = units[token]
            if lang == "fr" and value == 20 and previous == 4:
                current += 76                    # quatre-vingt(s): 4 x 20
            else:
                current += value
            previous, seen = value, True
        elif seen and token in _HUNDRED:
            current = max(current, 1) * 100
        elif seen and token in scales:
            total += max(current, 1) * 10 ** scales[token]
            current = 0
        elif seen and token in _JOINERS:
            continue
        else:
            close()
            previous = 0
    close()
    return found
