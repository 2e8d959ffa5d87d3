"""Numbers in a segment, normalised across written forms (separators, decimal marks, scale words).

`12,000`, `12 000`, `12 000` and `12.000` (German) are all 12000; `32,5 billions` (French) is 32.5e12,
the same amount as `32.5 trillion` (English); `milliard` and `Milliarde` are 1e9.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from decimal import Decimal, InvalidOperation

from align.text.lang import HAN_KANA_CHARACTERS, character_class, strip_accents
from align.text.patterns import LazyPattern, past_common_blocks

# Languages that write a decimal comma and group thousands with a point or a space.
DECIMAL_COMMA = frozenset("fr de es it pt nl is sv da nb pl cs ro tr fi hu ru uk bg sr el id vi".split())

_SEP = " \u00a0\u202f\u2009'’"
_NO_SEPARATORS = str.maketrans("", "", _SEP)
_DIGIT = re.compile(r"\d")

# Scale words by language, as written: the long scale of French, German, Spanish... (billion = 10^12) against
# English; the forms of the Slavic, Nordic, Greek and Arabic words a number takes after it.
_SCALE_FORMS: dict[str, dict[str, int]] = {
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
    "ru": {"тысяча": 3, "тысячи": 3, "тысяч": 3, "тыс": 3, "миллион": 6, "миллиона": 6, "миллионов": 6, "млн": 6,
           "миллиард": 9, "миллиарда": 9, "миллиардов": 9, "млрд": 9, "триллион": 12, "триллиона": 12,
           "триллионов": 12, "трлн": 12},
    "uk": {"тисяча": 3, "тисячі": 3, "тисяч": 3, "тис": 3, "мільйон": 6, "мільйона": 6, "мільйонів": 6, "млн": 6,
           "мільярд": 9, "мільярда": 9, "мільярдів": 9, "млрд": 9, "трильйон": 12, "трлн": 12},
    "bg": {"хиляди": 3, "милион": 6, "милиона": 6, "милиард": 9, "милиарда": 9, "млн": 6, "млрд": 9},
    "pl": {"tysiąc": 3, "tysiące": 3, "tysięcy": 3, "tys": 3, "milion": 6, "miliony": 6, "milionów": 6, "mln": 6,
           "miliard": 9, "miliardy": 9, "miliardów": 9, "mld": 9, "bilion": 12},
    "cs": {"tisíc": 3, "tisíce": 3, "milion": 6, "miliony": 6, "milionů": 6, "mil": 6, "miliarda": 9,
           "miliardy": 9, "miliard": 9, "mld": 9, "bilion": 12},
    "sv": {"tusen": 3, "miljon": 6, "miljoner": 6, "miljard": 9, "miljarder": 9, "mdr": 9, "biljon": 12},
    "da": {"tusind": 3, "million": 6, "millioner": 6, "milliard": 9, "milliarder": 9, "mio": 6, "mia": 9},
    "nb": {"tusen": 3, "million": 6, "millioner": 6, "milliard": 9, "milliarder": 9, "mill": 6, "mrd": 9},
    "is": {"þúsund": 3, "milljón": 6, "milljónir": 6, "milljóna": 6, "milljarður": 9, "milljarðar": 9,
           "milljarða": 9},
    "el": {"χιλιάδες": 3, "εκατομμύριο": 6, "εκατομμύρια": 6, "εκατ": 6, "δισεκατομμύριο": 9,
           "δισεκατομμύρια": 9, "δισ": 9},
    "ar": {"ألف": 3, "آلاف": 3, "مليون": 6, "ملايين": 6, "مليار": 9, "مليارات": 9},
    "id": {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12},
    "vi": {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9},
    "es_extra": {"millón": 6, "billón": 12},
    "pt_extra": {"milhão": 6, "milhões": 6, "bilhão": 9, "bilhões": 9, "trilhão": 12, "trilhões": 12},
}
for _lang in ("es", "pt"):   # the accented forms of Spanish and Portuguese, looked up without their accents
    _SCALE_FORMS[_lang] |= _SCALE_FORMS.pop(_lang + "_extra")
_SCALES: dict[str, dict[str, int]] = {lang: {strip_accents(w): p for w, p in table.items()}
                                      for lang, table in _SCALE_FORMS.items()}
_SCALE_WORDS = sorted({w for table in _SCALE_FORMS.values() for w in table}
                      | {w for table in _SCALES.values() for w in table}, key=len, reverse=True)
SCALE_WORDS = frozenset(w.lower() for w in _SCALE_WORDS)
"""Every language's scale words (`Mds`, `Mrd`, `million`), lower case: after a number, a scale and not a name."""


def _agreed_scales() -> dict[str, int]:
    """Scale words for a text of undetermined language: English's, and those that every language giving the
    word agrees on (`milliard` is 10^9 everywhere; `billion` is 10^9 or 10^12, so English decides)."""
    values: dict[str, set[int]] = {}
    for table in _SCALES.values():
        for word, power in table.items():
            values.setdefault(word, set()).add(power)
    agreed = {word: next(iter(powers)) for word, powers in values.items() if len(powers) == 1}
    return agreed | _SCALES["en"]


_UNDETERMINED_SCALES = _agreed_scales()
# Han, Kana and Hangul count as word characters, but a number glued to them is still a number (`达32.5万亿元`,
# `1000만`); only Han and Kana write numbers in characters of their own.
_CJK = HAN_KANA_CHARACTERS + character_class(frozenset(["Hangul"]))


def _number_pattern(cjk: str) -> str:
    """The number pattern; `cjk`, the characters that count as word characters but may touch a number
    (none for a text without CJK, whose pattern then compiles in a tenth of the time)."""
    word = r"(?![" + cjk + r"])\w" if cjk else r"\w"
    letter = r"(?![" + cjk + r"])[^\W\d_]" if cjk else r"[^\W\d_]"
    return (
        r"(?=\d)(?<!" + word + r")(?<!\d[.,])(?P<num>\d{1,3}(?:(?:[" + _SEP + r"]\d{3})+|(?:,\d{3})+(?!\d)|(?:\.\d{3})+(?!\d))(?:[.,]\d+)?"
        r"|\d+(?:[.,]\d+)?)"
        r"(?P<suffix>(?:" + letter + r"){1,3})?(?!" + word + r")"  # 5G, 3D, 1er stay one token
        r"(?:[\s\u00a0\u202f]*(?P<scale>(?i:" + "|".join(_SCALE_WORDS) + r")(?:[\s\u00a0\u202f]+(?i:"
        + "|".join(_SCALE_WORDS) + r"))?)\b)?"   # one scale word, or two: mille milliards, tausend Milliarden
        r"(?:[\s\u00a0\u202f]*(?P<pct>(?i:[%％]|per ?cent\b|pour ?cent\b|prozent\b|por ?ciento\b|per ?cento\b|procent\b"
        r"|proc\.|persen\b|процент(?:а|ов)?\b)))?")


_HAS_CJK = LazyPattern("[" + HAN_KANA_CHARACTERS + "]")
_NUMBER = re.compile(_number_pattern(""))
_NUMBER_BY_CJK = LazyPattern(_number_pattern(_CJK))
# `(?=\d)` first: the look-behinds are tried only where a number can start (a quarter faster on prose).
# Only the words ignore case (`(?i:...)`): under IGNORECASE the whole pattern took 23 ms to compile (10 ms
# then), case-folding the CJK ranges of its look-behinds. The one without them (for a text that cannot hold
# CJK, where it finds the same numbers) compiles in a third of the time; the CJK one only when a text needs it.

# Chinese and Japanese: scale characters after figures (`1.2万`, `32.5万亿`), numbers in characters
# (`一万二千`, `九百三十`, `三点五`), percentages (`百分之三点五`) and ordinals (`第三`).
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_UNITS = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3, "천": 3}
_CJK_SCALES = {"万": 4, "萬": 4, "亿": 8, "億": 8, "兆": 12, "만": 4, "억": 8, "조": 12}
_ARABIC_MARKS = re.compile("[\u0660-\u066c\u06f0-\u06f9\uff0e]")
_ARABIC_TO_ASCII = str.maketrans({"\u066b": ".", "\u066c": ",", "\u066a": "%", "\uff0e": ".",
                                  **{chr(0x0660 + k): str(k) for k in range(10)},
                                  **{chr(0x06F0 + k): str(k) for k in range(10)}})
"""Arabic-Indic and Persian digits, the Arabic decimal separator, thousands separator and percent sign, and the
full-width full stop of Japanese decimals (`５．５％`), as the number pattern reads them."""
_SCALE_BEFORE_CURRENCY = re.compile(r"[\s\u00a0\u202f]?(k|M|Md|Mds|Mrd|Mio|Bn|bn)\.?(?=[\s\u00a0\u202f]?[€$£¥₽])")
_CURRENCY_SCALES = {"k": 3, "m": 6, "mio": 6, "md": 9, "mds": 9, "mrd": 9, "bn": 9}
"""Scale letters glued to a currency sign (`350 M€`, `5 k€`, `12 Md€`, `2,5 Mrd. €`): million, thousand,
billion (each only before the sign: `5 m` is five metres)."""
_PERCENT_BEFORE = re.compile(r"(?:(?<![\d.,%％])[%％]|(?<![^\W\d_])(?i:yüzde)\s)$")
"""A percent written before its number, as Turkish does (`yüzde 50`, `%50`)."""
_PERCENT_P = re.compile(r"p(?![^\W\d_])")
_CJK_REST = LazyPattern(r"(\d+)([十百千万萬亿億兆천만억조]*)(?![\d.,])")
_CJK_SCALE_AFTER = LazyPattern("[十百千万萬亿億兆천만억조]+")   # Korean writes them in Hangul: 1000만 = 10 million
_CJK_NUMERAL = LazyPattern("(?P<pct>百分之)?(?P<num>[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億兆]+(?:[点點][零〇一二三四五六七八九]+)?)")


@dataclass(frozen=True)
class Number:
    """A number found in text: its exact span and text, its value, and whether it is a percentage."""

    start: int
    end: int
    text: str
    value: Decimal
    percent: bool = False

    @cached_property
    def key(self) -> str:
        """Canonical form for comparing across languages, e.g. `32500000000000` or `4.57%` (worked out once: the
        search and every number check compare it)."""
        text = format(self.value.normalize(), "f")
        return text + ("%" if self.percent else "")


def find_numbers(text: str, lang: str | None = None) -> tuple[Number, ...]:
    """Every number in `text` with its value, reading separators the way `lang` writes them.

    >>> [n.key for n in find_numbers("12 000 firmes, 32,5 billions, 4,57 %", "fr")]
    ['12000', '32500000000000', '4.57%']
    """
    return _numbers_in(text, lang)


@lru_cache(maxsize=1 << 14)
def _numbers_in(text: str, lang: str | None) -> tuple[Number, ...]:
    """`find_numbers`, remembered: the features, the anchors and the number checks each read a segment's
    numbers (frozen, so one tuple serves them all)."""
    found = _figures_in(text, lang)
    if "e" in text and (ordinals := _roman_ordinals(text)):
        return tuple(sorted(found + ordinals, key=lambda n: n.start))
    return found


_ROMAN_ORDINAL = re.compile(r"(?<![^\W\d_])([IVXLC]{2,7}(?:e|ème|ᵉ)|Ier|Ire|Ve)(?![^\W\d_])")
"""A French ordinal in Roman numerals: `XIXe siècle` (the 19th century), `Ve République`, `Napoléon Ier`; a single
letter only in those three (`Le`, `Ce` are words)."""


def _roman_ordinals(text: str) -> tuple[Number, ...]:
    return tuple(Number(m.start(), m.end(), m.group(), Decimal(value)) for m in _ROMAN_ORDINAL.finditer(text)
                 if (value := roman_ordinal(m.group())))


def roman_ordinal(word: str) -> int | None:
    """The value of a French ordinal in Roman numerals (`XIXe` 19, `Ier` 1), or None for any other word."""
    return roman_numeral(word.rstrip("eèmrᵉ")) if _ROMAN_ORDINAL.fullmatch(word) else None


def _figures_in(text: str, lang: str | None) -> tuple[Number, ...]:
    """The numbers written in figures (and, in Chinese and Japanese, in characters)."""
    wide = past_common_blocks(text)
    if not text.isascii() and _ARABIC_MARKS.search(text):
        # ٢٦٫٥٪ read as 26.5%, a character for a character: the spans hold, and the text is the original's
        return tuple(replace(n, text=text[n.start:n.end]) for n in _figures_in(text.translate(_ARABIC_TO_ASCII), lang))
    has_cjk = wide and _HAS_CJK.search(text) is not None
    if not _DIGIT.search(text):
        return _cjk_numerals(text, ()) if has_cjk else ()
    found = []
    scales = _SCALES.get(lang or "", _UNDETERMINED_SCALES)
    consumed = 0
    for match in (_NUMBER_BY_CJK if wide else _NUMBER).finditer(text):
        if match.start() < consumed:    # the smaller units of the number before (3万8000)
            continue
        value = parse_number(match.group("num"), lang)
        if value is None:
            continue
        end = match.end("suffix") if match.group("suffix") else match.end("num")
        scale = match.group("scale")
        glued_scale = scales.get(match.group("suffix").lower()) if match.group("suffix") else None
        if glued_scale:          # $5bn, 3mn, 2,5Mrd: a scale written against the figure
            value = value.scaleb(glued_scale)
        elif scale:
            powers = [scales.get(strip_accents(word.lower())) for word in scale.split()]
            if all(p is not None for p in powers):
                value = value.scaleb(sum(p for p in powers if p is not None))
                end = match.end("scale")
        elif (has_cjk or lang == "ko") and (after := _CJK_SCALE_AFTER.match(text, end)):
            power = _cjk_scale_power(after.group())
            if power is not None:
                value, end = value.scaleb(power), after.end()
                # the rest in smaller units: 3万8000 is 38,000, 3億5000万 350 million
                while power and (rest := _CJK_REST.match(text, end)):
                    smaller = _cjk_scale_power(rest.group(2)) if rest.group(2) else 0
                    if smaller is None or smaller >= power:
                        break
                    value, end, power = value + Decimal(rest.group(1)).scaleb(smaller), rest.end(), smaller
                consumed = end
        elif glued := _SCALE_BEFORE_CURRENCY.match(text, match.end("num") if match.group("suffix") else end):
            value, end = value.scaleb(_CURRENCY_SCALES[glued.group(1).lower()]), glued.end(1)
        if has_cjk and _is_month(text, match.start(), end, value):
            continue
        percent = bool(match.group("pct")) and match.start("pct") >= end
        begin = match.start()
        if not percent and (before := _PERCENT_BEFORE.search(text, max(0, begin - 7), begin)):
            percent, begin = True, before.start()       # Turkish yüzde 50, %50: the percent comes first
        if percent and begin < match.start():
            found.append(Number(begin, end, text[begin:end], value, True))
            continue
        if percent:
            end = match.end("pct")
            point = 3 if text.startswith("포인트", end) else 1 if _PERCENT_P.match(text, end) else 0
            if point:        # Korean 0.25%포인트, 0.25%p: a percentage point, as `0.25 percentage point`
                percent, end = False, end + point
        found.append(Number(match.start(), end, text[match.start():end], value, percent))
    return _cjk_numerals(text, tuple(found)) if has_cjk else tuple(found)



_MONTH_RANGE_REST = re.compile(r"\s*[至到\-—–~～]\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月")
"""What follows the first month of a range of months: `1至11月`, `1-11月` (January to November)."""


_FROM_JANUARY = re.compile(r"(?:1|一)\s*[至到\-—–~～]\s*$")


def _is_month(text: str, start: int, end: int, value: Decimal) -> bool:
    """`8月` is August, and the 1 of `1至11月` January: other languages write the month as a word, so it is no
    number to compare. The last month of a range from January is also a count (`1至11月`, "the first 11
    months"): a number, which the number check does not miss where the translation names the months instead."""
    if not (1 <= value <= 12 and value == value.to_integral_value()):
        return False
    if text[end:end + 1] == "月":
        return not _FROM_JANUARY.search(text, max(0, start - 4), start)
    return _MONTH_RANGE_REST.match(text, end) is not None


def _cjk_scale_power(scale: str) -> int | None:
    """Power of ten of the scale characters after a figure: `万` 4, `亿` 8, `万亿` 12, `千万` 7."""
    power = 0
    for char in scale:
        step = _CJK_SCALES.get(char) or _CJK_UNITS.get(char)
        if step is None:
            return None
        power += step
    return power


def _cjk_numerals(text: str, found: tuple[Number, ...]) -> tuple[Number, ...]:
    """`found` with the numbers written in Chinese characters added, in text order.

    A lone `一` (also "a", "the same"), a lone `零` (`零售`, retail), and scale characters with no digit before
    them (`万物`, `千万`) are words, not numbers.
    """
    taken = [(n.start, n.end) for n in found]
    extra = []
    for match in _CJK_NUMERAL.finditer(text):
        raw = match.group("num")
        start, end = match.start(), match.end()
        if any(a < end and start < b for a, b in taken):
            continue
        if raw[0] in _CJK_SCALES or raw[0] in "百佰千仟" or raw in ("一", "十", "拾", "零", "〇"):
            continue
        value = parse_cjk_number(raw)
        if value is None or _is_month(text, start, end, value):
            continue
        extra.append(Number(start, end, text[start:end], value, bool(match.group("pct"))))
    if not extra:
        return found
    return tuple(sorted(found + tuple(extra), key=lambda n: n.start))


def parse_cjk_number(raw: str) -> Decimal | None:
    """Value of a number written in Chinese characters.

    >>> [str(parse_cjk_number(x)) for x in ("一万二千", "九百三十", "十五", "三点五", "二〇二四", "三亿五千万")]
    ['12000', '930', '15', '3.5', '2024', '350000000']
    """
    integer, _, fraction = raw.replace("點", "点").partition("点")
    if fraction and any(c not in _CJK_DIGITS for c in fraction):
        return None
    whole = _cjk_integer(integer) if integer else 0
    if whole is None:
        return None
    digits = "".join(str(_CJK_DIGITS[c]) for c in fraction)
    return Decimal(f"{whole}.{digits}") if digits else Decimal(whole)


def _cjk_integer(raw: str) -> int | None:
    if all(c in _CJK_DIGITS for c in raw):       # read digit by digit: 二〇二四
        return int("".join(str(_CJK_DIGITS[c]) for c in raw))
    for scale in ("兆", "亿", "億", "万", "萬"):
        if scale in raw:
            high, _, low = raw.partition(scale)
            head = _cjk_integer(high) if high else 1
            tail = _cjk_integer(low) if low else 0
            if head is None or tail is None:
                return None
            return head * 10 ** _CJK_SCALES[scale] + tail
    total, digit = 0, None
    for char in raw:
        if char in _CJK_DIGITS:
            if digit and _CJK_DIGITS[char] != 0:
                return None                      # two digits in a row with units around them: not a number
            # (a 零 stands for the units left out, and the digit after it counts: 一百零五 is 105)
            digit = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (1 if digit is None else digit) * 10 ** _CJK_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


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
NUMBER_WORD_LANGS = frozenset(_UNITS)
NUMBER_WORDS = frozenset({w for table in _UNITS.values() for w in table if len(w) > 1} - {"un", "une", "ein", "eine"})
"""Words of a number of two or more (accents dropped): most sentences hold none, and need no closer look for
written-out numbers."""
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


_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_numeral(token: str) -> int | None:
    """The value of an upper-case Roman numeral (`XIV`), or None for any other word (`Vi`, `IIII`)."""
    if not token or not token.isupper() or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for here, following in zip(token, token[1:] + " "):
        value = _ROMAN_VALUES[here]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total or None
