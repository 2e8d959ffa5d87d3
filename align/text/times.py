"""Times of day as each language writes them (`14.30 Uhr`, `14 h 30`, `2:30 p.m.`, `3pm`, `15 Uhr`): the same
moment in other notations, so the number check does not read `14.30` against `2, 30` as two disagreeing figures."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MERIDIEM = r"(?:\s?(?P<ampm>[aApP])\.?\s?[mM]\b\.?)"
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?(?P<sep>[:.hH])\s?(?P<m>[0-5]\d)(?![\d.,:]?\d)"
    r"(?:\s?(?P<unit>Uhr|heures?|hrs?|h)\b)?" + _MERIDIEM + "?")
_HOUR = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:\s?(?P<unit>Uhr|heures?|h)\b(?!\s?\d)|" + _MERIDIEM + ")")


@dataclass(frozen=True)
class TimeOfDay:
    """A time of day in a text: where it stands, and its minutes after midnight (`twelve_hour`: written without
    a.m. or p.m. and with an hour of 12 or less, so it may be either half of the day)."""

    start: int
    end: int
    minutes: int
    twelve_hour: bool

    def same_moment(self, other: "TimeOfDay") -> bool:
        """The same time, where `2:30` and `14.30 Uhr` agree only when one of them does not say which half."""
        if self.minutes == other.minutes:
            return True
        return (self.twelve_hour or other.twelve_hour) and self.minutes % 720 == other.minutes % 720


@lru_cache(maxsize=1 << 14)
def times_of_day(text: str) -> tuple[TimeOfDay, ...]:
    """The times of day a text writes. `14.30` alone is a decimal: a point separates hours and minutes only with
    `Uhr`, `h` or a.m./p.m. after it; a colon or an `h` (`14h30`, `14 h 30`) always does.

    >>> [(t.minutes, t.twelve_hour) for t in times_of_day("um 14.30 Uhr, at 2:30 p.m., à 9 h 05, 3pm, 15 Uhr")]
    [(870, False), (870, False), (545, True), (900, False), (900, False)]
    >>> times_of_day("a rise of 14.30 points, 24 h a day")
    ()
    """
    if not any(c.isdigit() for c in text):
        return ()
    found: list[TimeOfDay] = []
    taken: list[tuple[int, int]] = []
    for match in _CLOCK.finditer(text):
        if match.group("sep") == "." and not (match.group("unit") or match.group("ampm")):
            continue
        hour, minute = int(match.group("h")), int(match.group("m"))
        found.append(_time(match, hour, minute))
        taken.append(match.span())
    for match in _HOUR.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or (match.group("unit") == "h" and _duration(text, match)):
            continue
        found.append(_time(match, int(match.group("h")), 0))
    return tuple(sorted(found, key=lambda t: t.start))


def _duration(text: str, match: re.Match[str]) -> bool:
    """`24 h a day`, `48 h` after `en` or `pendant`: hours counted, not a time of day (a time names an hour
    under 24 before `h`, and `24 h` is none)."""
    before = text[max(0, match.start() - 9):match.start()].lower()
    return int(match.group("h")) >= 24 or before.rstrip().endswith(("en", "pendant", "dans", "durant", "for", "in"))


def _time(match: re.Match[str], hour: int, minute: int) -> TimeOfDay:
    ampm = (match.group("ampm") or "").lower()
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    twelve_hour = not ampm and hour <= 12 and match.group("unit") is None
    return TimeOfDay(match.start(), match.end(), hour * 60 + minute, twelve_hour)
