"""Same-language comparison: a machine translation (hypothesis) against a reference or post-edit.

The two texts are sentence-aligned with the same aligner, so split, merged, dropped and added
sentences still face the right counterpart; every pair then gets sacrebleu scores, a word diff and flags.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Sequence

from align.search.align import Alignment, Options, align_documents
from align.compare.diff import Edit, word_diff
from align.search.dp import Bead
from align.review.flags import WARNING, Flag
from align.search.anchors import names_changed
from align.review.divergence import PairView, Rule, added, check_pair, dropped, low_similarity, number_mismatch
from align.review.review import Document, Pair, Review, aligned_length_ratio, summarise
from align.review.sanity import language_warnings
from align.compare.scores import CorpusScore, PairScores, corpus_scores, pair_scores

def hypothesis_says_more(pair: PairView) -> tuple[Flag, ...]:
    """A hypothesis sentence with no counterpart in the reference: the hypothesis added it (`added`)."""
    return tuple(Flag("added", f.severity, "The hypothesis has this and the reference does not: the hypothesis says "
                                           "more here.", f.spans) for f in dropped(pair))


def hypothesis_says_less(pair: PairView) -> tuple[Flag, ...]:
    """A reference sentence with no counterpart in the hypothesis: the hypothesis dropped it (`dropped`)."""
    return tuple(Flag("dropped", f.severity, "The reference has this and the hypothesis does not: the hypothesis "
                                             "left it out.", f.spans) for f in added(pair))


def names_differ(pair: PairView) -> tuple[Flag, ...]:
    """Names that the hypothesis writes otherwise than the reference (`Lee` / `Li`, `Bai Minh` / `Bai Ming`):
    the names a post-editor corrects in machine translation, which a word diff shows among every other edit. A
    name on one side only is a sentence rewritten, not a name changed, and is not flagged."""
    if not pair.source or not pair.target:
        return ()
    hypothesis, reference = names_changed(pair.source, pair.target, pair.source_lang)
    if not hypothesis or not reference:
        return ()
    said = ", ".join(f"“{t}”" for t, _ in hypothesis)
    written = ", ".join(f"“{t}”" for t, _ in reference)
    return (Flag("entity_mismatch", WARNING, f"Names differ: the {pair.sides[0]} has {said} where the {pair.sides[1]} "
                                             f"has {written}.", tuple(sp for _, sp in hypothesis + reference)),)


COMPARE_RULES: tuple[Rule, ...] = (hypothesis_says_more, hypothesis_says_less, number_mismatch, names_differ,
                                   low_similarity)
SIDES = ("hypothesis", "reference")


@dataclass(frozen=True)
class Comparison:
    """A review of hypothesis (source side) against reference (target side), with scores and diffs per pair."""

    review: Review
    references: tuple[Document, ...]           # every reference; the first is the review's target
    reference_texts: tuple[tuple[str, ...], ...]  # per pair, the text of each reference
    scores: tuple[PairScores, ...]
    diffs: tuple[tuple[Edit, ...], ...]        # against the first reference
    corpus: dict[str, CorpusScore]


def compare_documents(hypothesis: str, references: Sequence[str], lang: str | None = None,
                      options: Options = Options(), hypothesis_path: str = "hypothesis",
                      reference_paths: Sequence[str] = ()) -> Comparison:
    """Align the hypothesis with each reference, then score and diff every pair.

    >>> c = compare_documents("Lee added. It rained.", ["Li added. It rained."], "en")
    >>> [p.bleu for p in c.scores], c.corpus["chrf"].score > 50
    ([55.0321, 100.0], True)
    """
    if not references:
        raise ValueError("at least one reference is needed")
    paths = list(reference_paths) + [f"reference{k + 1}" for k in range(len(reference_paths), len(references))]
    alignments = [align_documents(hypothesis, ref, lang, lang, options) for ref in references]
    alignments[0] = dataclasses.replace(alignments[0], beads=detach_riders(alignments[0]))
    first = alignments[0]
    ratio = aligned_length_ratio(first)
    pairs, texts, scores, diffs = [], [], [], []
    others = [_reference_text_per_hypothesis(a) for a in alignments[1:]]
    for k, bead in enumerate(first.beads):
        hyp_segments = tuple(first.source[i] for i in bead.src)
        ref_segments = tuple(first.target[j] for j in bead.tgt)
        view = PairView(hyp_segments, ref_segments, first.source_lang, first.target_lang, bead.score, ratio, SIDES,
                        bead.similarity)
        hyp_text = " ".join(s.text for s in hyp_segments)
        ref_texts = (" ".join(s.text for s in ref_segments),) + tuple(o(bead.src) for o in others)
        pairs.append(Pair(hyp_segments, ref_segments, bead.score, check_pair(view, COMPARE_RULES)))
        texts.append(ref_texts)
        scores.append(pair_scores(hyp_text, ref_texts))
        diffs.append(word_diff(hyp_text, ref_texts[0]))
    hyp_doc = Document(hypothesis_path, first.source_lang, first.source)
    ref_docs = tuple(Document(p, a.target_lang, a.target) for p, a in zip(paths, alignments))
    warnings = language_warnings(hypothesis, references[0], lang, lang, SIDES)
    review = Review(hyp_doc, ref_docs[0], tuple(pairs), summarise(hyp_doc, ref_docs[0], pairs, (), warnings))
    hyps = [" ".join(s.text for s in p.source) for p in pairs]
    streams = [[t[r] for t in texts] for r in range(len(references))]
    return Comparison(review, ref_docs, tuple(texts), tuple(scores), tuple(diffs), corpus_scores(hyps, streams))


_TOKENS = re.compile(r"\w+", re.UNICODE)
RIDER_MIN_WORDS = 4
RIDER_OVERLAP = 0.35
"""A sentence of a merged pair sharing less than this share of its words with the other side does not belong
there: in one language a kept sentence shares most of its words with its counterpart (0.6-1.0), an extra one
little more than function words."""
KEEPER_OVERLAP = 0.5


def _overlap(text: str, other: set[str]) -> tuple[float, int]:
    words = [w.casefold() for w in _TOKENS.findall(text)]
    return (sum(w in other for w in words) / len(words) if words else 0.0), len(words)


def detach_riders(alignment: Alignment) -> tuple[Bead, ...]:
    """Split off, as a pair of its own, a sentence that rides along in a merged pair while the other side has
    nothing for it (an extra hypothesis sentence next to a kept one becomes `added`; a reference sentence the
    hypothesis lacks, `dropped`). Only the first or last sentence of a pair is detached, so order is kept."""
    out: list[Bead] = []
    for bead in alignment.beads:
        out.extend(_detach(bead, alignment))
    return tuple(out)


def _detach(bead: Bead, alignment: Alignment) -> list[Bead]:
    for side in ("src", "tgt"):
        mine, theirs = (bead.src, bead.tgt) if side == "src" else (bead.tgt, bead.src)
        if len(mine) < 2 or not theirs:
            continue
        own = alignment.source if side == "src" else alignment.target
        other = alignment.target if side == "src" else alignment.source
        other_words = {w.casefold() for k in theirs for w in _TOKENS.findall(other[k].text)}
        for position in (0, len(mine) - 1):
            rider = mine[position]
            overlap, words = _overlap(own[rider].text, other_words)
            rest = [k for k in mine if k != rider]
            kept, _ = _overlap(" ".join(own[k].text for k in rest), other_words)
            if words >= RIDER_MIN_WORDS and overlap < RIDER_OVERLAP and kept >= KEEPER_OVERLAP:
                alone = Bead((rider,), ()) if side == "src" else Bead((), (rider,))
                rest_bead = Bead(tuple(rest), bead.tgt, bead.score, bead.similarity) if side == "src" else \
                    Bead(bead.src, tuple(rest), bead.score, bead.similarity)
                parts = [alone] + _detach(rest_bead, alignment) if position == 0 else \
                    _detach(rest_bead, alignment) + [alone]
                return parts
    return [bead]


def _reference_text_per_hypothesis(alignment: Alignment):
    """For a further reference: the text of its segments aligned to a given set of hypothesis segments.

    Each reference segment is given once, to the first pair that holds one of its hypothesis segments;
    reference segments aligned to nothing in the hypothesis are not scored (they have no pair).
    """
    owner: dict[int, tuple[int, ...]] = {}
    for bead in alignment.beads:
        if bead.src:
            owner[bead.src[0]] = bead.tgt
    given: set[int] = set()

    def text_for(hyp_indexes: Sequence[int]) -> str:
        parts = []
        for i in hyp_indexes:
            for j in owner.get(i, ()):
                if j not in given:
                    given.add(j)
                    parts.append(alignment.target[j].text)
        return " ".join(parts)

    return text_for
