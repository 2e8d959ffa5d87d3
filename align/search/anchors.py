"""Names and acronyms of a segment, and those the other side of a pair does not carry over."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from align.text.divisions import DIVISION_WORDS
from align.text.exonyms import exonyms
from align.text.lang import script_family, strip_accents
from align.text.numbers import SCALE_WORDS, roman_numeral, roman_ordinal
from align.text.segment import Segment, Span
from align.text.transliterate import TRANSLITERATED_SCRIPTS, latin_spelling
from align.search.vectors import words

_TOKEN = re.compile(r"[^\W_][\w-]*[^\W_]|[^\W_]", re.UNICODE)   # elisions (l’Internet) split off
_ACRONYM = re.compile(r"^[A-Z]{2,}s?$")
_TWO_CAPITALS = re.compile("[A-Z]{2}")
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "senin selasa rabu kamis jumat sabtu minggu januari februari maret mei juni juli agustus oktober desember "
    "bảy δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου "
    "ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου ιανουάριος φεβρουάριος μάρτιος "
    "απρίλιος μάιος ιούνιος ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος".split())
"""English and Indonesian capitalise the days and months that other languages write in lower case (Monday,
Senin / lundi; Vietnamese thứ Bảy): alone, no names."""
_CALENDAR_CAPITALS = frozenset({"en", "id", "vi", "el"})
CURRENCY_WORDS = frozenset("rp rs kr fr sfr chf usd eur gbp jpy cny rmb inr idr vnd brl zar rub try krw aud cad hkd "
                           "sgd yuan won".split())
"""Currency signs written in letters (`Rp 3.325 triliun`, `USD`, `CHF`): units, which translation renders its own
way (rupiah, dollars), not names."""
_SENTENCE_OPENERS = (".", "!", "?", ":", "«", "“", '"', "(", "'", "‘", "‚", "„", "‹", "—", "–", "¿", "¡", "「", "『")
"""What a capitalised word after it opens a sentence, not a name: an end of sentence, an opening quotation mark
(straight or curly: `' Oh dear !`, `' Do cats eat bats ?` in a novel's dialogue), a dialogue dash."""
_CONNECTORS = frozenset("of and for the de des du la le et für und der die das von del y e di da".split())


@dataclass(frozen=True)
class Anchor:
    """A name or acronym in a segment: words that a translation keeps or transliterates."""

    text: str
    words: tuple[str, ...]
    acronym: bool
    span: Span


@lru_cache(maxsize=4096)
def find_anchors(side: str, segment: Segment, lang: str, names: frozenset[str] = frozenset()) -> tuple[Anchor, ...]:
    """Names (runs of capitalised words not opening a sentence, or opening the segment with a word of `names`,
    the document's names found elsewhere: `Jin said ...` after `Minister Jin Zhuanglong`) and acronyms of a segment.

    German capitalises every noun, so there only acronyms count. Dotted abbreviations (U.S., z.B.)
    are localised in translation and are not anchors. Cached: each pair asks for both sides twice.
    """
    if names:
        # the names only change what the segment's first word is: read it as usual unless a name opens it
        return _scan_anchors(side, segment, lang, names) if _opens_with_name(segment.text, names) \
            else find_anchors(side, segment, lang)
    return () if cannot_hold_anchors(segment.text, lang) else _scan_anchors(side, segment, lang)


def _opens_with_name(text: str, names: frozenset[str]) -> bool:
    first = _TOKEN.search(text)
    return first is not None and first.group()[0].isupper() and strip_accents(first.group()).lower() in names


def document_names(side: str, segments: Sequence[Segment], lang: str) -> frozenset[str]:
    """The words of the names a document writes inside its sentences and never in lower case (lower case, no
    accents; `But` after a quotation mark is no name), which also name someone where they open a sentence."""
    found = {w for s in segments if s.kind == "sentence" for a in find_anchors(side, s, lang)
             if not a.acronym for w in a.words if w not in _CONNECTORS and len(w) >= 2}
    if not found:
        return frozenset()
    tokens = set(_TOKEN.findall("\n".join(s.text for s in segments)))
    lower = {strip_accents(word) for word in tokens if word[0].islower()}
    return frozenset(found - lower)


TRANSLATED_NAME_MIN = 3
"""Sentences a name must stand in, never written anywhere in the other document, before it counts as one the
translation renders by a word of its own (the Hatter / le Chapelier) rather than one it loses."""


def translated_names(side: str, segments: Sequence[Segment], lang: str, other: Sequence[Segment]) -> frozenset[str]:
    """The words of names (`find_anchors`) that stand in `TRANSLATED_NAME_MIN` sentences or more of `segments` while
    the other document never writes them, as they are or with the same first four letters and about the same length
    (China / Chine): names the translation renders consistently by words of its own (the Hatter / le Chapelier),
    so that their absence from one pair says nothing of that pair."""
    counts = Counter(w for s in segments if s.kind == "sentence"
                     for w in {w for a in find_anchors(side, s, lang) if not a.acronym for w in a.words})
    frequent = [w for w, c in counts.items() if c >= TRANSLATED_NAME_MIN and w not in HONORIFICS]
    if not frequent:
        return frozenset()
    # the spelt-close test of one pair would find some word of a whole document close to any name
    other_words = side_words(other)
    near = {(w[:4], len(w)) for w in other_words if len(w) >= 4}

    def written(word: str) -> bool:
        return word in other_words or (len(word) >= 5 and any((word[:4], len(word) + d) in near for d in (-2, -1, 0, 1, 2)))
    return frozenset(w for w in frequent if not written(w))


def cannot_hold_anchors(text: str, lang: str) -> bool:
    """Whether a segment is sure to have no anchor without reading it word by word (most have none): in German
    no two capitals in a row (an acronym's), elsewhere no capital at all or only in the first word."""
    if lang == "de":
        return _TWO_CAPITALS.search(text) is None
    capitals = 0 if text.islower() else sum(map(str.isupper, text))
    if capitals != 1:
        return capitals == 0
    first = _TOKEN.search(text)       # the one capital is in the first word, which opens the sentence
    return first is not None and any(map(str.isupper, first.group()))




def _scan_anchors(side: str, segment: Segment, lang: str, names: frozenset[str] = frozenset()) -> tuple[Anchor, ...]:
    """`find_anchors` word by word."""
    text = segment.text
    tokens = list(_TOKEN.finditer(text))
    shouting = False   # an all-caps line: 8 letters or more, over 0.8 of them capitals (so 7 capitals at least)
    if sum(map(str.isupper, text)) >= 7:
        letters = [c for c in text if c.isalpha()]
        shouting = len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    anchors: list[Anchor] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group().lower() in _CONNECTORS:
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            words = tuple(strip_accents(m.group()) for m in run if m.group().lower() not in _CONNECTORS)
            anchors.append(Anchor(text[start:end], words, False, Span(side, segment.id, start, end)))
        run.clear()

    def opens_sentence(k: int, match: re.Match[str]) -> bool:
        before = text[max(0, match.start() - 40):match.start()].rstrip()  # the tail is enough, and linear
        if k > 0 and before.endswith(".") and _after_title(tokens[k - 1].group()):
            return False     # `M. Wang`, `Dr. Li`, `J. Smith`: a name after a title or an initial
        return k == 0 or before.endswith(_SENTENCE_OPENERS) or \
            (k == 1 and not tokens[0].group()[0].isupper())

    for k, match in enumerate(tokens):
        word = match.group()
        # (a Roman numeral of two letters or more, without D or M: a lone `I` is the pronoun, `DC`, `MD` and `CD`
        # are acronyms)
        if (roman_ordinal(word) or (len(word) > 1 and "D" not in word and "M" not in word
                                           and roman_numeral(word))
                or strip_accents(word) in DIVISION_WORDS or word.lower() in CURRENCY_WORDS
                or (word.lower() in SCALE_WORDS and text[:match.start()].rstrip()[-1:].isdigit())):
            if run:
                close()
            # XIXe siècle (the 19th century), CHAPTER VII, Louis XIV: numbers of their kind, which the number
            # features compare; 4,2 Mds €, 402 Mrd. Euro: a scale, not a name
            continue
        if len(word) <= 2 and text[match.end():match.end() + 1] == ".":
            if run:
                close()
            continue  # U.S., M., z.B.
        capital = word[0].isupper()    # an acronym or a name starts with one: most words are neither
        if capital and _ACRONYM.match(word) and not shouting:
            if run:
                close()
            anchors.append(Anchor(word, (word.rstrip("s").lower(),), True,
                                  Span(side, segment.id, match.start(), match.end())))
        elif capital and lang != "de" and not word.isupper() \
                and (not opens_sentence(k, match) or (k == 0 and strip_accents(word).lower() in names)) \
                and not (lang in _CALENDAR_CAPITALS and not run and _calendar_word(word, tokens, k)):
            run.append(match)
        elif run:
            if word.lower() in _CONNECTORS:
                run.append(match)
            else:
                close()
    if run:
        close()
    return tuple(anchors)


def _after_title(word: str) -> bool:
    """A word that a full stop ends without ending the sentence before a name: a form of address (`M.`, `Dr.`,
    `Mrs.`) or a capital initial (`J.`)."""
    return word.lower() in HONORIFICS or (len(word) == 1 and word.isupper())


def _calendar_word(word: str, tokens: list[re.Match[str]], k: int) -> bool:
    """A day or month standing alone (`on Monday`, `in May 2023`), not the start of a name (`March Hare`)."""
    if word.lower() not in CALENDAR_WORDS:
        return False
    following = tokens[k + 1].group() if k + 1 < len(tokens) else ""
    return not (following[:1].isupper() and following.lower() not in CALENDAR_WORDS)


def name_words(segments: Sequence[Segment]) -> set[str]:
    """The words of segments as names' words are read (accents and case dropped; `Milne-Edwards` is one)."""
    return {strip_accents(w) for s in segments for w in _TOKEN.findall(s.text)}


def side_words(segments: Sequence[Segment]) -> set[str]:
    return {w for s in segments for w in words(s.text)}


def _matched(anchor: Anchor, other_words: set[str]) -> bool:
    """A name is kept when one of its words is on the other side as it is, with the same first four letters
    (China/Chine), or spelt close enough (Kangchendzönga/Kanchenjunga share over a third of their letter triples)."""
    return any(word_kept(word, other_words) for word in anchor.words)


def word_kept(word: str, other_words: set[str]) -> bool:
    """One word of a name on the other side: as it is, with the same first four letters, spelt close, or as the
    other language names that place (Spain / España, and `española` by its first letters)."""
    if _written_alike(word, other_words) or any(_written_alike(alias, other_words) for alias in exonyms(word)):
        return True
    if len(word) >= 5:
        grams = _triples(word)
        if any(2 * len(grams & _triples(w)) >= 0.35 * (len(grams) + len(_triples(w)))
               for w in other_words if abs(len(w) - len(word)) <= 3 and len(w) >= 5):
            return True
    return False


HONORIFICS = frozenset("mr mrs miss ms dr sir lady lord mme mlle mm herr frau fru hr monsieur madame mademoiselle "
                       "messieurs mesdames senor senora senorita don dona signor signora signorina".split())
"""Forms of address, which translation localises (Mrs / Mme): neither kept nor lost in a name."""


def names_replaced(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str,
                   other_lang: str) -> list[tuple[str, str, Span]]:
    """Parts of `mine`'s names that the other side replaces inside the same name: two words or more of a name
    lack on the other side, which writes a name holding some of its other words and words of its own
    (`Minister of Industry Jin Zhuanglong` / `le ministre de l'Industrie Li Qiang`, a person replaced under a
    kept title; `Minister of Industry and Information Technology Jin Zhuanglong` / `ministre des Finances Jin
    Zhuanglong`, a title replaced before a kept person). Lists of names (with commas) are left alone: their
    words are often translated one by one. Each as (the lost words, the other side's own words, their span)."""
    lost = _lost_runs(side, mine, theirs, lang)
    if not lost:
        return []
    other_side = "target" if side == "source" else "source"
    mine_words = side_words(mine)
    out = []
    for text, kept in lost:
        for segment in theirs:
            for anchor in find_anchors(other_side, segment, other_lang):
                if anchor.acronym or "," in anchor.text:
                    continue
                spans = [(t, sp) for t, sp in word_spans(anchor) if strip_accents(t).lower() not in HONORIFICS]
                own = [sp for t, sp in spans if not word_kept(strip_accents(t).lower(), mine_words)]
                if own and len(own) < len(spans) and any(
                        word_kept(strip_accents(t).lower(), kept) for t, sp in spans):
                    span = Span(own[0].side, own[0].segment, own[0].start, own[-1].end)
                    out.append((text, segment.text[span.start:span.end], span))
                    break
            else:
                continue
            break
    return out


def _lost_runs(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str
               ) -> list[tuple[str, set[str]]]:
    """Runs of two words or more of `mine`'s names that `theirs` lacks, in names of which it keeps a word: each
    run's text as written, and the name's kept words."""
    out = []
    other_words: set[str] | None = None
    for segment in mine:
        for anchor in find_anchors(side, segment, lang):
            if anchor.acronym or len(anchor.words) < 3 or "," in anchor.text:
                continue
            other_words = other_words if other_words is not None else side_words(theirs)
            spans = word_spans(anchor)
            state = [None if w in HONORIFICS else word_kept(w, other_words) for w in anchor.words]
            kept = {w for w, v in zip(anchor.words, state) if v}
            if not kept:
                continue
            k = 0
            while k < len(state):
                end = k
                while end < len(state) and state[end] is False:
                    end += 1
                if end - k >= 2:
                    first, last = spans[k][1], spans[end - 1][1]
                    out.append((segment.text[first.start:last.end], kept))
                k = max(end, k + 1)
    return out


_VOWEL_LETTERS = re.compile("[aeiouy]")


def respelt_or_inflected(word: str, other: str) -> bool:
    """Two spellings that may be one name respelt, inflected or cut (Zhuanglong / Zhuanlong, Höfn / Hafnar,
    Bolungarvík / Vík): one holds the other, or their consonants start alike (accents and case dropped)."""
    a, b = strip_accents(word).lower(), strip_accents(other).lower()
    if a in b or b in a:
        return True
    skeleton_a, skeleton_b = _VOWEL_LETTERS.sub("", a), _VOWEL_LETTERS.sub("", b)
    shorter = min(len(skeleton_a), len(skeleton_b), 3)
    return shorter >= 2 and skeleton_a[:shorter] == skeleton_b[:shorter]


def _written_alike(name: str, other_words: set[str]) -> bool:
    """`name` on the other side as it is, or (from five letters on) a word with its first four (Espagne /
    espagnol)."""
    return name in other_words or (len(name) >= 5 and any(w.startswith(name[:4]) for w in other_words
                                                          if len(w) >= 4))


@lru_cache(maxsize=1 << 14)
def _triples(word: str) -> frozenset[str]:
    return frozenset(word[k:k + 3] for k in range(len(word) - 2))


def missing_anchors(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str,
                    other_lang: str, names: frozenset[str] = frozenset()) -> list[Anchor]:
    """The anchors of `mine` (with `names`, the document's: see `find_anchors`) that `theirs` does not carry
    over (acronyms: only a shortfall in number)."""
    anchors = [a for s in mine for a in find_anchors(side, s, lang, names)]
    if not anchors:
        return []     # most pairs: nothing to look up on the other side
    other_side = "target" if side == "source" else "source"
    own_acronyms = Counter(a.text for a in anchors if a.acronym)
    other_acronyms: Counter[str] = Counter()
    if own_acronyms:
        other_acronyms.update(a.text for s in theirs for a in find_anchors(other_side, s, other_lang) if a.acronym)
    other_words = side_words(theirs) if any(not a.acronym for a in anchors) else set()
    missing = []
    # acronyms are often localised (SMEs / PME): only a shortfall in number counts as missing
    spare_acronyms = sum((other_acronyms - own_acronyms).values())
    for anchor in anchors:
        if anchor.acronym:
            if other_acronyms[anchor.text] > 0:
                other_acronyms[anchor.text] -= 1
            elif spare_acronyms > 0:
                spare_acronyms -= 1
            else:
                missing.append(anchor)
        elif not _matched(anchor, other_words):
            missing.append(anchor)
    return missing


def readable_across(lang: str, other_lang: str) -> bool:
    """Whether names can be looked up across this pair's scripts: one side Latin, the other Cyrillic or Greek."""
    scripts = {script_family(lang), script_family(other_lang)}
    return "Latin" in scripts and len(scripts & TRANSLITERATED_SCRIPTS) == 1


def missing_across_scripts(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str,
                           names: frozenset[str] = frozenset()) -> list[Anchor]:
    """The names of `mine` (and its words in capitals of four letters or more: ΕΛΣΤΑΤ) that `theirs`, written in
    the other script of a pair that `readable_across` reads, does not carry over: both read in Latin letters
    (Набиуллина / Nabiullina, ΕΛΣΤΑΤ / ELSTAT), a name kept when one of its words is (`word_kept`)."""
    found = [a for s in mine for a in find_anchors(side, s, lang, names) if not a.acronym]
    for segment in mine:
        if not segment.text.isascii():
            found.extend(Anchor(m.group(), (m.group().lower(),), False, Span(side, segment.id, m.start(), m.end()))
                         for m in _TOKEN.finditer(segment.text)
                         if len(m.group()) >= 4 and m.group().isupper() and m.group().isalpha()
                         and not m.group().isascii())
    if not found:
        return []
    other = {latin for w in side_words(theirs) if (latin := latin_spelling(w))}
    missing = []
    for anchor in found:
        spelt = [latin_spelling(w) for w in anchor.words]
        readable = [w for w in spelt if w and len(w) >= 3]
        if None not in spelt and readable and not any(word_kept(w, other) for w in readable):
            missing.append(anchor)
    return missing


@dataclass(frozen=True)
class Respelling:
    """A word of a name on one side that the other side spells a letter or two differently (Zhuanglong /
    Zhuanlong): the same name garbled or mistyped, not a name translated."""

    anchor: Anchor
    word: str          # the word as the name has it
    kept_rest: bool    # the name's other words are on the other side as they are (Jin Zhuanglong / Jin Zhuanlong)
    span: Span
    other: str         # the other side's spelling, as written
    other_span: Span


def respelt_names(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str) -> list[Respelling]:
    """Words of `mine`'s names that `theirs` spells one or two letters differently, where the change is not
    in the ending (Tunisia / Tunisie is a translation) and the rest of the name is kept as it is (or the name is
    one word of eight letters or more that differs by one letter); hyphens aside (König-strasse)."""
    anchors = [a for s in mine for a in find_anchors(side, s, lang) if not a.acronym]
    if not anchors:
        return []
    other_side = "target" if side == "source" else "source"
    other_words = side_words(theirs)
    capitalised: dict[str, tuple[str, Span]] = {}
    for segment in theirs:
        for match in _TOKEN.finditer(segment.text):
            token = match.group()
            if token[0].isupper() and len(token) >= 5:
                capitalised.setdefault(strip_accents(token).lower(),
                                       (token, Span(other_side, segment.id, match.start(), match.end())))
    found = []
    for anchor in anchors:
        for word in anchor.words:
            if len(word) < 6 or word in other_words:
                continue
            rest = [w for w in anchor.words if w != word]
            if rest and not any(w in other_words for w in rest):
                continue    # the name as a whole is not carried over as it is: a translation, not a typo
            if not rest and len(word) < 8:
                continue    # one short name alone (Hamburg / Hambourg): as likely the other language's form
            bare = word.replace("-", "")
            for other, (written, span) in capitalised.items():
                if other[0] != word[0] or abs(len(other) - len(word)) > 2:
                    continue
                distance = _edits(bare, other.replace("-", ""), 2)
                if distance == 0 or distance > (2 if rest else 1):
                    continue    # the same letters (König-strasse), or too far apart to be one name
                prefix = next((k for k, (a, b) in enumerate(zip(word, other)) if a != b), min(len(word), len(other)))
                if prefix >= min(len(word), len(other)) - 2:
                    continue    # only the ending differs: Tunisia / Tunisie, Austria / Austrian
                found.append(_respelling(anchor, word, written, span, bool(rest)))
                break
    return found


def _respelling(anchor: Anchor, word: str, other: str, other_span: Span, kept_rest: bool) -> Respelling:
    """The respelt word with its own text and span inside the name."""
    text, span = next(((t, sp) for t, sp in word_spans(anchor) if strip_accents(t).lower() == word),
                      (anchor.text, anchor.span))
    return Respelling(anchor, text, kept_rest, span, other, other_span)


def names_changed(mine: Sequence[Segment], theirs: Sequence[Segment], lang: str) -> tuple[list, list]:
    """Two texts of one language (a machine translation and its post-edit): the words of names each writes
    that the other does not have as they are (`Lee` / `Li`, `Depu` / `Depoux`), each as (text, span).
    Acronyms and forms of address aside; case and accents ignored."""
    def own(side: str, segments: Sequence[Segment], other: Sequence[Segment]) -> list[tuple[str, Span]]:
        found = [(t, sp) for s in segments for a in find_anchors(side, s, lang) if not a.acronym
                 for t, sp in word_spans(a)]
        if not found:
            return []
        other_words = side_words(other)
        return [(t, sp) for t, sp in found if strip_accents(t).lower() not in other_words | HONORIFICS]
    return own("source", mine, theirs), own("target", theirs, mine)


def word_spans(anchor: Anchor) -> list[tuple[str, Span]]:
    """The words of a name as written (connectors left out, as in `anchor.words`), each with its span."""
    out = []
    for match in _TOKEN.finditer(anchor.text):
        if match.group().lower() not in _CONNECTORS:
            start = anchor.span.start + match.start()
            out.append((match.group(), Span(anchor.span.side, anchor.span.segment, start, start + len(match.group()))))
    return out


def _edits(a: str, b: str, limit: int) -> int:
    """Letters inserted, deleted, substituted or two swapped to turn `a` into `b`; `limit + 1` once past it."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return min(previous[-1], limit + 1)
