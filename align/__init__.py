"""Sentence alignment and translation review: `align_documents`, `split_document` and the report API.

Importing the package does no work; heavy modules load when their function is first used.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "AlignError": "align.errors",
    "Segment": "align.text.segment",
    "split_document": "align.text.segment",
    "split_sentences": "align.text.segment",
    "detect_language": "align.text.lang",
    "read_document": "align.text.load",
    "Bead": "align.search.dp",
    "Options": "align.search.align",
    "Alignment": "align.search.align",
    "align_documents": "align.search.align",
    "align_segments": "align.search.align",
    "Review": "align.review.review",
    "Pair": "align.review.review",
    "review_documents": "align.review.review",
    "review_alignment": "align.review.review",
    "Flag": "align.review.flags",
    "Span": "align.review.flags",
    "write_review": "align.report.write",
    "Comparison": "align.compare.compare",
    "compare_documents": "align.compare.compare",
    "check_text": "align.compare.check",
    "compare_corpus": "align.compare.corpus",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")
