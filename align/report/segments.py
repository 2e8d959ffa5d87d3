"""The `segment` listing: what the toolkit will align, as text, TSV or JSON."""
from __future__ import annotations

from typing import Sequence

from align.report.csv import tsv_cell
from align.text.segment import Segment
from align.report.jsontext import json_text


def _cell(text: str) -> str:
    """A listing's text: tabs and line breaks escaped so that one segment stays one line."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_segments(segments: Sequence[Segment], fmt: str, path: str = "", lang: str = "") -> str:
    """Render segments as `text` (for reading), `tsv` (for spreadsheets) or `json` (for programs)."""
    if fmt == "json":
        doc = {"path": path, "lang": lang, "segments": [segment_record(s) for s in segments]}
        return json_text(doc)
    if fmt == "tsv":
        rows = ["id\tparagraph\tkind\tstart\tend\ttext"]
        rows += [f"{s.id}\t{s.paragraph}\t{s.kind}\t{s.start}\t{s.end}\t{tsv_cell(s.text)}" for s in segments]
        return "\n".join(rows) + "\n"
    width = max((len(s.id) for s in segments), default=2)
    return "".join(f"{s.id:<{width}}  ¶{s.paragraph:<3} {s.kind:<11} {_cell(s.text)}\n" for s in segments)


def segment_record(s: Segment) -> dict[str, object]:
    """The JSON form of a segment, shared by every report."""
    return {"id": s.id, "index": s.index, "paragraph": s.paragraph, "kind": s.kind,
            "start": s.start, "end": s.end, "text": s.text}
