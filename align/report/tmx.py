"""`pairs.tmx`: TMX 1.4b, one translation unit per pair that a translation memory can trust.

Which pairs go in (`tm_pairs`): by default (`clean`) those with both sides, no error flag and a score of at
least the minimum; `scored` keeps pairs with an error flag too, `all` every pair with both sides. Under a
review-wide doubt (one language on both sides, documents that are not translations of each other) the default
keeps none. Sentences the translation moved out of order (`Review.moved`) follow as units of their own
(`tuid` `moved-N`). Every unit keeps its score (`x-align-score`) and its flags (`x-align-flags`, and a `note` each).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from align import __version__
from align.report.xmltext import xml_text
from align.review.flags import ERROR
from align.review.review import Review
from align.review.sanity import UNTRUSTED




TMX_INCLUDE = ("clean", "scored", "all")
DEFAULT_MIN_SCORE = 0.5
"""The review's low score: below it a pair is as likely a misalignment or a mistranslation as a translation
(`benchmarks/review_checks.py` prints what a TMX keeps at each threshold on the dev suite)."""


def tm_pairs(review: Review, min_score: float = DEFAULT_MIN_SCORE, include: str = "clean") -> list[int]:
    """Indexes of the pairs a translation memory gets."""
    if include not in TMX_INCLUDE:
        raise ValueError(f"include must be one of {', '.join(TMX_INCLUDE)}")
    both = [k for k, p in enumerate(review.pairs) if p.source and p.target]
    if include == "all":
        return both
    if include == "clean" and any(w.kind in UNTRUSTED for w in review.summary.warnings):
        return []
    kept = [k for k in both if review.pairs[k].score >= min_score]
    if include == "clean":
        kept = [k for k in kept if not any(f.severity == ERROR for f in review.pairs[k].flags)]
    return kept


def format_review_tmx(review: Review, min_score: float = DEFAULT_MIN_SCORE, include: str = "clean") -> str:
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {
        "creationtool": "align", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "align", "adminlang": "en", "srclang": review.source.lang, "datatype": "plaintext"})
    body = ET.SubElement(root, "body")
    units = [(str(k), review.pairs[k]) for k in tm_pairs(review, min_score, include)]
    if include != "clean" or not any(w.kind in UNTRUSTED for w in review.summary.warnings):
        # sentences the translation moved: a unit each, after the pairs in order
        units += [(f"moved-{k}", p) for k, p in enumerate(review.moved) if include == "all" or p.score >= min_score]
    for tuid, pair in units:
        tu = ET.SubElement(body, "tu", {"tuid": tuid})
        for flag in pair.flags:
            note = ET.SubElement(tu, "note")
            note.text = xml_text(f"{flag.severity} {flag.type}: {flag.message}")
        prop = ET.SubElement(tu, "prop", {"type": "x-align-score"})
        prop.text = f"{pair.score:.4f}"
        if pair.flags:
            prop = ET.SubElement(tu, "prop", {"type": "x-align-flags"})
            prop.text = " ".join(f"{f.severity}:{f.type}" for f in pair.flags)
        for lang, segments in ((review.source.lang, pair.source), (review.target.lang, pair.target)):
            tuv = ET.SubElement(tu, "tuv", {"xml:lang": lang})
            seg = ET.SubElement(tuv, "seg")
            seg.text = xml_text(" ".join(s.text for s in segments))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + \
        ET.tostring(root, encoding="unicode") + "\n"
