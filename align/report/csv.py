"""`pairs.csv`: one row per pair for a spreadsheet, flags in one column; the CSV writing all reports share."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping, Sequence

from align.review.review import Review

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading `=`, `+`, `-` or `@` would otherwise run as a formula.

    >>> spreadsheet_safe("=SUM(A1)"), spreadsheet_safe("12 000")
    ("'=SUM(A1)", '12 000')
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def tsv_cell(text: str) -> str:
    """A TSV cell: tabs and line breaks escaped so that one segment stays one row, and spreadsheet-safe.

    >>> tsv_cell("a\\tb"), tsv_cell("-5 %")
    ('a\\\\tb', "'-5 %")
    """
    escaped = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return spreadsheet_safe(escaped)


def table_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object] | Sequence[object]], sep: str = ",") -> str:
    """CSV (or, with sep="\\t", TSV) text with a header, `\\n` line ends and minimal quoting; every text cell
    goes through `spreadsheet_safe`, so no writer of the toolkit can forget it. None is an empty cell.

    >>> print(table_csv(["a", "b"], [{"a": 1, "b": 'say "hi", then go'}, {"a": None, "b": "=1+1"}]), end="")
    a,b
    1,"say ""hi"", then go"
    ,'=1+1
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", delimiter=sep)
    writer.writerow([spreadsheet_safe(c) for c in columns])   # a header can hold document names too
    for row in rows:
        cells = [row[c] for c in columns] if isinstance(row, Mapping) else row
        writer.writerow(["" if c is None else spreadsheet_safe(c) if isinstance(c, str) else c for c in cells])
    return out.getvalue()


def format_review_csv(review: Review, bom: bool = False) -> str:
    """pairs.csv; with `bom`, a UTF-8 byte order mark first, which Excel on Windows needs to read UTF-8."""
    rows = []
    for k, pair in enumerate(review.pairs):
        rows.append({
            "pair": k,
            "source_ids": " ".join(s.id for s in pair.source),
            "target_ids": " ".join(t.id for t in pair.target),
            "source": " ".join(s.text for s in pair.source),
            "target": " ".join(t.text for t in pair.target),
            "score": f"{pair.score:.4f}" if pair.source and pair.target else "",   # nothing to score alone
            "severity": max((f.severity for f in pair.flags), key=("info", "warning", "error").index, default=""),
            "flags": "; ".join(f"{f.type}: {f.message}" for f in pair.flags),
        })
    columns = ["pair", "source_ids", "target_ids", "source", "target", "score", "severity", "flags"]
    return ("\ufeff" if bom else "") + table_csv(columns, rows)
