"""Sentence alignment and translation review: `align_documents`, `split_document` and the report API.

Importing the package does no work; heavy modules load when their function is first used.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "AlignError": "align.errors",
    "Segment": "align.segment",
    "split_document": "align.segment",
    "split_sentences": "align.segment",
    "detect_language": "align.lang",
    "read_document": "align.load",
    "Bead": "align.dp",
    "Options": "align.align",
    "Alignment": "align.align",
    "align_documents": "align.align",
    "align_segments": "align.align",
    "Review": "align.review",
    "Pair": "align.review",
    "review_documents": "align.review",
    "review_alignment": "align.review",
    "Flag": "align.flags",
    "Span": "align.flags",
    "write_review": "align.report.write",
    "Comparison": "align.compare",
    "compare_documents": "align.compare",
    "check_text": "align.check",
    "compare_corpus": "align.corpus",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")
