"""Outputs of `align check`: report.json (segments and issues) and report.md."""
from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from align import __version__
from align.compare.check import Issue
from align.report.md import _quote
from align.report.segments import segment_record
from align.review.review import SCHEMA_VERSION
from align.text.segment import Segment
from align.report.jsontext import json_text


def check_record(path: str, lang: str, segments: Sequence[Segment], issues: Sequence[Issue]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "generator": {"tool": "align", "version": __version__},
            "source": {"path": path, "lang": lang, "segments": [segment_record(s) for s in segments]},
            "flags": [{"segment_id": i.segment_id, "type": i.type, "severity": i.severity, "message": i.message,
                       "start": i.start, "end": i.end} for i in issues],
            "summary": {"segments": len(segments), "flagged_segments": len({i.segment_id for i in issues}),
                        "flags": dict(sorted(Counter(i.type for i in issues).items()))}}


def format_check_json(path: str, lang: str, segments: Sequence[Segment], issues: Sequence[Issue]) -> str:
    return json_text(check_record(path, lang, segments, issues))


def format_check_md(path: str, lang: str, segments: Sequence[Segment], issues: Sequence[Issue]) -> str:
    by_id = {s.id: s for s in segments}
    counts = Counter(i.type for i in issues)
    lines = [f"# Check: {_quote(path)} ({_quote(lang)})", "",
             f"{len(segments)} segments, {len({i.segment_id for i in issues})} with issues"
             + (": " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) if counts else "."), ""]
    for issue in issues:
        text = by_id[issue.segment_id].text
        lines.append(f"- **{issue.severity}** `{issue.type}` in {issue.segment_id}: {_quote(issue.message)}  ")
        lines.append(f"  > {_quote(text[max(0, issue.start - 40):issue.end + 20])}")
    return "\n".join(lines) + "\n"
