"""Sparse lexical vectors of segments: IDF-weighted character n-grams of accent-stripped words and numbers.

Language independent and learned from the input alone: cognates, names, acronyms and numbers share
n-grams across languages; a learned lexicon adds shared features for word pairs (see `lexicon.py`).
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from align.lang import strip_accents
from align.numbers import find_numbers

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
NGRAM_SIZES = (3, 4)


def words(text: str) -> list[str]:
    """Accent-stripped lower-case words of a segment, for matching.

    >>> words("L’Élève a 12 ans")
    ['l', 'eleve', 'a', 'ans']
    """
    return _WORD.findall(strip_accents(text))


def segment_terms(text: str, text_words: Sequence[str], lang: str | None,
                  cache: dict[str, tuple[str, ...]]) -> list[str]:
    """Feature names of one segment: n-grams of its words (from `words(text)`) and its numbers by value."""
    terms: list[str] = []
    for word in text_words:
        grams = cache.get(word)
        if grams is None:
            padded = f"<{word}>"
            grams = tuple(padded[k:k + n] for n in NGRAM_SIZES for k in range(max(1, len(padded) - n + 1)))
            cache[word] = grams
        terms.extend(grams)
    terms.extend("#" + number.key for number in find_numbers(text, lang))
    return terms


class Vocabulary:
    """Feature name -> column, assigned in order of first sight (deterministic, unlike `hash`)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def ids(self, terms: Iterable[str]) -> list[int]:
        index = self.index
        return [index.setdefault(t, len(index)) for t in terms]


def count_matrix(term_ids: Sequence[Sequence[int]], n_features: int) -> sparse.csr_matrix:
    """Segments x features matrix of term counts."""
    indptr = np.zeros(len(term_ids) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(t) for t in term_ids])
    indices = np.fromiter((i for ids in term_ids for i in ids), dtype=np.int64, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(term_ids), n_features))
    matrix.sum_duplicates()
    return matrix


def weight(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear term frequency times IDF."""
    out = counts.copy()
    out.data = (1.0 + np.log(out.data)) * idf[out.indices]
    return out.astype(np.float32)


def idf_weights(src_counts: sparse.csr_matrix, tgt_counts: sparse.csr_matrix) -> np.ndarray:
    """Inverse document frequency over the segments of both sides (smoothed)."""
    n = src_counts.shape[0] + tgt_counts.shape[0]
    df = np.bincount(src_counts.indices, minlength=src_counts.shape[1]) + \
        np.bincount(tgt_counts.indices, minlength=tgt_counts.shape[1])
    return (np.log((n + 1) / (df + 1)) + 1.0).astype(np.float32)


def band_dots(src: sparse.csr_matrix, tgt: sparse.csr_matrix, lo: np.ndarray, width: int,
              chunk: int = 512) -> np.ndarray:
    """Dot products of source row r with target rows lo[r] .. lo[r]+width-1 (0 outside the target)."""
    n, m = src.shape[0], tgt.shape[0]
    out = np.zeros((n, width), dtype=np.float32)
    tgt_t = tgt.T.tocsc()
    for r0 in range(0, n, chunk):
        r1 = min(n, r0 + chunk)
        c0 = int(max(0, lo[r0:r1].min()))
        c1 = int(min(m, lo[r0:r1].max() + width))
        if c1 <= c0:
            continue
        block = (src[r0:r1] @ tgt_t[:, c0:c1]).toarray()
        cols = lo[r0:r1, None] + np.arange(width)[None, :] - c0
        valid = (cols >= 0) & (cols < c1 - c0)
        rows = np.arange(r1 - r0)[:, None]
        out[r0:r1] = np.where(valid, block[rows, np.clip(cols, 0, max(0, c1 - c0 - 1))], 0.0)
    return out


def neighbour_dots(matrix: sparse.csr_matrix, max_offset: int) -> list[np.ndarray]:
    """`out[k][r]` = dot(row r, row r+k) for k = 0..max_offset (zero past the end)."""
    n = matrix.shape[0]
    out = []
    for k in range(max_offset + 1):
        dots = np.zeros(n, dtype=np.float64)
        if k < n:
            dots[:n - k] = np.asarray(matrix[:n - k].multiply(matrix[k:]).sum(axis=1)).ravel()
        out.append(dots)
    return out


def pool(matrix: sparse.csr_matrix, factor: int) -> sparse.csr_matrix:
    """Sum every `factor` consecutive rows: the vectors of a downsampled document."""
    n = matrix.shape[0]
    groups = (n + factor - 1) // factor
    rows = np.arange(n) // factor
    summer = sparse.csr_matrix((np.ones(n, dtype=np.float32), (rows, np.arange(n))), shape=(groups, n))
    return (summer @ matrix).tocsr()
