"""Divergences between a source and its translation: one function per rule, each `PairView -> Flags`.

Every flag carries a type, a severity (`info`, `warning`, `error`), a one-sentence message for a
translator and, where it points at words, the spans to highlight on each side.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from typing import Callable, Sequence

import numpy as np

from align.costs import length_delta
from align.lang import strip_accents
from align.numbers import Number, find_numbers, spelled_numbers
from align.segment import BOILERPLATE, HEADING, LINK, META, SENTENCE, Segment
from align.vectors import Vocabulary, words

INFO, WARNING, ERROR = "info", "warning", "error"
SEVERITIES = (INFO, WARNING, ERROR)

LOW_SCORE = 0.5
UNRELATED_SIMILARITY = 0.15
"""Below this (a similarity z-score near 0), two sides share no more than two unrelated sentences do."""
"""Below this calibrated score a pair is as likely a mistranslation or misalignment as a translation."""
SHORT_WITH_MISSING_ANCHOR = -0.5
"""Length delta under which a missing name or acronym counts as a partial omission (target shorter)."""
SHORT_ALONE = -2.0
"""Length delta under which the target is short enough to report on length alone (past dev's 1st percentile)."""


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of one segment's text, on the `source` or `target` side."""

    side: str
    segment: str
    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    """One divergence a reviewer should see."""

    type: str
    severity: str
    message: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class PairView:
    """What the rules see of one aligned pair: its segments, languages, score and the document's length ratio."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    source_lang: str
    target_lang: str
    score: float
    length_ratio: float
    sides: tuple[str, str] = ("source", "translation")   # what a reader calls each side
    similarity: float = 1.0    # the score from shared content alone (a cut sentence keeps it, a replaced one not)

    @property
    def length_delta(self) -> float:
        """How many standard deviations the translation is longer (+) or shorter (-) than expected."""
        src = sum(len(s.text) for s in self.source)
        tgt = sum(len(t.text) for t in self.target)
        return float(length_delta(np.array(float(src)), np.array(float(tgt)), self.length_ratio))


Rule = Callable[[PairView], tuple[Flag, ...]]

# Messages name the sides as the reader does: {src} and {tgt} are e.g. "source" and "translation".
_ADDED_MESSAGES = {
    LINK: (INFO, "Injected link line: the publishing site points to another article here; it has no {src}."),
    META: (INFO, "Caption, credit or date line with no counterpart in the {src}."),
    BOILERPLATE: (INFO, "Site boilerplate with no counterpart in the {src}."),
    HEADING: (WARNING, "Heading with no counterpart in the {src}: check whether it was added."),
    SENTENCE: (ERROR, "Sentence of the {tgt} with no counterpart in the {src}: it was added, or belongs to a "
                      "neighbouring sentence."),
}
_DROPPED_MESSAGES = {
    LINK: (INFO, "Link line of the {src}, not carried over."),
    META: (INFO, "Date, dateline, byline or credit of the {src}, not carried over (often on purpose)."),
    BOILERPLATE: (INFO, "Boilerplate of the {src}, not carried over."),
    HEADING: (INFO, "Headline or heading of the {src}, not in the {tgt} (often left out on purpose)."),
    SENTENCE: (ERROR, "This sentence of the {src} has no counterpart in the {tgt}."),
}


def _whole(side: str, segments: Sequence[Segment]) -> tuple[Span, ...]:
    return tuple(Span(side, s.id, 0, len(s.text)) for s in segments)


_CAPTION = re.compile(
    r"^(?:this|the|a) (?:file )?(?:photo|picture|image)\b|\bphoto (?:taken|shows)\b|\bpictured\b"
    r"|^(?:cette|la|une) (?:photo|image)\b|\bphoto prise\b|\bsur (?:la|cette) photo\b"
    r"|^(?:das|dieses) (?:foto|bild)\b|\bauf dem (?:foto|bild)\b|\bdas bild zeigt\b", re.IGNORECASE)
_DEBRIS_MESSAGE = (INFO, "Stray characters (no words) with no counterpart: debris of the text's extraction or of "
                        "a split sentence.")


def _is_debris(segments: Sequence[Segment]) -> bool:
    return not any(c.isalpha() for s in segments for c in s.text)


_CAPTION_MESSAGE = (INFO, "Photo caption with no counterpart in the {src} (captions are often added by the site).")


def added(pair: PairView) -> tuple[Flag, ...]:
    """Target segments with no source: what they look like decides how serious it is."""
    if pair.source or not pair.target:
        return ()
    first = pair.target[0]
    if _is_debris(pair.target):
        severity, message = _DEBRIS_MESSAGE
    elif first.kind == SENTENCE and _CAPTION.search(first.text):
        severity, message = _CAPTION_MESSAGE
    else:
        severity, message = _ADDED_MESSAGES.get(first.kind, _ADDED_MESSAGES[SENTENCE])
    message = message.format(src=pair.sides[0], tgt=pair.sides[1])
    return (Flag("added", severity, message, _whole("target", pair.target)),)


def dropped(pair: PairView) -> tuple[Flag, ...]:
    """Source segments with no translation: a sentence is an error, a headline or dateline only information."""
    if pair.target or not pair.source:
        return ()
    if _is_debris(pair.source):
        severity, message = _DEBRIS_MESSAGE
    else:
        severity, message = _DROPPED_MESSAGES.get(pair.source[0].kind, _DROPPED_MESSAGES[SENTENCE])
    message = message.format(src=pair.sides[0], tgt=pair.sides[1])
    return (Flag("dropped", severity, message, _whole("source", pair.source)),)


def merged_or_split(pair: PairView) -> tuple[Flag, ...]:
    """Sentence boundaries that differ: a translation memory built from this pair has one unit for several.
    As many sentences on each side, matched one to one in another order, are reported as reordered."""
    a, b = len(pair.source), len(pair.target)
    if not a or not b or (a == 1 and b == 1):
        return ()
    if b == 1:
        return (Flag("merged", INFO, f"{a} {pair.sides[0]} sentences are rendered as one sentence."),)
    if a == 1:
        return (Flag("split", INFO, f"One {pair.sides[0]} sentence is rendered as {b} sentences."),)
    order = _reordering(pair)
    if order:
        shown = ", ".join(f"{s.id} → {pair.target[k].id}" for s, k in zip(pair.source, order))
        return (Flag("reordered", INFO, f"The {pair.sides[1]} gives these sentences in another order ({shown})."),)
    return (Flag("merged", INFO, f"{a} {pair.sides[0]} sentences and {b} {pair.sides[1]} sentences correspond "
                                 f"as one block."),)


REORDER_MARGIN = 0.15
"""How much more (summed cosine) a crossed one-to-one matching must share than the matching in order."""


def _reordering(pair: PairView) -> tuple[int, ...] | None:
    """The order of target sentences that renders the source sentences one to one, when it is not the
    written order and clearly fits better (2 or 3 sentences a side; more is a block, not a reordering)."""
    if len(pair.source) != len(pair.target) or len(pair.source) > 3:
        return None
    sims = _cosines(pair.source, pair.target, pair.source_lang, pair.target_lang)
    n = len(pair.source)
    written = sum(sims[k, k] for k in range(n))
    best = max(permutations(range(n)), key=lambda order: sum(sims[k, order[k]] for k in range(n)))
    gain = sum(sims[k, best[k]] for k in range(n)) - written
    return best if best != tuple(range(n)) and gain >= REORDER_MARGIN else None


def _cosines(source: Sequence[Segment], target: Sequence[Segment], source_lang: str, target_lang: str) -> np.ndarray:
    """Cosine of character n-gram counts (and numbers) between every source and every target segment."""
    vocab = Vocabulary()
    rows = []
    for segments, lang in ((source, source_lang), (target, target_lang)):
        for seg in segments:
            rows.append(Counter(vocab.segment_ids(seg.text, words(seg.text), lang)))
    vectors = np.zeros((len(rows), max(1, len(vocab.index))))
    for k, counts in enumerate(rows):
        for column, count in counts.items():
            vectors[k, column] = count
    norms = np.linalg.norm(vectors, axis=1)
    vectors = vectors / np.where(norms > 0, norms, 1.0)[:, None]
    return vectors[:len(source)] @ vectors[len(source):].T


def _numbers(side: str, segments: Sequence[Segment], lang: str) -> list[tuple[Number, Span]]:
    return [(n, Span(side, s.id, n.start, n.end)) for s in segments for n in find_numbers(s.text, lang)]


def number_mismatch(pair: PairView) -> tuple[Flag, ...]:
    """Numbers that differ once written forms are normalised (separators, decimal marks, scale words, %)."""
    if not pair.source or not pair.target:
        return ()
    src = _numbers("source", pair.source, pair.source_lang)
    tgt = _numbers("target", pair.target, pair.target_lang)
    common = Counter(n.key for n, _ in src) & Counter(n.key for n, _ in tgt)
    # a number in figures on one side may be written out in words on the other (douze mille, twenty-five)
    src_left = _written_out(_unmatched(src, common), pair.target, pair.target_lang)
    tgt_left = _written_out(_unmatched(tgt, common), pair.source, pair.source_lang)
    if not src_left and not tgt_left:
        return ()
    shown_src = ", ".join(n.text for n, _ in src_left) or "nothing"
    shown_tgt = ", ".join(n.text for n, _ in tgt_left) or "nothing"
    if src_left and tgt_left:
        message = f"Numbers disagree: the {pair.sides[0]} has {shown_src} where the {pair.sides[1]} has {shown_tgt}."
        severity = ERROR
    elif src_left:
        message = f"The {pair.sides[0]}'s {shown_src} does not appear in the {pair.sides[1]}."
        severity = WARNING
    else:
        message = f"The {pair.sides[1]} has {shown_tgt}, which is not in the {pair.sides[0]}."
        severity = WARNING
    if severity == WARNING and pair.similarity < UNRELATED_SIMILARITY:
        return ()  # numbers missing from sides that share nothing: `low_similarity` already covers it
    return (Flag("number_mismatch", severity, message, tuple(s for _, s in src_left + tgt_left)),)


def _written_out(left: list[tuple[Number, Span]], other: Sequence[Segment], lang: str) -> list[tuple[Number, Span]]:
    """The numbers of `left` that the other side does not write out in words."""
    if not left:
        return left
    spelled = {key for seg in other for key in spelled_numbers(seg.text, lang)}
    return [(n, span) for n, span in left if n.percent or n.key not in spelled]


def _unmatched(found: list[tuple[Number, Span]], common: Counter) -> list[tuple[Number, Span]]:
    budget = Counter(common)
    left = []
    for number, span in found:
        if budget[number.key] > 0:
            budget[number.key] -= 1
        else:
            left.append((number, span))
    return left


_TOKEN = re.compile(r"[^\W_][\w-]*[^\W_]|[^\W_]", re.UNICODE)   # elisions (l’Internet) split off
_ACRONYM = re.compile(r"^[A-Z]{2,}s?$")
_CONNECTORS = frozenset("of and for the de des du la le et für und der die das von del y e di da".split())


@dataclass(frozen=True)
class Anchor:
    """A name or acronym in a segment: words that a translation keeps or transliterates."""

    text: str
    words: tuple[str, ...]
    acronym: bool
    span: Span


@lru_cache(maxsize=4096)
def find_anchors(side: str, segment: Segment, lang: str) -> tuple[Anchor, ...]:
    """Names (runs of capitalised words not opening a sentence) and acronyms of a segment.

    German capitalises every noun, so there only acronyms count. Dotted abbreviations (U.S., z.B.)
    are localised in translation and are not anchors. Cached: each pair asks for both sides twice.
    """
    text = segment.text
    tokens = list(_TOKEN.finditer(text))
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)  # an all-caps line
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

    for k, match in enumerate(tokens):
        word = match.group()
        after = text[match.end():match.end() + 1]
        before = text[max(0, match.start() - 40):match.start()].rstrip()  # the tail is enough, and linear
        opens_sentence = k == 0 or before.endswith((".", "!", "?", ":", "«", "“", '"', "(")) or \
            (k == 1 and not tokens[0].group()[0].isupper())
        if after == "." and len(word) <= 2:
            close()
            continue  # U.S., M., z.B.
        if _ACRONYM.match(word) and not shouting:
            close()
            anchors.append(Anchor(word, (word.rstrip("s").lower(),), True,
                                  Span(side, segment.id, match.start(), match.end())))
        elif word[0].isupper() and not opens_sentence and lang != "de" and not word.isupper():
            run.append(match)
        elif run and word.lower() in _CONNECTORS:
            run.append(match)
        else:
            close()
    close()
    return tuple(anchors)


def _other_side_words(segments: Sequence[Segment]) -> set[str]:
    return {w for s in segments for w in words(s.text)}


def _matched(anchor: Anchor, other_words: set[str]) -> bool:
    """A name is kept when one of its words is on the other side as it is, with the same first four letters
    (China/Chine), or spelt close enough (Kangchendzönga/Kanchenjunga share over a third of their letter triples)."""
    for word in anchor.words:
        if word in other_words:
            return True
        if len(word) >= 5:
            if any(w.startswith(word[:4]) for w in other_words if len(w) >= 4):
                return True
            grams = _triples(word)
            if any(2 * len(grams & _triples(w)) >= 0.35 * (len(grams) + len(_triples(w)))
                   for w in other_words if abs(len(w) - len(word)) <= 3 and len(w) >= 5):
                return True
    return False


def _triples(word: str) -> set[str]:
    return {word[k:k + 3] for k in range(len(word) - 2)}


def _missing_anchors(side: str, mine: Sequence[Segment], theirs: Sequence[Segment], lang: str,
                     other_lang: str) -> list[Anchor]:
    anchors = [a for s in mine for a in find_anchors(side, s, lang)]
    other_words = _other_side_words(theirs)
    other_side = "target" if side == "source" else "source"
    other_acronyms = Counter(a.text for s in theirs for a in find_anchors(other_side, s, other_lang) if a.acronym)
    missing = []
    own_acronyms = Counter(a.text for a in anchors if a.acronym)
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


def omissions_and_entities(pair: PairView) -> tuple[Flag, ...]:
    """Names or acronyms on one side only; with a translation shorter than expected, a partial omission."""
    if not pair.source or not pair.target or pair.similarity < UNRELATED_SIMILARITY:
        return ()  # sides that share nothing: `low_similarity` says so, missing names would only repeat it
    flags = []
    delta = pair.length_delta
    src_missing = _missing_anchors("source", pair.source, pair.target, pair.source_lang, pair.target_lang)
    tgt_missing = _missing_anchors("target", pair.target, pair.source, pair.target_lang, pair.source_lang)
    if src_missing and delta < SHORT_WITH_MISSING_ANCHOR:
        names = ", ".join(f"“{a.text}”" for a in src_missing)
        flags.append(Flag("partial_omission", WARNING,
                          f"Part of the source seems left out: {names} has no counterpart and the translation "
                          f"is shorter than the source would lead one to expect.",
                          tuple(a.span for a in src_missing)))
    elif delta < SHORT_ALONE:
        flags.append(Flag("partial_omission", WARNING,
                          "The translation is much shorter than the source would lead one to expect: part of it "
                          "may be missing.", _whole("source", pair.source)))
    elif src_missing:
        names = ", ".join(f"“{a.text}”" for a in src_missing)
        flags.append(Flag("entity_mismatch", WARNING, f"{names} from the source does not appear in the "
                                                      f"translation.", tuple(a.span for a in src_missing)))
    if tgt_missing:  # a name the translation adds is usually explicitation (l’Everest): information only
        names = ", ".join(f"“{a.text}”" for a in tgt_missing)
        flags.append(Flag("entity_mismatch", INFO, f"{names} in the translation does not appear in the source.",
                          tuple(a.span for a in tgt_missing)))
    return tuple(flags)


def low_similarity(pair: PairView) -> tuple[Flag, ...]:
    """A pair whose score says the sides may not translate each other (or are misaligned)."""
    if not pair.source or not pair.target or pair.score >= LOW_SCORE:
        return ()
    if pair.similarity < UNRELATED_SIMILARITY:
        return (Flag("low_similarity", WARNING, f"The two sides share almost nothing (similarity "
                                                f"{pair.similarity:.2f}): the {pair.sides[1]} may say something else "
                                                f"here, or the alignment is wrong."),)
    return (Flag("low_similarity", WARNING, f"The two sides may not translate each other (score {pair.score:.2f}): "
                                            f"check the meaning and the alignment."),)


RULES: tuple[Rule, ...] = (added, dropped, merged_or_split, number_mismatch, omissions_and_entities, low_similarity)


def check_pair(pair: PairView, rules: Sequence[Rule] = RULES) -> tuple[Flag, ...]:
    """All flags the rules raise on one pair, in rule order.

    A partial omission lowers the score by itself (the sides differ in length), so a low score next
    to one says nothing new and is left out.
    """
    flags = tuple(flag for rule in rules for flag in rule(pair))
    if any(f.type == "partial_omission" for f in flags):
        flags = tuple(f for f in flags if f.type != "low_similarity")
    return flags
