"""Sentences the translation moved: where the alignment found a source segment and a target segment out of
order that translate each other, their pairs say "moved" instead of "dropped", "added" or "low similarity"."""
from __future__ import annotations

from typing import Sequence

from align.review.flags import WARNING, Flag, Span
from align.search.moves import Move
from align.text.segment import Segment

REPLACED = frozenset({"dropped", "added", "low_similarity", "number_mismatch", "entity_mismatch", "partial_omission",
                      "merged", "split", "reordered", "date_mismatch"})
"""What a pair made only of moved segments owes to the move: it is rendered elsewhere, and the sides it was
paired with are strangers, whose numbers and names say nothing."""


def _quoted(segment: Segment, limit: int = 60) -> str:
    text = segment.text if len(segment.text) <= limit else segment.text[:limit].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def moved_flags(pairs: Sequence[tuple[Sequence[Segment], Sequence[Segment], tuple[Flag, ...]]],
                moves: Sequence[Move], source: Sequence[Segment], target: Sequence[Segment],
                sides: tuple[str, str] = ("source", "translation")) -> list[tuple[Flag, ...]]:
    """Each pair's flags with its moved segments said: a `moved` warning naming where the other half stands,
    in place of the flags that only the move caused."""
    by_source = {m.source: m for m in moves}
    by_target = {m.target: m for m in moves}
    out = []
    for src, tgt, flags in pairs:
        notes, spans = [], []
        for s in src:
            if s.index in by_source:
                t = target[by_source[s.index].target]
                notes.append(f"this {sides[0]} sentence is rendered elsewhere in the {sides[1]}, by {t.id} "
                             f"{_quoted(t)}")
                spans.append(Span("source", s.id, 0, len(s.text)))
        for t in tgt:
            if t.index in by_target:
                s = source[by_target[t.index].source]
                notes.append(f"this {sides[1]} sentence renders {s.id} {_quoted(s)}, which stands elsewhere in "
                             f"the {sides[0]}")
                spans.append(Span("target", t.id, 0, len(t.text)))
        if not notes:
            out.append(flags)
            continue
        # a pair whose every segment moved: its comparison flags compared strangers
        whole = all(s.index in by_source for s in src) and all(t.index in by_target for t in tgt)
        kept = tuple(f for f in flags if not (whole and f.type in REPLACED))
        message = "Moved: " + "; ".join(notes) + "."
        out.append(kept + (Flag("moved", WARNING, message, tuple(spans)),))
    return out
