"""A translation lexicon learned from the document pair itself: word pairs that keep co-occurring in beads.

Only pairs seen together in at least `min_count` beads and strongly associated (Dice) are kept, so a
single first-pass bead cannot teach the lexicon to confirm itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

import numpy as np

from align.search.csr import Csr, disjoint_rows
from align.search.vectors import bead_membership, bead_sides


MIN_BEADS = 20
"""Fewer first-pass beads than this teach function-word noise, not translations: no lexicon pass then."""

SCORING_BEADS = 100
"""First-pass beads from which the learned lexicon also scores the pairs (and says the sides share content).
Learned from fewer, it still guides the search, but it finds chance pairs between any two short texts: a wrong
file would score as a translation (seed 002 against 000: mean score 0.58 with it, 0.35 without)."""

FULL_STRENGTH_BEADS = 150
"""First-pass beads from which a learned pair weighs its full Dice strength; a shorter document's pairs, learned
from fewer beads, weigh in proportion."""

BEADS_PER_FOLD = 10
"""First-pass beads per held-out fold, at least: a short document gets fewer folds (two at the least)."""

REPEATED_SHARE = 0.9
"""When the distinct beads are at most this share of all, the copies of a bead are held out together."""


def scores_with_lexicon(first_pass_beads: int) -> bool:
    """Whether a lexicon learned from this many first-pass beads scores the pairs, or only guides the search."""
    return first_pass_beads >= SCORING_BEADS


@dataclass(frozen=True)
class Lexicon:
    """Learned pairs as (source word id, target word id, Dice strength), ids into each side's word list."""

    src_ids: np.ndarray
    tgt_ids: np.ndarray
    strength: np.ndarray

    def __len__(self) -> int:
        return len(self.src_ids)


def learn_lexicon(src_words: Csr, tgt_words: Csr,
                  beads: Sequence[tuple[Sequence[int], Sequence[int]]], min_count: int = 2,
                  min_dice: float = 0.4, max_beads: int = 20000,
                  first_copy: Sequence[bool] | None = None) -> Lexicon:
    """Word pairs associated across the beads that have both sides (Dice over bead co-occurrence).

    With `first_copy` (per bead: not a copy of an earlier one), a pair must be seen in `min_count` distinct
    beads: copies of one bead still weigh in the association, but cannot make a pair pass on their own.
    """
    keep = [k for k, b in enumerate(beads) if b[0] and b[1]]
    if len(keep) > max_beads:
        step = len(keep) / max_beads
        keep = [keep[int(k * step)] for k in range(max_beads)]
    paired = [beads[k] for k in keep]
    if not paired:
        return Lexicon(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))

    def bead_matrix(words: Csr, side: int, chosen: Sequence[tuple[Sequence[int], Sequence[int]]]
                    ) -> Csr:
        return (bead_membership(chosen, side, words.shape[0], np.float32) @ words).binary()

    if first_copy is None:
        rows, cols, dice = associated(bead_matrix(src_words, 0, paired), bead_matrix(tgt_words, 1, paired),
                                      min_count, min_dice)
    else:
        rows, cols, dice = associated(bead_matrix(src_words, 0, paired), bead_matrix(tgt_words, 1, paired),
                                      1, min_dice)
        distinct = [beads[k] for k in keep if first_copy[k]]
        support = bead_matrix(src_words, 0, distinct).T @ bead_matrix(tgt_words, 1, distinct)
        enough = support.cells(rows, cols) >= min_count
        rows, cols, dice = rows[enough], cols[enough], dice[enough]
    return Lexicon(rows.astype(np.int64), cols.astype(np.int64), dice.astype(np.float64))


def associated(src_beads: Csr, tgt_beads: Csr, min_count: int,
               min_dice: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source word, target word, Dice) of the word pairs seen together in at least `min_count` beads and
    associated at least `min_dice`, sorted; the inputs are beads x words 0/1 matrices of each side."""
    co = src_beads.T @ tgt_beads                     # entries in (source word, target word) order
    seen = co.data >= min_count
    rows = np.repeat(np.arange(co.shape[0], dtype=np.int32), np.diff(co.indptr))[seen]
    cols, together = co.indices[seen], co.data[seen]
    src_freq = src_beads.sum_columns().astype(src_beads.dtype)
    tgt_freq = tgt_beads.sum_columns().astype(tgt_beads.dtype)
    dice = 2.0 * together / (src_freq[rows] + tgt_freq[cols])
    keep = dice >= min_dice
    return rows[keep].astype(np.int64), cols[keep].astype(np.int64), dice[keep]


def heldout_lexicon_features(src_words: Csr, tgt_words: Csr,
                             beads: Sequence[tuple[Sequence[int], Sequence[int]]], folds: int = 5,
                             min_count: int = 2, min_dice: float = 0.4,
                             content: tuple[Csr, Csr] | None = None,
                             ) -> tuple[Csr, Csr, int]:
    """Lexicon features where each stretch of the document only sees word pairs learned from the others.

    A pair must be supported elsewhere in the document to count here, so the lexicon cannot simply
    memorise the first pass. `content` (each side's full feature rows: n-grams, numbers, punctuation) tells
    which beads are copies of one another; without it, the words do. Returns both sides' feature matrices and
    the number of distinct pairs.
    """
    n_beads = len(beads)
    folds = min(folds, n_beads // BEADS_PER_FOLD)
    if n_beads < MIN_BEADS or folds < 2:
        return Csr.empty(src_words.shape[0], 1), Csr.empty(tgt_words.shape[0], 1), 0
    fold_of_bead = (np.arange(n_beads) * folds) // max(1, n_beads)
    first = _first_copies(*(content or (src_words, tgt_words)), beads)
    first_copy = first == np.arange(n_beads)
    distinct = int(np.count_nonzero(first_copy))
    repeated = distinct <= REPEATED_SHARE * n_beads and distinct >= MIN_BEADS
    if repeated:
        # Much of the text repeats (a document pasted twice, boilerplate between articles): every copy of a
        # bead is held out with its first copy, so a first-pass bead cannot be confirmed by its own copies,
        # and a word pair needs `min_count` distinct beads, not copies of one.
        rank = np.cumsum(first_copy) - 1                 # the first copies, numbered in order
        fold_of_bead = ((rank * folds) // distinct)[first]
    src_fold = _segment_folds(beads, 0, src_words.shape[0], fold_of_bead)
    tgt_fold = _segment_folds(beads, 1, tgt_words.shape[0], fold_of_bead)
    lexicons = []
    for fold in range(folds):
        train = [k for k in range(n_beads) if fold_of_bead[k] != fold]
        lexicons.append(learn_lexicon(src_words, tgt_words, [beads[k] for k in train], min_count, min_dice,
                                      first_copy=first_copy[train] if repeated else None))
    # one feature column per distinct word pair, numbered in order of first sight over the folds
    keys = np.concatenate([lex.src_ids * tgt_words.shape[1] + lex.tgt_ids for lex in lexicons])
    distinct, first, which = np.unique(keys, return_index=True, return_inverse=True)
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(distinct))
    fold_cols = np.split(rank[which.ravel()], np.cumsum([len(lex) for lex in lexicons])[:-1])
    evidence = min(1.0, n_beads / FULL_STRENGTH_BEADS)   # a short document's pairs weigh in proportion
    parts_src = [(src_words.keep_rows(src_fold == fold), lex.src_ids, cols, lex.strength * evidence)
                 for fold, (lex, cols) in enumerate(zip(lexicons, fold_cols))]
    parts_tgt = [(tgt_words.keep_rows(tgt_fold == fold), lex.tgt_ids, cols, lex.strength * evidence)
                 for fold, (lex, cols) in enumerate(zip(lexicons, fold_cols))]
    width = max(1, len(distinct))

    def assemble(parts: list, n_words: int) -> Csr:
        # each fold's segments through that fold's lexicon; the folds' segments do not overlap
        return disjoint_rows([(rows @ Csr.from_entries(strength, ids, cols, (n_words, width))).astype(np.float32)
                              for rows, ids, cols, strength in parts])

    return assemble(parts_src, src_words.shape[1]), assemble(parts_tgt, tgt_words.shape[1]), len(distinct)


def _segment_folds(beads: Sequence[tuple[Sequence[int], Sequence[int]]], side: int, n_segments: int,
                   fold_of_bead: np.ndarray) -> np.ndarray:
    """Per segment of one side, the fold of the bead that holds it."""
    sizes, segments = bead_sides(beads, side)
    out = np.zeros(n_segments, dtype=np.int64)
    out[segments] = np.repeat(fold_of_bead, sizes)
    return out


@dataclass(frozen=True)
class WordPairs:
    """A translation lexicon that travels between documents: (source word, target word, strength), sorted.
    Learned over a run of document pairs of one language pair, it gives short documents (a news article) the
    word evidence they are too short to learn well themselves."""

    pairs: tuple[tuple[str, str, float], ...] = ()

    def __len__(self) -> int:
        return len(self.pairs)

    @cached_property
    def by_source(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """The pairs by source word: a document looks up its own words, not the whole lexicon."""
        out: dict[str, list[tuple[str, float]]] = {}
        for s, t, strength in self.pairs:
            out.setdefault(s, []).append((t, strength))
        return {s: tuple(ts) for s, ts in out.items()}

    def features(self, src_words: Csr, tgt_words: Csr, src_vocab: Sequence[str],
                 tgt_vocab: Sequence[str]) -> tuple[Csr, Csr, int]:
        """Both sides' features for the pairs whose two words occur in this document (one column a pair)."""
        tgt_index = {w: k for k, w in enumerate(tgt_vocab)}
        by_source = self.by_source
        found = [(i, tgt_index[t], strength) for i, s in enumerate(src_vocab) for t, strength in by_source.get(s, ())
                 if t in tgt_index]
        width = max(1, len(found))
        cols = np.arange(len(found))
        strength = np.array([f[2] for f in found], dtype=np.float32)

        def side(words: Csr, ids: list[int]) -> Csr:
            mapping = Csr.from_entries(strength, np.array(ids, dtype=np.int64), cols, (words.shape[1], width))
            return (words @ mapping).astype(np.float32)

        return side(src_words, [f[0] for f in found]), side(tgt_words, [f[1] for f in found]), len(found)


@dataclass(frozen=True)
class BeadWords:
    """What one aligned document pair teaches a shared lexicon: the words of each bead's two sides."""

    src: tuple[frozenset[str], ...]
    tgt: tuple[frozenset[str], ...]


def bead_words(src_words: Sequence[frozenset[str]], tgt_words: Sequence[frozenset[str]],
               beads: Sequence[tuple[Sequence[int], Sequence[int]]]) -> BeadWords:
    """The words on each side of every bead that has both sides, from each segment's words."""
    paired = [b for b in beads if b[0] and b[1]]
    return BeadWords(tuple(frozenset().union(*(src_words[i] for i in s)) for s, _ in paired),
                     tuple(frozenset().union(*(tgt_words[j] for j in t)) for _, t in paired))


def heldout_word_pairs(documents: Sequence[BeadWords], folds: int = 5, min_count: int = 2,
                       min_dice: float = 0.4, presence: "WordPresence | None" = None) -> list[WordPairs]:
    """For each document, the word pairs learned from the documents of the other folds: a document's own
    first-pass beads never confirm themselves (as `heldout_lexicon_features` within a document). The folds
    share one count of where every word stands (`presence`, made here when not given)."""
    folds = max(1, min(folds, len(documents)))
    fold_of = [k * folds // max(1, len(documents)) for k in range(len(documents))]
    if folds == 1:
        return [WordPairs() for _ in documents]
    presence = presence or word_presence(documents)
    row_fold = np.repeat(np.array(fold_of, dtype=np.int64), [len(d.src) for d in documents])
    learned = [_learned(presence, row_fold != fold, min_count, min_dice) for fold in range(folds)]
    return [learned[f] for f in fold_of]


def learn_word_pairs(documents: Sequence[BeadWords], min_count: int = 2, min_dice: float = 0.4,
                     presence: "WordPresence | None" = None) -> WordPairs:
    """Word pairs associated across the beads of many documents (Dice over bead co-occurrence, as `learn_lexicon`)."""
    return _learned(presence or word_presence(documents), None, min_count, min_dice)


@dataclass(frozen=True)
class WordPresence:
    """Beads x words 0/1 matrices of both sides over a run's documents, and the words of their columns (sorted)."""

    src_vocab: list[str]
    tgt_vocab: list[str]
    src: Csr
    tgt: Csr


def word_presence(documents: Sequence[BeadWords]) -> WordPresence:
    """Which words each bead of `documents` holds, a side at a time."""
    src_vocab = sorted({w for d in documents for side in d.src for w in side})
    tgt_vocab = sorted({w for d in documents for side in d.tgt for w in side})

    def presence(sides: list[frozenset[str]], vocab: list[str]) -> Csr:
        index = {w: k for k, w in enumerate(vocab)}
        sizes = np.fromiter(map(len, sides), dtype=np.int64, count=len(sides))
        rows = np.repeat(np.arange(len(sides), dtype=np.int64), sizes)
        # a row's columns in any order: the matrix comes out with each row sorted
        cols = np.fromiter((index[w] for s in sides for w in s), dtype=np.int64, count=int(sizes.sum()))
        return Csr.from_entries(np.ones(len(cols), dtype=np.float32), rows, cols, (len(sides), max(1, len(index))))

    return WordPresence(src_vocab, tgt_vocab, presence([s for d in documents for s in d.src], src_vocab),
                     presence([t for d in documents for t in d.tgt], tgt_vocab))


def _learned(presence: WordPresence, keep: np.ndarray | None, min_count: int, min_dice: float) -> WordPairs:
    """The word pairs of the beads `keep` marks (all when None): a word no kept bead holds has no pair."""
    src, tgt = presence.src, presence.tgt
    if keep is not None:
        src, tgt = src.keep_rows(keep), tgt.keep_rows(keep)
    if not src.nnz or not tgt.nnz:
        return WordPairs()
    rows, cols, dice = associated(src, tgt, min_count, min_dice)
    sources = map(presence.src_vocab.__getitem__, rows.tolist())
    targets = map(presence.tgt_vocab.__getitem__, cols.tolist())
    return WordPairs(tuple(sorted(zip(sources, targets, [round(x, 4) for x in dice.astype(np.float64).tolist()]))))


def _first_copies(src_rows: Csr, tgt_rows: Csr,
                  beads: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
    """Per bead, the index of the first bead with the same features on both sides (itself if it is the first)."""
    keys = []
    for rows in (src_rows, tgt_rows):
        indices, indptr = rows.indices, rows.indptr
        keys.append([indices[indptr[r]:indptr[r + 1]].tobytes() for r in range(rows.shape[0])])
    src_keys, tgt_keys = keys
    seen: dict[tuple, int] = {}
    return np.array([seen.setdefault((tuple(src_keys[i] for i in s), tuple(tgt_keys[j] for j in t)), k)
                     for k, (s, t) in enumerate(beads)], dtype=np.int64)
