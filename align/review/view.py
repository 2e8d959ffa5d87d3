"""What the review's rules see of one aligned pair (`PairView`), and when two sides share nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from align.review.flags import Flag
from align.search.costs import length_delta
from align.text.lang import script_family
from align.text.segment import Segment

UNRELATED_SIMILARITY = 0.15
"""Below this (a similarity z-score near 0), two sides share no more than two unrelated sentences do."""


@dataclass(frozen=True)
class PairView:
    """What the rules see of one aligned pair: its segments, languages, score and the document's length ratio."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    source_lang: str
    target_lang: str
    score: float
    length_ratio: float
    sides: tuple[str, str] = ("source", "translation")   # what a reader calls each side
    similarity: float = 1.0    # the score from shared content alone (a cut sentence keeps it, a replaced one not)
    lexical: bool = True       # the document pair shared content to compare: scores and similarities mean something
    in_body: bool = False      # the source side comes after the document's first sentence (not its opening lines)
    source_names: frozenset[str] = frozenset()   # words of the names each document writes inside its sentences
    target_names: frozenset[str] = frozenset()
    renamed: frozenset[str] = frozenset()   # source name words the translation renders throughout by its own words
    own_names: frozenset[str] = frozenset()   # and the translation's words for them (le Lapin, le Chapelier)
    target_words: frozenset[str] = frozenset()   # words the translation writes in lower case somewhere: a
    # capitalised word opening one of its sentences that is not among them is likely a name (Li, not Il)

    @property
    def same_script(self) -> bool:
        """Both sides written in one script: a name on one side should then appear as such on the other."""
        return script_family(self.source_lang) == script_family(self.target_lang)

    @property
    def length_delta(self) -> float:
        """How many standard deviations the translation is longer (+) or shorter (-) than expected."""
        src = sum(len(s.text) for s in self.source)
        tgt = sum(len(t.text) for t in self.target)
        return float(length_delta(np.array(float(src)), np.array(float(tgt)), self.length_ratio))


Rule = Callable[[PairView], tuple[Flag, ...]]
