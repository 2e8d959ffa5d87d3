"""Outputs of `align corpus`: matrix.csv, matches.csv, report.json and report.html with a heat map."""
from __future__ import annotations

import os
from html import escape
from typing import Any

from align.compare.corpus import CorpusComparison
from align.report.comparison import diff_html
from align.report.csv import table_csv
from align.report.html import _CSS
from align.report.segments import segment_record
from align.report.jsontext import json_text

_HEAT_CSS = """
.heat td{text-align:center;font-variant-numeric:tabular-nums;border:1px solid #fff;min-width:5em}
.heat th{font-weight:600;font-size:.85em}
ins{background:#d7f5dd;text-decoration:none}del{background:#fbd5d0}
"""


def _names(c: CorpusComparison) -> list[str]:
    return [os.path.basename(p) for p in c.paths]


def corpus_record(c: CorpusComparison) -> dict[str, Any]:
    return {"schema_version": 1,
            "documents": [{"path": p, "lang": l, "segments": [segment_record(s) for s in segs]}
                          for p, l, segs in zip(c.paths, c.langs, c.segments)],
            "matrix": {"metric": "chrF", "values": [list(r) for r in c.matrix]},
            "matches": [{"a": m.a, "b": m.b, "a_id": m.a_segment.id, "b_id": m.b_segment.id,
                         "similarity": m.similarity, "chrf": m.chrf,
                         "diff": [{"op": e.op, "hyp": e.hyp, "ref": e.ref} for e in m.diff]} for m in c.matches]}


def format_corpus_json(c: CorpusComparison) -> str:
    return json_text(corpus_record(c))


def format_matrix_csv(c: CorpusComparison) -> str:
    names = _names(c)
    return table_csv(["", *names], ([name, *row] for name, row in zip(names, c.matrix)))


def format_matches_csv(c: CorpusComparison) -> str:
    names = _names(c)
    rows = [{"document_a": names[m.a], "segment_a": m.a_segment.id, "document_b": names[m.b],
             "segment_b": m.b_segment.id, "similarity": f"{m.similarity:.4f}", "chrf": f"{m.chrf:.2f}",
             "text_a": m.a_segment.text, "text_b": m.b_segment.text}
            for m in c.matches]
    columns = ["document_a", "segment_a", "document_b", "segment_b", "similarity", "chrf", "text_a", "text_b"]
    return table_csv(columns, rows)


def _heat(value: float) -> str:
    """White at 0, deep blue at 100."""
    level = max(0.0, min(1.0, value / 100.0))
    shade = int(255 - 170 * level)
    text = "#fff" if level > 0.6 else "#222"
    return f"background:rgb({shade},{shade + int(40 * level)},255);color:{text}"


def format_corpus_html(c: CorpusComparison) -> str:
    names = _names(c)
    head = "".join(f"<th>{escape(n)}</th>" for n in names)
    body = "".join(f"<tr><th>{escape(names[a])}</th>" + "".join(
        f'<td style="{_heat(v)}">{v:.1f}</td>' for v in row) + "</tr>" for a, row in enumerate(c.matrix))
    matches = []
    for m in c.matches:
        diff = diff_html(m.diff)
        matches.append(f"<tr><td>{escape(names[m.a])} {escape(m.a_segment.id)}<br>{escape(names[m.b])} "
                       f"{escape(m.b_segment.id)}</td><td>{diff}</td><td class=score>{m.chrf:.1f}</td></tr>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Corpus comparison</title><style>{_CSS}{_HEAT_CSS}</style></head>
<body><h1>Corpus comparison: {len(names)} documents</h1>
<h2>Document similarity (chrF, both directions averaged)</h2>
<table class="heat"><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>
<h2>Shared passages ({len(c.matches)})</h2>
<table><thead><tr><th style="width:16em">Sentences</th><th>Word diff (<del>first document</del>, <ins>second</ins>)</th>
<th class="score">chrF</th></tr></thead><tbody>
{chr(10).join(matches)}
</tbody></table></body></html>
"""
