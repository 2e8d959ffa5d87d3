"""Where a bead boundary would cut what belongs together: a parenthesis, a sentence, or a name or number
that the translation moved across the boundary.

Segmenters cut citations and long sentences at colons, semicolons and abbreviations, and a translation
joins or re-cuts them; these cues tell the search where a boundary between two beads is unlikely.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from align.text.lang import strip_accents
from align.search.csr import Csr
from align.search.dp import Band
from align.text.numbers import find_numbers

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
    """Per segment, 1.0 where its sentence goes on in the next one: it ends with `;` (`；`) or the next starts in
    lower case.

    Segmenters split long sentences at semicolons and after abbreviations; a translation often joins
    what was split (or splits elsewhere), so a bead boundary there is less likely than after a full stop.

    >>> clause_goes_on(["Il neige ;", "le camp est loin .", "Der Berg ( B .", "ca. 5 m ) .", "Ende ."]).tolist()
    [1.0, 0.0, 1.0, 0.0, 0.0]
    """
    out = np.zeros(len(texts))
    for k, text in enumerate(texts):
        following = texts[k + 1].lstrip()[:1] if k + 1 < len(texts) else ""
        if text.rstrip().endswith((";", "；")) or following.islower():
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


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    return strip_accents(word)


@dataclass(frozen=True)
class Occurrences:
    """Where one name or number stands: the segments of each side holding it, and those that write it as
    a name (capitalised) or a number."""

    src: tuple[int, ...]
    src_named: frozenset[int]
    tgt: tuple[int, ...]
    tgt_named: frozenset[int]


@dataclass(frozen=True)
class AnchorIndex:
    """The names and numbers both sides share, with where they stand: built once per document pair, then
    asked for the crossings inside each band the search visits."""

    n: int
    m: int
    anchors: tuple[Occurrences, ...]

    @staticmethod
    def build(src: Sequence[Anchors], tgt: Sequence[Anchors], max_count: int = 20,
              max_share: float = 0.04) -> "AnchorIndex":
        """Index the anchors of both sides; one found in more than `max_count` segments of a side (or
        `max_share` of them, in a long document) is too common to tell."""
        n, m = len(src), len(tgt)
        named: set[str] = set()
        for _, names in (*src, *tgt):
            named |= names

        def where(side: Sequence[Anchors]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
            at: dict[str, list[int]] = defaultdict(list)
            named_at: dict[str, list[int]] = defaultdict(list)
            for index, (words, names) in enumerate(side):
                for token in words & named:
                    at[token].append(index)
                for token in names:
                    named_at[token].append(index)
            return at, named_at

        (src_at, src_named), (tgt_at, tgt_named) = where(src), where(tgt)
        common = max(max_count, max_share * max(n, m))
        found = tuple(Occurrences(tuple(src_at[t]), frozenset(src_named.get(t, ())), tuple(tgt_at[t]),
                                  frozenset(tgt_named.get(t, ())))
                      for t in sorted(src_at.keys() & tgt_at.keys())
                      if len(src_at[t]) <= common and len(tgt_at[t]) <= common)
        return AnchorIndex(n, m, found)

    def crossings(self, band: Band | None = None) -> Csr:
        """(n+1) x (m+1) counts: at cell (i, j), how many names or numbers a bead boundary there would separate
        (only inside `band`, when given: the cells the search will visit).

        A boundary after i source and j target segments separates an anchor when it stands in the next source
        segment and the last target segment before the boundary (or the last source and the next target),
        and in neither segment across from those: the translation moved it over the boundary, so the
        boundary is in the wrong place.

        >>> src = [anchors("Erstersteigung 1933 durch B.M ."), anchors("Abalakow , seitdem besucht .")]
        >>> tgt = [anchors("première ascension en 1933 par E. M. Abalakow ."), anchors("Souvent visité depuis .")]
        >>> int(AnchorIndex.build(src, tgt).crossings()[1, 1])
        1
        """
        n, m = self.n, self.m
        band = band or Band.full(n, m)
        cells: dict[tuple[int, int], int] = defaultdict(int)
        for anchor in self.anchors:
            ps, qs = anchor.src, anchor.tgt        # both in increasing order
            in_src, in_tgt = set(ps), set(qs)
            for p in ps:
                # the two cells this pair can mark are (p, q + 1) and (p + 1, q): only targets in their rows' band
                first = bisect_left(qs, int(band.lo[p]) - 1)
                last = bisect_right(qs, int(band.hi[min(p + 1, n)]))
                for q in qs[first:last]:
                    if p not in anchor.src_named and q not in anchor.tgt_named:
                        continue
                    # the source segment after the boundary holds it, the target segment before it does too
                    if p - 1 not in in_src and q + 1 not in in_tgt:
                        cells[p, q + 1] += 1
                    # the source segment before the boundary, the target segment after it
                    if p + 1 not in in_src and q - 1 not in in_tgt:
                        cells[p + 1, q] += 1
        if not cells:
            return Csr.empty(n + 1, m + 1, np.float64)
        keys = sorted(cells)
        rows = np.array([k[0] for k in keys], dtype=np.int64)
        cols = np.array([k[1] for k in keys], dtype=np.int64)
        values = np.array([cells[k] for k in keys], dtype=np.float64)
        return Csr.from_entries(values, rows, cols, (n + 1, m + 1))

