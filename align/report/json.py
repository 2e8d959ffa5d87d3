"""`report.json`: the versioned contract other tools read (see the README for the schema)."""
from __future__ import annotations

import dataclasses
from typing import Any

from align import __version__
from align.review.flags import Flag
from align.report.segments import segment_record
from align.review.review import SCHEMA_VERSION, Document, Pair, Review
from align.report.jsontext import json_text


def flag_record(flag: Flag) -> dict[str, Any]:
    return {"type": flag.type, "severity": flag.severity, "message": flag.message,
            "spans": [{"side": s.side, "segment_id": s.segment, "start": s.start, "end": s.end} for s in flag.spans]}


def _document(doc: Document) -> dict[str, Any]:
    record = {"path": doc.path, "lang": doc.lang, "segments": [segment_record(s) for s in doc.segments]}
    if doc.sha256:
        record["sha256"] = doc.sha256
    if doc.units:   # only formats that have them (subtitle cues): a plain-text report stays as it was
        record["units"] = [{"id": f"{doc.segments[0].doc if doc.segments else 'x'}u{k}", "kind": u.kind,
                            "label": u.label, "start": u.start, "end": u.end} for k, u in enumerate(doc.units)]
    return record


def _covered(segments, units) -> list[str]:
    """The ids of the units (cues) that a pair's segments overlap."""
    if not segments or not units:
        return []
    prefix = segments[0].doc
    return [f"{prefix}u{k}" for k, u in enumerate(units) if any(u.start < s.end and s.start < u.end for s in segments)]


def pair_record(pair: Pair, source_units: tuple = (), target_units: tuple = ()) -> dict[str, Any]:
    record = {"source_ids": [s.id for s in pair.source], "target_ids": [t.id for t in pair.target],
              "score": round(pair.score, 4), "flags": [flag_record(f) for f in pair.flags]}
    if source_units or target_units:
        record["source_units"] = _covered(pair.source, source_units)
        record["target_units"] = _covered(pair.target, target_units)
    return record


def review_record(review: Review) -> dict[str, Any]:
    """The whole review as plain data, in document order."""
    return {"schema_version": SCHEMA_VERSION,
            "generator": {"tool": "align", "version": __version__},
            "source": _document(review.source), "target": _document(review.target),
            "pairs": [pair_record(p, review.source.units, review.target.units) for p in review.pairs],
            "summary": dataclasses.asdict(review.summary)}


def format_review_json(review: Review) -> str:
    record = review_record(review)
    if review.states:   # decisions were applied: which pairs the reviser fixed, which flags were settled
        for pair, state in zip(record["pairs"], review.states):
            pair["state"] = state
        record["settled_flags"] = [dataclasses.asdict(s) for s in review.settled]
    return json_text(record)
