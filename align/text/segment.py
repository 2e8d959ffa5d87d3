"""Segments: a document's text cut into sentences, headings, meta, link and boilerplate lines.

Every segment keeps its exact text and its character span in the document, so reports can show the
original and highlight inside it; `text[s.start:s.end] == s.text` always holds, `text` being the document as
read (a hard-wrapped plain text is read with the line breaks inside its paragraphs as spaces: `unwrapped`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from align.text.lang import HAN_KANA_CHARACTERS, MONTHS, STOPWORDS, UNSPACED_RUN, abbreviations, detect_language
from align.text.patterns import LazyPattern, past_common_blocks

SENTENCE, HEADING, META, LINK, BOILERPLATE = "sentence", "heading", "meta", "link", "boilerplate"
KINDS = (SENTENCE, HEADING, META, LINK, BOILERPLATE)


@dataclass(frozen=True)
class Span:
    """Characters `start:end` of one segment's text, on the `source` or `target` side."""

    side: str
    segment: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One unit of a document: `index` is 0-based in the document, `paragraph` 1-based (as a reader counts)."""

    doc: str
    index: int
    text: str
    start: int
    end: int
    kind: str = SENTENCE
    paragraph: int = 1
    padding: tuple[str, str] = ("", "")   # white space around a presegmented line (a CAT segment's own spaces)

    @property
    def id(self) -> str:
        """Stable id, e.g. `s3` for the fourth segment of the source."""
        return f"{self.doc}{self.index}"


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SPACE = " \t\u00a0\u202f\u2009\u2007\u2002\u2003\u200b\ufeff\f\v"

_LINK_LINE = re.compile(
    r"^(?::(?!\s*$)|(?:à |a )?lire (?:aussi|également|la suite)|(?:à )?voir (?:aussi|également)|sur le même sujet"
    r"|pour aller plus loin|en savoir plus|read (?:more|also)|also read|related(?: article)?s?|more on this"
    r"|see also|lesen sie (?:auch|mehr)|mehr zum thema|siehe auch|weiterlesen|lea también|leer más|leggi anche"
    r"|vedi anche|leia também|veja também|lees ook|zie ook)\b|^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BOILERPLATE_LINE = re.compile(
    r"^(?:return to (?:list|top|home)|back to (?:top|list|home)|print|share|close|next|previous|more"
    r"|retour (?:à la liste|en haut)|imprimer|partager|zurück(?: zur liste)?|nach oben|drucken|teilen"
    r"|all rights reserved|tous droits réservés|alle rechte vorbehalten)\W*$"
    r"|^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_META_LINE = re.compile(
    r"^(?:date\s+)?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
    r"|^(?:sources?|source ?:|editor|éditeur|rédaction|redaktion|photo|foto|credit|crédit|updated|mis à jour"
    r"|published|publié|by|par|von|por|di|door)\s*[:/]"
    r"|^sources?\b(?=.*(?:https?://|\d/))"
    r"|^(?:by|par|von|por|door)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}\s*$"
    r"|^\[?(?:photo|foto)\s*/\s*[^\]]*\]?$"
    # translator credits: `( Traduit par L. S. )`, `Translated from the German by ...`, `Übersetzung: ...`
    r"|^[\[(]\s*(?:(?:traduit|traduction|translated|translation|übersetzt|übersetzung|traducido|traducción"
    r"|tradotto|traduzione|vertaald|vertaling|traduzido|tradução)\b|trad\.)[^()\[\]]{0,60}[\])]\s*\.?$"
    r"|^(?:traduit|translated|übersetzt|traducido|tradotto|vertaald|traduzido)\b[^.!?]{0,30}?"
    r"\s(?:par|by|von|por|da|door)\s+[^!?]{1,40}$"
    r"|^(?:traduction|translation|übersetzung|traducción|traduzione|vertaling|tradução)\s*:\s*[^!?]{1,50}$"
    # editorial notes: a line wholly in square brackets (`[ ... ]`, `[Illustration]`; parentheses hold the
    # author's own asides), a translator's or editor's mark (`( Tr . )`, `(N.d.T.)`), a footnote (`[1] In the
    # cipher ...`), an editor's or translator's note (`[Redactor: ...`, `[N.d.T. : ...`)
    r"|^\[[^\[\]]{0,60}\]\s*\.?$"
    r"|^\(\s*(?:tr|trad|n\.?\s*d\.?\s*t|n\.?\s*du\s*t|ed|éd|anm\.?\s*d\.?\s*(?:übers|red))\s*\.?\s*\)\s*\.?$"
    r"|^\[\s*\d{1,3}\s*\]\s*\S"
    r"|^[\[(]\s*(?:redactor|editor|editor'?s note|transcriber'?s note|note|n\.\s*d\.\s*t\.|note du traducteur"
    r"|anm\.(?:\s*d\.\s*übers\.)?|nota del traductor)\s*:",
    re.IGNORECASE)
_DATE_PREFIX = re.compile(r"^(?:date\s+)?\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?=\s|$)", re.IGNORECASE)
# `BEIJING, Aug. 31 (Xinhua) --`, `PARIS (AFP) -`, `BERLIN, 3. Mai (dpa) –`, `GENEVA --`
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{2,40}(?:,\s*[^()\n]{1,30}?)?\s*"
    r"(?:\([A-Za-zÀ-ÿ][\w .&/-]{1,30}\)\s*(?:--|—|–|-)?|(?:--|—|–))(?=\s)")
_CREDIT_SUFFIX = re.compile(r"\s*[\[(](?:photo|foto|image|picture)\s*[/:][^\])]{1,60}[\])]\s*$", re.IGNORECASE)

# A sentence ends at `.`, `!`, `?` (and `;` in Greek, `؟`, `।`, `։`, `።`, `۔` in their scripts) before white
# space; in Chinese and Japanese at `。！？` or `……` with no space after (closing quotes and brackets stay
# with the sentence they close).
_CLOSERS = "\"'”’»)\\]」』）》〉】"


def _terminator(han_kana: bool) -> str:
    """The sentence-end pattern; with `han_kana`, also `!` and `?` before Chinese or Japanese (a text that has
    none of those scripts gets the same ends without them, and that pattern compiles in a fifth of the time)."""
    glued = r"|[!?]+(?=[" + _CLOSERS + r"]*[" + HAN_KANA_CHARACTERS + r"])" if han_kana else ""
    return (r"(?:\.{3}|…|[.!?;\u037e؟।॥։።۔]+)(?:[" + _CLOSERS + r"]|[\u00a0\u202f ](?=»))*(?=[\s]+(?P<next>\S))"
            r"|(?P<wide>[。！？｡．]+|……" + glued + r")[" + _CLOSERS + r"]*(?=\s*(?P<wide_next>\S))")


_TERMINATOR = re.compile(_terminator(False))
_TERMINATOR_BY_HAN_KANA = LazyPattern(_terminator(True))
_SENTENCE_END = re.compile(r"[.,!?…:;。！？｡．；：，、؟।॥։።۔\u037e][" + _CLOSERS + r"\s\u00a0\u202f]*$")
# `新华社北京8月31日电（记者 张三）`: the dateline of Chinese wire copy
_CJK_DATELINE = LazyPattern(r"^[\u4e00-\u9fff]{2,16}\d{1,2}月\d{1,2}日(?:电|讯)(?:\s*[（(][^）)]{1,30}[）)])?")
# speech broken off (`and after dinner-- "`, `C'est tout simple — "`, `the box-`): a sentence, never a heading
_BROKEN_OFF = re.compile(r"(?:--|[-—–])[" + _CLOSERS + r"\s]*$")
_SPEECH_DASH = re.compile(r"(?:--|[—–])\s*\w")   # a line of dialogue opens with a dash
_CHAPTER_NUMERAL = re.compile(r"[IVXLC]{1,7}\.?")
_QUOTATIVE = frozenset("とっ")   # Japanese particles that carry a quotation on into the sentence
_CLOSING_QUOTES = frozenset("”」』\"’")
_ATTRIBUTION = re.compile(r"\s*[^。！？，、；：“”「」\s]{1,12}?(?:说|道|问|表示|指出|称|强调|介绍|回答|透露|说道|写道)[。！？]")
"""What follows a Chinese quotation to end the sentence with it: who said it, in a few characters (`付凌晖说。`)."""
_LIST_MARKER = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})$")
_OPENING = "\"'“‘«(["
_ENDING_ABBREVIATIONS = frozenset("etc usw ecc enz etc.".split())


_SENTENCE_GOES_ON = tuple(".!?;:,")   # a first line ending so is prose that goes on, whatever opens the next
_FULL_STOP = re.compile(r"[.!?。！？](?:\s|$)")
_LINE_MARKERS = frozenset(":•*>#|-–—")
_LIST_ITEM = re.compile(r"\d{1,3}[.)]\s")
WRAPPED_MAX_WIDTH = 160
"""Lines up to this long can be a hard-wrapped text's (e-mail wraps at 72-80, `fmt` at 75); longer ones are
paragraphs written one a line."""


def unwrapped(text: str) -> str:
    r"""A hard-wrapped text (paragraphs broken into lines at a fixed width, as e-mail, `fmt` and text exports of
    PDFs write them) with the line breaks inside its paragraphs as single spaces; any other text as it is.

    A text is hard-wrapped when most breaks between two non-blank lines come where the next line's first word
    would not have fitted on the line (its length plus that word exceeds the text's widest line) and a third of
    those next lines go on in lower case (prose, not verse or a list). Only those breaks are joined: a short
    line ends its paragraph. Texts in scripts written without spaces (Chinese, Thai) are left as they are.

    >>> unwrapped("The country will accelerate the\ndevelopment of a modern industrial\nsystem, the minister "
    ...           "said.\nIt will also promote the high-quality\ndevelopment of small firms.")
    'The country will accelerate the development of a modern industrial system, the minister said.\nIt will also promote the high-quality development of small firms.'
    """
    lines = text.split("\n")
    if len(lines) < 4:
        return text
    bare = [line.rstrip() for line in lines]
    lengths = sorted(len(line) for line in bare if line)
    if len(lengths) < 4:
        return text
    width = lengths[-1 - len(lengths) // 20]     # the widest line but one in twenty (a URL may overhang)
    if width > WRAPPED_MAX_WIDTH or width < 30:
        return text
    breaks = [k for k in range(len(bare) - 1) if bare[k] and bare[k + 1].strip()]
    # (a script written without spaces has no first word to measure: its lines are left as they are)
    full = [k for k in breaks if len(bare[k]) + 1 + len(bare[k + 1].split()[0]) > width
            and not UNSPACED_RUN.match(bare[k + 1].lstrip())]
    if len(full) < 3 or len(full) < 0.6 * len(breaks):
        return text
    cased = [k for k in full if bare[k + 1].lstrip()[:1].isalpha() and bare[k + 1].lstrip()[:1].lower()
             != bare[k + 1].lstrip()[:1].upper()]
    if cased and sum(bare[k + 1].lstrip()[:1].islower() for k in cased) < len(cased) / 3:
        return text       # lines opening with capitals: verse, a list, one sentence a line
    # blank lines between paragraphs: every other break is a wrap; without them, only full lines wrapped
    blocks = sum(1 for k in range(1, len(bare) - 1) if not bare[k].strip() and bare[k - 1] and bare[k + 1].strip())
    joined: set[int] = set()
    for k in (breaks if blocks >= 2 else full):
        following = bare[k + 1].lstrip()
        if following[:1] in _LINE_MARKERS or _LIST_ITEM.match(following):
            continue     # a link line, a list item, a line of dialogue: a line of its own
        if blocks < 2 and k - 1 not in joined and following[:1].isupper() and not _FULL_STOP.search(bare[k]) \
                and not bare[k].endswith(_SENTENCE_GOES_ON):
            continue     # a headline, link or title line (no full stop) before a paragraph
        joined.add(k)
    out = []
    for k, line in enumerate(lines):
        if k - 1 in joined:
            line = line.lstrip(" \t")      # the indentation of a line joined to the one before
        out.append(line.rstrip() + " " if k in joined else line + ("\n" if k + 1 < len(lines) else ""))
    return "".join(out)


def split_document(text: str, lang: str | None = None, doc: str = "s",
                   presegmented: bool = False, headings: frozenset[int] = frozenset()) -> tuple[Segment, ...]:
    """Cut a document into segments; with `presegmented`, each non-blank line is exactly one segment. A line
    starting at an offset in `headings` (the format marked it: a Word heading style, `<h2>`) is one heading.

    >>> [s.kind for s in split_document("BEIJING, Aug. 31 (Xinhua) -- Mr. Jin spoke. He left.")]
    ['meta', 'sentence', 'sentence']
    """
    lang = lang or detect_language(text)
    spans: list[tuple[int, int, str, int]] = []
    paddings: dict[int, tuple[str, str]] = {}
    paragraph = 0
    lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text) if m.group()]
    if presegmented:
        for number, (offset, line) in enumerate(lines, start=1):
            start, end = _strip_span(line, 0, len(line))
            if start < end and (start > 0 or end < len(line)):
                paddings[len(spans)] = (line[:start], line[end:])
            kind = HEADING if offset in headings else classify_line(line[start:end])
            spans.append((offset + start, offset + end, kind, number))
    else:
        if not headings:   # a format that marks headings has its paragraphs already
            unwrapped_text = unwrapped(text)
            if unwrapped_text != text:
                text = unwrapped_text
                lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text) if m.group()]
        for offset, line in lines:
            start, end = _strip_span(line, 0, len(line))
            if start == end:
                continue
            paragraph += 1
            if offset in headings:
                spans.append((offset + start, offset + end, HEADING, paragraph))
                continue
            for s, e, kind in _split_paragraph(line[start:end], lang):
                spans.append((offset + start + s, offset + start + e, kind, paragraph))
    spans = _note_continued(_verse_lines(spans, text, headings), text)
    return tuple(Segment(doc=doc, index=i, text=text[s:e], start=s, end=e, kind=kind, paragraph=p,
                         padding=paddings.get(i, ("", ""))) for i, (s, e, kind, p) in enumerate(spans))


_GOES_ON = re.compile(r"[,;:，；：、][" + _CLOSERS + r"\s]*$")


def _short(line: str) -> bool:
    """At most 12 words, a line of verse's length (in scripts written without spaces, 3 letters count as 2)."""
    return len(line.split()) + 2 * _unspaced_letters(line) // 3 <= 12


def _verse_lines(spans: list[tuple[int, int, str, int]], text: str,
                 headings: frozenset[int]) -> list[tuple[int, int, str, int]]:
    """A short unpunctuated line inside a verse is no heading: after a line that goes on (`,` `;` `:`), or
    before a short one that does (`' How doth the little crocodile` / `Improve his shining tail ,`).
    Lines the format marked as headings stay headings."""
    lines = [text[start:end] for start, end, _, _ in spans]
    # headings judged from their own text; those the format marked (its line starts at such an offset) stay
    judged = [kind == HEADING and max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1 not in headings
              for start, _, kind, _ in spans]
    verse = [False] * len(spans)
    for k in range(len(spans)):
        after_goes_on = k + 1 < len(spans) and spans[k + 1][2] == SENTENCE and _GOES_ON.search(lines[k + 1]) \
            and _short(lines[k + 1])
        verse[k] = bool(k and _GOES_ON.search(lines[k - 1])) or bool(after_goes_on)
    # a run of three or more short lines, two of which go on, is a verse: none of its lines is a heading
    k = 0
    while k < len(spans):
        stop = k
        while stop < len(spans) and spans[stop][2] in (HEADING, SENTENCE) and _short(lines[stop]):
            stop += 1
        if stop - k >= 3 and sum(bool(_GOES_ON.search(line)) for line in lines[k:stop]) >= 2:
            verse[k:stop] = [True] * (stop - k)
        k = max(stop, k + 1)
    return [(start, end, SENTENCE, number) if judged[q] and verse[q] else (start, end, kind, number)
            for q, (start, end, kind, number) in enumerate(spans)]


_NOTE_LINES = 6
"""How many lines an editorial note opened with `[` may run on before its `]` (a longer run is no note)."""


def _note_continued(spans: list[tuple[int, int, str, int]], text: str) -> list[tuple[int, int, str, int]]:
    """The sentences that carry on an editorial note opened with `[` (`[ Redactor : In the original ...` /
    `It is my supposition ... ]`) are the note's too, up to the one that closes the bracket."""
    out = list(spans)
    k = 0
    while k < len(out):
        start, end, kind, _ = out[k]
        line = text[start:end]
        if kind == META and line.startswith("[") and line.count("[") > line.count("]"):
            depth, stop = line.count("[") - line.count("]"), k + 1
            while depth > 0 and stop < len(out) and stop - k <= _NOTE_LINES and out[stop][2] == SENTENCE:
                piece = text[out[stop][0]:out[stop][1]]
                depth += piece.count("[") - piece.count("]")
                stop += 1
            if depth <= 0:
                out[k + 1:stop] = [(s, e, META, p) for s, e, _, p in out[k + 1:stop]]
                k = stop
                continue
        k += 1
    return out


def classify_line(line: str) -> str:
    """Kind of a whole paragraph line: link, boilerplate, meta, heading, or sentence (prose to split).

    >>> classify_line(":La Chine reste le plus grand marché mondial de robots industriels")
    'link'
    """
    stripped = line.strip(_SPACE)
    if _LINK_LINE.search(stripped):
        return LINK
    if _BOILERPLATE_LINE.search(stripped):
        return BOILERPLATE
    if _META_LINE.search(stripped):
        return META
    if _looks_like_heading(stripped):
        return HEADING
    return SENTENCE


def _looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence and does not start mid-sentence (in scripts written
    without spaces, 30 characters count as 20 words)."""
    words = line.split()
    unspaced = _unspaced_letters(line)
    if _CHAPTER_NUMERAL.fullmatch(line):
        return True    # `I`, `XII.`: a chapter's number on a line of its own
    if _SPEECH_DASH.match(line):
        return False   # `— Vous êtes vieux`, `-- Ma chère Emma`: a line of dialogue
    if len(words) <= 12 and _title_in_capitals(line):
        return True    # `CHAPITRE PREMIER .`, `AU FOND DU TERRIER.`: a title in capitals, with its full stop
    if not words or len(words) + 2 * unspaced // 3 > 20 or _SENTENCE_END.search(line) or _BROKEN_OFF.search(line):
        return False
    if unspaced and "，" in line:
        return False  # Chinese and Japanese headlines part clauses with a space or `：`, sentences with `，`
    first = line.lstrip(_OPENING)[:1]
    if not first or first.islower():
        return False
    letters = sum(c.isalpha() for c in line)
    return letters >= 2


def _title_in_capitals(line: str) -> bool:
    """A line in capitals that ends in one full stop, as novels' chapter titles often do (`LA MARE AUX LARMES .`)."""
    if not line.endswith(".") or line.endswith(".."):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters) and any(c.isupper() for c in letters)


def _unspaced_letters(text: str) -> int:
    """Letters of scripts written without spaces (Han, Kana, Thai...): each is about a word."""
    if not past_common_blocks(text):
        return 0
    return sum(c.isalpha() for run in UNSPACED_RUN.findall(text) for c in run)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACE):
        end -= 1
    return start, end


def _split_paragraph(para: str, lang: str) -> list[tuple[int, int, str]]:
    """Spans and kinds inside one stripped paragraph: leading date/dateline, then sentences."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    date = _DATE_PREFIX.match(para)
    if date:
        out.append((0, date.end(), META))
        pos, _ = _strip_span(para, date.end(), len(para))
        if pos == len(para):
            return out
    end = len(para)
    credit = _CREDIT_SUFFIX.search(para, pos)
    if credit and credit.start() > pos:
        end = credit.start()
    kind = classify_line(para[pos:end])
    if kind != SENTENCE:
        out.append((pos, end, kind))
    else:
        dateline = _DATELINE.match(para, pos, end) or (_CJK_DATELINE.match(para, pos, end)
                                                        if "\u4e00" <= para[pos:pos + 1] <= "\u9fff" else None)
        if dateline and dateline.end() < end:
            out.append((pos, dateline.end(), META))
            pos, _ = _strip_span(para, dateline.end(), end)
        out.extend((pos + s, pos + e, SENTENCE) for s, e in split_sentences(para[pos:end], lang))
    if end < len(para):
        s, e = _strip_span(para, end, len(para))
        out.append((s, e, META))
    return out


def split_sentences(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph of prose, white space between them left out.

    >>> t = "M. Jin a parlé de 12 000 firmes. Il a ajouté 4,57 % ? Oui."
    >>> [t[s:e] for s, e in split_sentences(t, "fr")]
    ['M. Jin a parlé de 12 000 firmes.', 'Il a ajouté 4,57 % ?', 'Oui.']
    """
    abbrevs = abbreviations(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in (_TERMINATOR_BY_HAN_KANA if past_common_blocks(text) else _TERMINATOR).finditer(text):
        cut = match.end()
        if _is_boundary(text, start, match, abbrevs, lang):
            s, e = _strip_span(text, start, cut)
            if s < e:
                spans.append((s, e))
            start = cut
    s, e = _strip_span(text, start, len(text))
    if s < e:
        spans.append((s, e))
    return spans


def _is_boundary(text: str, start: int, match: re.Match[str], abbrevs: frozenset[str], lang: str | None) -> bool:
    """Decide whether the terminator in `match` ends a sentence, from the word before and the word after."""
    if match.group("wide"):
        if match.group("wide_next") in _QUOTATIVE:   # 「元気ですか？」と彼は聞いた。 is one sentence
            return False
        # “我们有信心。”付凌晖说。 is one sentence too: a quotation closed after its stop, then who said it
        return not (match.group()[-1] in _CLOSING_QUOTES and _ATTRIBUTION.match(text, match.end()))
    mark = match.group()
    nxt = match.group("next")
    if ";" in mark or "\u037e" in mark:
        # the Greek question mark (not before a lower-case word: `Πότε θα έρθει; ρώτησε.`, as `?` in English);
        # elsewhere a semicolon
        return lang == "el" and not (nxt or "").islower()
    before = text[start:match.start()]
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    token = token.lstrip(_OPENING)
    following = text[match.end():].lstrip()
    next_word = re.match(r"[^\s]+", following)
    next_token = next_word.group().strip("\"'“”‘’«»()[],;:") if next_word else ""
    if nxt.islower():
        # Only a plain word (not an abbreviation) before a period, then a lower-case word: an MT fragment.
        return (mark == "." and token.isalpha() and len(token) >= 4 and token.islower()
                and token.casefold() not in abbrevs)
    if not mark.startswith("."):
        return True
    if mark in ("...", "…") or len(mark) > 1:
        return True
    low = token.casefold()
    if not token:
        return True
    if low in _ENDING_ABBREVIATIONS:
        return True
    if start == match.start() - len(token) and _LIST_MARKER.match(token) and not before[:-len(token)].strip():
        return False  # "1." or "a." opening a paragraph is a list marker
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", token):
        return _starts_sentence(next_token)  # U.S., z.B., d.h.: only before a clear sentence opener
    if low in abbrevs:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: G. O. Dyhrenfurth
    if token.isdigit() and lang == "de" and len(token) <= 2:
        return False  # German ordinal: am 3. Mai, der 2. Weltkrieg
    if token.isdigit() and next_token.casefold() in MONTHS.get(lang or "", frozenset()):
        return False
    return True


def _starts_sentence(word: str) -> bool:
    """A capitalised function word (The, Le, Der...) almost always opens a new sentence."""
    if not word[:1].isupper():
        return False
    low = word.casefold()
    return any(low in words for words in STOPWORDS.values()) or low in {"he", "she", "we", "i", "they"}
