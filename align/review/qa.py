"""Bilingual QA checks, the ones a reviser (and Xbench, Verifika, pofilter) runs first: one function per rule.

Pair rules take a `PairView` and return flags, as the divergence rules do; document rules (inconsistency)
see every pair at once; a glossary makes a terminology rule. Each flag type maps to an ITS 2.0
`locQualityIssueType` (`flags.ITS_TYPES`), which the XLIFF export writes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

from align.review.view import PairView, Rule
from align.errors import AlignError
from align.review.flags import ERROR, INFO, WARNING, Flag, Span, whole_spans
from align.text.glossary import Term
from align.text.lang import UNDETERMINED, UNSPACED_RUN, reads_as_source, word_count
from align.text.segment import Segment
from align.text.patterns import past_common_blocks



def _text(segments) -> str:
    return " ".join(s.text for s in segments)


@lru_cache(maxsize=1 << 14)
def _normal(text: str) -> str:
    """Text as two renderings are compared: case, accents of compatibility forms and spacing ignored (cached:
    a sentence is compared by several checks, whole and inside its pair)."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)

REPEATED_MIN_WORDS = 5
"""Words from which a sentence found twice is a paste, not a formula that recurs (`Thank you.`, `He said no.`)."""

UNTRANSLATED_MIN_WORDS = 3
"""Identical sides shorter than this are names, codes or titles that stay as they are (`Xinhua`, `COVID-19`)."""


def _prose(text: str) -> bool:
    """Enough words, and some not capitalised, to be a sentence rather than a list of names that stays as it
    is in any language (`Nanga Parbat, Cho Oyu, Gasherbrum.`); scripts without case count as prose."""
    found = _WORDS.findall(text)
    return word_count(text) >= UNTRANSLATED_MIN_WORDS and any(len(w) > 1 and not w[0].isupper() for w in found)


def _two_languages(pair: PairView) -> bool:
    return bool(pair.source and pair.target) and pair.source_lang != pair.target_lang and \
        UNDETERMINED not in (pair.source_lang, pair.target_lang)


def untranslated(pair: PairView) -> tuple[Flag, ...]:
    """The translation is the source itself: an error, so the pair stays out of the translation memory."""
    if not _two_languages(pair):
        return ()
    src, tgt = _text(pair.source), _text(pair.target)
    if _normal(src) == _normal(tgt) and _prose(src):
        return (Flag("untranslated", ERROR, f"The {pair.sides[1]} is the {pair.sides[0]} itself, not translated.",
                     whole_spans("target", pair.target)),)
    return ()


def left_in_source_language(pair: PairView) -> tuple[Flag, ...]:
    """A segment of the translation still written in the source language (an `untranslated` error). Not run
    when the languages given contradict the texts: then every segment would read as "the source's"."""
    if not _two_languages(pair):
        return ()
    left = [t for t in pair.target if reads_as_source(t.text, pair.source_lang, pair.target_lang)]
    if left and not untranslated(pair):
        return (Flag("untranslated", ERROR, f"Written in the {pair.sides[0]}'s language ({pair.source_lang}), "
                                            f"not in {pair.target_lang}: left untranslated?",
                     whole_spans("target", left)),)
    if left:
        return ()
    copied = _copied_run(pair)
    if copied is None:
        return ()
    text, span = copied
    shown = text if len(text) <= 80 else text[:38].rstrip() + " … " + text[-38:].lstrip()
    return (Flag("untranslated", WARNING, f"Part of the {pair.sides[1]} is still in the {pair.sides[0]}'s language "
                                          f"({pair.source_lang}), word for word: “{shown}”: left untranslated?", (span,)),)


COPIED_MIN_WORDS = 6
"""Words in a row that the translation copies from the source, in the source's language, before they count as
a part left untranslated (shorter runs are names, titles and quoted phrases)."""
_WORD_AT = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)


def _copied_run(pair: PairView) -> tuple[str, Span] | None:
    """The longest run of words a target segment shares with the source, word for word, when it is long and
    reads as the source's language (a clause left untranslated inside a translated sentence)."""
    from difflib import SequenceMatcher

    source_text = " ".join(s.text for s in pair.source).casefold()
    rough = set(source_text.split())    # words with their punctuation: enough to rule out most segments
    source_words: list[str] | None = None
    for segment in pair.target:
        if len(rough.intersection(segment.text.casefold().split())) < COPIED_MIN_WORDS - 2:
            continue
        source_words = source_words or [m.group() for m in _WORD_AT.finditer(source_text)]
        found = list(_WORD_AT.finditer(segment.text))
        if len(found) < COPIED_MIN_WORDS:
            continue
        words = [m.group().casefold() for m in found]
        if len(set(words) & set(source_words)) < COPIED_MIN_WORDS:
            continue     # most segments: not enough words in common for a run
        match = SequenceMatcher(None, words, source_words, autojunk=False).find_longest_match(
            0, len(words), 0, len(source_words))
        if match.size < COPIED_MIN_WORDS:
            continue
        start, end = found[match.a].start(), found[match.a + match.size - 1].end()
        text = segment.text[start:end]
        if reads_as_source(text, pair.source_lang, pair.target_lang):
            return text, Span("target", segment.id, start, end)
    return None


_DOUBLED = re.compile(r"\b([^\W\d_]{2,})(\s+)(\1)\b", re.UNICODE | re.IGNORECASE)
LEGITIMATE_DOUBLES = frozenset({"nous", "vous", "had", "that", "die", "der", "das", "sie", "dat", "que", "ha",
                                "là", "bye", "very", "so", "no", "go", "knock", "tut"})
"""Words whose doubling is grammar or style (`nous nous sommes`, `had had`, `die die`), not a typo."""


def doubled_sentence(pair: PairView) -> tuple[Flag, ...]:
    """A sentence of the translation given twice inside one pair, word for word, where the source has it once:
    the second copy is added (a paste), though the alignment keeps it with its source."""
    if not pair.source or len(pair.target) < 2:
        return ()
    seen: dict[str, Segment] = {}
    flags = []
    source_texts = Counter(_normal(s.text) for s in pair.source)
    for segment in pair.target:
        text = _normal(segment.text)
        if segment.kind != "sentence" or len(_WORDS.findall(text)) < REPEATED_MIN_WORDS:
            continue
        first = seen.setdefault(text, segment)
        if first is not segment and source_texts[text] < 2:
            flags.append(Flag("added", ERROR, f"{segment.id} repeats {first.id} word for word: pasted twice?",
                              whole_spans("target", (segment,))))
    return tuple(flags)


def doubled_word(pair: PairView) -> tuple[Flag, ...]:
    """A word written twice in a row in the translation (`the the`), beyond the doublings the source has
    (`very very` -> `très très` renders one)."""
    if not pair.target:
        return ()
    src_doubles = sum(1 for s in pair.source for m in _DOUBLED.finditer(s.text) if m.group(1) == m.group(3))
    spans = [Span("target", t.id, m.start(), m.end()) for t in pair.target for m in _DOUBLED.finditer(t.text)
             if m.group(1).casefold() not in LEGITIMATE_DOUBLES and m.group(1) == m.group(3)]
    if len(spans) <= src_doubles:
        return ()
    shown = ", ".join(f"“{t.text[s.start:s.end]}”" for s in spans for t in pair.target if t.id == s.segment)
    return (Flag("doubled_word", WARNING, f"Word written twice: {shown}.", tuple(spans)),)


_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def whitespace(pair: PairView) -> tuple[Flag, ...]:
    """Double spaces inside the translation, and white space around a segment, that the source does not have."""
    if not pair.source or not pair.target:
        return ()
    flags = []
    if not any(_DOUBLE_SPACE.search(s.text) for s in pair.source):
        spans = tuple(Span("target", t.id, m.start(), m.end()) for t in pair.target
                      for m in _DOUBLE_SPACE.finditer(t.text))
        if spans:
            flags.append(Flag("whitespace", INFO, f"Double space in the {pair.sides[1]}.", spans))
    src_lead, src_trail = bool(pair.source[0].padding[0]), bool(pair.source[-1].padding[1])
    tgt_lead, tgt_trail = bool(pair.target[0].padding[0]), bool(pair.target[-1].padding[1])
    if (tgt_lead and not src_lead) or (tgt_trail and not src_trail):
        where = " and ".join(w for w, extra in (("leading", tgt_lead and not src_lead),
                                                ("trailing", tgt_trail and not src_trail)) if extra)
        flags.append(Flag("whitespace", INFO, f"The {pair.sides[1]} has {where} white space that the "
                                              f"{pair.sides[0]} does not have."))
    return tuple(flags)


_BRACKETS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】", "〔": "〕", "［": "］", "｛": "｝"}


def _unbalanced(text: str) -> bool:
    """An opening bracket that is never closed, or closed by another kind (`{Makalu )`). A closing bracket with
    no opening one is a list marker (`a)`, `1)`) and is fine."""
    closing = {c: o for o, c in _BRACKETS.items()}
    stack = []
    for char in text:
        if char in _BRACKETS:
            stack.append(char)
        elif char in closing and stack:
            if stack.pop() != closing[char]:
                return True
    return bool(stack)


def brackets(pair: PairView) -> tuple[Flag, ...]:
    """A bracket of the translation that does not close, where the source's do. (Quotation marks are not
    checked: dialogue in novels and news quotes run over several sentences, and languages pair them
    differently, so an unclosed quote is the rule there, not a typo.)"""
    if not pair.source or not pair.target:
        return ()
    if _unbalanced(_text(pair.target)) and not _unbalanced(_text(pair.source)):
        return (Flag("bracket", WARNING, f"A bracket of the {pair.sides[1]} does not close (or closes with "
                                         f"another kind).", tuple(Span("target", t.id, 0, len(t.text))
                                                                  for t in pair.target if _unbalanced(t.text))),)
    return ()


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'“”«»)\]]+[^\s<>\"'“”«»)\].,;:!?。，]", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])[@#][^\W\d_][\w.]*\w")


def _links(text: str) -> Counter:
    """URLs and e-mail addresses (looked for only where their `://`, `www.` or `@` is: most sentences have none)."""
    found = Counter(m.group().rstrip("/").casefold() for m in _URL.finditer(text)) \
        if "://" in text or "www." in text.lower() else Counter()
    if "@" in text:
        found.update(m.group().casefold() for m in _EMAIL.finditer(text))
    return found


def _handles(text: str) -> list[str]:
    """@handles and #hashtags, e-mail addresses left out."""
    if "@" not in text and "#" not in text:
        return []
    return [m.group() for m in _HANDLE.finditer(_EMAIL.sub(" ", text) if "@" in text else text)]


def _without_addresses(text: str) -> str:
    """The text with its handles, hashtags and e-mail addresses blanked out."""
    if "@" not in text and "#" not in text:
        return text
    return _EMAIL.sub(" ", _HANDLE.sub(" ", text))


def urls_and_emails(pair: PairView) -> tuple[Flag, ...]:
    """URLs, e-mail addresses, @handles and #hashtags of one side that the other does not carry as they are."""
    if not pair.source or not pair.target:
        return ()
    src, tgt = _text(pair.source), _text(pair.target)
    src_links, tgt_links = _links(src), _links(tgt)
    src_links.update(_handles(src))
    tgt_links.update(_handles(tgt))
    missing, extra = src_links - tgt_links, tgt_links - src_links
    if not missing and not extra:
        return ()
    parts = []
    if missing:
        parts.append(f"the {pair.sides[0]} has {', '.join(sorted(missing))}, the {pair.sides[1]} does not")
    if extra:
        parts.append(f"the {pair.sides[1]} has {', '.join(sorted(extra))}, the {pair.sides[0]} does not")
    return (Flag("url_email", WARNING, "Address, handle or tag changed: " + "; ".join(parts) + "."),)


_PLACEHOLDER = re.compile(r"\{\d*\}|\{[A-Za-z_][\w.]*\}|%(?:\d+\$)?[-+ 0#]?\d*(?:\.\d+)?[sdifuxXeEgGc@]"
                          r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|\$\{[^}]+\}")


_AFTER_A_NUMBER = re.compile(r"\d[\s\u00a0\u202f]?$")


def _placeholders(text: str) -> Counter:
    """The placeholders and tags of a text. A `%` after a number is a percent sign, not a format (`5,9 % cette`,
    `12 % d'entre eux` in French typography), and `% d` followed by a letter is a word after a percent sign."""
    found = Counter()
    for match in _PLACEHOLDER.finditer(text):
        token = match.group()
        if token.startswith("%"):
            if _AFTER_A_NUMBER.search(text, max(0, match.start() - 2), match.start()):
                continue
            if token[1:2] == " " and text[match.end():match.end() + 1].isalpha():
                continue
        found[token] += 1
    return found


def placeholders(pair: PairView) -> tuple[Flag, ...]:
    """Placeholders and tags (`{0}`, `%s`, `<b>`, `${name}`) that must survive translation as they are: one
    lost or added breaks the software or the page that shows the text."""
    if not pair.source or not pair.target:
        return ()
    src, tgt = _placeholders(_text(pair.source)), _placeholders(_text(pair.target))
    if src == tgt:
        return ()
    missing, extra = src - tgt, tgt - src
    parts = ([f"missing {' '.join(sorted(missing))}"] if missing else []) + \
        ([f"added {' '.join(sorted(extra))}"] if extra else [])
    return (Flag("placeholder", ERROR, "Placeholders or tags differ: " + "; ".join(parts) + "."),)


_SYMBOLS = "%#@"
_PERCENT_WORDS = re.compile(r"per ?cent|pour ?cent|por ?ciento|por ?cento|prozent|procent(?!ow)|percento|proc\.|"
                            r"persen|процент|yüzde|百分之|퍼센트",
                            re.IGNORECASE)


def symbols(pair: PairView) -> tuple[Flag, ...]:
    """`%`, `#` or `@` on one side only (a percent written as a word, `per cent`, or as `٪` counts as `%`)."""
    if not pair.source or not pair.target:
        return ()
    src, tgt = _text(pair.source), _text(pair.target)
    src_links, tgt_links = _without_addresses(src), _without_addresses(tgt)
    odd = []
    for symbol in _SYMBOLS:
        a, b = src_links.count(symbol) + src_links.count(chr(ord(symbol) + 0xFEE0)), \
            tgt_links.count(symbol) + tgt_links.count(chr(ord(symbol) + 0xFEE0))
        if symbol == "%":    # the Arabic percent sign ٪ and the words count too
            a += len(_PERCENT_WORDS.findall(src)) + src_links.count("\u066a")
            b += len(_PERCENT_WORDS.findall(tgt)) + tgt_links.count("\u066a")
        if bool(a) != bool(b):
            odd.append(symbol)
    if not odd:
        return ()
    return (Flag("symbol", WARNING, f"{' '.join(odd)} on one side only."),)


PAIR_RULES: tuple[Rule, ...] = (untranslated, left_in_source_language, doubled_sentence, doubled_word, whitespace,
                                brackets, urls_and_emails, placeholders, symbols)


INCONSISTENCY_MIN_WORDS = 3
"""Shorter sentences (`Yes.`, `Thank you.`) may rightly be rendered differently in different places."""


def inconsistencies(pairs: Sequence[tuple[tuple, tuple]]) -> dict[int, tuple[Flag, ...]]:
    """The same source sentence translated two ways, and one translation given to two different sources:
    flags by pair index (every pair of such a group gets one)."""
    by_source: dict[str, list[int]] = defaultdict(list)
    by_target: dict[str, list[int]] = defaultdict(list)
    for k, (source, target) in enumerate(pairs):
        if not source or not target:
            continue
        src, tgt = _normal(_text(source)), _normal(_text(target))
        if len(_WORDS.findall(src)) >= INCONSISTENCY_MIN_WORDS and len(_WORDS.findall(tgt)) >= INCONSISTENCY_MIN_WORDS:
            by_source[src].append(k)
            by_target[tgt].append(k)
    flags: dict[int, list[Flag]] = defaultdict(list)
    for groups, other_side, message in (
            (by_source, 1, "The same source sentence is translated in {n} ways ({pairs})."),
            (by_target, 0, "One translation is given to {n} different source sentences ({pairs}).")):
        for group in groups.values():
            variants = {_normal(_text(pairs[k][other_side])) for k in group}
            if len(variants) > 1:
                text = message.format(n=len(variants), pairs=", ".join(f"pair {k}" for k in group))
                for k in group:
                    flags[k].append(Flag("inconsistency", INFO, text))
    return {k: tuple(v) for k, v in flags.items()}


def repeated_lines(pairs: Sequence[tuple[tuple, tuple]], sides: tuple[str, str] = ("source", "translation")
                   ) -> dict[int, str]:
    """One-sided pairs whose text another pair of the same side already has, word for word (a paragraph pasted
    twice): what to add to their `added` or `dropped` message, by pair index."""
    first_seen: dict[tuple[int, str], int] = {}
    for k, (source, target) in enumerate(pairs):
        for side, segments in ((0, source), (1, target)):
            if segments and source and target:
                first_seen.setdefault((side, _normal(_text(segments))), k)
    notes = {}
    for k, (source, target) in enumerate(pairs):
        if bool(source) == bool(target):
            continue
        side, segments = (0, source) if source else (1, target)
        if any(s.kind != "sentence" for s in segments):
            continue     # credits, captions and headings repeat in a document as they should
        text = _normal(_text(segments))
        other = first_seen.get((side, text))
        if other is not None and len(_WORDS.findall(text)) >= REPEATED_MIN_WORDS:
            ids = ", ".join(s.id for s in pairs[other][side])
            notes[k] = f"It repeats {ids} of the {sides[side]} word for word (pair {other}): pasted twice?"
    return notes


# --- glossary ---------------------------------------------------------------------------------------------

def _term_pattern(term: str) -> re.Pattern:
    """A term found as a whole word (or, in unspaced scripts such as Chinese, anywhere), case and spacing
    ignored."""
    body = r"\s+".join(re.escape(part) for part in term.split())
    if past_common_blocks(term) and UNSPACED_RUN.search(term):
        return re.compile(body, re.IGNORECASE)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def terminology_rule(terms: Sequence[Term]) -> Rule:
    """A rule that flags a source term whose required target term is missing from the translation."""
    compiled = [(t, _term_pattern(t.source), [_term_pattern(x) for x in t.targets]) for t in terms]

    def terminology(pair: PairView) -> tuple[Flag, ...]:
        if not pair.source or not pair.target:
            return ()
        tgt = _text(pair.target)
        flags = []
        for term, source_pattern, target_patterns in compiled:
            spans = tuple(Span("source", s.id, m.start(), m.end()) for s in pair.source
                          for m in source_pattern.finditer(s.text))
            if spans and not any(p.search(tgt) for p in target_patterns):
                wanted = " or ".join(f"“{x}”" for x in term.targets)
                flags.append(Flag("terminology", WARNING, f"Glossary: “{term.source}” should be rendered as "
                                                          f"{wanted}.", spans))
        return tuple(flags)

    return terminology


# --- which checks run ---------------------------------------------------------------------------------------

CHECKS = ("added", "dropped", "merged_or_split", "number_mismatch", "partial_omission", "entity_mismatch",
          "low_similarity", "untranslated", "doubled_word", "whitespace", "bracket", "url_email",
          "placeholder", "symbol", "inconsistency", "terminology", "moved", "date_mismatch")
"""Every check by the flag type it raises: what `--skip-check NAME` accepts."""


def check_names(names: Sequence[str]) -> frozenset[str]:
    """The names given to `--skip-check` (comma-separated or repeated), checked against `CHECKS`."""
    out = set()
    for item in names:
        for name in filter(None, (n.strip() for n in item.split(","))):
            if name not in CHECKS:
                raise AlignError(f"unknown check {name!r} (checks: {', '.join(CHECKS)})", exit_code=2)
            out.add(name)
    return frozenset(out)

