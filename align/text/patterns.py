"""Regular expressions compiled on first use, for the patterns a run over Latin-script text never needs.

A character class over a large Unicode block (Han, Hangul) takes Python's `re` milliseconds to compile, as it
walks every code point of the block: compiled at import, such patterns were a tenth of a short review's
start-up. Patterns every run uses are compiled at import as usual.
"""
from __future__ import annotations

import re
import threading


class LazyPattern:
    """A `re.Pattern` that compiles itself the first time it is used; otherwise used as one
    (`search`, `match`, `finditer`, `findall`, `sub`...)."""

    __slots__ = ("pattern", "flags", "_compiled")
    _lock = threading.Lock()

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once, by whichever thread asks first)."""
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str):
        # `search`, `match`, `finditer`, `sub`... are the compiled pattern's own
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


_PAST_COMMON_BLOCKS = re.compile("[^\x00-\u0dff\u2000-\u206f\u20a0-\u20cf]")
# written as what it leaves out, and that kept small: `re` walks every code point of a class's ranges when it
# compiles it (1 ms here; the complement, up to U+10FFFF, would take 10)


def past_common_blocks(text: str) -> bool:
    """Whether `text` holds a character past the blocks most texts keep to (every script before Thai, general
    punctuation, currency signs). A text that holds none has no Thai, Lao, Myanmar, Khmer, Hangul, Han or
    Kana, so a pattern for those may be left uncompiled and a simpler one used in its place."""
    return not text.isascii() and _PAST_COMMON_BLOCKS.search(text) is not None


def _combining_marks() -> str:
    """A character class body of the combining marks (Unicode categories Mn, Mc, Me) of the blocks that hold
    them: the vowel signs and viramas of Devanagari and the other Indic scripts, Hebrew points, Arabic harakat,
    combining accents. Python's `\\w` leaves them out, which cut `रिज़र्व` into `र`, `ज`, `र`, `व`."""
    import unicodedata

    ranges: list[list[int]] = []
    for first, end in ((0x0300, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30)):
        for code in range(first, end):
            if unicodedata.category(chr(code)).startswith("M"):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


COMBINING_MARKS = _combining_marks()
_HAS_MARK = re.compile("[" + COMBINING_MARKS + "]")
_LETTERS = re.compile(r"[^\W\d_]+")
_LETTERS_WITH_MARKS = re.compile(r"(?:[^\W\d_]|[" + COMBINING_MARKS + r"])+")
_WORDS = re.compile(r"\w+")
_WORDS_WITH_MARKS = re.compile(r"(?:\w|[" + COMBINING_MARKS + r"])+")


def letter_runs(text: str, figures: bool = False) -> list[str]:
    """The runs of letters of `text` (with `figures`, of letters and digits), a letter's combining marks kept in
    its run (`रिज़र्व` is one word); the plain pattern, faster, where the text holds no mark."""
    marked = not text.isascii() and _HAS_MARK.search(text) is not None
    if figures:
        return (_WORDS_WITH_MARKS if marked else _WORDS).findall(text)
    return (_LETTERS_WITH_MARKS if marked else _LETTERS).findall(text)
