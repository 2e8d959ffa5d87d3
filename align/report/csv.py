"""`pairs.csv`: one row per pair for a spreadsheet, flags in one column; the CSV writing all reports share."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping, Sequence

from align.review import Review

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading `=`, `+`, `-` or `@` would otherwise run as a formula.

    >>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("12 000")
    ("'=SUM(A1)", '12 000')
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def table_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object] | Sequence[object]]) -> str:
    """CSV text with a header, `\\n` line ends and minimal quoting (the standard library; importing pandas
    for this would double the time of a short review).

    >>> table_csv(["a", "b"], [{"a": 1, "b": 'say "hi", then go'}])
    'a,b\\n1,"say ""hi"", then go"\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns] if isinstance(row, Mapping) else row)
    return out.getvalue()


def format_review_csv(review: Review) -> str:
    rows = []
    for k, pair in enumerate(review.pairs):
        rows.append({
            "pair": k,
            "source_ids": " ".join(s.id for s in pair.source),
            "target_ids": " ".join(t.id for t in pair.target),
            "source": spreadsheet_safe(" ".join(s.text for s in pair.source)),
            "target": spreadsheet_safe(" ".join(t.text for t in pair.target)),
            "score": f"{pair.score:.4f}",
            "severity": max((f.severity for f in pair.flags), key=("info", "warning", "error").index, default=""),
            "flags": spreadsheet_safe("; ".join(f"{f.type}: {f.message}" for f in pair.flags)),
        })
    columns = ["pair", "source_ids", "target_ids", "source", "target", "score", "severity", "flags"]
    return table_csv(columns, rows)
