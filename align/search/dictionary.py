"""Bilingual dictionaries shipped with the package: word evidence from the first pass on, for a language pair
whose scripts share nothing (Chinese and English), where a news article is far too short to learn a lexicon of
its own and character n-grams match nothing across the scripts.

The Chinese-English table is derived from CC-CEDICT (CC BY-SA 4.0; `benchmarks/dictionary.py` builds it): every
headword of one or two characters with the English content words of its senses, and every character's readings
without tones, so that a name written in pinyin (`Jinping`, `Xinhua`) pairs with its characters.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np

from align.search.lexicon import WordPairs
from align.text.inflections import english_lemmas

STRENGTH = 1.0
"""What a dictionary pair weighs, on the scale of a learned pair's Dice strength (0.4 to 1): the Chinese-English
development pair cut into 20-bead pieces, 0.975 at 0.25, 0.983 at 0.5, 0.985 at 1, 0.985 at 2."""

MIN_JOINED_READING = 5
"""Letters a name spelt as two characters' readings must have (`jinping`, `xinhua`): shorter joins are English
words too often (`he` + `n`...)."""

_TABLES = {frozenset(("zh", "en")): ("zh", "cedict-zh-en.npz", "cedict-pinyin.tsv.gz")}


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
    with resources.files("align").joinpath("data", name).open("rb") as stream:
        with np.load(stream, allow_pickle=False) as table:
            return _Senses(table["keys"], table["offsets"], table["words"].tobytes())


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, tuple[str, ...]]:
    """A shipped table, key -> its words (read from the package's own data once a process)."""
    text = gzip.decompress(resources.files("align").joinpath("data", name).read_bytes()).decode("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, words = line.partition("\t")
            out[key] = tuple(words.split())
    return out


def dictionary_pairs(source_lang: str | None, target_lang: str | None, src_vocab: Sequence[str],
                     tgt_vocab: Sequence[str]) -> WordPairs:
    """The shipped dictionary's pairs whose two words occur in this document (source word first), English words
    matched through their possible lemmas; empty where no dictionary ships for the pair."""
    names = _TABLES.get(frozenset((source_lang, target_lang)))
    if names is None:
        return WordPairs()
    foreign, words_file, readings_file = names
    flipped = source_lang != foreign
    other_vocab, english_vocab = (tgt_vocab, src_vocab) if flipped else (src_vocab, tgt_vocab)
    by_lemma: dict[str, list[str]] = {}
    for word in english_vocab:
        if word.isascii():
            for lemma in english_lemmas(word):
                by_lemma.setdefault(lemma, []).append(word)
    senses, readings = _senses(words_file).lookup(other_vocab), _table(readings_file)
    found: set[tuple[str, str]] = set()
    for word in other_vocab:
        for lemma in senses.get(word, ()):
            found.update((word, english) for english in by_lemma.get(lemma, ()))
        if len(word) == 2:
            for first in readings.get(word[0], ()):
                for second in readings.get(word[1], ()):
                    joined = first + second
                    if len(joined) >= MIN_JOINED_READING:
                        found.update((word, english) for english in by_lemma.get(joined, ()))
    pairs = sorted((english, other) if flipped else (other, english) for other, english in found)
    return WordPairs(tuple((s, t, STRENGTH) for s, t in pairs))
