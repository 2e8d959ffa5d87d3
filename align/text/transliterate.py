"""Latin spellings of words written in Cyrillic or Greek: a name keeps its sound across scripts (Набиуллина /
Nabiullina, ΕΛΣΤΑΤ / ELSTAT), so the review can look a name up on the other side of a pair."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_CYRILLIC = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")) | {
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "џ": "dz", "ў": "u"}
_GREEK = dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo")) | {
    "θ": "th", "χ": "ch", "ψ": "ps", "ς": "s"}
_LETTERS = _CYRILLIC | _GREEK
_KEPT_WHOLE = str.maketrans({"й": "y", "ё": "yo", "ї": "yi", "ў": "u"})
TRANSLITERATED_SCRIPTS = frozenset(("Cyrillic", "Greek"))
"""The scripts `latin_spelling` reads."""


@lru_cache(maxsize=1 << 14)
def latin_spelling(word: str) -> str | None:
    """The word in lower-case Latin letters (accents dropped first), or None if it holds a letter of another
    script (Latin words come back as they are, lower-cased).

    >>> latin_spelling("Набиуллина"), latin_spelling("ΕΛΣΤΑΤ"), latin_spelling("Χατζηδάκης")
    ('nabiullina', 'elstat', 'chatzidakis')
    """
    lower = word.lower().translate(_KEPT_WHOLE)     # letters whose marks are letters of their own
    plain = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
    out = []
    for char in plain:
        if "a" <= char <= "z" or char in "-'":
            out.append(char)
        elif char in _LETTERS:
            out.append(_LETTERS[char])
        else:
            return None
    return "".join(out)
