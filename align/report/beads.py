"""The `pairs` output: beads in the Vecalign convention, TSV of the two texts, or JSON with ids."""
from __future__ import annotations

from typing import TYPE_CHECKING

from align.report.csv import tsv_cell
from align.report.jsontext import json_text

if TYPE_CHECKING:
    from align.search.align import Alignment


def format_alignment(alignment: "Alignment", fmt: str) -> str:
    """`beads`: `[3, 4]:[5]:0.912` a line; `tsv`: source, target, score; `json`: beads with segment ids."""
    src, tgt = alignment.source, alignment.target
    if fmt == "beads":
        return "".join(f"{bead}:{bead.score:.4f}\n" for bead in alignment.beads)
    if fmt == "tsv":
        rows = ["source\ttarget\tscore"]
        for bead in alignment.beads:
            s = " ".join(src[i].text for i in bead.src)
            t = " ".join(tgt[j].text for j in bead.tgt)
            rows.append(f"{tsv_cell(s)}\t{tsv_cell(t)}\t{bead.score:.4f}")
        return "\n".join(rows) + "\n"
    doc = {"source_lang": alignment.source_lang, "target_lang": alignment.target_lang,
           "beads": [{"source": list(b.src), "target": list(b.tgt),
                      "source_ids": [src[i].id for i in b.src], "target_ids": [tgt[j].id for j in b.tgt],
                      "score": round(b.score, 4)} for b in alignment.beads]}
    return json_text(doc)
