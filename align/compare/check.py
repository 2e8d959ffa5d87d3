"""Reference-free checks for what machine translation and scraping leave behind in a text.

Each detector looks at one segment (or one paragraph, for quotes that span sentences) and returns
`Issue`s: fragments cut off their sentence, sentences starting in lower case, empty slots, unbalanced
quotes and brackets, doubled words, mojibake, leftover URLs and tracking text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Sequence

from align.review.flags import ERROR, INFO, WARNING
from align.text.segment import HEADING, META, SENTENCE, Segment, split_document


@dataclass(frozen=True)
class Issue:
    """A problem in one segment: `start:end` within its text."""

    segment_id: str
    type: str
    severity: str
    message: str
    start: int
    end: int


_OPENERS = "\"'“‘«(["
_FUNCTION_WORD_BEFORE_STOP = re.compile(
    r"\b(?:of|the|a|an|to|for|with|by|from|in|on|at|and|or|as|than|de|la|le|les|du|des|et|der|die|das|und|von)"
    r"\s*(?=[.,;:!?][\"”’»)]?(?:\s|$))", re.IGNORECASE)
_EMPTY_PAIR = re.compile(r"\(\s*\)|\[\s*\]|“\s*”|«\s*»|\"\s*\"")
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})\s+\1\b", re.IGNORECASE)
_LEGIT_DOUBLES = frozenset({"that", "had", "is", "nous", "vous", "die", "das"})
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ“”˜]?|Â[\u00a0-\u00bf]|\ufffd|Ã©|Ã¨")
_URL = re.compile(r"https?://\S+|\bwww\.\S+|\butm_[a-z]+=\S*|\bfbclid=\S*", re.IGNORECASE)
_PAIRS = {"“": "”", "«": "»", "(": ")", "[": "]", "‘": "’"}


def _starts_lower(text: str) -> bool:
    first = text.lstrip(_OPENERS + " ")[:1]
    return first.isalpha() and first.islower()


def fragments(seg: Segment) -> list[Issue]:
    """A short piece cut off its sentence (`needed, they added.`), or a longer sentence starting in lower case."""
    if seg.kind != SENTENCE:
        return []
    text = seg.text
    letters = sum(c.isalpha() for c in text)
    if letters == 0:
        return [Issue(seg.id, "fragment", WARNING, "Stray punctuation with no words: debris of a split sentence.",
                      0, len(text))]
    if not _starts_lower(text):
        return []
    if len(text.split()) <= 6:
        return [Issue(seg.id, "fragment", WARNING, "Fragment cut off its sentence: it starts in lower case and is "
                                                   "too short to stand alone; it belongs to a neighbour.", 0, len(text))]
    return [Issue(seg.id, "lowercase_start", WARNING, "Sentence starts in lower case: its beginning may be missing "
                                                      "or it was split from the previous one.", 0, len(text))]


def empty_slots(seg: Segment) -> list[Issue]:
    """A word that needs a complement right before the full stop (`the value of .`), or empty brackets/quotes."""
    if seg.kind not in (SENTENCE, HEADING):
        return []
    found = [Issue(seg.id, "empty_slot", ERROR, f"Empty slot: “{m.group().strip()}” is followed by nothing; a word "
                                                f"or name is missing here.", m.start(), m.end())
             for m in _FUNCTION_WORD_BEFORE_STOP.finditer(seg.text)]
    found += [Issue(seg.id, "empty_slot", ERROR, "Empty brackets or quotes: their content is missing.",
                    m.start(), m.end()) for m in _EMPTY_PAIR.finditer(seg.text)]
    return found


def doubled_words(seg: Segment) -> list[Issue]:
    return [Issue(seg.id, "doubled_word", WARNING, f"Doubled word “{m.group(1)}”.", m.start(), m.end())
            for m in _DOUBLED.finditer(seg.text) if m.group(1).lower() not in _LEGIT_DOUBLES]


def mojibake(seg: Segment) -> list[Issue]:
    return [Issue(seg.id, "mojibake", ERROR, "Garbled characters (text decoded with the wrong encoding).",
                  m.start(), m.end()) for m in _MOJIBAKE.finditer(seg.text)]


def leftovers(seg: Segment) -> list[Issue]:
    """URLs and tracking parameters: in a source list they are information, inside prose a scraping leftover."""
    severity = INFO if seg.kind == META else WARNING
    return [Issue(seg.id, "leftover_url", severity, "Leftover URL or tracking text from the web page.",
                  m.start(), m.end()) for m in _URL.finditer(seg.text)]


def unbalanced(paragraph: Sequence[Segment]) -> list[Issue]:
    """Quotes and brackets opened and never closed, or closed and never opened, within a paragraph."""
    issues, stack = [], []
    for seg in paragraph:
        for k, ch in enumerate(seg.text):
            if ch in _PAIRS:
                stack.append((seg, k, ch))
            elif ch in _PAIRS.values():
                opener = next((o for o, c in _PAIRS.items() if c == ch), "")
                if stack and stack[-1][2] == opener:
                    stack.pop()
                elif ch != "’":  # ’ is also the apostrophe
                    issues.append(Issue(seg.id, "unbalanced", WARNING, f"The mark {ch} closes something that was never "
                                                                       f"opened.", k, k + 1))
    for seg, k, ch in stack:
        if ch != "‘":
            issues.append(Issue(seg.id, "unbalanced", WARNING, f"The mark {ch} is opened and never closed.", k, k + 1))
    return issues


SEGMENT_CHECKS: tuple[Callable[[Segment], list[Issue]], ...] = (fragments, empty_slots, doubled_words, mojibake,
                                                                 leftovers)


def check_segments(segments: Sequence[Segment]) -> tuple[Issue, ...]:
    """Every issue, in document order."""
    issues = [i for seg in segments for check in SEGMENT_CHECKS for i in check(seg)]
    for _, paragraph in groupby(segments, key=lambda s: s.paragraph):
        issues += unbalanced(list(paragraph))
    order = {s.id: k for k, s in enumerate(segments)}
    return tuple(sorted(issues, key=lambda i: (order[i.segment_id], i.start, i.type)))


def check_text(text: str, lang: str | None = None, presegmented: bool = False) -> tuple[tuple[Segment, ...],
                                                                                        tuple[Issue, ...]]:
    """Segment a text and check it.

    >>> _, issues = check_text("Growth is needed. needed, they added. It is the value of .”", "en")
    >>> [(i.segment_id, i.type) for i in issues]
    [('s1', 'fragment'), ('s2', 'empty_slot'), ('s2', 'unbalanced')]
    """
    segments = split_document(text, lang, doc="s", presegmented=presegmented)
    return segments, check_segments(segments)
