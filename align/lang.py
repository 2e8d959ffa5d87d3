"""Language tables: stop-word profiles for detection, abbreviations for sentence splitting."""
from __future__ import annotations

import re
import unicodedata

# Short, frequent function words: enough to tell the supported languages apart on a paragraph.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it with as was on be by are this from at have has "
                    "an which will said not but its their they were would been more also".split()),
    "fr": frozenset("le la les de des du et est que qui une un en dans pour sur au aux par pas plus "
                    "ce cette sont ont été avec il elle se ses leur l d".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den dem des mit sich auf für von im auch "
                    "es wird wurde sind war bei aus nach oder wie noch".split()),
    "es": frozenset("el la los las de del y en que es por con para una un se su al lo como más pero "
                    "sus le ha fue este esta son".split()),
    "it": frozenset("il la le di del della e è che per con una un non si sono gli dei delle nel al "
                    "alla anche come ha più questo".split()),
    "pt": frozenset("o a os as de do da dos das e em que é um uma para com não se por mais no na "
                    "ao foi como são seu sua".split()),
    "nl": frozenset("de het een en van in is dat op te met voor niet zijn aan er ook als bij door "
                    "maar om dan wordt worden was heeft".split()),
}

LANGUAGES = tuple(sorted(STOPWORDS))

# Letters that one language uses much more than the others: a tie-breaker for short texts.
_LETTERS: dict[str, str] = {"fr": "éèêàçùœ", "de": "äöüß", "es": "ñáíóú¿¡", "it": "òì", "pt": "ãõâ",
                            "nl": "ĳ", "en": ""}

# Abbreviations that end in a period and do not end a sentence (lower-cased, without the final period).
_COMMON_ABBREVIATIONS = frozenset(
    "etc e.g i.e vs cf ca approx no nos nr art fig p pp vol ed eds".split())
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset("mr mrs ms dr prof sr jr st mt ft gen gov sen rep col lt sgt capt co corp inc ltd "
                    "jan feb mar apr jun jul aug sep sept oct nov dec dept est govt univ u.s u.k u.n "
                    "a.m p.m".split()),
    "fr": frozenset("m mm mme mmes mlle mlles dr pr me mgr st ste av bd env cie ex janv févr avr juil "
                    "sept oct nov déc p.ex c.-à-d qq".split()),
    "de": frozenset("hr hrn fr dr prof bzw ca evtl ggf inkl usw vgl z.b d.h u.a o.ä s.o s.u u.ä "
                    "jh jhr mio mrd tel abs abt bd bsp geb gegr jan feb febr aug sept okt nov dez "
                    "st str allg ehem zt z.t".split()),
    "es": frozenset("sr sra srta dr dra ud uds ee.uu pág núm".split()),
    "it": frozenset("sig sigg dott prof ing avv on".split()),
    "pt": frozenset("sr sra dr dra prof".split()),
    "nl": frozenset("dhr mevr drs ir ing mr bijv enz o.a d.w.z".split()),
}

MONTHS: dict[str, frozenset[str]] = {
    "de": frozenset("januar februar märz april mai juni juli august september oktober november "
                    "dezember jänner".split()),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Combining marks (the Unicode blocks of diacritics): what NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def abbreviations(lang: str | None) -> frozenset[str]:
    """Abbreviations for `lang` plus the ones shared by every Latin-script language."""
    return _COMMON_ABBREVIATIONS | ABBREVIATIONS.get(lang or "", frozenset())


def strip_accents(text: str) -> str:
    """Lower-case and drop combining marks, for matching only (never for display).

    >>> strip_accents("Élève Übergröße")
    'eleve ubergrosse'
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    return _COMBINING.sub("", decomposed)


def detect_language(text: str, default: str = "en") -> str:
    """Best-matching language code by share of stop words; `default` when nothing matches.

    >>> detect_language("Le pays accélérera le développement de la fabrication.")
    'fr'
    """
    sample = text[:20000].casefold()
    words = _WORD.findall(sample)
    if not words:
        return default
    best, best_score = default, 0.0
    for code in LANGUAGES:
        profile = STOPWORDS[code]
        score = sum(1 for w in words if w in profile) + 0.5 * sum(sample.count(c) for c in _LETTERS[code])
        if score > best_score:
            best, best_score = code, score
    return best
