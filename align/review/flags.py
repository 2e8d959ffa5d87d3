"""What a review reports: a flag (type, severity, message) and the spans of text it points at."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from align.text.segment import Segment, Span  # a flag points at spans of segments

__all__ = ["INFO", "WARNING", "ERROR", "SEVERITIES", "Span", "Flag", "ITS_TYPES", "its_type", "whole_spans"]

INFO, WARNING, ERROR = "info", "warning", "error"
SEVERITIES = (INFO, WARNING, ERROR)


@dataclass(frozen=True)
class Flag:
    """One divergence a reviewer should see."""

    type: str
    severity: str
    message: str
    spans: tuple[Span, ...] = ()


def whole_spans(side: str, segments: Sequence[Segment]) -> tuple[Span, ...]:
    """Spans covering each of these segments whole (`side` is "source" or "target")."""
    return tuple(Span(side, s.id, 0, len(s.text)) for s in segments)


ITS_TYPES = {
    "added": "addition", "dropped": "omission", "partial_omission": "omission", "merged_or_split": "other",
    "number_mismatch": "numbers", "entity_mismatch": "inconsistent-entities", "low_similarity": "mistranslation",
    "untranslated": "untranslated", "doubled_word": "duplication", "whitespace": "whitespace",
    "bracket": "typographical", "url_email": "pattern-problem", "placeholder": "markup", "symbol": "typographical",
    "inconsistency": "inconsistency", "terminology": "terminology", "moved": "other",
    "date_mismatch": "mistranslation",
}
"""Each flag type's ITS 2.0 `locQualityIssueType`, as CAT tools and the XLIFF export name it."""


def segment_text(segments: Sequence[Segment], span: Span) -> str:
    """The whole text of the segment of `segments` that a span points into."""
    return next(s.text for s in segments if s.id == span.segment)


def its_type(flag_type: str) -> str:
    """The ITS 2.0 issue type of a flag type (`other` for a type ITS has no word for).

    >>> its_type("dropped"), its_type("doubled_word")
    ('omission', 'duplication')
    """
    return ITS_TYPES.get(flag_type, "other")
