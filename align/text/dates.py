"""Months named in a date (`Aug. 31`, `31 août`, `am 3. März 2023`, `8月31日`): which month each side says, so
a date moved to another month in translation is caught where the day's number alone agrees."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from align.text.lang import WORDS, strip_accents
from align.text.patterns import LazyPattern

_NAMES: dict[int, tuple[str, ...]] = {     # as written (the lookup also takes them without accents); Russian
    # in the nominative and the genitive of dates (20 декабря)
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari", "январь", "января"),
    2: ("february", "feb", "février", "févr", "fév", "februar", "febrero", "febbraio", "fevereiro", "fev",
        "februari", "февраль", "февраля"),
    3: ("march", "mar", "mars", "märz", "mär", "marzo", "março", "maart", "mrt", "март", "марта"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei", "май", "мая"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль", "июля"),
    8: ("august", "aug", "août", "agosto", "ago", "augustus", "ágúst", "август", "августа"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "сентябрь",
        "сентября"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out", "октябрь",
         "октября"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября"),
    12: ("december", "dec", "décembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro",
         "декабрь", "декабря", "desember"),
}
_MONTH_OF = {strip_accents(name): month for month, names in _NAMES.items() for name in names}
_AMBIGUOUS = frozenset({"may", "mar", "gen", "set", "out", "ago", "dic", "jan", "mai"})
"""Month names that are also everyday words (English `may`, Portuguese `set`, `out`...): a month only when
capitalised or written next to a day's or year's number."""
_HAN_MONTH = re.compile(r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月")
_HAN_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                 "十一": 11, "十二": 12}


@dataclass(frozen=True)
class Month:
    """A month named in a date: its number (1-12) and where the name stands."""

    month: int
    start: int
    end: int
    text: str

    @property
    def key(self) -> int:
        """What two sides compare: the month's number."""
        return self.month


# a month name, full or abbreviated, as a word of its own (whether a number stands beside it is checked after)
_MONTH_NAME = LazyPattern(r"(?<![^\W\d_])(" + "|".join(sorted(_MONTH_OF, key=len, reverse=True))
                          + r")\.?(?![^\W\d_])", re.IGNORECASE)


_NEAR_NUMBER = re.compile(r"\d")
_QUICK_NAMES = frozenset(_MONTH_OF) | frozenset(name for names in _NAMES.values() for name in names)
_DAY_BEFORE = re.compile(r"\d(?:er|º|°|\.)?\s*$")


@lru_cache(maxsize=1 << 14)
def month_names(text: str) -> tuple[Month, ...]:
    """Every month the text names, in a date or not (`in October`, `im Oktober`, `10月`): what the other side's dated
    months are looked up in. `may`, `set`, `out`... count only when capitalised or after a day's number."""
    return _named_months(text, dated=False)


def _han_months(text: str) -> list[Month]:
    """Chinese and Japanese `N月`."""
    found = []
    if "月" in text:
        for match in _HAN_MONTH.finditer(text):
            raw = match.group(1)
            number = int(raw) if raw.isdigit() else _HAN_NUMERALS.get(raw)
            if number:
                found.append(Month(number, match.start(), match.end(), match.group()))
    return found


@lru_cache(maxsize=1 << 14)
def months(text: str) -> tuple[Month, ...]:
    """The months the text names in dates: a month name (any of the Latin-script languages above, full or
    abbreviated) with a number within a few characters, or a Chinese or Japanese `N月`."""
    return _named_months(text, dated=True)


def _named_months(text: str, dated: bool) -> tuple[Month, ...]:
    """The month names of a text (and `N月`); with `dated`, only those with a number within a few characters."""
    found = _han_months(text)
    if (dated and not _NEAR_NUMBER.search(text)) or _QUICK_NAMES.isdisjoint(WORDS.findall(text.lower())):
        return tuple(found)     # most segments: no digit, or no word that could name a month
    folded = strip_accents(text)
    if len(folded) != len(text):
        folded = text     # a decomposition changed the length: read the text as it is
    for match in _MONTH_NAME.finditer(folded):
        word = match.group(1).lower()
        month = _MONTH_OF.get(strip_accents(word))
        if month is None:
            continue
        around = text[max(0, match.start() - 6):match.start()] + text[match.end():match.end() + 7]
        if dated and not _NEAR_NUMBER.search(around):
            continue
        if strip_accents(word) in _AMBIGUOUS and not text[match.start()].isupper() \
                and not _DAY_BEFORE.search(text, 0, match.start()):
            continue    # `may`, `set`, `out` in lower case are words, unless a day comes first (le 1er mai)
        found.append(Month(month, match.start(), match.end(), text[match.start():match.end()]))
    return tuple(sorted(found, key=lambda m: m.start))
