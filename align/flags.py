"""What a review reports: a flag (type, severity, message) and the spans of text it points at."""
from __future__ import annotations

from dataclasses import dataclass

INFO, WARNING, ERROR = "info", "warning", "error"
SEVERITIES = (INFO, WARNING, ERROR)


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of one segment's text, on the `source` or `target` side."""

    side: str
    segment: str
    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    """One divergence a reviewer should see."""

    type: str
    severity: str
    message: str
    spans: tuple[Span, ...] = ()
