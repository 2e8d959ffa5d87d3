"""OpenDocument text (.odt), read from `content.xml` inside the zip with the standard library.

odfpy was measured against this: its element lists (`getElementsByType`) include the deleted text of tracked
changes (`deleted words` came back first) and give headings apart from the paragraphs' order. Here
`text:h` is a heading, each table cell and list item a line, tracked deletions are left out (changes
accepted) and notes follow the body.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from align.errors import AlignError
from align.text.formats import Extracted, clean_line, from_lines, parse_xml, zip_part

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
    raw = zip_part(data, "content.xml", path, "OpenDocument")
    if raw is None:
        raise AlignError(f"{path}: not an OpenDocument text (no content.xml)")
    root = parse_xml(raw, path, "OpenDocument")
    lines: list[tuple[str, bool]] = []
    notes: list[ET.Element] = []
    _odt_blocks(root, lines, notes)
    for body in notes:
        _odt_blocks(body, lines, [])
    return from_lines(lines, "odt", path)
