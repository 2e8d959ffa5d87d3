"""Bilingual files (XLIFF 1.2 and 2.0, TMX) read with translate-toolkit: their units are pairs already.

`align report FILE.xlf` reviews those pairs as they are (every review rule runs on each unit); `--side source`
or `--side target` takes one side as a document, one unit a line, to align against another file.
"""
from __future__ import annotations

from align.errors import AlignError
from align.text.formats import Extracted, clean_line, from_lines

EXTRA = "pip install 'align-translation-review[formats]'"


def _store(data: bytes, path: str, kind: str):
    try:
        if kind == "tmx":
            from translate.storage import tmx

            return tmx.tmxfile.parsestring(data)
        if b'version="2' in data[:4096] or b"version='2" in data[:4096]:
            from translate.storage import xliff2

            return xliff2.Xliff2File.parsestring(data)
        from translate.storage import xliff

        return xliff.xlifffile.parsestring(data)
    except ImportError:
        raise AlignError(f"{path}: reading {kind.upper()} needs translate-toolkit: {EXTRA}", exit_code=2) from None
    except Exception as err:   # lxml and the toolkit raise many kinds for a broken file: one line for all
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise AlignError(f"{path}: not a valid {kind.upper()} file ({reason[:120]})") from None


def read_bilingual(data: bytes, path: str, kind: str, side: str | None) -> Extracted:
    store = _store(data, path, kind)
    pairs = []
    for unit in store.units:
        if unit.isheader():
            continue
        source, target = clean_line(str(unit.source or "")), clean_line(str(unit.target or ""))
        if source or target:
            pairs.append((source, target))
    if not pairs:
        raise AlignError(f"{path}: no translation units")
    if side not in (None, "source", "target"):
        raise AlignError(f"--side must be source or target, not {side!r}", exit_code=2)
    column = 1 if side == "target" else 0
    lines = [(p[column], False) for p in pairs if p[column]]
    extracted = from_lines(lines, kind, path)
    return Extracted(extracted.text, kind, frozenset(), (), "utf-8", tuple(pairs))
