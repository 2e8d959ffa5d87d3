"""Sanity of a document pair as a whole: what a reviser should hear before reading a single pair.

Each check returns warnings (sentences) for the top of every report and for `align: warning:` on stderr: two
texts in one language, documents that do not look like translations of each other, languages given that the
texts contradict. The exit code stays 0: the review is still made, and may still be what the user wanted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from align.text.lang import UNDETERMINED, detect_language
from align.text.tags import primary_language

SAME_LANGUAGE, NOT_TRANSLATIONS, LANGUAGE_MISMATCH = "same_language", "not_translations", "language_mismatch"


@dataclass(frozen=True)
class Doubt:
    """A warning about the document pair as a whole: its kind (one of the three above) and its message."""

    kind: str
    message: str

    def __str__(self) -> str:
        return self.message


UNTRUSTED = frozenset((SAME_LANGUAGE, NOT_TRANSLATIONS, LANGUAGE_MISMATCH))
"""Doubts under which no pair goes into a translation memory by default (with languages that contradict the
texts, every unit would carry the wrong `xml:lang`)."""

NOT_TRANSLATIONS_SHARE = 0.6
NOT_TRANSLATIONS_MEAN = 0.4
"""More pairs than this share scoring below the review's low score, and a mean score below this: the
documents do not read as translations of each other. Measured (`benchmarks/review_checks.py` and the seeds):
the loosest real translation of the dev suite has 0.64 of its pairs low with a mean of 0.48; wrong files
(seed 002, 003 or 004 against 000) have 0.67-0.90 low with means of 0.21-0.33."""
NOT_TRANSLATIONS_MIN_PAIRS = 4


def language_warnings(source_text: str, target_text: str, source_tag: str | None, target_tag: str | None,
                      sides: tuple[str, str] = ("source", "translation")) -> tuple[Doubt, ...]:
    """Languages given that the texts contradict, and two sides in one language."""
    warnings = []
    detected = (detect_language(source_text), detect_language(target_text))
    given = (primary_language(source_tag), primary_language(target_tag))
    for side, tag, lang, found in zip(sides, (source_tag, target_tag), given, detected):
        if lang and found != UNDETERMINED and lang != found and lang != UNDETERMINED:
            warnings.append(Doubt(LANGUAGE_MISMATCH, f"The {side} is given as {tag} but reads as {found}: check "
                                                     f"the language options (swapped?); rules for numbers and names "
                                                     f"follow the language given."))
    effective = tuple(g or d for g, d in zip(given, detected))
    if sides[0] == "source" and effective[0] == effective[1] and effective[0] != UNDETERMINED:
        warnings.append(Doubt(SAME_LANGUAGE, f"Both sides are in {effective[0]}: this is not a translation. To "
                                             f"compare two versions of one text (a machine translation and its "
                                             f"post-edit), use `align compare`."))
    if sides[0] != "source" and detected[0] != detected[1] and UNDETERMINED not in detected:
        warnings.append(Doubt(LANGUAGE_MISMATCH, f"The {sides[0]} reads as {detected[0]} and the {sides[1]} as "
                                                 f"{detected[1]}: a comparison needs two texts in one language (for a "
                                                 f"translation, use `align report`)."))
    return tuple(warnings)


def pair_score_warnings(scores: Sequence[float], low_score: float, lexical: bool = True) -> tuple[Doubt, ...]:
    """Most pairs scoring low: the documents may not be translations of each other (a wrong file)."""
    if not lexical or len(scores) < NOT_TRANSLATIONS_MIN_PAIRS:
        return ()   # with nothing shared to compare, every score is low: the length-only note says so
    low = sum(score < low_score for score in scores)
    if low / len(scores) <= NOT_TRANSLATIONS_SHARE or sum(scores) / len(scores) >= NOT_TRANSLATIONS_MEAN:
        return ()
    return (Doubt(NOT_TRANSLATIONS, f"{low} of {len(scores)} pairs score below {low_score}: the documents do not "
                                    f"look like translations of each other (a wrong file, or another version of "
                                    f"the text?)."),)
