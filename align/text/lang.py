"""Language tables: writing systems and stop-word profiles for detection, abbreviations for sentence splitting."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from align.text.patterns import LazyPattern, letter_runs

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
    "is": frozenset("og að í á er sem til það við með um af en ekki var hann hún fyrir eru eða þess "
                    "þetta þar hafa sé þau verið".split()),
    "sv": frozenset("och att det som en på är av för med till den har de inte om ett han var jag "
                    "men sig från vi så kan".split()),
    "da": frozenset("og at det som en på er af for med til den har de ikke om et han var jeg "
                    "men sig fra vi så kan".split()),
    "nb": frozenset("og at det som en på er av for med til den har de ikke om et han var jeg "
                    "men seg fra vi så kan ikkje".split()),
    "pl": frozenset("i w na z że się nie do to jest o jak po co tak za od są przez dla jego ale "
                    "oraz może".split()),
    "cs": frozenset("a v se na je že s z do to o jako pro by ale jsou jak k od po tak také které "
                    "který jeho".split()),
    "ro": frozenset("și în de la a cu pe care este că un o din pentru nu se mai sunt al ale fost "
                    "au sau".split()),
    "tr": frozenset("ve bir bu da de için ile olarak çok daha gibi olan en ama ne kadar sonra her "
                    "değil var".split()),
    "fi": frozenset("ja on ei se että oli hän ovat tai kun myös joka mutta niin kuin jos sen ole "
                    "vuonna".split()),
    "hu": frozenset("a az és hogy nem is egy meg de van volt csak már mint ez azt ki el még "
                    "kell".split()),
    "ru": frozenset("и в не на что с по как это он к но из у за о от же для так был она его "
                    "все".split()),
    "uk": frozenset("і в не на що з та як це до у за він від але для її його так було є вона "
                    "щоб".split()),
    "bg": frozenset("и в на не се за да от че с по е са като но той тя това от към".split()),
    "sr": frozenset("и у на да је се за од са не су као то што из али по".split()),
    "id": frozenset("yang dan di ke dari untuk dengan pada ini itu dalam tidak akan juga adalah oleh "
                    "sebagai atau telah sudah bahwa mereka kami kita ada lebih kata menjadi".split()),
    "vi": frozenset("của và là có trong được cho với các những này đã không một người để khi từ theo "
                    "về cũng ở đến ra tại như hơn sẽ đó sau".split()),
}

# Writing systems that one language (or one main language) uses: the script alone names it.
_SCRIPT_LANGUAGE = {"Hangul": "ko", "Greek": "el", "Arabic": "ar", "Hebrew": "he", "Devanagari": "hi",
                    "Thai": "th", "Bengali": "bn", "Tamil": "ta", "Georgian": "ka", "Armenian": "hy",
                    "Ethiopic": "am", "Khmer": "km", "Lao": "lo", "Myanmar": "my", "Sinhala": "si",
                    "Telugu": "te", "Kannada": "kn", "Malayalam": "ml", "Gujarati": "gu", "Gurmukhi": "pa"}

UNDETERMINED = "und"
"""The BCP 47 code for a language that cannot be told: aligned generically, never guessed as English."""

LANGUAGES = tuple(sorted(set(STOPWORDS) | set(_SCRIPT_LANGUAGE.values()) | {"zh", "ja", "fa", "ur"}))

# Letters that one language uses much more than the others: a tie-breaker for short texts.
_LETTERS: dict[str, str] = {"fr": "éèêàçùœ", "de": "äöüß", "es": "ñáíóú¿¡", "it": "òì", "pt": "ãõâ",
                            "nl": "ĳ", "en": "", "is": "þðæ", "sv": "åä", "da": "æøå", "nb": "æøå",
                            "pl": "ąęłńśźż", "cs": "ěščřžůň", "ro": "ășțâî", "tr": "ğışç", "fi": "äö",
                            "hu": "őű", "ru": "ыэъ", "uk": "іїєґ", "bg": "ъщ", "sr": "ђћџ", "id": "",
                            "vi": "ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"}

# First code point of each block and its script; a code point belongs to the last block starting at or before it.
_BLOCKS: tuple[tuple[int, str], ...] = (
    (0x0000, "Other"), (0x0041, "Latin"), (0x005B, "Other"), (0x0061, "Latin"), (0x007B, "Other"),
    (0x00C0, "Latin"), (0x00D7, "Other"), (0x00D8, "Latin"), (0x00F7, "Other"), (0x00F8, "Latin"),
    (0x02B0, "Other"), (0x0370, "Greek"), (0x0400, "Cyrillic"), (0x0530, "Armenian"), (0x0590, "Hebrew"),
    (0x0600, "Arabic"), (0x0700, "Other"), (0x0750, "Arabic"), (0x0780, "Other"), (0x0900, "Devanagari"),
    (0x0980, "Bengali"), (0x0A00, "Gurmukhi"), (0x0A80, "Gujarati"), (0x0B00, "Other"), (0x0B80, "Tamil"),
    (0x0C00, "Telugu"), (0x0C80, "Kannada"), (0x0D00, "Malayalam"), (0x0D80, "Sinhala"), (0x0E00, "Thai"),
    (0x0E80, "Lao"), (0x0F00, "Other"), (0x1000, "Myanmar"), (0x10A0, "Georgian"), (0x1100, "Hangul"),
    (0x1200, "Ethiopic"), (0x13A0, "Other"), (0x1780, "Khmer"), (0x1800, "Other"), (0x1E00, "Latin"),
    (0x1F00, "Greek"), (0x2000, "Other"), (0x2E80, "Han"), (0x3000, "Other"), (0x3040, "Kana"),
    (0x3100, "Other"), (0x3130, "Hangul"), (0x3190, "Other"), (0x31F0, "Kana"), (0x3200, "Other"),
    (0x3400, "Han"), (0x4DC0, "Other"), (0x4E00, "Han"), (0xA000, "Other"), (0xAC00, "Hangul"),
    (0xD7B0, "Other"), (0xF900, "Han"), (0xFB00, "Other"), (0xFB1D, "Hebrew"), (0xFB50, "Arabic"),
    (0xFE00, "Other"), (0xFE70, "Arabic"), (0xFF00, "Other"), (0xFF21, "Latin"), (0xFF3B, "Other"),
    (0xFF41, "Latin"), (0xFF5B, "Other"), (0xFF66, "Kana"), (0xFFA0, "Other"), (0x20000, "Han"),
    (0x32000, "Other"))
_BLOCK_STARTS = tuple(start for start, _ in _BLOCKS)

NO_SPACE_SCRIPTS = frozenset(("Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar"))
"""Scripts written without spaces between words: their words are characters and character pairs."""


def character_class(names: frozenset[str]) -> str:
    """The code point ranges of these scripts, for a regular expression's `[...]`.

    >>> re.fullmatch("[" + character_class(frozenset(["Kana"])) + "]+", "カタカナ") is not None
    True
    """
    ranges = []
    for (start, script), (end, _) in zip(_BLOCKS, _BLOCKS[1:] + ((0x110000, ""),)):
        if script in names:
            ranges.append(f"{chr(start)}-{chr(end - 1)}")
    return "".join(ranges)


_ASCII_LETTERS = re.compile("[A-Za-z]+")     # runs of letters: counted by their lengths, fewer strings made
_LATIN_LETTERS = re.compile("[^\\W\\d_]+")
_NOT_LATIN = re.compile("[^\u0000-\u02af\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")
# one pattern per script, counting its letters only (a block also holds marks and signs)
_SCRIPT_PATTERNS = tuple((name, LazyPattern(f"(?:(?=[{character_class(frozenset([name]))}])[^\\W\\d_])+"))
                         for name in sorted({script for _, script in _BLOCKS} - {"Other"}))
UNSPACED_CHARACTERS = character_class(NO_SPACE_SCRIPTS)
HAN_KANA_CHARACTERS = character_class(frozenset(("Han", "Kana")))
UNSPACED_RUN = LazyPattern(f"[{UNSPACED_CHARACTERS}]+")
"""A run of scripts written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar): no word boundaries to find."""

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
    "pl": frozenset("proc tys mln mld godz ul np tzw tj wg dr prof mgr inż ks św pkt str zob".split()),
    "cs": frozenset("tzv mil mld tis např atd resp ing mgr prof str".split()),
    "ru": frozenset("тыс млн млрд руб коп ул т.е т.д т.п стр".split()),   # not г., им.: also words that end one
}

_ALL_ABBREVIATIONS = _COMMON_ABBREVIATIONS.union(*ABBREVIATIONS.values())

MONTHS: dict[str, frozenset[str]] = {
    "de": frozenset("januar februar märz april mai juni juli august september oktober november "
                    "dezember jänner".split()),
}

WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
"""Runs of letters: a text's words, digits and underscores apart."""
# Combining marks (the Unicode blocks of diacritics): what NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def abbreviations(lang: str | None) -> frozenset[str]:
    """Abbreviations for `lang` plus the ones shared by every Latin-script language; every language's
    for an undetermined one (a missed sentence break costs less than a sentence cut at `Mr.`)."""
    if not lang or lang == UNDETERMINED:
        return _ALL_ABBREVIATIONS
    return _COMMON_ABBREVIATIONS | ABBREVIATIONS.get(lang, frozenset())


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


def _profile_script(code: str) -> str:
    return script_of(min(STOPWORDS[code])[0])


def script_of(char: str) -> str:
    """Writing system of one character (`Latin`, `Han`, `Kana`, `Cyrillic`, ...; `Other` for digits,
    punctuation and symbols).

    >>> script_of("é"), script_of("中"), script_of("か"), script_of("я"), script_of("7")
    ('Latin', 'Han', 'Kana', 'Cyrillic', 'Other')
    """
    return _BLOCKS[bisect_right(_BLOCK_STARTS, ord(char)) - 1][1]


def scripts(text: str) -> Counter[str]:
    """How many letters of each writing system `text` holds (digits, punctuation and symbols left out).

    >>> sorted(scripts("Beijing 北京 2024").items())
    [('Han', 2), ('Latin', 7)]
    """
    if text.isascii():
        return Counter({"Latin": sum(map(len, _ASCII_LETTERS.findall(text)))})
    if not _NOT_LATIN.search(text):   # Latin letters, accents and punctuation only: one pass
        return +Counter({"Latin": sum(map(len, _LATIN_LETTERS.findall(text)))})
    counts = Counter({name: sum(map(len, pattern.findall(text))) for name, pattern in _SCRIPT_PATTERNS})
    return +counts   # drop the scripts with no letter


@lru_cache(maxsize=8)   # a pair's two texts are asked about more than once (options, then the review's doubts)
def detect_language(text: str, default: str = UNDETERMINED) -> str:
    """Language code from the writing system, then (for Latin and Cyrillic) by share of stop words;
    `default` (undetermined) when neither tells.

    >>> detect_language("Le pays accélérera le développement de la fabrication.")
    'fr'
    >>> detect_language("起初神创造天地。"), detect_language("東京は日本の首都です。")
    ('zh', 'ja')
    """
    sample = text[:20000]
    counts = scripts(sample)
    letters = sum(counts.values())
    if not letters:
        return default
    han, kana = counts["Han"], counts["Kana"]
    if kana >= 0.05 * letters:
        return "ja"
    if han >= 0.3 * letters:
        return "zh"
    script = max(sorted(counts.items()), key=lambda item: item[1])[0]
    if script in _SCRIPT_LANGUAGE:
        if script == "Arabic":
            return _arabic_language(sample)
        return _SCRIPT_LANGUAGE[script]
    if script not in ("Latin", "Cyrillic"):
        return default
    folded = sample.casefold()
    words = WORDS.findall(folded)
    # every profile's stop words and letters counted in one pass over the text's words and special letters
    hits = Counter()
    for word, count in Counter(words).items():
        for code in _STOPWORD_LANGUAGES.get(word, ()):
            hits[code] += count
    letters_seen = Counter(_SPECIAL_LETTER.findall(folded))
    best, best_score = default, 0.0
    for code in sorted(STOPWORDS):
        if _PROFILE_SCRIPT[code] != script:
            continue
        score = hits[code] + 0.5 * sum(letters_seen[c] for c in _LETTERS[code])
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= enough_evidence(len(words)) else default


def enough_evidence(words: int) -> float:
    """The stop-word score from which a text of this many words reads as a language: one stop word in a short
    text (`Il a dit non.`); in a longer one one is chance (Swahili `bei` is German for "at") and a few are names or
    loans, so two at least and one word in twenty (a real text scores far more: English one word in four)."""
    return 1.0 if words <= 8 else max(2.0, 0.05 * words)


def stopword_score(text: str, lang: str) -> float:
    """How much `text` reads as `lang`: its stop words, and half a point per letter only that language uses
    (0 for a language without a profile). What `detect_language` weighs, for one sentence.

    >>> stopword_score("The talks in Beijing will go on.", "en") > stopword_score("The talks in Beijing.", "fr")
    True
    """
    profile = STOPWORDS.get(lang)
    if not profile:
        return 0.0
    folded = text.casefold()
    seen = Counter(WORDS.findall(folded))
    return _stopwords_seen(seen, profile) + 0.5 * sum(folded.count(c) for c in _LETTERS.get(lang, ""))


def _stopwords_seen(seen: Counter, profile: frozenset[str]) -> int:
    """How many of the words counted in `seen` are stop words of `profile` (over the shorter of the two)."""
    return sum([seen[w] for w in seen.keys() & profile])   # the set intersection runs in C


_LANGUAGE_SCRIPT = {"zh": "Han", "ja": "Han", "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic",
                    "sr": "Cyrillic", "fa": "Arabic", "ur": "Arabic",
                    **{code: script for script, code in _SCRIPT_LANGUAGE.items()}}


def script_family(lang: str | None) -> str:
    """The writing system a language code is written in (Latin for the rest, undetermined included).

    >>> script_family("zh"), script_family("en-US"), script_family("ru")
    ('Han', 'Latin', 'Cyrillic')
    """
    return _LANGUAGE_SCRIPT.get((lang or "").split("-")[0].lower(), "Latin")


_PROFILE_SCRIPT = {code: _profile_script(code) for code in STOPWORDS}
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {
    word: tuple(code for code in sorted(STOPWORDS) if word in STOPWORDS[code])
    for word in sorted(set().union(*STOPWORDS.values()))}
"""Stop word -> the languages whose profile holds it (what `detect_language` counts in one pass)."""
_SPECIAL_LETTER = re.compile("[" + re.escape("".join(sorted(set("".join(_LETTERS.values()))))) + "]")


def _arabic_language(text: str) -> str:
    """Arabic, Persian or Urdu, from the letters only Persian and Urdu use."""
    if any(c in text for c in "ٹڈڑںھےۓ"):
        return "ur"
    return "fa" if any(c in text for c in "پچژگک") else "ar"


READS_AS_MIN_WORDS = 4
"""A segment needs this many words before its stop words can say which language it is written in."""


def word_count(text: str) -> int:
    """Words of a text: runs of letters, where a run of a script written without spaces (Chinese, Japanese,
    Thai) counts one word per two characters, about a word's length there.

    >>> word_count("The talks will go on."), word_count("中国将加快推进新型工业化。"), word_count("5G基站")
    (5, 6, 1)
    """
    words = letter_runs(text)
    if text.isascii():
        return len(words)
    unspaced = UNSPACED_RUN.findall(text)
    if not unspaced:
        return len(words)
    glued = sum(1 for w in words if UNSPACED_RUN.search(w))   # letter runs holding unspaced characters
    return len(words) - glued + sum((len(run) + 1) // 2 for run in unspaced)


@lru_cache(maxsize=1 << 14)
def reads_as_source(text: str, source_lang: str, target_lang: str) -> bool:
    """A target text written in the source language (left untranslated): clearly more of the source's stop
    words; across scripts, the script alone tells."""
    if word_count(text) < READS_AS_MIN_WORDS:
        return False
    if script_family(source_lang) != script_family(target_lang):
        return detect_language(text) == source_lang
    src = stopword_score(text, source_lang)
    if src < 2:
        return False      # most segments: the target's score is not needed
    return src >= 2 * stopword_score(text, target_lang) + 1 and detect_language(text) == source_lang
