"""`report.md`: the summary and the flagged pairs, for an e-mail or a ticket."""
from __future__ import annotations

from html import escape

from align.review.review import Review


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|!"})


def _quote(text: str) -> str:
    """Document text as Markdown shows it literally, on one line: HTML escaped, and every character that could
    open a link, an image, code or emphasis backslash-escaped, so that a document cannot put a live
    `[x](javascript:...)` or a tracking `![](http://...)` into the report.

    >>> print(_quote("[x](javascript:alert(1)) ![](http://t/p.png) <b>"))
    \\[x\\](javascript:alert(1)) \\!\\[\\](http://t/p.png) &lt;b&gt;
    """
    return escape(text, quote=False).translate(_MARKDOWN_SPECIAL).replace("\n", " ").replace("\r", " ")


def count_of(n: int, word: str) -> str:
    """`1 error`, `0 errors`: a count and its noun, plural when it is not one."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def format_review_md(review: Review) -> str:
    s = review.summary
    lines = [f"# Translation review: {_quote(review.source.path)} ({_quote(review.source.lang)}) → "
             f"{_quote(review.target.path)} ({_quote(review.target.lang)})", "",
             f"- Segments: {s.source_segments} source, {s.target_segments} target "
             f"({s.source_words} / {s.target_words} words)",
             f"- Source sentences with a translation: {s.source_aligned:.0%}; "
             f"target sentences with a source: {s.target_aligned:.0%}",
             f"- Mean score of the pairs: {s.mean_score:.2f}",
             f"- Flags: {count_of(s.severities['error'], 'error')}, {count_of(s.severities['warning'], 'warning')}, "
             f"{count_of(s.severities['info'], 'note')}"
             + (" (" + ", ".join(f"{k} {v}" for k, v in s.flags.items()) + ")" if s.flags else "")]
    lines[2:2] = [f"> **Warning:** {_quote(str(w))}" for w in s.warnings] + ([""] if s.warnings else [])
    lines += [f"- Note: {_quote(note)}" for note in s.notes] + [""]
    flagged = [(k, p) for k, p in enumerate(review.pairs) if p.flags]
    if not flagged:
        lines.append("Nothing to review: every pair reads as a faithful translation.")
        return "\n".join(lines) + "\n"
    lines += ["## Flagged pairs", ""]
    for k, pair in flagged:
        ids = " ".join(x.id for x in pair.source + pair.target)
        lines.append(f"### Pair {k} ({ids}), score {pair.score:.2f}")
        lines.append("")
        for flag in pair.flags:
            lines.append(f"- **{flag.severity}** `{flag.type}`: {_quote(flag.message)}")
        lines.append("")
        if pair.source:
            lines.append(f"> Source: {_quote(' '.join(x.text for x in pair.source))}")
        if pair.target:
            lines.append(f"> Translation: {_quote(' '.join(x.text for x in pair.target))}")
        lines.append("")
    return "\n".join(lines)
