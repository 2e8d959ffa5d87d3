"""Whether two sides can be a text and its translation at all, by size alone: checked before any work."""
from __future__ import annotations

from align.errors import AlignError

MAX_LENGTH_RATIO = 20
"""A side this many times longer than the other (plus `LENGTH_SLACK`) is more than a translation can explain:
Chinese against English is about 1 to 3.5 in characters, a summary or a wrong file is far beyond."""
LENGTH_SLACK = 5_000


def check_lengths(source: int, target: int, unit: str = "characters") -> None:
    """Stop, with one line, a pair whose sides differ far more than a translation explains, before the search
    spends time and memory that grow with the longer side (a 200 MB dump against a 12-line text).

    >>> check_lengths(80_000, 4_000)
    >>> check_lengths(900_000, 4_000)
    Traceback (most recent call last):
    ...
    align.errors.AlignError: the source has 900,000 characters against 4,000 in the target, more than a translation explains (at most 20 times as long, plus 5,000); align the part that was translated
    """
    longer, shorter = max(source, target), min(source, target)
    if longer > MAX_LENGTH_RATIO * shorter + LENGTH_SLACK:
        side, other = ("source", "target") if source > target else ("target", "source")
        raise AlignError(f"the {side} has {longer:,} {unit} against {shorter:,} in the {other}, more than a "
                         f"translation explains (at most {MAX_LENGTH_RATIO} times as long, plus {LENGTH_SLACK:,}); "
                         "align the part that was translated")
