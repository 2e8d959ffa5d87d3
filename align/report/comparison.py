"""Outputs of `align compare`: the review contract plus scores, word diffs and corpus scores.

report.json keeps the review's fields (`source` = hypothesis, `target` = reference) and adds, per pair,
`scores` and `diff`, and at the top `corpus_scores` and `references`.
"""
from __future__ import annotations

from html import escape
from typing import Any, Sequence

from align.compare.compare import Comparison
from align.compare.diff import Edit
from align.report.csv import table_csv
from align.report.html import _CSS, _side, _severity
from align.report.json import review_record
from align.report.segments import segment_record
from align.report.jsontext import json_text

_DIFF_CSS = """
ins{background:#d7f5dd;text-decoration:none}del{background:#fbd5d0}
.diff{margin-top:.3em;padding:.3em .5em;background:#fafafa;border:1px dashed #ddd;font-size:.92em}
th.scores,td.scores{width:8em;font-size:.85em;font-variant-numeric:tabular-nums;white-space:nowrap}
"""


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    record = review_record(comparison.review)
    for pair, scores, diff, refs in zip(record["pairs"], comparison.scores, comparison.diffs,
                                        comparison.reference_texts):
        pair["scores"] = {"bleu": scores.bleu, "chrf": scores.chrf, "ter": scores.ter}
        pair["diff"] = [{"op": e.op, "hyp": e.hyp, "ref": e.ref} for e in diff]
        if len(refs) > 1:
            pair["references"] = list(refs)
    record["corpus_scores"] = {name: {"score": s.score, "signature": s.signature}
                               for name, s in sorted(comparison.corpus.items())}
    record["references"] = [{"path": d.path, "lang": d.lang, "segments": [segment_record(s) for s in d.segments]}
                            for d in comparison.references[1:]]
    return record


def format_comparison_json(comparison: Comparison) -> str:
    return json_text(comparison_record(comparison))


def _inline_diff(comparison: Comparison, k: int) -> str:
    return diff_html(comparison.diffs[k])


def diff_html(edits: Sequence[Edit]) -> str:
    """The reference text with the hypothesis's words struck through and the reference's underlined; a
    replaced word is followed by a space before its replacement, so `He` → `They` does not read `HeThey`."""
    parts = []
    for edit in edits:
        if edit.op == "equal":
            parts.append(escape(edit.ref))
            continue
        if edit.hyp:
            parts.append(f"<del>{escape(edit.hyp)}</del>")
        if edit.hyp and edit.ref and not edit.hyp[-1:].isspace() and not edit.ref[:1].isspace():
            parts.append(" ")
        if edit.ref:
            parts.append(f"<ins>{escape(edit.ref)}</ins>")
    return "".join(parts)


def pair_order(comparison: Comparison, worst_first: bool) -> list[int]:
    """Document order, or the lowest chrF first (ties in document order)."""
    order = list(range(len(comparison.review.pairs)))
    return sorted(order, key=lambda k: comparison.scores[k].chrf) if worst_first else order


def format_comparison_html(comparison: Comparison, worst_first: bool = False) -> str:
    review, corpus = comparison.review, comparison.corpus
    title = f"Comparison: {review.source.path} → {review.target.path}"
    rows = []
    for k in pair_order(comparison, worst_first):
        pair, scores = review.pairs[k], comparison.scores[k]
        flags = "".join(f'<li class="{f.severity}"><b>{escape(f.type)}</b> {escape(f.message)}</li>'
                        for f in pair.flags)
        changed = any(e.op != "equal" for e in comparison.diffs[k])
        diff = f'<div class="diff">{_inline_diff(comparison, k)}</div>' if changed and pair.source and pair.target else ""
        rows.append(
            f'<tr class="{_severity(pair.flags) or ("changed" if changed else "clean")}"><td class="n">{k}</td>'
            f'<td>{_side(pair, "source")}</td><td>{_side(pair, "target")}{diff}'
            f'{f"<ul class=flags>{flags}</ul>" if flags else ""}</td>'
            f'<td class="scores">BLEU {scores.bleu:.1f}<br>chrF {scores.chrf:.1f}<br>TER {scores.ter:.1f}</td></tr>')
    corpus_rows = "".join(f"<div>{name.upper() if name != 'chrf' else 'chrF'} <b>{s.score:.2f}</b> "
                          f"<small>{escape(s.signature)}</small></div>" for name, s in sorted(corpus.items()))
    order_note = "worst pairs (lowest chrF) first" if worst_first else "document order"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{_CSS}{_DIFF_CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<div class="summary">{corpus_rows}
<div>{review.summary.pairs} pairs, {order_note}; <del>deleted</del> from the hypothesis, <ins>inserted</ins> by the reference</div>
</div>
<input type="checkbox" id="only-flagged"> <label for="only-flagged">Show only changed or flagged pairs</label>
<table>
<thead><tr><th class="n">#</th><th>Hypothesis</th><th>Reference</th><th class="scores">Scores</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""


def format_comparison_md(comparison: Comparison) -> str:
    from align.report.md import _quote

    review = comparison.review
    lines = [f"# Comparison: {_quote(review.source.path)} → {_quote(review.target.path)}", ""]
    lines += [f"- {name}: {s.score:.2f} (`{s.signature}`)" for name, s in sorted(comparison.corpus.items())]
    lines += [f"- Pairs: {review.summary.pairs}; flags: " +
              (", ".join(f"{k} {v}" for k, v in review.summary.flags.items()) or "none"), "", "## Pairs that differ", ""]
    for k in pair_order(comparison, True):
        pair, scores = review.pairs[k], comparison.scores[k]
        if not pair.flags and all(e.op == "equal" for e in comparison.diffs[k]):
            continue
        lines.append(f"### Pair {k}: chrF {scores.chrf:.1f}, BLEU {scores.bleu:.1f}, TER {scores.ter:.1f}")
        lines += [f"- **{f.severity}** `{f.type}`: {_quote(f.message)}" for f in pair.flags]
        lines.append("")
        lines.append(f"> Hypothesis: {_quote(' '.join(s.text for s in pair.source))}")
        lines.append(f"> Reference: {_quote(' '.join(s.text for s in pair.target))}")
        lines.append("")
    return "\n".join(lines) + "\n"


def format_comparison_csv(comparison: Comparison) -> str:
    rows = []
    for k, (pair, scores) in enumerate(zip(comparison.review.pairs, comparison.scores)):
        rows.append({"pair": k, "hypothesis_ids": " ".join(s.id for s in pair.source),
                     "reference_ids": " ".join(t.id for t in pair.target),
                     "hypothesis": " ".join(s.text for s in pair.source),
                     "reference": " ".join(t.text for t in pair.target),
                     "bleu": f"{scores.bleu:.4f}", "chrf": f"{scores.chrf:.4f}", "ter": f"{scores.ter:.4f}",
                     "flags": "; ".join(f"{f.type}: {f.message}" for f in pair.flags)})
    columns = ["pair", "hypothesis_ids", "reference_ids", "hypothesis", "reference", "bleu", "chrf", "ter", "flags"]
    return table_csv(columns, rows)


def unified_diff(comparison: Comparison) -> str:
    """A unified diff of the two texts, one sentence a line, for the terminal."""
    import difflib

    review = comparison.review
    hyp = [s.text + "\n" for s in review.source.segments]
    ref = [s.text + "\n" for s in review.target.segments]
    return "".join(difflib.unified_diff(hyp, ref, fromfile=review.source.path, tofile=review.target.path))
