"""Numbers and dates of a pair: figures that differ once their written forms are normalised, and months of
dates that differ."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

import re

from align.review.flags import ERROR, INFO, WARNING, Flag, Span, segment_text
from align.review.view import UNRELATED_SIMILARITY, PairView
from align.text.dates import month_names, months
from align.text.lang import reads_as_source
from align.text.numbers import DECIMAL_COMMA, Number, find_numbers, spelled_numbers
from align.text.segment import Segment
from align.text.times import times_of_day


def _numbers(side: str, segments: Sequence[Segment], lang: str) -> list[tuple[Number, Span]]:
    return [(n, Span(side, s.id, n.start, n.end)) for s in segments for n in find_numbers(s.text, lang)]


def number_mismatch(pair: PairView) -> tuple[Flag, ...]:
    """Numbers that differ once written forms are normalised (separators, decimal marks, scale words, %)."""
    if not pair.source or not pair.target:
        return ()
    src = _numbers("source", pair.source, pair.source_lang)
    tgt = _numbers("target", pair.target, pair.target_lang)
    if not src and not tgt:
        return ()        # most pairs: no figure on either side (a number written out alone is not compared)
    if Counter(n.key for n, _ in src) != Counter(n.key for n, _ in tgt) and pair.source_lang != pair.target_lang:
        # a segment left in the source language writes its numbers as the source does (`untranslated` says so)
        tgt = [found for t in pair.target for found in _numbers(
            "target", (t,), pair.source_lang if reads_as_source(t.text, pair.source_lang, pair.target_lang)
            else pair.target_lang)]
    src, tgt = _same_times_left_out(src, tgt, pair.source, pair.target)
    common = Counter(n.key for n, _ in src) & Counter(n.key for n, _ in tgt)
    # a number in figures on one side may be written out in words on the other (douze mille, twenty-five)
    src_left = _written_out(_unmatched(src, common), pair.target, pair.target_lang)
    tgt_left = _written_out(_unmatched(tgt, common), pair.source, pair.source_lang)
    if not src_left and not tgt_left:
        return ()
    src_left, tgt_left = _said_otherwise(src_left, tgt_left, pair)
    if not src_left and not tgt_left:
        return ()
    src_left, tgt_left, copied = _written_as_in_source(src_left, tgt_left, pair.source_lang)
    flag = _disagreement(pair, src_left, tgt_left)
    if not copied:
        return (flag,) if flag else ()
    note = (f"{', '.join(n.text for n, _ in copied)} is written the way the {pair.sides[0]} writes numbers: in "
            f"{pair.target_lang} it reads as {', '.join(_readable(n) for n, _ in copied)}; write it as "
            f"{pair.target_lang} does.")
    spans = tuple(span for _, span in copied)
    if flag is None:
        return (Flag("number_mismatch", WARNING, note[0].upper() + note[1:], spans),)
    return (Flag(flag.type, flag.severity, f"{flag.message} Also, {note}", flag.spans + spans),)


def _said_otherwise(src_left: list[tuple[Number, Span]], tgt_left: list[tuple[Number, Span]],
                    pair: PairView) -> tuple[list, list]:
    """The numbers each side has with no counterpart, less those the other side may well say without a figure:
    a date's day (Xinhua's `3日` is `on Tuesday` in English, its `Dec. 3` `mardi` in French) unless the other side
    has a number that could be a day (`20 декабря` / `December 21`: a date to check); the one an exchange rate is
    given against (`1ドル＝150円`: "150 yen to the dollar"); and, where the other side has no figure left to
    compare, a number in words (`_as_words`)."""
    src_days = _days_of_dates(src_left, pair.source) if not any(_could_be_day(n) for n, _ in tgt_left) else []
    tgt_days = _days_of_dates(tgt_left, pair.target) if not any(_could_be_day(n) for n, _ in src_left) else []
    src_left = [found for found in src_left if found not in src_days and not _rate_base(found, pair.source)]
    tgt_left = [found for found in tgt_left if found not in tgt_days and not _rate_base(found, pair.target)]
    if not tgt_left:
        src_left = [found for found in src_left if not _as_words(found, pair.source)]
    if not src_left:
        tgt_left = [found for found in tgt_left if not _as_words(found, pair.target)]
    return src_left, tgt_left


def _same_times_left_out(src: list[tuple[Number, Span]], tgt: list[tuple[Number, Span]], source: Sequence[Segment],
                         target: Sequence[Segment]) -> tuple[list, list]:
    """The numbers of each side without those inside a time of day that the other side gives in its own notation
    (`14.30 Uhr` / `2:30 p.m.`); a time with no counterpart keeps its figures, which the check then compares."""
    src_times = [(s.id, t) for s in source for t in times_of_day(s.text)]
    if not src_times:
        return src, tgt
    tgt_times = [(s.id, t) for s in target for t in times_of_day(s.text)]
    matched_src, matched_tgt = [], []
    free = list(tgt_times)
    for place in src_times:
        other = next((o for o in free if place[1].same_moment(o[1])), None)
        if other is not None:
            free.remove(other)
            matched_src.append(place)
            matched_tgt.append(other)

    def outside(found: list[tuple[Number, Span]], spans: list) -> list[tuple[Number, Span]]:
        return [(n, sp) for n, sp in found
                if not any(sp.segment == seg and t.start <= n.start and n.end <= t.end for seg, t in spans)]
    return outside(src, matched_src), outside(tgt, matched_tgt)


_RATE_AFTER_ONE = re.compile(r"\s*(?:ドル|ユーロ|円|元|美元|欧元|英镑|日元|ポンド|달러|유로|원)?\s*(?:[＝=]|兑换?)")


def _rate_base(found: tuple[Number, Span], segments: Sequence[Segment]) -> bool:
    """The 1 that an exchange rate is given against (`1ドル＝150円`)."""
    number, span = found
    text = segment_text(segments, span)
    return number.value == 1 and not number.percent and _RATE_AFTER_ONE.match(text, number.end) is not None


_FIGURE = re.compile(r"[0-9０-９]")


_ORDINAL = re.compile(r"\d+(?:e|er|re|ère|ème|eme|nd|rd|st|th|º|ª|ᵉ)", re.IGNORECASE)


_PERIOD_ORDINAL = re.compile(r"\.[\s\u00a0]+[^\W\d_]")
"""After a figure inside a sentence, the full stop of an ordinal (`im 3. Quartal`, `zum 2. Mal`, `3. sæti`)."""


def _as_words(found: tuple[Number, Span], segments: Sequence[Segment]) -> bool:
    """What another language writes in words: a number in Chinese or Japanese numerals (两个人 "both of them",
    第七天 "the seventh day"; not `1.2万`), an ordinal (`3e`, `19th`, `2º`, `im 3. Quartal`: third), or a lone 1
    (`1년 전`, "a year earlier": the number most often written as an article)."""
    number, span = found
    if _FIGURE.search(number.text) is None or _ORDINAL.fullmatch(number.text) is not None:
        return True
    if number.value == 1 and not number.percent and number.text.strip() in ("1", "１"):
        return True
    text = segment_text(segments, span)
    # (up to 100: a year before a full stop inside a line, `in 1956. Then`, ends a sentence the line holds)
    return not number.percent and number.value <= 100 and _PERIOD_ORDINAL.match(text, number.end) is not None


_CJK_DAY = re.compile(r"[日号](?![内以后前间来之])|일(?!\s?(?:간|동안|이내|만에|후|전))|月")
"""After a number, the day of a date (`3日`, `3号`, Korean `28일`), not a count of days (`30日内`, within 30 days;
`5일간`); or the last month of a range from January (`1至11月`: "the first 11 months", or "January-November")."""
_DAY_TO_MONTH = 4
"""Characters at most between a day's number and the month after it (`3 December`, `3. Dezember`, `1er mai`) or
between the month and the day after it (`Dec. 3`)."""


def _could_be_day(number: Number) -> bool:
    return not number.percent and 1 <= number.value <= 31 and number.value == number.value.to_integral_value()


def _days_of_dates(found: list[tuple[Number, Span]], segments: Sequence[Segment]) -> list[tuple[Number, Span]]:
    """The numbers of `found` that are the day of a date (`3日`, `Dec. 3`, `3 décembre`) or the months of a range
    from January (`1至11月`): a translation may say them in words (`on Tuesday`, `January-November`)."""
    days = []
    for number, span in found:
        if not _could_be_day(number):
            continue
        text = segment_text(segments, span)
        if _CJK_DAY.match(text, number.end) or any(
                0 <= number.start - m.end <= _DAY_TO_MONTH or 0 <= m.start - number.end <= _DAY_TO_MONTH
                for m in months(text) if m.text[-1:] != "月"):
            days.append((number, span))
    return days


_DECIMALS = {".": re.compile(r"^\d+\.(?:\d{1,2}|\d{4,})(?=\D|$)"), ",": re.compile(r"^\d+,(?:\d{1,2}|\d{4,})(?=\D|$)")}
"""A figure with a decimal point (or comma) that cannot be a thousands separator (not three digits after it)."""


def decimal_mark(pair: PairView) -> tuple[Flag, ...]:
    """An amount or percentage the translation gives with the source language's decimal mark where its own
    language writes the other one (`4.57 billions` in French, which writes `4,57`): the right number in the
    wrong form. Only amounts with a scale word and percentages: version numbers and times (`Web 2.0`,
    `14.30 Uhr`) keep their point."""
    if not pair.source or not pair.target or pair.source_lang == pair.target_lang:
        return ()
    target_comma = pair.target_lang in DECIMAL_COMMA
    if target_comma == (pair.source_lang in DECIMAL_COMMA):
        return ()
    wrong, right = (".", ",") if target_comma else (",", ".")
    source_keys = {n.key for s in pair.source for n in find_numbers(s.text, pair.source_lang)}
    found = [(n, Span("target", t.id, n.start, n.end)) for t in pair.target
             for n in find_numbers(t.text, pair.target_lang)
             if n.key in source_keys and (n.percent or n.text[-1:].isalpha()) and _DECIMALS[wrong].match(n.text)]
    if not found:
        return ()
    shown = ", ".join(n.text for n, _ in found)
    example = found[0][0].text.split()[0].rstrip("%").replace(wrong, right)
    return (Flag("number_mismatch", INFO, f"{shown}: the right number, written with the {pair.sides[0]}'s decimal "
                                          f"mark; {pair.target_lang} writes {example}.", tuple(s for _, s in found)),)


def _readable(number: Number) -> str:
    """A number's value for a message: `12`, `0.5%`, `32.5 x 10^18` (large values by powers of a thousand)."""
    value = number.value.normalize()
    exponent = 0
    if abs(value) >= 1_000_000:
        while abs(value) >= 1000 and exponent < 30:
            value, exponent = value / 1000, exponent + 3
    text = format(value.normalize(), "f") + (f" x 10^{exponent}" if exponent else "")
    return text + ("%" if number.percent else "")


def _written_as_in_source(src_left: list[tuple[Number, Span]], tgt_left: list[tuple[Number, Span]],
                          source_lang: str) -> tuple[list, list, list]:
    """Target numbers that, read the way the source language writes numbers, are a source number left over
    (`12,000` kept in French, where it reads as 12): the same number in the wrong form, not another number.
    Returns the source and target numbers still unmatched, and those target numbers."""
    budget = Counter(n.key for n, _ in src_left)
    copied, kept = [], []
    used: Counter = Counter()
    for number, span in tgt_left:
        again = find_numbers(number.text, source_lang)
        key = again[0].key if len(again) == 1 and again[0].text == number.text else None
        if key is not None and key != number.key and budget[key] > 0:
            budget[key] -= 1
            used[key] += 1
            copied.append((number, span))
        else:
            kept.append((number, span))
    if not copied:
        return src_left, tgt_left, []
    return _unmatched(src_left, used), kept, copied


def _disagreement(pair: PairView, src_left: list[tuple[Number, Span]],
                  tgt_left: list[tuple[Number, Span]]) -> Flag | None:
    """The flag for the numbers of each side with no counterpart on the other."""
    if not src_left and not tgt_left:
        return None
    shown_src = ", ".join(n.text for n, _ in src_left) or "nothing"
    shown_tgt = ", ".join(n.text for n, _ in tgt_left) or "nothing"
    if src_left and tgt_left:
        message = f"Numbers disagree: the {pair.sides[0]} has {shown_src} where the {pair.sides[1]} has {shown_tgt}."
        severity = ERROR
    elif src_left:
        message = f"The {pair.sides[0]}'s {shown_src} does not appear in the {pair.sides[1]}."
        severity = WARNING
    else:
        message = f"The {pair.sides[1]} has {shown_tgt}, which is not in the {pair.sides[0]}."
        severity = WARNING
    if severity == WARNING and pair.lexical and pair.similarity < UNRELATED_SIMILARITY:
        return None  # numbers missing from sides that share nothing: `low_similarity` already covers it
    # (where the sides share no content to compare, as a short text across scripts, every similarity is low and
    # `low_similarity` is silent: a figure missing is then among the few things the review can tell)
    return Flag("number_mismatch", severity, message, tuple(s for _, s in src_left + tgt_left))


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def date_mismatch(pair: PairView) -> tuple[Flag, ...]:
    """Dates in another month: both sides name months in dates (`Aug. 31`, `31 juillet`, `8月31日`) and they
    differ, which the number check cannot see when the day agrees."""
    if not pair.source or not pair.target:
        return ()
    src = [(m, Span("source", s.id, m.start, m.end)) for s in pair.source for m in months(s.text)]
    if not src:
        return ()
    tgt = [(m, Span("target", t.id, m.start, m.end)) for t in pair.target for m in months(t.text)]
    if not tgt:
        return ()
    # a dated month is kept when the other side names it anywhere: `2,4 % im Oktober` / `2.4% in October` reads
    # as a date on one side only when the figures stand at other distances from the names
    src_named = Counter(m.key for s in pair.source for m in month_names(s.text))
    tgt_named = Counter(m.key for t in pair.target for m in month_names(t.text))
    src_left = _unmatched(src, Counter(m.key for m, _ in src) & tgt_named)
    tgt_left = _unmatched(tgt, Counter(m.key for m, _ in tgt) & src_named)
    if not src_left or not tgt_left:
        return ()
    said = ", ".join(f"{_MONTH_NAMES[m.month - 1]} ({m.text})" for m, _ in src_left)
    written = ", ".join(f"{_MONTH_NAMES[m.month - 1]} ({m.text})" for m, _ in tgt_left)
    return (Flag("date_mismatch", ERROR, f"Dates disagree: the {pair.sides[0]} has {said} where the "
                                         f"{pair.sides[1]} has {written}.",
                 tuple(span for _, span in src_left + tgt_left)),)


def _written_out(left: list[tuple[Number, Span]], other: Sequence[Segment], lang: str) -> list[tuple[Number, Span]]:
    """The numbers of `left` that the other side does not write out in words."""
    if not left:
        return left
    spelled = {key for seg in other for key in spelled_numbers(seg.text, lang)}
    return [(n, span) for n, span in left if n.percent or n.key not in spelled]


def _unmatched(found: list, common: Counter) -> list:
    """The (number or month, span) of `found` left once `common` (counts by `key`) is used up, in order."""
    budget = Counter(common)
    left = []
    for item, span in found:
        if budget[item.key] > 0:
            budget[item.key] -= 1
        else:
            left.append((item, span))
    return left
