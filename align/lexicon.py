"""A translation lexicon learned from the document pair itself: word pairs that keep co-occurring in beads.

Only pairs seen together in at least `min_count` beads and strongly associated (Dice) are kept, so a
single first-pass bead cannot teach the lexicon to confirm itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import sparse


MIN_BEADS = 100
"""Fewer beads than this teach function-word noise, not translations: no lexicon pass then."""


@dataclass(frozen=True)
class Lexicon:
    """Learned pairs as (source word id, target word id, Dice strength), ids into each side's word list."""

    src_ids: np.ndarray
    tgt_ids: np.ndarray
    strength: np.ndarray

    def __len__(self) -> int:
        return len(self.src_ids)


def learn_lexicon(src_words: sparse.csr_matrix, tgt_words: sparse.csr_matrix,
                  beads: Sequence[tuple[Sequence[int], Sequence[int]]], min_count: int = 2,
                  min_dice: float = 0.4, max_beads: int = 20000) -> Lexicon:
    """Word pairs associated across the beads that have both sides (Dice over bead co-occurrence)."""
    paired = [b for b in beads if b[0] and b[1]]
    if len(paired) > max_beads:
        step = len(paired) / max_beads
        paired = [paired[int(k * step)] for k in range(max_beads)]
    if not paired:
        return Lexicon(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))

    def bead_matrix(words: sparse.csr_matrix, side: int) -> sparse.csr_matrix:
        rows = np.concatenate([np.full(len(b[side]), k) for k, b in enumerate(paired)])
        cols = np.concatenate([np.asarray(b[side]) for b in paired])
        pick = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(len(paired), words.shape[0]))
        out = (pick @ words).tocsr()
        out.data[:] = 1.0
        return out

    bs, bt = bead_matrix(src_words, 0), bead_matrix(tgt_words, 1)
    co = (bs.T @ bt).tocoo()
    src_freq = np.asarray(bs.sum(axis=0)).ravel()
    tgt_freq = np.asarray(bt.sum(axis=0)).ravel()
    dice = 2.0 * co.data / (src_freq[co.row] + tgt_freq[co.col])
    keep = (co.data >= min_count) & (dice >= min_dice)
    order = np.lexsort((co.col[keep], co.row[keep]))
    return Lexicon(co.row[keep][order].astype(np.int64), co.col[keep][order].astype(np.int64),
                   dice[keep][order].astype(np.float64))


def heldout_lexicon_features(src_words: sparse.csr_matrix, tgt_words: sparse.csr_matrix,
                             beads: Sequence[tuple[Sequence[int], Sequence[int]]], folds: int = 5,
                             min_count: int = 2, min_dice: float = 0.4) -> tuple[sparse.csr_matrix, sparse.csr_matrix, int]:
    """Lexicon features where each stretch of the document only sees word pairs learned from the others.

    A pair must be supported elsewhere in the document to count here, so the lexicon cannot simply
    memorise the first pass. Returns both sides' feature matrices and the number of distinct pairs.
    """
    n_beads = len(beads)
    folds = min(folds, n_beads // 20)
    if n_beads < MIN_BEADS or folds < 2:
        empty = sparse.csr_matrix((src_words.shape[0], 1), dtype=np.float32)
        return empty, sparse.csr_matrix((tgt_words.shape[0], 1), dtype=np.float32), 0
    fold_of_bead = (np.arange(n_beads) * folds) // max(1, n_beads)
    src_fold = np.zeros(src_words.shape[0], dtype=np.int64)
    tgt_fold = np.zeros(tgt_words.shape[0], dtype=np.int64)
    for k, (s, t) in enumerate(beads):
        src_fold[list(s)] = fold_of_bead[k]
        tgt_fold[list(t)] = fold_of_bead[k]
    columns: dict[tuple[int, int], int] = {}
    parts_src, parts_tgt = [], []
    for fold in range(folds):
        train = [b for k, b in enumerate(beads) if fold_of_bead[k] != fold]
        lexicon = learn_lexicon(src_words, tgt_words, train, min_count, min_dice)
        cols = np.array([columns.setdefault((int(a), int(b)), len(columns))
                         for a, b in zip(lexicon.src_ids, lexicon.tgt_ids)], dtype=np.int64)
        keep_src = sparse.diags((src_fold == fold).astype(np.float32))
        keep_tgt = sparse.diags((tgt_fold == fold).astype(np.float32))
        parts_src.append((keep_src @ src_words, lexicon.src_ids, cols, lexicon.strength))
        parts_tgt.append((keep_tgt @ tgt_words, lexicon.tgt_ids, cols, lexicon.strength))
    width = max(1, len(columns))

    def assemble(parts: list, n_words: int) -> sparse.csr_matrix:
        total = None
        for rows, ids, cols, strength in parts:
            mapping = sparse.csr_matrix((strength, (ids, cols)), shape=(n_words, width))
            product = rows @ mapping
            total = product if total is None else total + product
        return sparse.csr_matrix(total, dtype=np.float32)

    return assemble(parts_src, src_words.shape[1]), assemble(parts_tgt, tgt_words.shape[1]), len(columns)
