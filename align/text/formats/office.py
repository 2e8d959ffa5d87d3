"""Word (.docx) and OpenDocument (.odt) documents, read from the XML inside the zip with the standard library.

python-docx was measured against this: its paragraph text leaves out the words of a tracked insertion (`Kept
text ` for `Kept text inserted words`), it gives tables apart from the paragraphs' order and has no footnotes,
so resolving a document faithfully needs the XML anyway; reading the XML directly is as short and needs no
dependency (python-docx stays in the tests, where it writes the files). Tracked changes are resolved as accepted: insertions kept, deletions and moved-from text
left out. Headings come from the paragraph style (`Heading1`, `Title`) or its outline level; each table cell
and list item is a line of its own; footnotes and endnotes follow the body.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO

from align.errors import AlignError
from align.text.formats import Extracted, clean_line, from_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(heading|title|subtitle|berschrift|titre|titolo|t[ií]tulo|kop)", re.IGNORECASE)


def _zip_part(data: bytes, name: str, path: str, kind: str) -> bytes | None:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise AlignError(f"{path}: not a {kind} document (bad zip)") from None
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, RuntimeError) as err:
        raise AlignError(f"{path}: not a {kind} document ({err})") from None


def _xml(raw: bytes, path: str, kind: str) -> ET.Element:
    try:
        return ET.fromstring(raw)
    except ET.ParseError as err:
        raise AlignError(f"{path}: not a {kind} document (broken XML: {err})") from None


# --- Word ---------------------------------------------------------------------------------------------------

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
    raw = _zip_part(data, "word/styles.xml", path, "Word")
    if raw:
        for style in _xml(raw, path, "Word").iter(W + "style"):
            name = style.find(W + "name")
            label = name.get(W + "val", "") if name is not None else ""
            if _HEADING_STYLE.match(label) or _HEADING_STYLE.match(style.get(W + "styleId", "")):
                found.add(style.get(W + "styleId", ""))
    return found


def read_docx(data: bytes, path: str) -> Extracted:
    raw = _zip_part(data, "word/document.xml", path, "Word")
    if raw is None:
        raise AlignError(f"{path}: not a Word document (no word/document.xml)")
    body = _xml(raw, path, "Word").find(W + "body")
    lines: list[tuple[str, bool]] = []
    if body is not None:
        _word_blocks(body, _heading_styles(data, path), lines)
    for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        notes = _zip_part(data, part, path, "Word")
        if notes:
            for note in _xml(notes, path, "Word").iter(W + tag):
                if note.get(W + "type") in (None, "normal"):
                    _word_blocks(note, set(), lines)
    return from_lines(lines, "docx", path)


# --- OpenDocument -------------------------------------------------------------------------------------------

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _odt_text(node: ET.Element, notes: list[ET.Element]) -> str:
    out = [node.text or ""]
    for child in node:
        if child.tag == TEXT + "s":
            out.append(" " * int(child.get(TEXT + "c", "1")))
        elif child.tag == TEXT + "tab":
            out.append("\t")
        elif child.tag == TEXT + "line-break":
            out.append(" ")
        elif child.tag == TEXT + "note":
            body = child.find(TEXT + "note-body")
            if body is not None:
                notes.append(body)
        elif child.tag != TEXT + "tracked-changes":
            out.append(_odt_text(child, notes))
        out.append(child.tail or "")
    return "".join(out)


def _odt_blocks(node: ET.Element, lines: list[tuple[str, bool]], notes: list[ET.Element]) -> None:
    for child in node:
        if child.tag == TEXT + "tracked-changes":
            continue          # the deleted text of tracked changes lives here: accepted changes leave it out
        if child.tag in (TEXT + "p", TEXT + "h"):
            text = clean_line(_odt_text(child, notes))
            if text:
                lines.append((text, child.tag == TEXT + "h"))
        elif child.tag == TABLE + "table-cell":
            cell_notes: list[ET.Element] = []
            text = clean_line(" ".join(_odt_text(p, cell_notes) for p in child.iter(TEXT + "p")))
            notes.extend(cell_notes)
            if text:
                lines.append((text, False))
        else:
            _odt_blocks(child, lines, notes)


def read_odt(data: bytes, path: str) -> Extracted:
    raw = _zip_part(data, "content.xml", path, "OpenDocument")
    if raw is None:
        raise AlignError(f"{path}: not an OpenDocument text (no content.xml)")
    root = _xml(raw, path, "OpenDocument")
    lines: list[tuple[str, bool]] = []
    notes: list[ET.Element] = []
    _odt_blocks(root, lines, notes)
    for body in notes:
        _odt_blocks(body, lines, [])
    return from_lines(lines, "odt", path)
