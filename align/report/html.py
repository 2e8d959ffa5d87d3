"""`report.html`: one self-contained page, source and translation side by side, flags colour-coded.

No script and no external asset: a checkbox and CSS hide the pairs without flags. All document text
is escaped, so markup in a document shows as text.
"""
from __future__ import annotations

from html import escape

from align import __version__
from align.review.flags import SEVERITIES, Flag, Span
from align.review.review import SCHEMA_VERSION, Pair, Review
from align.text.segment import Segment

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .4em}
.summary{display:flex;flex-wrap:wrap;gap:.6em 1.6em;background:#f5f5f7;padding:.8em 1em;border-radius:6px}
.summary b{font-size:1.15em}
.counts span{margin-right:.8em;padding:.1em .5em;border-radius:4px}
table{border-collapse:collapse;width:100%;margin-top:1em;table-layout:fixed}
th,td{border-bottom:1px solid #ddd;padding:.45em .6em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#fafafa;position:sticky;top:0}
th.n,td.n{width:3em;color:#777;font-size:.85em}
th.score,td.score{width:4.5em;font-variant-numeric:tabular-nums}
.seg{display:block}.seg .id{color:#999;font-size:.75em;margin-right:.4em}
.kind{font-size:.72em;color:#666;border:1px solid #ccc;border-radius:3px;padding:0 .3em;margin-left:.3em}
.flags{margin:.35em 0 0;padding:0;list-style:none;font-size:.9em}
.flags li{margin:.15em 0;padding:.15em .45em;border-left:4px solid #999}
.error,.flags li.error{background:#fdecea;border-color:#d93025}
.warning,.flags li.warning{background:#fff4e0;border-color:#e8a33d}
.info,.flags li.info{background:#eef3fb;border-color:#7a9cc6}
mark.error{background:#f8c9c4}mark.warning{background:#ffe1a8}mark.info{background:#dbe6f5}
tr.error td:first-child{box-shadow:inset 4px 0 #d93025}tr.warning td:first-child{box-shadow:inset 4px 0 #e8a33d}
tr.info td:first-child{box-shadow:inset 4px 0 #7a9cc6}
.low{color:#d93025;font-weight:600}
#only-flagged:checked ~ table tr.clean{display:none}
label{display:inline-block;margin-top:1em;cursor:pointer}
footer{margin-top:1.5em;color:#888;font-size:.8em}
.doubt{flex-basis:100%;background:#fdecea;border-left:4px solid #d93025;padding:.4em .7em;font-weight:600}
"""


_SEVERITY_NOUNS = {"error": "error", "warning": "warning", "info": "note"}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _severity(flags: tuple[Flag, ...]) -> str:
    return max((f.severity for f in flags), key=SEVERITIES.index, default="")


def _highlight(segment: Segment, spans: list[tuple[Span, str]]) -> str:
    """The segment's text, escaped, with the flagged spans marked (overlaps take the first span; a span
    over the whole segment is shown by the row's colour instead)."""
    text, out, pos = segment.text, [], 0
    marks = sorted((s.start, s.end, sev) for s, sev in spans if (s.start, s.end) != (0, len(text)))
    for start, end, severity in marks:
        if start < pos or start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{severity}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _side(pair: Pair, side: str) -> str:
    segments = pair.source if side == "source" else pair.target
    spans = [(s, f.severity) for f in pair.flags for s in f.spans if s.side == side]
    cells = []
    for seg in segments:
        mine = [(s, sev) for s, sev in spans if s.segment == seg.id]
        kind = f'<span class="kind">{escape(seg.kind)}</span>' if seg.kind != "sentence" else ""
        cells.append(f'<span class="seg"><span class="id">{escape(seg.id)}</span>{_highlight(seg, mine)}{kind}</span>')
    return "".join(cells)


def format_review_html(review: Review) -> str:
    s = review.summary
    title = f"Review: {review.source.path} → {review.target.path}"
    counts = "".join(f'<span class="{sev}">{_count(s.severities[sev], _SEVERITY_NOUNS[sev])}</span>'
                     for sev in reversed(SEVERITIES))
    doubts = "".join(f'<div class="doubt" role="alert">Warning: {escape(str(w))}</div>' for w in s.warnings)
    by_type = ", ".join(f"{k}: {v}" for k, v in s.flags.items()) or "none"
    rows = []
    for k, pair in enumerate(review.pairs):
        severity = _severity(pair.flags)
        flags = "".join(f'<li class="{f.severity}"><b>{escape(f.type)}</b> {escape(f.message)}</li>'
                        for f in pair.flags)
        both = bool(pair.source and pair.target)
        score = f'<span class="{"low" if both and pair.score < 0.5 else ""}">{pair.score:.2f}</span>' if both else "–"
        rows.append(
            f'<tr class="{severity or "clean"}"><td class="n">{k}</td>'
            f'<td lang="{escape(review.source.lang)}">{_side(pair, "source")}</td>'
            f'<td lang="{escape(review.target.lang)}">{_side(pair, "target")}'
            f'{f"<ul class=flags>{flags}</ul>" if flags else ""}</td><td class="score">{score}</td></tr>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<div class="summary">{doubts}
<div>Source <b>{escape(review.source.lang)}</b>: {s.source_segments} segments, {s.source_words} words</div>
<div>Translation <b>{escape(review.target.lang)}</b>: {s.target_segments} segments, {s.target_words} words</div>
<div>Source sentences translated <b>{s.source_aligned:.0%}</b></div>
<div>Mean score <b>{s.mean_score:.2f}</b></div>
<div class="counts">{counts}</div>
<div>By type: {escape(by_type)}</div>{"".join(f'<div class="note">{escape(note)}</div>' for note in s.notes)}
</div>
<input type="checkbox" id="only-flagged"> <label for="only-flagged">Show only flagged pairs</label>
<table>
<thead><tr><th class="n">#</th><th>Source ({escape(review.source.lang)})</th>
<th>Translation ({escape(review.target.lang)})</th><th class="score">Score</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<footer>align {escape(__version__)} · score: confidence that the two sides translate each other (below 0.50:
look at it) · report schema {SCHEMA_VERSION}</footer>
</body></html>
"""
