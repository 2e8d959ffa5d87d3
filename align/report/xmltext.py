"""Text that XML can carry: the characters XML 1.0 forbids outright taken out (TMX, XLIFF and the workbook)."""
from __future__ import annotations

import re

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    r"""`text` without the characters XML 1.0 cannot carry at all.

    >>> xml_text("a\x00b\x0bc")
    'abc'
    """
    return _XML_INVALID.sub("", text)
