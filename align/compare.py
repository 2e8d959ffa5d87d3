"""Same-language comparison: a machine translation (hypothesis) against a reference or post-edit.

The two texts are sentence-aligned with the same aligner, so split, merged, dropped and added
sentences still face the right counterpart; every pair then gets sacrebleu scores, a word diff and flags.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from align.align import Alignment, Options, align_documents
from align.diff import Edit, word_diff
from align.divergence import PairView, Rule, added, check_pair, dropped, low_similarity, number_mismatch
from align.review import Document, Pair, Review, aligned_length_ratio, summarise
from align.sanity import language_warnings
from align.scores import CorpusScore, PairScores, corpus_scores, pair_scores

COMPARE_RULES: tuple[Rule, ...] = (added, dropped, number_mismatch, low_similarity)
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
