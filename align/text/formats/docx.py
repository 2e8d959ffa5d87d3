"""Word (.docx), read from the XML inside the zip with the standard library.

python-docx was measured against this: its paragraph text leaves out the words of a tracked insertion (`Kept
text ` for `Kept text inserted words`), it gives tables apart from the paragraphs' order and has no footnotes,
so resolving a document faithfully needs the XML anyway; reading it directly is as short and needs no
dependency (python-docx stays in the tests, where it writes the files). Tracked changes are resolved as
accepted: insertions kept, deletions and moved-from text left out. Headings come from the paragraph style
(`Heading1`, `Title`, or a style so named) or its outline level; each table cell and list item is a line of
its own; footnotes and endnotes follow the body.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from align.errors import AlignError
from align.text.formats import Extracted, clean_line, from_lines, parse_xml, zip_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(heading|title|subtitle|berschrift|titre|titolo|t[ií]tulo|kop)", re.IGNORECASE)


def _run_text(node: ET.Element) -> str:
    """The visible text under a Word element, tracked changes accepted."""
    out = []
    for child in node:
        tag = child.tag
        if tag in (W + "del", W + "moveFrom"):
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(" ")
        elif tag in (W + "footnoteReference", W + "endnoteReference", W + "pPr", W + "rPr"):
            continue
        else:
            out.append(_run_text(child))
    return "".join(out)


def _is_heading(paragraph: ET.Element, heading_styles: set[str]) -> bool:
    props = paragraph.find(W + "pPr")
    if props is None:
        return False
    style = props.find(W + "pStyle")
    if style is not None and style.get(W + "val") in heading_styles:
        return True
    return props.find(W + "outlineLvl") is not None


def _word_blocks(node: ET.Element, heading_styles: set[str], lines: list[tuple[str, bool]]) -> None:
    for child in node:
        if child.tag == W + "p":
            text = clean_line(_run_text(child))
            if text:
                lines.append((text, _is_heading(child, heading_styles)))
        elif child.tag == W + "tbl":
            for row in child.iter(W + "tr"):
                for cell in row.findall(W + "tc"):
                    text = clean_line(" ".join(_run_text(p) for p in cell.iter(W + "p")))
                    if text:
                        lines.append((text, False))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _word_blocks(content, heading_styles, lines)
        elif child.tag in (W + "ins", W + "customXml", W + "smartTag"):
            _word_blocks(child, heading_styles, lines)


def _heading_styles(data: bytes, path: str) -> set[str]:
    """Style ids that are headings: by their name (`heading 1`, `Title`), whatever the language of the ids."""
    found = {"Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Title", "Subtitle"}
    raw = zip_part(data, "word/styles.xml", path, "Word")
    if raw:
        for style in parse_xml(raw, path, "Word").iter(W + "style"):
            name = style.find(W + "name")
            label = name.get(W + "val", "") if name is not None else ""
            if _HEADING_STYLE.match(label) or _HEADING_STYLE.match(style.get(W + "styleId", "")):
                found.add(style.get(W + "styleId", ""))
    return found


def read_docx(data: bytes, path: str) -> Extracted:
    raw = zip_part(data, "word/document.xml", path, "Word")
    if raw is None:
        raise AlignError(f"{path}: not a Word document (no word/document.xml)")
    body = parse_xml(raw, path, "Word").find(W + "body")
    lines: list[tuple[str, bool]] = []
    if body is not None:
        _word_blocks(body, _heading_styles(data, path), lines)
    for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        notes = zip_part(data, part, path, "Word")
        if notes:
            for note in parse_xml(notes, path, "Word").iter(W + tag):
                if note.get(W + "type") in (None, "normal"):
                    _word_blocks(note, set(), lines)
    return from_lines(lines, "docx", path)
