"""Several documents in one language: how similar each pair of documents is, and which passages they share.

Document similarity is chrF (sacrebleu), averaged over both directions so the matrix is symmetric.
Shared passages are sentence pairs whose IDF-weighted n-gram cosine passes a threshold, each sentence
keeping only its best match in the other document; each match carries its chrF and a word diff.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from align.compare.diff import Edit, word_diff
from align.text.lang import detect_language
from align.text.segment import SENTENCE, Segment, split_document
from align.search.csr import vstack
from align.search.vectors import FEATURE_TABLE, Vocabulary, assign_columns, collect_terms, idf_weights, weight

MATCH_THRESHOLD = 0.45
"""Cosine from which two sentences of different documents count as sharing a passage."""
MIN_WORDS = 5
"""Shorter sentences (fragments, slogans) resemble too much to count as a shared passage."""


@dataclass(frozen=True)
class Match:
    """A sentence of document `a` and its closest sentence in document `b`."""

    a: int
    b: int
    a_segment: Segment
    b_segment: Segment
    similarity: float
    chrf: float
    diff: tuple[Edit, ...]


@dataclass(frozen=True)
class CorpusComparison:
    paths: tuple[str, ...]
    langs: tuple[str, ...]
    segments: tuple[tuple[Segment, ...], ...]
    matrix: tuple[tuple[float, ...], ...]      # chrF, symmetric, 100 on the diagonal
    matches: tuple[Match, ...]


def compare_corpus(texts: Sequence[str], paths: Sequence[str], lang: str | None = None,
                   threshold: float = MATCH_THRESHOLD) -> CorpusComparison:
    """Similarity matrix and shared sentences of every pair of documents."""
    from sacrebleu.metrics import CHRF

    langs = tuple(lang or detect_language(t) for t in texts)
    segments = tuple(split_document(t, l, doc="s") for t, l in zip(texts, langs))
    chrf = CHRF()
    n = len(texts)
    matrix = [[100.0] * n for _ in range(n)]
    for a in range(n):
        for b in range(a + 1, n):
            both = (chrf.sentence_score(texts[a], [texts[b]]).score + chrf.sentence_score(texts[b], [texts[a]]).score)
            matrix[a][b] = matrix[b][a] = round(both / 2, 2)
    vectors = _sentence_vectors(segments, langs)
    matches = []
    for a in range(n):
        for b in range(a + 1, n):
            matches += _shared_sentences(a, b, segments, vectors, threshold, chrf)
    return CorpusComparison(tuple(paths), langs, segments, tuple(tuple(r) for r in matrix), tuple(matches))


def _sentence_vectors(segments: Sequence[Sequence[Segment]], langs: Sequence[str]) -> list[np.ndarray]:
    """L2-normalised IDF n-gram vectors of every sentence, one dense block per document."""
    with FEATURE_TABLE:
        terms = [collect_terms([s.text for s in segs], lang, Vocabulary()) for segs, lang in zip(segments, langs)]
        width = assign_columns(*terms)
    counts = [t.counts(width) for t in terms]
    stacked = vstack(counts)
    idf = idf_weights(stacked, stacked.rows(0, 0))  # document frequency over every sentence of every document
    out = []
    for c in counts:
        dense = weight(c, idf).toarray()
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        out.append(np.divide(dense, norms, out=np.zeros_like(dense), where=norms > 0))
    return out


def _shared_sentences(a: int, b: int, segments, vectors, threshold: float, chrf) -> list[Match]:
    sims = vectors[a] @ vectors[b].T
    if sims.size == 0:
        return []
    found = []
    for i, row in enumerate(sims):
        j = int(np.argmax(row))
        sa, sb = segments[a][i], segments[b][j]
        # each pair once: mutual best matches between sentences (not headings, meta or links)
        if (row[j] >= threshold and int(np.argmax(sims[:, j])) == i and sa.kind == sb.kind == SENTENCE
                and min(len(sa.text.split()), len(sb.text.split())) >= MIN_WORDS):
            score = chrf.sentence_score(sa.text, [sb.text]).score
            found.append(Match(a, b, sa, sb, round(float(row[j]), 4), round(score, 2), word_diff(sa.text, sb.text)))
    return found
