"""Documents as translators hold them (Word, OpenDocument, web pages, Markdown, subtitles, XLIFF, TMX), read into
the plain text the toolkit aligns: one paragraph a line, with the units that must stay apart (table cells, list
items, subtitle cues) on lines of their own, and the headings the format marks.

`read_input` chooses the reader by content first (a zip with `word/document.xml` is Word whatever its name),
then by extension; plain text stays the default and behaves exactly as `load.read_document`. Every reader is a
pure function of the file's bytes, so the same file gives the same text, byte for byte.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from typing import TYPE_CHECKING

from align.errors import AlignError

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

FORMATS = ("text", "docx", "odt", "html", "md", "srt", "vtt", "xliff", "tmx")
"""What `--format-in` accepts; PDF is refused with a pointer to what to export instead."""

_EXTENSIONS = {".txt": "text", ".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".xhtml": "html",
               ".md": "md", ".markdown": "md", ".srt": "srt", ".vtt": "vtt", ".xlf": "xliff", ".xliff": "xliff",
               ".sdlxliff": "xliff", ".mxliff": "xliff", ".tmx": "tmx", ".pdf": "pdf"}


@dataclass(frozen=True)
class Unit:
    """A piece of the document the format delimits (a subtitle cue, a table cell): its characters in the
    extracted text, its kind and the label the format gives it (a cue's number and times)."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass(frozen=True)
class Extracted:
    """A document's text as the toolkit aligns it, where it came from, the line offsets that are headings by
    the format's own marking (a Word heading style, `<h2>`, `# `), and its units."""

    text: str
    format: str = "text"
    headings: frozenset[int] = frozenset()
    units: tuple[Unit, ...] = ()
    encoding: str = "utf-8"
    pairs: tuple[tuple[str, str], ...] = field(default=(), repr=False)   # a bilingual file's units, in order


def text_and_headings(document: "str | Extracted") -> tuple[str, frozenset[int]]:
    """A document's text, and the line offsets its format marks as headings (none for a plain string)."""
    if isinstance(document, str):
        return document, frozenset()
    return document.text, document.headings


def detect_format(path: str, data: bytes) -> str:
    """The reader for these bytes: by content where it is unmistakable, else by the file's extension."""
    if data[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            names = set()
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
    if data[:5] == b"%PDF-":
        return "pdf"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"webvtt"):
        return "vtt"
    if b"<xliff" in head:
        return "xliff"
    if b"<tmx" in head:
        return "tmx"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    by_name = _EXTENSIONS.get(os.path.splitext(path)[1].lower())
    return by_name or "text"


def read_input(path: str, encoding: str | None = None, format: str | None = None,
               side: str | None = None) -> Extracted:
    """Read any supported document into `Extracted`; `format` forces a reader, `side` takes the `source` or
    `target` side of a bilingual file (XLIFF, TMX) as a document. Every failure is one AlignError."""
    from align.text.load import MAX_LINE_CHARS, check_line_lengths, read_bytes

    data = read_bytes(path)
    extracted = _extract(path, data, encoding, format, side)
    check_line_lengths(extracted.text, path, MAX_LINE_CHARS)   # on what is aligned, not on the markup
    return extracted


def _extract(path: str, data: bytes, encoding: str | None, format: str | None, side: str | None) -> Extracted:
    from align.text.load import decode

    whole = len(data) + 1       # markup may put a page on one line: the length limit applies to the text read
    kind = format or detect_format(path, data)
    if kind not in FORMATS and kind != "pdf":
        raise AlignError(f"unknown input format {kind!r} (formats: {', '.join(FORMATS)})", exit_code=2)
    if kind == "pdf":
        raise AlignError(f"{path}: PDF is not read (its paragraphs cannot be recovered faithfully); export it as "
                         "text or .docx")
    if kind == "text":
        doc = decode(data, name=path, encoding=encoding)
        return Extracted(doc.text, "text", encoding=doc.encoding)
    if kind == "docx":
        from align.text.formats import docx

        return docx.read_docx(data, path)
    if kind == "odt":
        from align.text.formats import odt

        return odt.read_odt(data, path)
    if kind in ("xliff", "tmx"):
        from align.text.formats import bilingual

        return bilingual.read_bilingual(data, path, kind, side)
    text = decode(data, name=path, encoding=encoding, max_line=whole).text
    if kind == "html":
        from align.text.formats import web

        return web.read_html(text, path)
    if kind == "md":
        from align.text.formats import markdown

        return markdown.read_markdown(text, path)
    from align.text.formats import subtitles

    return subtitles.read_subtitles(text, path, kind)


def from_lines(lines: list[tuple[str, bool]], format: str, path: str,
               units: list[tuple[int, str, str]] | None = None) -> Extracted:
    """The text of (line, is heading) pairs, one a line, and the units given as (line number, kind, label)."""
    text, offsets, headings = [], [], set()
    position = 0
    for line, heading in lines:
        offsets.append(position)
        if heading:
            headings.add(position)
        text.append(line)
        position += len(line) + 1
    found = tuple(Unit(offsets[k], offsets[k] + len(lines[k][0]), kind, label) for k, kind, label in units or ())
    joined = "\n".join(text) + ("\n" if text else "")
    if not joined.strip():
        raise AlignError(f"{path}: no text in the document")
    return Extracted(joined, format, frozenset(headings), found)


def clean_line(text: str) -> str:
    """One paragraph on one line: every run of white space (line breaks in a cell included) one space."""
    return " ".join(text.split())


def zip_part(data: bytes, name: str, path: str, kind: str) -> bytes | None:
    """One part of a zip-based document (None when it is absent); a broken zip is one AlignError."""
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


def parse_xml(raw: bytes, path: str, kind: str) -> "ET.Element":
    """The root of an XML part; broken XML is one AlignError naming the file."""
    import xml.etree.ElementTree as ET

    try:
        return ET.fromstring(raw)
    except ET.ParseError as err:
        raise AlignError(f"{path}: not a {kind} document (broken XML: {err})") from None
