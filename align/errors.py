"""The one exception type of the toolkit: a one-line message a user can act on."""
from __future__ import annotations


class AlignError(Exception):
    """Bad input or bad usage; `exit_code` is 1 for bad data, 2 for bad usage."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
