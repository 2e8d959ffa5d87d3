"""Subtitles (SubRip .srt, WebVTT .vtt): cues are the document's units, their numbers and times kept.

A sentence that runs over several cues is joined into one line for alignment (cues are cut by reading speed,
not by sentence), and every cue stays a unit with its characters in that line, so a pair points back to the
cues it covers (`report.json` lists them with their times).
"""
from __future__ import annotations

import re

from align.errors import AlignError
from align.text.formats import Extracted, Unit, clean_line

_TIME = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*({_TIME})\s*-->\s*({_TIME})")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")
_SENTENCE_END = re.compile(r"[.!?…。！？»”\"')\]]\s*$")


def _cues(text: str, path: str, kind: str) -> list[tuple[str, str]]:
    """(label, text) of every cue: the label is the cue's number (or id) and its times."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip("\n\ufeff"))
    cues = []
    for block in blocks:
        rows = [r for r in block.split("\n") if r.strip()]
        if not rows or (kind == "vtt" and rows[0].strip().upper().startswith(("WEBVTT", "NOTE", "STYLE", "REGION"))):
            continue
        timing = next((k for k, r in enumerate(rows) if _TIMING.match(r)), None)
        if timing is None:
            raise AlignError(f"{path}: a cue without a time line ({rows[0][:40]!r}); not a {kind} file?")
        number = rows[timing - 1].strip() if timing else str(len(cues) + 1)
        start, end = _TIMING.match(rows[timing]).groups()
        words = clean_line(_TAG.sub("", " ".join(rows[timing + 1:])))
        if words:
            cues.append((f"{number} {start} --> {end}", words))
    if not cues:
        raise AlignError(f"{path}: no subtitle cues")
    return cues


def read_subtitles(text: str, path: str, kind: str) -> Extracted:
    cues = _cues(text, path, kind)
    lines: list[str] = []
    units: list[Unit] = []
    position, current = 0, ""
    for label, words in cues:
        if current:
            current += " "
        start = position + len(current)
        current += words
        units.append(Unit(start, start + len(words), "cue", label))
        if _SENTENCE_END.search(words):       # the sentence ends with this cue: the line is complete
            lines.append(current)
            position += len(current) + 1
            current = ""
    if current:
        lines.append(current)
    return Extracted("\n".join(lines) + "\n", kind, frozenset(), tuple(units))
