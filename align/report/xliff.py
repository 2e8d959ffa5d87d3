"""`pairs.xlf`: the bilingual review as XLIFF 2.0 (or 1.2, which memoQ and older tools read), one unit per pair.

A pair's segments become one XLIFF segment (source text and target text, each side's sentences joined);
`state` says where the pair stands (`initial`: no translation, `translated`: a pair to review). Each flag is a
note whose category is its ITS 2.0 `locQualityIssueType` and whose priority follows the severity (1 error,
5 warning, 9 note); the score is a note too, so a CAT tool shows it beside the segment.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from align.report.xmltext import xml_text
from align.review.flags import ERROR, WARNING, its_type
from align.review.review import Review

XLIFF_VERSIONS = ("2.0", "1.2")
_PRIORITY = {ERROR: "1", WARNING: "5"}


def _texts(pair) -> tuple[str, str]:
    return xml_text(" ".join(s.text for s in pair.source)), xml_text(" ".join(t.text for t in pair.target))


def _notes(pair) -> list[tuple[str, str, str]]:
    """(category, priority, text) of each note of a pair: the score, then each flag."""
    notes = [("x-align-score", "9", f"score {pair.score:.4f}")] if pair.source and pair.target else []
    for flag in pair.flags:
        notes.append((its_type(flag.type), _PRIORITY.get(flag.severity, "9"),
                      xml_text(f"{flag.severity} {flag.type}: {flag.message}")))
    return notes


def format_review_xliff(review: Review, version: str = "2.0") -> str:
    """The review as an XLIFF document of the given version."""
    if version == "1.2":
        return _xliff12(review)
    if version != "2.0":
        raise ValueError(f"XLIFF version must be one of {', '.join(XLIFF_VERSIONS)}")
    ns = "urn:oasis:names:tc:xliff:document:2.0"
    root = ET.Element("xliff", {"xmlns": ns, "version": "2.0", "srcLang": review.source.lang,
                                "trgLang": review.target.lang})
    file = ET.SubElement(root, "file", {"id": "f1", "original": review.source.path})
    for k, pair in enumerate(review.pairs):
        unit = ET.SubElement(file, "unit", {"id": f"u{k}", "name": " ".join(s.id for s in pair.source + pair.target)})
        notes = _notes(pair)
        if notes:
            holder = ET.SubElement(unit, "notes")
            for n, (category, priority, text) in enumerate(notes, start=1):
                note = ET.SubElement(holder, "note", {"id": f"n{n}", "category": category, "priority": priority})
                note.text = text
        source, target = _texts(pair)
        segment = ET.SubElement(unit, "segment", {"id": f"s{k}", "state": "translated" if pair.target else "initial"})
        ET.SubElement(segment, "source").text = source
        if pair.target:
            ET.SubElement(segment, "target").text = target
    return _serialise(root)


def _xliff12(review: Review) -> str:
    ns = "urn:oasis:names:tc:xliff:document:1.2"
    root = ET.Element("xliff", {"xmlns": ns, "version": "1.2"})
    file = ET.SubElement(root, "file", {"original": review.source.path, "source-language": review.source.lang,
                                        "target-language": review.target.lang, "datatype": "plaintext"})
    body = ET.SubElement(file, "body")
    for k, pair in enumerate(review.pairs):
        unit = ET.SubElement(body, "trans-unit", {"id": str(k), "resname": " ".join(s.id for s in pair.source +
                                                                                     pair.target)})
        source, target = _texts(pair)
        ET.SubElement(unit, "source").text = source
        if pair.target:
            flagged = any(f.severity in (ERROR, WARNING) for f in pair.flags)
            ET.SubElement(unit, "target", {"state": "needs-review-translation" if flagged else "translated"}).text = \
                target
        for category, priority, text in _notes(pair):
            ET.SubElement(unit, "note", {"from": "align", "priority": priority}).text = f"[{category}] {text}"
    return _serialise(root)


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
