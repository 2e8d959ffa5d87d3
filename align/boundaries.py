"""Where a bead boundary would cut what belongs together: a parenthesis, a sentence, or a name or number
that the translation moved across the boundary.

Segmenters cut citations and long sentences at colons, semicolons and abbreviations, and a translation
joins or re-cuts them; these cues tell the search where a boundary between two beads is unlikely.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from typing import Sequence

import numpy as np
from scipy import sparse

from align.lang import strip_accents
from align.dp import Band
from align.numbers import find_numbers

# A word of four letters or more; it can anchor content when one side writes it with a capital (a name,
# or a German noun whose French cognate is the same word) or when it is a number.
# Words as anchors compare them: a hyphenated compound (`Sherpa-Liste`) is one word, so its parts do not
# match common nouns on the other side; an elided article (`l’Everest`) is not part of the word.
_TOKEN = re.compile(r"[\w-]+")


def open_parenthesis(texts: Sequence[str], window: int = 3) -> np.ndarray:
    """Per segment, 1.0 where it opens a parenthesis that one of the next `window` segments closes.

    Segmenters split citations and asides at colons and abbreviations (`( Zürich :`, `Benno Schwabe 1935 ) .`);
    a bead boundary there cuts one sentence in two.

    >>> open_parenthesis(["See ( Basel :", "Schwabe 1935 ) .", "Next ."]).tolist()
    [1.0, 0.0, 0.0]
    """
    balance = np.array([t.count("(") - t.count(")") for t in texts], dtype=np.int64)
    out = np.zeros(len(texts))
    for k in map(int, np.flatnonzero(balance > 0)):
        depth = int(balance[k])
        for end in range(k + 1, min(len(texts), k + 1 + window)):
            depth += int(balance[end])
            if depth <= 0:
                out[k:end] = 1.0
                break
    return out


def clause_goes_on(texts: Sequence[str]) -> np.ndarray:
    """Per segment, 1.0 where its sentence goes on in the next one: it ends with `;` or the next starts in lower case.

    Segmenters split long sentences at semicolons and after abbreviations; a translation often joins
    what was split (or splits elsewhere), so a bead boundary there is less likely than after a full stop.

    >>> clause_goes_on(["Il neige ;", "le camp est loin .", "Der Berg ( B .", "ca. 5 m ) .", "Ende ."]).tolist()
    [1.0, 0.0, 1.0, 0.0, 0.0]
    """
    out = np.zeros(len(texts))
    for k, text in enumerate(texts):
        following = texts[k + 1].lstrip()[:1] if k + 1 < len(texts) else ""
        if text.rstrip().endswith(";") or following.islower():
            out[k] = 1.0
    return out


Anchors = tuple[frozenset[str], frozenset[str]]
"""A segment's words (accents and case dropped) and the names and numbers among them that can anchor it."""


def anchors(text: str, lang: str | None = None, number_keys: Sequence[str] | None = None) -> Anchors:
    """Words of a segment, and those that can anchor it: capitalised words of four letters or more and
    numbers (by value, so `32,5` in French is `32.5` in English). `number_keys` saves finding the numbers
    again when the caller has them.

    >>> words, names = anchors("Erstersteigung 1933 durch B.M . Sherpa-Liste", "de")
    >>> sorted(names), sorted(words)
    (['#1933', 'erstersteigung', 'sherpa-liste'], ['#1933', '1933', 'b', 'durch', 'erstersteigung', 'm', 'sherpa-liste'])
    """
    if number_keys is None:
        number_keys = [n.key for n in find_numbers(text, lang)]
    numbers = frozenset("#" + key for key in number_keys if len(key.strip(".%")) >= 2)
    tokens = _TOKEN.findall(text)
    words = frozenset(map(_fold, tokens))
    names = frozenset([_fold(t) for t in tokens if len(t) >= 4 and t[0].isupper()])
    return words | numbers, names | numbers


def shared_anchors(src: Sequence[Anchors], tgt: Sequence[Anchors]) -> tuple[tuple[Anchors, ...], tuple[Anchors, ...]]:
    """Both sides' anchors cut down to the names and numbers found on both sides: the only ones that can
    cross a boundary (a long document's full word sets would take hundreds of megabytes).

    >>> src, tgt = shared_anchors([anchors("Abalakow kam 1933 .")], [anchors("Abalakow vint .")])
    >>> sorted(src[0][0]), sorted(tgt[0][1])
    (['abalakow'], ['abalakow'])
    """
    named = frozenset().union(*(a[1] for a in src), *(a[1] for a in tgt))
    keep = named & frozenset().union(*(a[0] for a in src)) & frozenset().union(*(a[0] for a in tgt))

    def cut(side: Sequence[Anchors]) -> tuple[Anchors, ...]:
        return tuple((words & keep, names & keep) for words, names in side)
    return cut(src), cut(tgt)


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    return strip_accents(word)


def crossing_anchors(src: Sequence[Anchors], tgt: Sequence[Anchors], max_count: int = 20,
                     max_share: float = 0.04, band: Band | None = None) -> sparse.csr_matrix:
    """(n+1) x (m+1) counts: at cell (i, j), how many names or numbers a bead boundary there would separate.

    A boundary after i source and j target segments separates an anchor when it stands in the next source
    segment and the last target segment before the boundary (or the last source and the next target), and
    in neither segment across from those: the translation moved it over the boundary, so the boundary is
    in the wrong place. A word anchors when one side capitalises it; one found in more than `max_count`
    segments of a side (or `max_share` of them, in a long document) is too common to tell. `src` and `tgt`
    hold each segment's `anchors`. With a `band`, only the cells the search will visit are counted.

    >>> src = [anchors("Erstersteigung 1933 durch B.M ."), anchors("Abalakow , seitdem besucht .")]
    >>> tgt = [anchors("première ascension en 1933 par E. M. Abalakow ."), anchors("Souvent visité depuis .")]
    >>> int(crossing_anchors(src, tgt)[1, 1])
    1
    """
    n, m = len(src), len(tgt)
    src_words, src_names = [a[0] for a in src], [a[1] for a in src]
    tgt_words, tgt_names = [a[0] for a in tgt], [a[1] for a in tgt]
    src_at: dict[str, list[int]] = defaultdict(list)
    tgt_at: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(src_words):
        for token in found:
            src_at[token].append(i)
    for j, found in enumerate(tgt_words):
        for token in found:
            tgt_at[token].append(j)
    named = set().union(*src_names, *tgt_names)
    band = band or Band.full(n, m)
    common = max(max_count, max_share * max(n, m))
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for token in sorted(src_at.keys() & tgt_at.keys() & named):
        ps, qs = src_at[token], tgt_at[token]   # both in increasing order
        if len(ps) > common or len(qs) > common:
            continue
        for p in ps:
            # the two cells this pair can mark are (p, q + 1) and (p + 1, q): only targets in their rows' band
            first = bisect_left(qs, int(band.lo[p]) - 1)
            last = bisect_right(qs, int(band.hi[min(p + 1, n)]))
            for q in qs[first:last]:
                if token not in src_names[p] and token not in tgt_names[q]:
                    continue
                # the source segment after the boundary holds it, the target segment before it does too
                if (p == 0 or token not in src_words[p - 1]) and (q + 1 >= m or token not in tgt_words[q + 1]):
                    cells[p, q + 1] += 1
                # the source segment before the boundary, the target segment after it
                if (p + 1 >= n or token not in src_words[p + 1]) and (q == 0 or token not in tgt_words[q - 1]):
                    cells[p + 1, q] += 1
    if not cells:
        return sparse.csr_matrix((n + 1, m + 1), dtype=np.float64)
    keys = sorted(cells)
    rows = np.array([k[0] for k in keys], dtype=np.int64)
    cols = np.array([k[1] for k in keys], dtype=np.int64)
    values = np.array([cells[k] for k in keys], dtype=np.float64)
    return sparse.csr_matrix((values, (rows, cols)), shape=(n + 1, m + 1))
