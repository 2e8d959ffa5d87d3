"""A progress line on stderr (pairs done, rate, time left) that stays quiet when stderr is not a terminal."""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, label: str = "pairs") -> None:
        self.total, self.done, self.label = total, 0, label
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)()) and total > 0
        self.start = self.last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self.last >= 0.2 or self.done == self.total):
            self.last = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float) -> str:
        """`  12/100 pairs  3.4/s  ETA 0:26`."""
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        minutes, seconds = divmod(int(left), 60)
        return f"{self.done:>{len(str(self.total))}}/{self.total} {self.label}  {rate:.1f}/s  ETA {minutes}:{seconds:02d} "

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
