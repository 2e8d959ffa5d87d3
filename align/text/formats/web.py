"""Web pages and HTML fragments: the article's text, not the page's menus, share bars and footers.

Blocks (`p`, `h1`-`h6`, `li`, table cells, `blockquote`, `figcaption`, `pre`, and text directly in a `div`)
become lines in page order; whatever sits in `nav`, `header`, `footer`, `aside`, `form`, `script`, `style` or an
element whose class or id names a menu, a share bar, a sidebar, a footer, a copyright or a "most read" box is
left out. "Related" links inside the article stay: they are what the review reports as injected lines.
trafilatura and readability-lxml were measured on pages written like Xinhua's and China Daily's (see the README):
both lost the China Daily headline, readability kept the share bar, and both need lxml; this reader keeps the
headline, leaves out the "Most viewed" box and needs no dependency.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from align.text.formats import Extracted, clean_line, from_lines

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "figcaption", "pre", "dt", "dd",
           "caption"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "svg", "button",
         "select", "iframe", "object"}
_SKIP_NAMES = re.compile(r"(^|[-_ ])(nav|navbar|menu|topnav|breadcrumbs?|share|sharing|social|sidebar|footer|"
                         r"copyright|most-?(viewed|read|popular)|hot-?news|advert|ads?|banner|cookie|"
                         r"subscribe|newsletter|comments?|side|siderail|rail|widget|trending|popular|recommend(ed)?)"
                         r"($|[-_ ])", re.IGNORECASE)
_BOX_TITLE = re.compile(r"^(most (viewed|read|popular|shared)|trending( now)?|popular|editor'?s picks|"
                        r"you may (also )?like|recommended( for you)?|hot (news|topics))\s*:?$", re.IGNORECASE)
"""A heading that opens a site's box of other stories: the box is left out, heading and all."""
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param",
         "track"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, bool]] = []
        self.stack: list[tuple[str, bool]] = []     # (tag, skipped)
        self.buffer: list[str] = []
        self.heading = False
        self.in_title = False      # the page's <title> is the browser tab's, not the article's

    @property
    def skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def flush(self) -> None:
        text = clean_line("".join(self.buffer))
        if text and self.heading and _BOX_TITLE.match(text):
            self._skip_container()
        elif text and not self.skipping:
            self.lines.append((text, self.heading))
        self.buffer, self.heading = [], False

    def _skip_container(self) -> None:
        """Leave out the element around the heading just read (a "Most viewed" box), from here to its end."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] not in _HEADINGS:
                self.stack[k] = (self.stack[k][0], True)
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.buffer.append(" ")
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipped = tag in _SKIP or bool(_SKIP_NAMES.search(names)) or "navigation" in names.lower()
        if tag == "title":
            self.in_title = True
        if tag in _BLOCKS or tag == "div" or tag in ("section", "article", "main", "body", "table", "tr", "ul",
                                                     "ol", "figure"):
            self.flush()
        self.stack.append((tag, skipped))
        if tag in _HEADINGS:
            self.heading = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS or tag in ("div", "section", "article", "main", "body", "table", "tr", "ul", "ol",
                                     "figure"):
            self.flush()
        for k in range(len(self.stack) - 1, -1, -1):   # close up to the matching tag (HTML forgives bad nesting)
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            return
        if not self.skipping:
            self.buffer.append(data)


def read_html(text: str, path: str) -> Extracted:
    """The article's lines of a page (or of a fragment without `<html>`), headings marked."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser.flush()
    return from_lines(parser.lines, "html", path)
