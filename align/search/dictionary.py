"""Bilingual dictionaries shipped with the package: word evidence for the search where a news article is far too
short to learn a lexicon of its own, and across scripts whose character n-grams match nothing.

Across scripts a dictionary leads from the first pass; between texts of one script it joins the second, from 20
first-pass beads on, and in a short document only when the first pass reads as a translation (`search/align.py`). It scores the pairs only
from 100 first-pass beads on, as a learned lexicon does: between two short texts on one topic a dictionary finds
chance pairs, and a wrong file would score as a translation.

- Chinese-English, derived from CC-CEDICT (CC BY-SA 4.0): every headword of one or two characters with the
  English content words of its senses, English words matched through their dictionary forms (`said` -> `say`),
  and every character's readings without tones, so that a name in pinyin (`Jinping`, `Xinhua`) meets its
  characters.
- English-French (FreeDict eng-fra and fra-eng, GPL-2.0-or-later) and German-French (FreeDict/WikDict deu-fra
  and fra-deu, CC BY-SA 3.0): single-word translations, both words cut to their first `PREFIX` letters
  (accents and case dropped), which stands for the inflections and derivations a table of lemmas lacks.

`benchmarks/dictionary.py` builds the tables and measures what they give.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from align.search.lexicon import WordPairs
from align.text.inflections import english_lemmas
from align.text.pinyin import readings
from align.text.tables import shipped_file, shipped_table

MIN_JOINED_READING = 5
"""Letters a name spelt as two characters' readings must have (`jinping`, `xinhua`): shorter joins are English
words too often (`he` + `n`...)."""

PREFIX = 6
"""Letters a word of a prefix table is cut to (`benchmarks/dictionary.py measure`, with the dictionary from the
first pass on, English-French: 4 letters 0.907 / 0.923 on 20-bead pieces / whole documents, 5 letters 0.909 /
0.929, 6 letters 0.909 / 0.933; German-French 0.941 / 0.914, 0.935 / 0.939, 0.940 / 0.947)."""


CEDICT_STRENGTH = 1.0
"""What a Chinese-English pair weighs, on the scale of a learned pair's Dice strength (0.4 to 1): 20-bead Bible
pieces 0.975 at 0.25, 0.983 at 0.5, 0.985 at 1 and at 2."""

PREFIX_STRENGTH = 0.5
"""The same for a prefix table's pair (20-bead pieces / whole documents, measured before the 20-bead rule):
English-French 0.891 / 0.921 at 0.25, 0.920 / 0.930 at 0.5, 0.923 / 0.930 at 1; German-French 0.926 / 0.952,
0.942 / 0.957, 0.928 / 0.938."""

MAX_PARTNERS = 4
"""A prefix table's pairs of a word with more partners than this in a document are left out (20-bead pieces /
whole, English-French; German-French): none 0.914 / 0.930, 0.942 / 0.947; 8: 0.915 / 0.932, 0.942 / 0.947; 6: 0.915
/ 0.928, 0.942 / 0.948; 4: 0.920 / 0.930, 0.942 / 0.957; 3: 0.918 / 0.929, 0.938 / 0.953. Chinese-English loses by
any (4: 0.980 / 0.972 against 0.984 / 0.978): there a character is a word of several senses by nature."""


@dataclass(frozen=True)
class Table:
    """One shipped dictionary: its kind (`cedict` or `prefix`), the language whose words are its keys, and its
    files."""

    kind: str
    first: str
    words: str


_TABLES = {
    frozenset(("zh", "en")): Table("cedict", "zh", "cedict-zh-en.npz"),
    frozenset(("en", "fr")): Table("prefix", "en", "freedict-en-fr.tsv.gz"),
    frozenset(("de", "fr")): Table("prefix", "de", "freedict-de-fr.tsv.gz"),
}


def has_dictionary(source_lang: str | None, target_lang: str | None) -> bool:
    """Whether a dictionary ships for this language pair (either direction)."""
    return frozenset((source_lang, target_lang)) in _TABLES


def word_key(word: str) -> int:
    """A headword of one or two characters as one integer, the order of the shipped table's keys.

    >>> word_key("说"), word_key("儿子") == (ord("儿") << 21) + ord("子")
    (35828, True)
    """
    return ord(word) if len(word) == 1 else (ord(word[0]) << 21) + ord(word[1])


@dataclass(frozen=True)
class _Senses:
    """A shipped word table: sorted headword keys, and each one's English words in one ASCII text."""

    keys: np.ndarray
    offsets: np.ndarray
    words: bytes

    def lookup(self, vocab: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """The English words of every word of `vocab` the table holds (words of one or two characters)."""
        asked = [w for w in vocab if 0 < len(w) <= 2 and not w.isascii()]
        if not asked:
            return {}
        keys = np.fromiter(map(word_key, asked), dtype=np.int64, count=len(asked))
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        hit = self.keys[at] == keys
        starts, ends = self.offsets[at[hit]].tolist(), self.offsets[at[hit] + 1].tolist()
        return {w: tuple(self.words[a:b].decode("ascii").split())
                for w, a, b in zip((w for w, h in zip(asked, hit.tolist()) if h), starts, ends)}


@lru_cache(maxsize=None)
def _senses(name: str) -> _Senses:
    with shipped_file(name) as stream:
        with np.load(stream, allow_pickle=False) as table:
            return _Senses(table["keys"], table["offsets"], table["words"].tobytes())


def dictionary_pairs(source_lang: str | None, target_lang: str | None, src_vocab: Sequence[str],
                     tgt_vocab: Sequence[str]) -> WordPairs:
    """The shipped dictionary's pairs whose two words occur in this document (source word first); empty where
    no dictionary ships for the language pair."""
    table = _TABLES.get(frozenset((source_lang, target_lang)))
    if table is None:
        return WordPairs()
    flipped = source_lang != table.first
    first_vocab, second_vocab = (tgt_vocab, src_vocab) if flipped else (src_vocab, tgt_vocab)
    found = (_cedict_pairs if table.kind == "cedict" else _prefix_pairs)(table, first_vocab, second_vocab)
    if table.kind == "prefix":
        # a word with more partners than this in the document is a function word, or its cut beginning stands
        # for too many words: its pairs are noise, and a long document's largest feature columns
        first_count, second_count = Counter(a for a, _ in found), Counter(b for _, b in found)
        found = {(a, b) for a, b in found if first_count[a] <= MAX_PARTNERS and second_count[b] <= MAX_PARTNERS}
    strength = CEDICT_STRENGTH if table.kind == "cedict" else PREFIX_STRENGTH
    pairs = sorted((b, a) if flipped else (a, b) for a, b in found)
    return WordPairs(tuple((s, t, strength) for s, t in pairs))


def _cedict_pairs(table: Table, chinese_vocab: Sequence[str], english_vocab: Sequence[str]) -> set[tuple[str, str]]:
    """(Chinese word, English word) pairs of CC-CEDICT's table found in the two vocabularies."""
    by_lemma: dict[str, list[str]] = {}
    for word in english_vocab:
        if word.isascii():
            for lemma in english_lemmas(word):
                by_lemma.setdefault(lemma, []).append(word)
    senses = _senses(table.words).lookup(chinese_vocab)
    found: set[tuple[str, str]] = set()
    for word in chinese_vocab:
        for lemma in senses.get(word, ()):
            found.update((word, english) for english in by_lemma.get(lemma, ()))
        if len(word) == 2:
            for first in readings(word[0]):
                for second in readings(word[1]):
                    joined = first + second
                    if len(joined) >= MIN_JOINED_READING:
                        found.update((word, english) for english in by_lemma.get(joined, ()))
    return found


def _prefix_keys(word: str) -> tuple[str, ...]:
    """The entries of a prefix table a word may stand for: its first `PREFIX` letters, or a short word less one
    or two final letters (`houses` for `house`, `chats` for `chat`).

    >>> _prefix_keys("maisons"), _prefix_keys("houses"), _prefix_keys("cat")
    (('maison',), ('houses', 'house', 'hous'), ('cat',))
    """
    if len(word) > PREFIX:
        return (word[:PREFIX],)
    return tuple(dict.fromkeys([word] + [word[:-k] for k in (1, 2) if len(word) - k >= 3]))


def _prefix_pairs(table: Table, first_vocab: Sequence[str], second_vocab: Sequence[str]) -> set[tuple[str, str]]:
    """Word pairs of the two vocabularies whose beginnings (`_prefix_keys`) a prefix table pairs."""
    translations = shipped_table(table.words)
    by_key: dict[str, list[str]] = {}
    for word in second_vocab:
        for key in _prefix_keys(word):
            by_key.setdefault(key, []).append(word)
    found: set[tuple[str, str]] = set()
    for word in first_vocab:
        for key in _prefix_keys(word):
            for other in translations.get(key, "").split():
                found.update((word, second) for second in by_key.get(other, ()))
    return found
