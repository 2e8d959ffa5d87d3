"""Markdown: headings, lists, quotes, tables and links read as such, the markup itself left out.

A paragraph's wrapped lines are one line (as Markdown renders them); each list item, table cell and heading is
a line of its own; `[text](url)` is its text, an image and a code block are left out.
"""
from __future__ import annotations

import re

from align.text.formats import Extracted, clean_line, from_lines

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def inline(text: str) -> str:
    """A line's text without Markdown's inline markup.

    >>> inline("See **the [report](http://x.org)** and `code`.")
    'See the report and code.'
    """
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return clean_line(text)


def read_markdown(text: str, path: str) -> Extracted:
    lines: list[tuple[str, bool]] = []
    paragraph: list[str] = []
    fenced = False

    def end_paragraph() -> None:
        if paragraph:
            joined = inline(" ".join(paragraph))
            if joined:
                lines.append((joined, False))
            paragraph.clear()

    for raw in _HTML_COMMENT.sub("", text).splitlines():
        if _FENCE.match(raw):
            end_paragraph()
            fenced = not fenced
            continue
        if fenced:
            continue
        if not raw.strip() or _RULE.match(raw) and not paragraph:
            end_paragraph()
            continue
        if paragraph and _SETEXT.match(raw):
            title = inline(" ".join(paragraph))
            paragraph.clear()
            if title:
                lines.append((title, True))
            continue
        heading = _ATX.match(raw)
        if heading:
            end_paragraph()
            if inline(heading.group(2)):
                lines.append((inline(heading.group(2)), True))
            continue
        if "|" in raw and raw.strip().startswith("|"):
            end_paragraph()
            if not _TABLE_RULE.match(raw):
                lines.extend((inline(c), False) for c in raw.strip().strip("|").split("|") if inline(c))
            continue
        item = _ITEM.match(raw) or (_QUOTE.match(raw) if not paragraph else None)
        if item:
            end_paragraph()
            paragraph.append(item.group(1))
            continue
        quote = _QUOTE.match(raw)
        paragraph.append(quote.group(1) if quote else raw.strip())
    end_paragraph()
    return from_lines(lines, "md", path)
