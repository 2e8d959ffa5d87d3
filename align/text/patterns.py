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
