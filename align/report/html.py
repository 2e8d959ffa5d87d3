"""`report.html`: one self-contained page, source and translation side by side, flags colour-coded.

No external asset and no network: it works from `file://`. Without script it is a picture (a checkbox and CSS
hide the pairs without flags); with it, a workspace (`workspace.py`): correct pairs, settle flags, save
`decisions.json`. All document text is escaped, so markup in a document shows as text.
"""
from __future__ import annotations

from html import escape

from align import __version__
from align.report.md import count_of
from align.report.workspace import CSS as WORKSPACE_CSS, SCRIPT as WORKSPACE_SCRIPT
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
_SEVERITY_MARKS = {"error": "⛔ error", "warning": "⚠ warning", "info": "ℹ note"}
"""A word and a sign beside each colour, for readers who cannot tell the colours apart."""


def _content_key(review: Review) -> str:
    """What keys the page's saved work: the documents and the pairs, so two reports never share it."""
    import hashlib

    text = "|".join([review.source.sha256, review.target.sha256] +
                    [" ".join(x.id for x in p.source + p.target) for p in review.pairs] +
                    [x.text for x in review.source.segments + review.target.segments])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
        cells.append(f'<span class="seg" data-id="{escape(seg.id)}"><span class="id">{escape(seg.id)}</span>'
                     f'{_highlight(seg, mine)}{kind}</span>')
    return "".join(cells)


def format_review_html(review: Review) -> str:
    s = review.summary
    title = f"Review: {review.source.path} → {review.target.path}"
    counts = "".join(f'<span class="{sev}">{count_of(s.severities[sev], _SEVERITY_NOUNS[sev])}</span>'
                     for sev in reversed(SEVERITIES))
    doubts = "".join(f'<div class="doubt" role="alert">Warning: {escape(str(w))}</div>' for w in s.warnings)
    by_type = ", ".join(f"{k}: {v}" for k, v in s.flags.items()) or "none"
    type_options = "".join(f'<option value="{escape(t)}">{escape(t)}</option>' for t in s.flags)
    rows = []
    for k, pair in enumerate(review.pairs):
        severity = _severity(pair.flags)
        flags = "".join(f'<li class="{f.severity}" data-type="{escape(f.type)}" data-severity="{f.severity}">'
                        f'<span class="sev">{_SEVERITY_MARKS[f.severity]}</span><b>{escape(f.type)}</b> '
                        f'{escape(f.message)}</li>' for f in pair.flags)
        both = bool(pair.source and pair.target)
        score = f'<span class="{"low" if both and pair.score < 0.5 else ""}">{pair.score:.2f}</span>' if both else "–"
        rows.append(
            f'<tr class="{severity or "clean"}" data-k="{k}" data-s="{" ".join(x.id for x in pair.source)}" '
            f'data-t="{" ".join(x.id for x in pair.target)}"><td class="n">{k}</td>'
            f'<td lang="{escape(review.source.lang)}">{_side(pair, "source")}</td>'
            f'<td lang="{escape(review.target.lang)}">{_side(pair, "target")}'
            f'{f"<ul class=flags>{flags}</ul>" if flags else ""}</td><td class="score">{score}</td></tr>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{_CSS}{WORKSPACE_CSS}</style></head>
<body data-key="{_content_key(review)}" data-source-sha256="{escape(review.source.sha256)}"
 data-target-sha256="{escape(review.target.sha256)}" data-source-lang="{escape(review.source.lang)}"
 data-target-lang="{escape(review.target.lang)}">
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
<div class="tools" role="toolbar" aria-label="Review the selected pair">
<button data-action="confirm" title="Enter">Confirm pair</button>
<button data-action="merge" title="m">Merge with next</button>
<button data-action="split" title="s">Split</button>
<button data-action="unpair" title="u">Unpair</button>
<button data-action="up" title="[">First translation sentence to pair above</button>
<button data-action="down" title="]">Last translation sentence to pair below</button>
<button data-action="accept" title="a">Accept flag</button>
<button data-action="dismiss" title="x">Dismiss flag</button>
<label>reason <input id="reason" size="18"></label>
<select id="filter-severity" aria-label="severity"><option value="">all severities</option><option value="error">errors</option><option value="warning">warnings</option><option value="info">notes</option></select>
<select id="filter-type" aria-label="flag type"><option value="">all types</option>{type_options}</select>
<select id="filter-state" aria-label="state"><option value="">all states</option><option value="unreviewed">unreviewed</option><option value="confirmed">confirmed</option><option value="corrected">corrected</option></select>
<button data-action="save">Save decisions</button>
<span id="restored" class="hidden">work in progress restored <button data-action="discard">discard</button></span>
<span class="progress" id="progress" aria-live="polite"></span>
</div>
<table class="pairs">
<thead><tr><th class="n">#</th><th>Source ({escape(review.source.lang)})</th>
<th>Translation ({escape(review.target.lang)})</th><th class="score">Score</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<footer>align {escape(__version__)} · score: confidence that the two sides translate each other (below 0.50:
look at it) · report schema {SCHEMA_VERSION} · keys: j/k next/previous flag, ↑/↓ next/previous pair, Enter confirm, x dismiss, a accept,
m merge, s split, u unpair, [ ] move a translation sentence up or down</footer>
<script>{WORKSPACE_SCRIPT}</script>
</body></html>
"""
