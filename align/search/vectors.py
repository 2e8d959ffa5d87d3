"""Sparse lexical vectors of segments: IDF-weighted character n-grams of accent-stripped words and numbers.

Language independent and learned from the input alone: cognates, names, acronyms and numbers share
n-grams across languages; a learned lexicon adds shared features for word pairs (see `lexicon.py`).
"""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from array import array
from collections import Counter
from functools import lru_cache
from itertools import accumulate, chain, islice
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from align.search.csr import Csr, hstack, vstack
from align.search.kernel import csr_arrays, kernel
from align.text.divisions import division_numbers
from align.text.lang import UNSPACED_RUN, strip_accents
from align.text.numbers import NUMBER_WORD_LANGS as _NUMBER_WORD_LANGS, NUMBER_WORDS, find_numbers, spelled_numbers
from align.text.patterns import letter_runs, past_common_blocks

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
NGRAM_SIZES = (3, 4)


def words(text: str) -> list[str]:
    """Accent-stripped lower-case words of a segment, for matching; in scripts written without spaces,
    each character and each pair of neighbouring characters (a word there is one to three characters).

    >>> words("L’Élève a 12 ans")
    ['l', 'eleve', 'a', 'ans']
    >>> words("新华社 Xinhua")
    ['xinhua', '新', '华', '社', '新华', '华社']
    """
    if text.isascii():
        return _WORD.findall(text.lower())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    runs = UNSPACED_RUN.findall(text) if past_common_blocks(text) else []
    if runs:
        text = UNSPACED_RUN.sub(" ", text)
    found: list[str] = []
    for word in letter_runs(text.casefold()):     # a letter's combining marks stay in its word (रिज़र्व)
        found.extend(letter_runs(_strip_word(word)) if not word.isascii() else (word,))
    for run in runs:
        found.extend(run)
        found.extend(run[k:k + 2] for k in range(len(run) - 1))
    return found


_FROM_THAI_ON = re.compile("[^\x00-\u0dff]")   # no script written without spaces starts before Thai
# (written as what it leaves out, which compiles in 1 ms where the range up to U+10FFFF took 9); a segment
# without one counts its words' letters


def letter_count(text: str) -> int:
    """Letters in a segment (digits, punctuation and space left out)."""
    return sum(map(len, _WORD.findall(text)))


@lru_cache(maxsize=1 << 16)
def _strip_word(word: str) -> str:
    return strip_accents(word)


@lru_cache(maxsize=1 << 17)
def ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams of a word padded with `<` and `>`, so prefixes and suffixes count.

    >>> ngrams("le")
    ('<le', 'le>', '<le>')
    """
    padded = f"<{word}>"
    return tuple(padded[k:k + n] for n in NGRAM_SIZES for k in range(max(1, len(padded) - n + 1)))


def segment_terms(text: str, lang: str | None) -> Counter[str]:
    """One segment's features by name, counted: its words' character n-grams and its numbers by value (what
    the search's columns hold, for comparing a few segments without building matrices)."""
    counts = Counter(gram for word in words(text) for gram in ngrams(word))
    counts.update("#" + number.key for number in find_numbers(text, lang))
    return counts


def term_cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine of two sparse counts (0 when either is empty), walking the smaller one."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(count * b[key] for key, count in a.items() if key in b)
    norms = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norms if norms else 0.0


class Vocabulary:
    """Feature name -> column, assigned in order of first sight (deterministic, unlike `hash`)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def ids(self, terms: Iterable[str]) -> list[int]:
        index = self.index
        return [index.setdefault(t, len(index)) for t in terms]


_FEATURE_IDS: dict[str, int] = {}
"""Every feature this process has met (n-gram, number, mark) -> an id of its own. A comparison's columns are
its features in order of first sight (`assign_columns`), whatever the ids: the same input gives the same
columns in any process; the ids only spare a long run's repeated words a dictionary look-up per n-gram."""
FEATURE_TABLE = threading.Lock()
"""Held by a comparison from the first `collect_terms` to `assign_columns`: the table starts again only between
two comparisons, never inside one that another thread is running."""
_FEATURE_ID_LIMIT = 1 << 19   # features kept before the table starts again: a long batch meets new words
#                              forever, and a book leaves a million n-grams that its search has no use for


def _feature_ids(names: Iterable[str]) -> list[int]:
    ids = _FEATURE_IDS
    return [ids.setdefault(name, len(ids)) for name in names]


@lru_cache(maxsize=1 << 17)
def _gram_ids(word: str) -> bytes:
    """The process-wide ids of a word's character n-grams (`ngrams`), as the bytes of an `array("i")`: a side's
    words are joined into one array without a Python object per n-gram."""
    ids = _FEATURE_IDS
    return array("i", [ids.setdefault(gram, len(ids)) for gram in ngrams(word)]).tobytes()


_ID_SIZE = array("i").itemsize


def assign_columns(*sides: "SideTerms") -> int:
    """Turn the feature ids that `collect_terms` gathered for the sides of one comparison into its columns, in
    order of first sight over the sides in turn (each side's numbers and marks, then its words' n-grams), and
    return how many columns there are."""
    streams = [terms for side in sides for terms in (side.number_columns, side.ngram_columns)]
    stream = np.concatenate([np.frombuffer(s, dtype=np.int32) for s in streams if len(s)] or
                            [np.empty(0, np.int32)])
    _, first, inverse = np.unique(stream, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int32)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first), dtype=np.int32)
    local = rank[inverse.reshape(-1)]
    offset = 0
    for side in sides:
        for name in ("number_columns", "ngram_columns"):
            size = len(getattr(side, name))
            setattr(side, name, array("i", local[offset:offset + size].tobytes()))
            offset += size
    if len(_FEATURE_IDS) > _FEATURE_ID_LIMIT:   # between comparisons, never inside one
        _FEATURE_IDS.clear()
        _gram_ids.cache_clear()
    return len(first)


@dataclass
class SideTerms:
    """One side's words and numbers per segment, gathered in one pass over its texts; `counts` turns them into
    n-gram feature counts (each distinct word's n-grams are listed once, not once per occurrence). The feature
    columns are process-wide ids until `assign_columns` makes them the comparison's own."""

    words: array = field(default_factory=lambda: array("i"))
    word_ptr: array = field(default_factory=lambda: array("q", [0]))
    number_columns: array = field(default_factory=lambda: array("i"))
    number_ptr: array = field(default_factory=lambda: array("q", [0]))
    ngram_columns: array = field(default_factory=lambda: array("i"))   # n-gram columns of word 0, 1, ...
    ngram_ptr: array = field(default_factory=lambda: array("q", [0]))
    letters: array = field(default_factory=lambda: array("q"))
    numbers: list[tuple[str, ...]] = field(default_factory=list)   # number keys (values) of each segment
    n_words: int = 0

    def counts(self, width: int) -> Csr:
        """Segments x features: how often each n-gram (through the segment's words) and number occurs."""
        numbers = count_matrix(self.number_columns, self.number_ptr, width)
        if not self.n_words:
            return numbers
        per_word = count_matrix(self.ngram_columns, self.ngram_ptr, width)
        occurrences = count_matrix(self.words, self.word_ptr, self.n_words)
        # one product, no sum of two large matrices: a segment's words count through their n-grams, its numbers
        # and marks through themselves
        return hstack([occurrences, numbers]) @ vstack([per_word, Csr.identity(width)])


def collect_terms(texts: Iterable[str], lang: str | None, word_vocab: Vocabulary) -> SideTerms:
    """One side's words (in its own `word_vocab`), numbers, punctuation marks and letter counts; the feature
    columns come when every side of the comparison is collected (`assign_columns`)."""
    return with_ngrams(text_terms(texts, lang, word_vocab), word_vocab)


def text_terms(texts: Iterable[str], lang: str | None, word_vocab: Vocabulary) -> SideTerms:
    """`collect_terms` but for the words' n-grams: the part that reads every text (see `with_ngrams`)."""
    out = SideTerms()
    for text in texts:
        text_words = words(text)
        keys = tuple(number.key for number in find_numbers(text, lang))
        out.numbers.append(keys)
        out.number_columns.extend(_feature_ids("#" + key for key in keys))
        spelled = written_out_numbers(text, lang, text_words).union(division_numbers(text, text_words))
        if spelled:
            out.number_columns.extend(_feature_ids("#" + key for key in sorted(spelled) if key not in keys))
        marks = punctuation_marks(text)
        if marks:
            out.number_columns.extend(_feature_ids(marks))
        out.number_ptr.append(len(out.number_columns))
        out.words.extend(word_vocab.ids(text_words))
        out.word_ptr.append(len(out.words))
        # in unspaced scripts a word list holds characters and their pairs: count the letters themselves
        out.letters.append(sum(map(len, text_words)) if text.isascii() or not _FROM_THAI_ON.search(text)
                           else letter_count(text))
    return out


def with_ngrams(terms: SideTerms, word_vocab: Vocabulary) -> SideTerms:
    """`terms` with the character n-grams of every word of `word_vocab` (in id order), once a word."""
    grams = list(map(_gram_ids, word_vocab.index))
    terms.ngram_columns = array("i")
    terms.ngram_columns.frombytes(b"".join(grams))
    terms.ngram_ptr = array("q", [0])
    terms.ngram_ptr.extend(accumulate(len(g) // _ID_SIZE for g in grams))
    terms.n_words = len(word_vocab.index)
    return terms


def feature_count() -> int:
    """How many features this process has met (the next one's id)."""
    return len(_FEATURE_IDS)


def feature_names(base: int = 0) -> list[str]:
    """The features met so far by id from `base` on (an id is the order it was first met in): what a worker that
    read one side's texts sends back with its ids, for the parent to turn them into its own."""
    return list(islice(_FEATURE_IDS, base, None))


def own_feature_ids(names: Sequence[str], ids: array, base: int = 0) -> array:
    """Another process's feature ids (`ids`, those from `base` on numbering `names`; those below `base` shared
    with this process, as a fork's are) as this process's."""
    if not len(ids):
        return array("i")
    mapping = np.concatenate((np.arange(base, dtype=np.int32), np.array(_feature_ids(names), dtype=np.int32)))
    return array("i", mapping[np.frombuffer(ids, dtype=np.int32)].tobytes())


# Marks that every script writes in its own form but a translation keeps: a question, an exclamation, a
# quotation, a parenthesis, a colon. Full-width and ASCII forms are one feature.
_PUNCTUATION = {"?": "¶?", "？": "¶?", "¿": "¶?", "؟": "¶?", "!": "¶!", "！": "¶!", "¡": "¶!",
                "“": "¶q", "”": "¶q", "「": "¶q", "」": "¶q", "『": "¶q", "』": "¶q", "«": "¶q", "»": "¶q",
                '"': "¶q", "„": "¶q", "(": "¶(", "（": "¶(", ":": "¶:", "：": "¶:"}
_PUNCTUATION_RE = re.compile("[" + re.escape("".join(_PUNCTUATION)) + "]")


def punctuation_marks(text: str) -> list[str]:
    """The kinds of mark a segment holds, once each, in a fixed order.

    >>> punctuation_marks("他问：“你好吗？”"), punctuation_marks('He asked: "How are you?"')
    (['¶:', '¶?', '¶q'], ['¶:', '¶?', '¶q'])
    """
    return sorted({_PUNCTUATION[c] for c in _PUNCTUATION_RE.findall(text)})


def written_out_numbers(text: str, lang: str | None, text_words: Sequence[str]) -> set[str]:
    """Numbers of two or more written in words (`nine hundred and thirty`): the same feature as the figures
    or characters of the other side (`930`, `九百三十`). One is left out: it is also an article (`un`, `a`)."""
    if (text.isascii() or lang in _NUMBER_WORD_LANGS) and not NUMBER_WORDS.isdisjoint(text_words):
        return {key for key in spelled_numbers(text, lang) if key not in ("0", "1")}
    return set()


def bead_sides(beads: Sequence[tuple[Sequence[int], Sequence[int]]], side: int) -> tuple[np.ndarray, np.ndarray]:
    """One side's segments of every bead (0 source, 1 target): how many each bead has, and all of them in order."""
    sizes = np.fromiter((len(b[side]) for b in beads), dtype=np.int64, count=len(beads))
    segments = np.fromiter(chain.from_iterable(b[side] for b in beads), dtype=np.int64, count=int(sizes.sum()))
    return sizes, segments


def bead_membership(beads: Sequence[tuple[Sequence[int], Sequence[int]]], side: int, n_segments: int,
                    dtype: type = np.float64) -> Csr:
    """Beads x segments 0/1 matrix of one side (0 source, 1 target): times segment vectors, bead vectors."""
    sizes, cols = bead_sides(beads, side)
    rows = np.repeat(np.arange(len(beads), dtype=np.int64), sizes)
    return Csr.from_entries(np.ones(len(rows), dtype=dtype), rows, cols, (len(beads), n_segments))


def bead_dots(beads: Sequence[tuple[Sequence[int], Sequence[int]]], src: Csr, tgt: Csr,
              sides: "tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]] | None" = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per bead, the dot product of its two sides' vectors (each the sum of its segments' rows) and each side's
    squared norm; in C without building the bead vectors where the kernel is built, the same sums either way.
    `sides`: `bead_sides` of both sides when the caller has them."""
    lib = kernel()
    if lib is None or src.dtype != np.float32 or tgt.dtype != np.float32:
        vs = bead_membership(beads, 0, src.shape[0]) @ src
        vt = bead_membership(beads, 1, tgt.shape[0]) @ tgt
        return vs.row_dots(vt), vs.row_dots(vs), vt.row_dots(vt)
    sides = sides or (bead_sides(beads, 0), bead_sides(beads, 1))

    def side(k: int) -> tuple[np.ndarray, np.ndarray]:
        sizes, segments = sides[k]
        return np.concatenate(([0], np.cumsum(sizes))).astype(np.int64), segments

    (sp, ss), (tp, ts) = side(0), side(1)
    a, b = csr_arrays(src), csr_arrays(tgt)
    width = max(1, src.shape[1], tgt.shape[1])
    mark, acc_s, acc_t = np.full(width, -1, np.int64), np.zeros(width), np.zeros(width)
    cols = np.empty(2 * width, np.int32)
    dot, norm_s, norm_t = np.empty(len(beads)), np.empty(len(beads)), np.empty(len(beads))
    lib.bead_dots(len(beads), sp.ctypes.data, ss.ctypes.data, tp.ctypes.data, ts.ctypes.data,
                  *(x.ctypes.data for x in a), *(x.ctypes.data for x in b), mark.ctypes.data, acc_s.ctypes.data,
                  acc_t.ctypes.data, cols.ctypes.data, dot.ctypes.data, norm_s.ctypes.data, norm_t.ctypes.data)
    return dot, norm_s, norm_t


def count_matrix(indices: array, indptr: array, n_cols: int, binary: bool = False) -> Csr:
    """Rows x columns matrix of how often each column occurs in each row (or only whether, with `binary`).

    """
    matrix = Csr.from_rows(np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64), max(1, n_cols))
    return matrix.binary() if binary else matrix


def weight(counts: Csr, idf: np.ndarray) -> Csr:
    """Sublinear term frequency times IDF."""
    return counts.with_data(((1.0 + np.log(counts.data)) * idf[counts.indices]).astype(np.float32))


def idf_weights(src_counts: Csr, tgt_counts: Csr) -> np.ndarray:
    """Inverse document frequency over the segments of both sides (smoothed)."""
    n = src_counts.shape[0] + tgt_counts.shape[0]
    df = np.bincount(src_counts.indices, minlength=src_counts.shape[1]) + \
        np.bincount(tgt_counts.indices, minlength=tgt_counts.shape[1])
    return (np.log((n + 1) / (df + 1)) + 1.0).astype(np.float32)


def band_dots(src: Csr, tgt: Csr, lo: np.ndarray, width: int,
              chunk: int = 512) -> np.ndarray:
    """Dot products of source row r with target rows lo[r] .. lo[r]+width-1 (0 outside the target)."""
    n, m = src.shape[0], tgt.shape[0]
    lib = kernel()
    if lib is not None and src.dtype == np.float32 and tgt.dtype == np.float32:
        # per feature, the target segments the rows reach that have it (sorted), counted from the first
        c0 = int(max(0, lo.min())) if n else 0
        c1 = int(min(m, lo.max() + width)) if n else 0
        a, b = csr_arrays(src), csr_arrays(tgt.rows(c0, max(c0, c1)).T)
        starts = np.ascontiguousarray(np.asarray(lo, dtype=np.int64) - c0)
        out = np.empty((n, width), dtype=np.float32)
        acc = np.empty(max(1, width))
        lib.band_dots(n, width, max(0, c1 - c0), starts.ctypes.data, *(x.ctypes.data for x in a),
                      *(x.ctypes.data for x in b), acc.ctypes.data, out.ctypes.data)
        return out
    out = np.zeros((n, width), dtype=np.float32)
    for r0 in range(0, n, chunk):
        r1 = min(n, r0 + chunk)
        c0 = int(max(0, lo[r0:r1].min()))
        c1 = int(min(m, lo[r0:r1].max() + width))
        if c1 <= c0:
            continue
        block = dot_block(src.rows(r0, r1), tgt, c0, c1)
        cols = lo[r0:r1, None] + np.arange(width)[None, :] - c0
        valid = (cols >= 0) & (cols < c1 - c0)
        rows = np.arange(r1 - r0)[:, None]
        out[r0:r1] = np.where(valid, block[rows, np.clip(cols, 0, max(0, c1 - c0 - 1))], 0.0)
    return out


def dot_block(src: Csr, tgt: Csr, c0: int, c1: int) -> np.ndarray:
    """dot(src row r, target c0 + c) for c < c1 - c0, without the C kernel: scipy's product in double precision
    adds each cell's products in the order of the source row's entries, as the kernel does (so both searches see
    the same costs). The targets' rows are the columns of the feature-by-target matrix: no transpose is made."""
    from scipy import sparse
    span = max(0, c1 - c0)
    if not src.nnz or not tgt.nnz or not span:
        return np.zeros((src.shape[0], span))
    rows = sparse.csr_matrix((src.data.astype(np.float64), src.indices, src.indptr), shape=src.shape)
    part = tgt.rows(c0, c1)
    columns = sparse.csc_matrix((part.data.astype(np.float64), part.indices, part.indptr), shape=(tgt.shape[1], span))
    return (rows @ columns).toarray()


def neighbour_dots(matrix: Csr, max_offset: int, chunk: int = 8192) -> list[np.ndarray]:
    """`out[k][r]` = dot(row r, row r+k) for k = 0..max_offset (zero past the end).

    Read column by column: two rows share a feature where the column's sorted row list holds both, at
    most `max_offset` entries apart, so every near pair is found with a few vectorised passes. Blocks
    of `chunk` rows keep the temporary arrays small.
    """
    n = matrix.shape[0]
    lib = kernel()
    if lib is not None and matrix.dtype == np.float32:
        indptr, indices, data = csr_arrays(matrix)
        rank = np.empty(len(indices), dtype=np.int32)             # scratch for the kernel
        seen = np.zeros(max(1, matrix.shape[1]), dtype=np.int32)
        dots = np.zeros((max_offset + 1, n))
        if lib.neighbour_dots(n, max_offset, indptr.ctypes.data, indices.ctypes.data, data.ctypes.data,
                              rank.ctypes.data, seen.ctypes.data, dots.ctypes.data) == 0:
            return list(dots)
    out = [np.zeros(n) for _ in range(max_offset + 1)]
    for r0 in range(0, n, chunk):
        r1 = min(n, r0 + chunk)
        columns = matrix.rows(r0, min(n, r1 + max_offset)).T    # per feature, the rows that have it, in order
        rows = columns.indices.astype(np.int64)
        values = columns.data.astype(np.float64)
        cols = columns.row_ids()
        own = rows < r1 - r0
        out[0][r0:r1] += np.bincount(rows[own], weights=values[own] ** 2, minlength=r1 - r0)
        for step in range(1, max_offset + 1):
            first, second = slice(0, len(rows) - step), slice(step, len(rows))
            gap = rows[second] - rows[first]
            near = (cols[second] == cols[first]) & (gap <= max_offset) & (rows[first] < r1 - r0)
            products = values[first][near] * values[second][near]
            gap, start = gap[near], rows[first][near]
            for k in range(1, max_offset + 1):
                hit = gap == k
                out[k][r0:r1] += np.bincount(start[hit], weights=products[hit], minlength=r1 - r0)
    return out


def pool(matrix: Csr, factor: int, keep: int = 0) -> Csr:
    """Sum every `factor` consecutive rows: the vectors of a downsampled document.

    With `keep`, each pooled row keeps only its `keep` heaviest features: enough to place blocks,
    and it stops coarse rows from growing denser at every level.
    """
    n = matrix.shape[0]
    groups = (n + factor - 1) // factor
    rows = np.arange(n) // factor
    summer = Csr.from_entries(np.ones(n, dtype=np.float32), rows, np.arange(n), (groups, n))
    pooled = summer @ matrix
    return prune_rows(pooled, keep) if keep else pooled


def prune_rows(matrix: Csr, keep: int) -> Csr:
    """Keep the `keep` largest entries of each row (a deterministic selection among equal weights)."""
    counts = np.diff(matrix.indptr)
    if counts.max(initial=0) <= keep:
        return matrix
    chosen = np.ones(matrix.nnz, dtype=bool)
    for row in np.flatnonzero(counts > keep):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        drop = np.argpartition(-matrix.data[start:end], keep)[keep:]
        chosen[start + drop] = False
    kept = np.concatenate(([0], np.cumsum(chosen)))[matrix.indptr]      # the entries stay in their order
    return Csr(kept.astype(np.int64), matrix.indices[chosen], matrix.data[chosen], matrix.shape)