"""The review of a translation: aligned pairs with their scores and flags, and summary figures."""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from align.search.dictionary import has_dictionary
from align.search.align import Alignment, Options, align_documents
from align.search.lexicon import WordPairs
from align.review.divergence import LOW_SCORE, RULES, PairView, check_pair
from align.review.flags import INFO, SEVERITIES, Flag
from align.review.moved import moved_flags
from align.search.anchors import document_names, translated_names
from align.text.lang import UNSPACED_RUN
from align.text.patterns import letter_runs, past_common_blocks
from align.text.segment import SENTENCE, Segment
from align.review.qa import PAIR_RULES, inconsistencies, left_in_source_language, repeated_lines, terminology_rule
from align.text.glossary import Term
from align.review.sanity import LANGUAGE_MISMATCH, Doubt, language_warnings, pair_score_warnings
from align.text.formats import text_and_headings
from align.text.tags import primary_language

if TYPE_CHECKING:
    from align.review.decisions import Decisions
    from align.text.formats import Extracted

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Document:
    """One side of a review: where it came from, its language and its segments."""

    path: str
    lang: str
    segments: tuple[Segment, ...]
    units: tuple = ()          # what the format delimits (subtitle cues): `formats.Unit`s, offsets in the text
    sha256: str = ""           # of the file's bytes, when read from a file: what a decisions file names it by


@dataclass(frozen=True)
class Pair:
    """Source segments, the target segments that render them (either side may be empty), score and flags."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    score: float
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class Summary:
    """Figures for the top of a report."""

    source_segments: int
    target_segments: int
    source_words: int
    target_words: int
    pairs: int
    source_aligned: float      # share of source sentences that are in a pair with a translation
    target_aligned: float      # share of target sentences that are in a pair with a source
    mean_score: float          # over pairs with both sides
    flags: dict[str, int]      # count by type
    severities: dict[str, int]
    notes: tuple[str, ...] = ()   # what a reader should know about the review as a whole
    warnings: tuple[Doubt, ...] = ()   # what makes the whole review doubtful: one language, not a translation


@dataclass(frozen=True)
class Checks:
    """Which checks a review runs: all but those in `skip` (flag types, `qa.CHECKS`), plus a glossary's."""

    skip: frozenset[str] = frozenset()
    glossary: tuple[Term, ...] = ()
    languages_trusted: bool = True   # False when the languages given contradict the texts


@dataclass(frozen=True)
class Review:
    source: Document
    target: Document
    pairs: tuple[Pair, ...]
    summary: Summary
    settled: tuple = ()        # flags a reviser accepted or dismissed (`FlagDecision`s), when decisions were applied
    states: tuple[str, ...] = ()   # per pair: corrected, confirmed or unreviewed, when decisions were applied
    moved: tuple[Pair, ...] = ()   # sentences out of order that translate each other (flagged `moved` in place)


def review_documents(source_text: "str | Extracted", target_text: "str | Extracted", source_lang: str | None = None,
                     target_lang: str | None = None, options: Options = Options(),
                     source_path: str = "source", target_path: str = "target",
                     word_pairs: WordPairs | None = None, checks: Checks = Checks(),
                     decisions: "Decisions | None" = None) -> Review:
    """Align a source text and its translation (strings, or documents read by `formats.read_input`) and flag
    where they diverge.

    >>> r = review_documents("He sold 12,000 cars in Paris last year.",
    ...                      "Il a vendu 15 000 voitures à Paris l’an dernier.", "en", "fr")
    >>> [(f.type, f.severity) for p in r.pairs for f in p.flags]
    [('number_mismatch', 'error')]
    """
    if decisions is not None and decisions.pairs:
        alignment = _align_as_decided(source_text, target_text, primary_language(source_lang),
                                      primary_language(target_lang), options, decisions)
    else:
        alignment = align_documents(source_text, target_text, primary_language(source_lang),
                                    primary_language(target_lang), options, word_pairs)
    texts = [text_and_headings(d)[0] for d in (source_text, target_text)]
    warnings = language_warnings(texts[0], texts[1], source_lang, target_lang)
    if any(w.kind == LANGUAGE_MISMATCH for w in warnings):
        checks = dataclasses.replace(checks, languages_trusted=False)
    units = tuple(() if isinstance(d, str) else d.units for d in (source_text, target_text))
    review = review_alignment(alignment, source_path, target_path, source_lang, target_lang, checks, warnings, units)
    return settle_flags(review, decisions) if decisions is not None else review


def _align_as_decided(source_text, target_text, source_lang: str | None, target_lang: str | None,
                      options: Options, decisions: "Decisions") -> Alignment:
    """The alignment with the reviser's corrected and confirmed pairs fixed, the rest searched between them."""
    from align.review.decisions import fixed_path
    from align.search.align import align_with_fixed, segment_pair

    src, tgt, source_lang, target_lang = segment_pair(source_text, target_text, source_lang, target_lang,
                                                      options.presegmented)
    path = fixed_path(decisions, [x.id for x in src], [x.id for x in tgt])
    beads, lexical = align_with_fixed(src, tgt, path, source_lang, target_lang, options)
    return Alignment(src, tgt, beads, source_lang, target_lang, lexical)


def settle_flags(review: Review, decisions: "Decisions") -> Review:
    """Dismissed flags taken out of their pairs (and listed as settled), accepted ones kept and listed; the pairs
    the reviser fixed are marked as such."""
    by_key = {(d.source_ids, d.target_ids, d.type): d for d in decisions.flags}
    fixed = {(d.source_ids, d.target_ids): d.state for d in decisions.pairs}
    pairs, settled, states = [], [], []
    for pair in review.pairs:
        key = (tuple(s.id for s in pair.source), tuple(t.id for t in pair.target))
        kept = []
        for flag in pair.flags:
            decision = by_key.get(key + (flag.type,))
            if decision is not None:
                settled.append(decision)
            if decision is None or decision.state != "dismissed":
                kept.append(flag)
        pairs.append(Pair(pair.source, pair.target, pair.score, tuple(kept)))
        states.append(fixed.get(key, "unreviewed"))
    summary = summarise(review.source, review.target, pairs, review.summary.notes, review.summary.warnings)
    return Review(review.source, review.target, tuple(pairs), summary, tuple(settled), tuple(states), review.moved)


def review_units(units: Sequence[tuple[str, str]], source_lang: str | None = None, target_lang: str | None = None,
                 path: str = "units", checks: Checks = Checks(), options: Options = Options()) -> Review:
    """Review the pairs of a bilingual file (XLIFF, TMX) as they are: each unit one pair, scored and checked
    by every rule; a unit without a target is a sentence left untranslated (`dropped`)."""
    from align.search.align import score_pairs
    from align.text.lang import detect_language
    from align.text.segment import split_document

    src_lines = [s for s, _ in units if s]
    tgt_lines = [t for _, t in units if t]
    src_text, tgt_text = "\n".join(src_lines) + "\n", "\n".join(tgt_lines) + "\n"
    source_code = primary_language(source_lang) or detect_language(src_text)
    target_code = primary_language(target_lang) or detect_language(tgt_text)
    src = split_document(src_text, source_code, doc="s", presegmented=True)
    tgt = split_document(tgt_text, target_code, doc="t", presegmented=True)
    beads_path, i, j = [], 0, 0
    for source, target in units:
        beads_path.append(((i,) if source else (), (j,) if target else ()))
        i, j = i + bool(source), j + bool(target)
    beads, lexical = score_pairs(src, tgt, beads_path, source_code, target_code, options)
    alignment = Alignment(src, tgt, beads, source_code, target_code, lexical)
    warnings = language_warnings(src_text, tgt_text, source_lang, target_lang)
    return review_alignment(alignment, path, path, source_lang, target_lang, checks, warnings)


def review_alignment(alignment: Alignment, source_path: str = "source", target_path: str = "target",
                     source_tag: str | None = None, target_tag: str | None = None, checks: Checks = Checks(),
                     warnings: tuple[Doubt, ...] = (), units: tuple[tuple, tuple] = ((), ())) -> Review:
    """Flags and summary for an alignment already made; the documents keep the language tags given (`en-US`),
    the rules look at their primary language."""
    src, tgt = alignment.source, alignment.target
    ratio = aligned_length_ratio(alignment)
    qa_rules = PAIR_RULES if checks.languages_trusted else tuple(r for r in PAIR_RULES
                                                                   if r is not left_in_source_language)
    rules = RULES + qa_rules + ((terminology_rule(checks.glossary),) if checks.glossary else ())
    pairs = []
    body_starts = next((k for k, s in enumerate(src) if s.kind == SENTENCE), len(src))
    names = (document_names("source", src, alignment.source_lang), document_names("target", tgt, alignment.target_lang))
    renamed = translated_names("source", src, alignment.source_lang, tgt) if alignment.lexical else frozenset()
    own_names = translated_names("target", tgt, alignment.target_lang, src) if alignment.lexical else frozenset()
    lower_case = frozenset(w for t in tgt for w in letter_runs(t.text) if w.islower())
    for bead in alignment.beads:
        view = PairView(tuple(src[i] for i in bead.src), tuple(tgt[j] for j in bead.tgt),
                        alignment.source_lang, alignment.target_lang, bead.score, ratio,
                        similarity=bead.similarity, lexical=alignment.lexical,
                        in_body=bool(bead.src) and bead.src[0] > body_starts, source_names=names[0],
                        target_names=names[1], renamed=renamed, own_names=own_names,
                        target_words=lower_case)
        pairs.append(Pair(view.source, view.target, bead.score, check_pair(view, rules)))
    moved: tuple[Pair, ...] = ()
    if alignment.moves and "moved" not in checks.skip:
        flagged = moved_flags([(p.source, p.target, p.flags) for p in pairs], alignment.moves, src, tgt)
        pairs = [Pair(p.source, p.target, p.score, f) for p, f in zip(pairs, flagged)]
        moved = tuple(Pair((src[m.source],), (tgt[m.target],), m.score, (MOVED_PAIR,)) for m in alignment.moves)
    repeats = repeated_lines([(p.source, p.target) for p in pairs])
    if repeats:
        pairs = [Pair(p.source, p.target, p.score, tuple(
            Flag(f.type, f.severity, f"{f.message} {repeats[k]}", f.spans) if f.type in ("added", "dropped") else f
            for f in p.flags)) if k in repeats else p for k, p in enumerate(pairs)]
    if "inconsistency" not in checks.skip:
        found = inconsistencies([(p.source, p.target) for p in pairs])
        pairs = [Pair(p.source, p.target, p.score, p.flags + found.get(k, ())) for k, p in enumerate(pairs)]
    if checks.skip:
        pairs = [Pair(p.source, p.target, p.score, tuple(f for f in p.flags if f.type not in checks.skip))
                 for p in pairs]
    source = Document(source_path, source_tag or alignment.source_lang, src, units[0])
    target = Document(target_path, target_tag or alignment.target_lang, tgt, units[1])
    notes = () if alignment.lexical else (length_only_note(alignment.source_lang, alignment.target_lang),)
    warnings = warnings + pair_score_warnings([p.score for p in pairs if p.source and p.target], LOW_SCORE,
                                              alignment.lexical)
    return Review(source, target, tuple(pairs), summarise(source, target, pairs, notes, warnings), moved=moved)


MOVED_PAIR = Flag("moved", INFO, "A sentence and its translation that stand in different places of the two texts.")

LENGTH_ONLY_NOTE = ("The two texts share almost no characters and are too short to learn a lexicon that scores their "
                    "pairs: pairs are placed by length, numbers and names (and, from 20 pairs on, the word pairs the "
                    "text itself teaches), every score is low, and no pair is flagged for a low score.")
DICTIONARY_NOTE = ("The two texts share almost no characters and are too short to learn a lexicon that scores their "
                   "pairs: pairs are placed by length, numbers, names and the shipped bilingual dictionary (which "
                   "finds chance matches between any two short texts on one topic, so it does not score them), "
                   "every score is low, and no pair is flagged for a low score.")


def length_only_note(source_lang: str, target_lang: str) -> str:
    """What the review says of a pair whose scores rest on lengths, numbers and names alone."""
    return DICTIONARY_NOTE if has_dictionary(source_lang, target_lang) else LENGTH_ONLY_NOTE


def aligned_length_ratio(alignment: Alignment) -> float:
    """Target characters per source character of a typical pair: the median over pairs with both sides, so
    one cut or padded sentence does not shift what every other pair is measured against."""
    ratios = sorted(sum(len(alignment.target[j].text) for j in b.tgt) / max(1, sum(len(alignment.source[i].text)
                    for i in b.src)) for b in alignment.beads if b.src and b.tgt)
    if not ratios:
        return 1.0
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def _word_total(text: str) -> int:
    """Words of a segment as a summary counts them: runs of letters or digits, where a run of a script written
    without spaces (Chinese, Japanese, Thai) counts one word per two characters, as `word_count` does.

    >>> _word_total("He sold 12,000 cars."), _word_total("全国共有1.2万家企业。")
    (5, 6)
    """
    if text.isascii() or not past_common_blocks(text):
        return len(letter_runs(text, figures=True))
    unspaced = UNSPACED_RUN.findall(text)
    rest = UNSPACED_RUN.sub(" ", text) if unspaced else text    # figures and spaced words among the characters
    return len(letter_runs(rest, figures=True)) + sum((len(run) + 1) // 2 for run in unspaced)


def summarise(source: Document, target: Document, pairs: list[Pair], notes: tuple[str, ...] = (),
              warnings: tuple[Doubt, ...] = ()) -> Summary:
    """Counts, shares aligned and mean score of a review."""
    def words(doc: Document) -> int:
        return sum(_word_total(s.text) for s in doc.segments)

    def share(side: str) -> float:
        sentences = [s for s in (source if side == "source" else target).segments if s.kind == SENTENCE]
        aligned = {seg.id for p in pairs if p.source and p.target for seg in getattr(p, side)}
        return round(sum(s.id in aligned for s in sentences) / len(sentences), 4) if sentences else 0.0

    scored = [p.score for p in pairs if p.source and p.target]
    flags = Counter(f.type for p in pairs for f in p.flags)
    severities = Counter(f.severity for p in pairs for f in p.flags)
    return Summary(len(source.segments), len(target.segments), words(source), words(target), len(pairs),
                   share("source"), share("target"), round(sum(scored) / len(scored), 4) if scored else 0.0,
                   dict(sorted(flags.items())), {s: severities.get(s, 0) for s in SEVERITIES}, notes, warnings)
