"""Divergences between a source and its translation: one function per rule, each `PairView -> Flags`.

Every flag carries a type, a severity (`info`, `warning`, `error`), a one-sentence message for a
translator and, where it points at words, the spans to highlight on each side. The number and date rules
live in `figures.py`, what a rule sees of a pair in `view.py`; both are part of `RULES` here.
"""
from __future__ import annotations

import re
from itertools import permutations
from typing import Sequence

from align.search.anchors import (HONORIFICS, Anchor, find_anchors, missing_across_scripts, missing_anchors,
                                  name_words, names_replaced, readable_across, respelt_names, respelt_or_inflected, side_words,
                                  word_kept, word_spans)
from align.review.flags import ERROR, INFO, WARNING, Flag, segment_text, whole_spans
from align.review.figures import date_mismatch, decimal_mark, number_mismatch
from align.review.view import UNRELATED_SIMILARITY, PairView, Rule
from align.text.exonyms import place
from align.text.lang import STOPWORDS, reads_as_source, strip_accents
from align.text.pinyin import chinese_name, written_in
from align.text.segment import BOILERPLATE, HEADING, LINK, META, SENTENCE, Segment, Span
from align.search.vectors import segment_terms, term_cosine

LOW_SCORE = 0.5
"""Below this calibrated score a pair is as likely a mistranslation or misalignment as a translation."""
WARNING_SCORE = 0.3
"""Below this, a low score is a warning; from it up to `LOW_SCORE`, a note. On published translations (the dev
suite, each sentence pair scored where it stands, `benchmarks/review_checks.py`) a score under 0.5 falls on 8-25 %
of the pairs of a document, almost all of them right; under 0.3 on 2-15 %. A translation replaced by another
sentence of the text scores under 0.5 77-100 % of the time, under 0.3 59-100 % (most documents near 80 %)."""
SHORT_WITH_MISSING_ANCHOR = -0.5
"""Length delta under which a missing name or acronym counts as a partial omission (target shorter)."""
SHORT_ALONE = -2.0
"""Length delta under which the target is short enough to report on length alone (past dev's 1st percentile)."""



# Messages name the sides as the reader does: {src} and {tgt} are e.g. "source" and "translation".
_ADDED_MESSAGES = {
    LINK: (INFO, "Injected link line: the publishing site points to another article here; it has no {src}."),
    META: (INFO, "Caption, credit or date line with no counterpart in the {src}."),
    BOILERPLATE: (INFO, "Site boilerplate with no counterpart in the {src}."),
    HEADING: (WARNING, "Heading with no counterpart in the {src}: check whether it was added."),
    SENTENCE: (ERROR, "Sentence of the {tgt} with no counterpart in the {src}: it was added, or belongs to a "
                      "neighbouring sentence."),
}
_DROPPED_SECTION_TITLE = (WARNING, "Heading inside the {src} (a chapter or section title), not in the {tgt}: "
                                   "check whether it was left out.")
_DROPPED_MESSAGES = {
    LINK: (INFO, "Link line of the {src}, not carried over."),
    META: (INFO, "Date, dateline, byline or credit of the {src}, not carried over (often on purpose)."),
    BOILERPLATE: (INFO, "Boilerplate of the {src}, not carried over."),
    HEADING: (INFO, "Headline or heading of the {src}, not in the {tgt} (often left out on purpose)."),
    SENTENCE: (ERROR, "This sentence of the {src} has no counterpart in the {tgt}."),
}


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
    return (Flag("added", severity, message, whole_spans("target", pair.target)),)


def dropped(pair: PairView) -> tuple[Flag, ...]:
    """Source segments with no translation: a sentence is an error, a headline or dateline at the top only
    information (often left out on purpose), a heading inside the text a warning (a section title lost)."""
    if pair.target or not pair.source:
        return ()
    if _is_debris(pair.source):
        severity, message = _DEBRIS_MESSAGE
    elif pair.in_body and pair.source[0].kind == HEADING:
        severity, message = _DROPPED_SECTION_TITLE
    else:
        severity, message = _DROPPED_MESSAGES.get(pair.source[0].kind, _DROPPED_MESSAGES[SENTENCE])
    message = message.format(src=pair.sides[0], tgt=pair.sides[1])
    return (Flag("dropped", severity, message, whole_spans("source", pair.source)),)


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
    written = sum(sims[k][k] for k in range(n))
    best = max(permutations(range(n)), key=lambda order: sum(sims[k][order[k]] for k in range(n)))
    gain = sum(sims[k][best[k]] for k in range(n)) - written
    return best if best != tuple(range(n)) and gain >= REORDER_MARGIN else None


def _cosines(source: Sequence[Segment], target: Sequence[Segment], source_lang: str,
             target_lang: str) -> list[list[float]]:
    """Cosine of character n-gram counts (and numbers) between every source and every target segment."""
    src = [segment_terms(s.text, source_lang) for s in source]
    tgt = [segment_terms(t.text, target_lang) for t in target]
    return [[term_cosine(a, b) for b in tgt] for a in src]


def omissions_and_entities(pair: PairView) -> tuple[Flag, ...]:
    """Names or acronyms on one side only; with a translation shorter than expected, a partial omission."""
    if not pair.source or not pair.target or (pair.lexical and pair.similarity < UNRELATED_SIMILARITY):
        return ()  # sides that share nothing: `low_similarity` says so, missing names would only repeat it
    # (without shared content to compare, as in a short text across scripts, every similarity is low: lengths,
    # numbers and names are then all the review has, and a sentence left out shows in the length)
    flags = []
    delta = pair.length_delta
    # across scripts a name is transliterated (金壮龙, Jin Zhuanglong) and cannot be looked up: length alone
    same = pair.same_script
    src_missing = missing_anchors("source", pair.source, pair.target, pair.source_lang, pair.target_lang,
                                  pair.source_names) if same else []
    # names the translation renders throughout by words of its own (the Hatter / le Chapelier) are no loss here
    renamed = [a for a in src_missing if not a.acronym and a.words and all(w in pair.renamed for w in a.words)]
    if renamed:
        src_missing = [a for a in src_missing if a not in renamed]
        names = ", ".join(f"“{a.text}”" for a in renamed)
        flags.append(Flag("entity_mismatch", INFO, f"{names} from the source is never written as such in the "
                                                   f"translation, which renders it by a word of its own throughout.",
                          tuple(a.span for a in renamed)))
    instead = _person_replaced(pair, src_missing, delta) if same else None
    if instead is not None:
        flags.append(instead)
        src_missing = [a for a in src_missing if a.span != instead.spans[0]]
    if not same and delta < SHORT_WITH_MISSING_ANCHOR and readable_across(pair.source_lang, pair.target_lang):
        # across Cyrillic or Greek and Latin a name is read in Latin letters: only with a short translation is
        # its absence taken as a sign (transliterations differ: Шольц / Scholz)
        src_missing = missing_across_scripts("source", pair.source, pair.target, pair.source_lang,
                                             pair.source_names)
    if src_missing and delta < SHORT_WITH_MISSING_ANCHOR:
        names = ", ".join(f"“{a.text}”" for a in src_missing)
        flags.append(Flag("partial_omission", WARNING,
                          f"Part of the source seems left out: {names} has no counterpart and the translation "
                          f"is shorter than the source would lead one to expect.",
                          tuple(a.span for a in src_missing)))
    elif delta < SHORT_ALONE and (same or not reads_as_source(" ".join(t.text for t in pair.target),
                                                               pair.source_lang, pair.target_lang)):
        # (a translation left in the source's script is as short as the source: `untranslated` says so)
        flags.append(Flag("partial_omission", WARNING,
                          "The translation is much shorter than the source would lead one to expect: part of it "
                          "may be missing.", whole_spans("source", pair.source)))
    elif src_missing:
        # a name the translation writes elsewhere in the document is one it knows: here a pronoun or a rephrasing
        # (novels say `elle` for Alice), worth a note; one it never writes may be lost or garbled
        elsewhere = [a for a in src_missing if not a.acronym and any(w in pair.target_names for w in a.words)]
        lost = [a for a in src_missing if a not in elsewhere]
        if lost:
            names = ", ".join(f"“{a.text}”" for a in lost)
            # a title's words are translated freely (A Mad Tea-Party / UN THÉ DE FOUS): a note there
            severity = INFO if all(s.kind == HEADING for s in pair.source) else WARNING
            flags.append(Flag("entity_mismatch", severity, f"{names} from the source does not appear in the "
                                                           f"translation.", tuple(a.span for a in lost)))
        if elsewhere:
            names = ", ".join(f"“{a.text}”" for a in elsewhere)
            flags.append(Flag("entity_mismatch", INFO, f"{names} from the source is not in this part of the "
                                                       f"translation, which names it elsewhere: a pronoun or a "
                                                       f"rephrasing?", tuple(a.span for a in elsewhere)))
    if not same:
        return tuple(flags) + _chinese_names_unread(pair)
    tgt_missing = missing_anchors("target", pair.target, pair.source, pair.target_lang, pair.source_lang,
                                  pair.target_names)
    for respelt in respelt_names("source", pair.source, pair.target, pair.source_lang):
        # within a name whose other words are kept as they are, a garbled or mistyped word; one word alone
        # may be the other language's spelling (Liedenbrock / Lidenbrock in two translations of Verne)
        flags.append(Flag("entity_mismatch", WARNING if respelt.kept_rest else INFO,
                          f"“{respelt.word}” is spelt “{respelt.other}” in the "
                          f"{pair.sides[1]}: check the name.", (respelt.span, respelt.other_span)))
    # a person's name replaced under the same title (le ministre de l’Industrie Li Qiang for ... Jin Zhuanglong),
    # or a title before the same person (ministre des Finances Jin Zhuanglong for ... Information Technology ...)
    replaced = names_replaced("source", pair.source, pair.target, pair.source_lang, pair.target_lang)
    for lost, other, span in replaced:
        if instead is not None and _overlap(span, instead.spans[1]):
            continue      # the same replacement, already told
        message = f"“{other}” in the {pair.sides[1]} stands where the {pair.sides[0]} names “{lost}”: a name or " \
                  f"title replaced by another?"
        flags.append(Flag("entity_mismatch", WARNING, message, (span,)))
    # a name already told as standing where another was (or as a respelling) is not also an added one
    named_instead = [span for _, _, span in replaced] + \
        [f.spans[-1] for f in flags if f.type == "entity_mismatch" and f.severity == WARNING and len(f.spans) == 2]
    tgt_missing = [a for a in tgt_missing if not any(a.span.segment == span.segment and a.span.start <= span.start
                                                     and span.end <= a.span.end for span in named_instead)]
    if tgt_missing:  # a name the translation adds is usually explicitation (l’Everest): information only
        names = ", ".join(f"“{a.text}”" for a in tgt_missing)
        flags.append(Flag("entity_mismatch", INFO, f"{names} in the translation does not appear in the source.",
                          tuple(a.span for a in tgt_missing)))
    return tuple(flags)


_CAPITALISED = re.compile(r"[^\W\d_][^\W\d_'’-]*")
"""A word, with its inner apostrophes and hyphens: what the name and place checks read."""

_PRONOUNS = frozenset("""he she it they we i you his her their this these those there
    il elle ils elles on nous vous je ce cela celui celle er sie es wir ich ihr man dies
    él ella ellos ellas nosotros ele ela eles elas lui lei loro noi hann hún það þeir þær hij zij wij ze
    он она они мы я это""".split())
"""Subject pronouns and demonstratives, which a short text may never write in lower case."""


def _name_opening(pair: PairView) -> tuple[str, Span] | None:
    """A capitalised word opening a target segment that the translation never writes in lower case and the
    source does not hold: a name where a sentence starts (`Li a déclaré`), where the name check reads none."""
    if not pair.target_words:
        return None
    source_words = {w.lower() for s in pair.source for w in _CAPITALISED.findall(s.text)}
    for segment in pair.target:
        first = _CAPITALISED.search(segment.text)
        if first is None or first.start() > 3 or not first.group()[0].isupper() or len(first.group()) < 2:
            continue
        word = first.group()
        low = word.lower()
        if low in _PRONOUNS or low in STOPWORDS.get(pair.target_lang, ()):
            continue     # Il, Elle, Er, She: the pronoun the name check expects there
        if low not in pair.target_words and low not in source_words and not word.isupper():
            return word, Span("target", segment.id, first.start(), first.end())
    return None


def _person_replaced(pair: PairView, src_missing: list[Anchor], delta: float) -> Flag | None:
    """`Li a déclaré` or `…, a déclaré Wang.` where the source has `Jin said`, Jin being a name the translation
    writes elsewhere: another person in the place of one the translation knows, not a pronoun; or one word of a
    name replaced while another is kept (`Wang Zhuanglong` for `Jin Zhuanglong`). The flag's spans: the source's
    name, then the translation's."""
    known = [a for a in src_missing if not a.acronym and any(w in pair.target_names for w in a.words)]
    # (a sentence opening is read as a name only where the pair is not short: `Dites` may open a reply)
    instead = None if not known else (_name_opening(pair) if delta >= SHORT_WITH_MISSING_ANCHOR else None) \
        or _newcomer(pair, known[0])
    if instead is None and not known:
        known = _known_word_lost(pair)
        instead = _newcomer(pair, known[0]) if known else None
    if instead is None:
        return None
    text, span = instead
    return Flag("entity_mismatch", WARNING, f"“{text}” in the {pair.sides[1]} stands where the {pair.sides[0]} "
                                            f"names “{known[0].text}”: a name replaced?", (known[0].span, span))


def _overlap(a: Span, b: Span) -> bool:
    return a.segment == b.segment and a.start < b.end and b.start < a.end


def _known_word_lost(pair: PairView) -> list[Anchor]:
    """A word of a source name of several that this pair's translation leaves out while keeping another, and that
    the translation writes elsewhere (a name it knows), as an anchor of its own; none, most often."""
    target_words: set[str] | None = None
    for segment in pair.source:
        for anchor in find_anchors("source", segment, pair.source_lang, pair.source_names):
            if anchor.acronym or len(anchor.words) < 2 or not any(w in pair.target_names for w in anchor.words):
                continue
            if target_words is None:
                target_words = name_words(pair.target)
            kept = [w for w in anchor.words if w in target_words]
            lost = [w for w in anchor.words if w not in target_words and w in pair.target_names]
            if kept and lost:
                start = segment.text.lower().find(lost[0], anchor.span.start)
                span = Span("source", segment.id, start, start + len(lost[0])) if start >= 0 else anchor.span
                return [Anchor(segment.text[span.start:span.end], (lost[0],), False, span)]
    return []


def _chinese_names_unread(pair: PairView) -> tuple[Flag, ...]:
    """Between Chinese and English: a Chinese person's name in pinyin on the English side (`Li Qiang`) that no
    characters of the Chinese side read (李强): another person, or the name misspelt."""
    if {pair.source_lang, pair.target_lang} != {"zh", "en"}:
        return ()
    english_side = "source" if pair.source_lang == "en" else "target"
    english, chinese = (pair.source, pair.target) if english_side == "source" else (pair.target, pair.source)
    names = pair.source_names if english_side == "source" else pair.target_names
    chinese_text = " ".join(s.text for s in chinese)
    flags = []
    other = pair.sides[1] if english_side == "source" else pair.sides[0]
    for segment in english:
        for anchor in find_anchors(english_side, segment, "en", names):
            if anchor.acronym:
                continue
            spans = word_spans(anchor)
            # two words of a name in a row (a title may come first: Minister ... Li Qiang)
            for (first, first_span), (second, second_span) in zip(spans, spans[1:]):
                syllables = chinese_name([first, second])
                if syllables and not written_in(syllables, chinese_text):
                    span = Span(english_side, segment.id, first_span.start, second_span.end)
                    flags.append(Flag("entity_mismatch", WARNING,
                                      f"“{first} {second}”: no characters of the {other} read "
                                      f"{' '.join(syllables)} — another name, or the name misspelt?", (span,)))
    return tuple(flags)


def _newcomer(pair: PairView, lost: Anchor) -> tuple[str, Span] | None:
    """A word of a name of the target pair that the source pair does not carry, the source document never writes,
    and the translation never writes in lower case (nor a place of `text.exonyms`' table, nor a name it gives
    throughout to one of its own, le Lapin, nor another spelling of the name `lost`): with a person of the source
    missing here, another person in their place."""
    source_words: set[str] | None = None
    for segment in pair.target:
        for anchor in find_anchors("target", segment, pair.target_lang, pair.target_names):
            if anchor.acronym:
                continue
            for written, span in word_spans(anchor):
                word = strip_accents(written)
                if word in HONORIFICS or word in pair.source_names or word in pair.own_names \
                        or written.lower() in pair.target_words or place(word, inflected=False) \
                        or any(respelt_or_inflected(word, other) for other in lost.words):
                    continue
                source_words = side_words(pair.source) if source_words is None else source_words
                if not word_kept(word, source_words):
                    return written, span
    return None


def _places(side: str, segments: Sequence[Segment]) -> dict[str, Span]:
    """The places a side names (capitalised words of `text.exonyms`' table, by their English name), each where
    it is first written."""
    found: dict[str, Span] = {}
    for segment in segments:
        if segment.text.isascii() and not any(map(str.isupper, segment.text)):
            continue
        for match in _CAPITALISED.finditer(segment.text):
            # the names as the table writes them: a stem would read demonyms (Engländer, Français) as places
            if match.group()[0].isupper() and (name := place(strip_accents(match.group()), inflected=False)) \
                    and name not in found:
                found[name] = Span(side, segment.id, match.start(), match.end())
    return found


def places_replaced(pair: PairView) -> tuple[Flag, ...]:
    """A place the translation names where the source names another (China / le Japon): each side names a place
    of the table the other does not. A place on one side only is the name check's (often explicitation)."""
    if not pair.source or not pair.target or (pair.lexical and pair.similarity < UNRELATED_SIMILARITY):
        return ()   # sides that share nothing: `low_similarity` says so
    src, tgt = _places("source", pair.source), _places("target", pair.target)
    lost, new = [n for n in src if n not in tgt], [n for n in tgt if n not in src]
    if not lost or not new:
        return ()
    said = ", ".join(f"“{_written(pair.source, src[n])}”" for n in lost)
    written = ", ".join(f"“{_written(pair.target, tgt[n])}”" for n in new)
    return (Flag("entity_mismatch", WARNING, f"{written} in the {pair.sides[1]} stands where the {pair.sides[0]} "
                                             f"names {said}: another place?",
                 tuple(src[n] for n in lost) + tuple(tgt[n] for n in new)),)


def _written(segments: Sequence[Segment], span: Span) -> str:
    return segment_text(segments, span)[span.start:span.end]


def low_similarity(pair: PairView) -> tuple[Flag, ...]:
    """A pair whose score says the sides may not translate each other (or are misaligned): a warning under
    `WARNING_SCORE`, a note up to `LOW_SCORE`."""
    if not pair.source or not pair.target or pair.score >= LOW_SCORE or not pair.lexical:
        return ()  # with nothing shared to compare, every score is low: the summary says so once
    severity = WARNING if pair.score < WARNING_SCORE else INFO
    if pair.similarity < UNRELATED_SIMILARITY:
        return (Flag("low_similarity", severity, f"The two sides share almost nothing (similarity "
                                                 f"{pair.similarity:.2f}): the {pair.sides[1]} may say something "
                                                 f"else here, or the alignment is wrong."),)
    relation = "translate each other" if pair.sides[0] == "source" else "say the same thing"
    return (Flag("low_similarity", severity, f"The two sides may not {relation} (score {pair.score:.2f}): "
                                             f"check the meaning and the alignment."),)


RULES: tuple[Rule, ...] = (added, dropped, merged_or_split, number_mismatch, decimal_mark, date_mismatch,
                           omissions_and_entities, places_replaced, low_similarity)


def check_pair(pair: PairView, rules: Sequence[Rule] = RULES) -> tuple[Flag, ...]:
    """All flags the rules raise on one pair, in rule order.

    A partial omission lowers the score by itself (the sides differ in length), so a low score next
    to one says nothing new and is left out.
    """
    flags = tuple(flag for rule in rules for flag in rule(pair))
    if any(f.type == "partial_omission" for f in flags):
        flags = tuple(f for f in flags if f.type != "low_similarity")
    return flags
