"""Glossaries a translation must follow: TSV or CSV (source term, target terms) or TBX, read into `Term`s."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from align.errors import AlignError


@dataclass(frozen=True)
class Term:
    """A glossary entry: a source term and the target terms any of which renders it."""

    source: str
    targets: tuple[str, ...]


def read_glossary(path: str, source_lang: str | None = None, target_lang: str | None = None) -> tuple[Term, ...]:
    """Terms from a TSV or CSV file (source term, target term; more target columns are alternatives; a header
    row `source,target` is skipped) or a TBX file (the entries' terms in the two languages)."""
    from align.text.load import read_document

    doc = read_document(path)
    if path.lower().endswith(".tbx") or doc.text.lstrip().startswith("<"):
        return _read_tbx(path, doc.text, source_lang, target_lang)
    first = doc.text.splitlines()[0] if doc.text else ""
    delimiter = "\t" if "\t" in first else ","
    by_source: dict[str, list[str]] = {}
    for number, row in enumerate(csv.reader(io.StringIO(doc.text), delimiter=delimiter), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and [c.casefold() for c in cells[:2]] == ["source", "target"]:
            continue
        if len(cells) < 2 or not cells[0] or not any(cells[1:]):
            raise AlignError(f"{path}:{number}: a glossary line needs a source term and a target term")
        by_source.setdefault(cells[0], []).extend(c for c in cells[1:] if c)
    if not by_source:
        raise AlignError(f"{path}: the glossary has no terms")
    return tuple(Term(s, tuple(dict.fromkeys(t))) for s, t in by_source.items())


def _read_tbx(path: str, text: str, source_lang: str | None, target_lang: str | None) -> tuple[Term, ...]:
    """TBX (v2 `termEntry/langSet/tig/term` or v3 `conceptEntry/langSec/termSec/term`), without namespaces
    mattering; languages matched on their primary subtag."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        raise AlignError(f"{path}: not a TBX file ({err})") from None
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    entries = []
    for entry in root.iter():
        if local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = defaultdict(list)
        for lang_set in entry:
            if local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(lang_attr) or lang_set.get("lang") or "").split("-")[0].lower()
            for node in lang_set.iter():
                if local(node.tag) == "term" and (node.text or "").strip():
                    terms[lang].append(node.text.strip())
        entries.append(terms)
    languages = sorted({lang for e in entries for lang in e})
    src = (source_lang or (languages[0] if languages else "")).split("-")[0].lower()
    tgt = (target_lang or next((x for x in languages if x != src), "")).split("-")[0].lower()
    found = tuple(Term(s, tuple(e[tgt])) for e in entries if e.get(src) and e.get(tgt) for s in e[src])
    if not found:
        raise AlignError(f"{path}: no TBX entry has terms in both {src or '?'} and {tgt or '?'}")
    return found
