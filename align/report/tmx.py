"""`pairs.tmx`: TMX 1.4b, one translation unit per pair with both sides, for a CAT tool's memory."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from align import __version__
from align.review import Review


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all."""


def format_review_tmx(review: Review) -> str:
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {
        "creationtool": "align", "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "align", "adminlang": "en", "srclang": review.source.lang, "datatype": "plaintext"})
    body = ET.SubElement(root, "body")
    for k, pair in enumerate(review.pairs):
        if not (pair.source and pair.target):
            continue
        tu = ET.SubElement(body, "tu", {"tuid": str(k)})
        prop = ET.SubElement(tu, "prop", {"type": "x-align-score"})
        prop.text = f"{pair.score:.4f}"
        for lang, segments in ((review.source.lang, pair.source), (review.target.lang, pair.target)):
            tuv = ET.SubElement(tu, "tuv", {"xml:lang": lang})
            seg = ET.SubElement(tuv, "seg")
            seg.text = _XML_INVALID.sub("", " ".join(s.text for s in segments))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + \
        ET.tostring(root, encoding="unicode") + "\n"
