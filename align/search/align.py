"""Sentence alignment: segments -> features -> costs -> banded search, coarse to fine, in two passes.

Pass one aligns on character n-grams, numbers and length; a lexicon learned from its beads adds
shared features for word pairs, and pass two realigns with them. Long documents are first aligned
as blocks of consecutive segments, and each finer level searches only a band around that path, so
time and memory grow linearly with length.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from align.search.confidence import bead_scores, unrelated_baseline
from align.search.moves import Move, find_moves
from align.search.csr import Csr, hstack
from align.search.costs import (COARSE_MOVES, FIRST_PASS_MOVES, MOVES, SAME_LANGUAGE, CostModel, SegmentKinds,
                                SideStats, make_cost_rows, skip_costs)
from align.search.dp import Band, Bead, SkipCosts, search
from align.text.lang import detect_language
from align.text.sizes import check_lengths
from align.text.tags import primary_language
from align.search.boundaries import AnchorIndex, anchors, clause_goes_on, open_parenthesis
from align.search.dictionary import dictionary_pairs
from align.search.lexicon import (MIN_BEADS, BeadWords, WordPairs, bead_words, heldout_lexicon_features,
                                  scores_with_lexicon)
from align.text.segment import BOILERPLATE, HEADING, LINK, META, Segment, split_document
from align.search.both_sides import collect_both
from align.search.vectors import (FEATURE_TABLE, SideTerms, Vocabulary, assign_columns, bead_sides, count_matrix,
                                  idf_weights, pool, weight, words)

if TYPE_CHECKING:
    from align.text.formats import Extracted

log = logging.getLogger(__name__)

_UNRELATED_KINDS = frozenset((LINK, META, BOILERPLATE))
_HEADING = frozenset((HEADING,))
# One or two words with nothing but punctuation around them: a reply or an interjection of dialogue
# ("Jú,", "No , no !", "So..."), not debris, however few letters it has.
_WORD_SENTENCE = re.compile(r"^\W*[^\W\d_]+(?:\W+[^\W\d_]+)?\W*$")


@dataclass(frozen=True)
class Options:
    """Settings of an alignment run; the defaults are the tuned ones."""

    presegmented: bool = False
    lexicon: bool = True
    lexicon_weight: float = 4.0
    model: CostModel = field(default_factory=CostModel)
    full_search_cells: int = 100_000
    coarse_factor: int = 4
    coarse_features: int = 300
    margin: int = 24         # rows either side of the coarse path: the coarse path can miss a long run of
    #                          unaligned lines by a few blocks (dev 0.926 at 6; long pairs lose a point at 12)
    guide_margin: int = 6    # the second pass only moves the first pass's beads locally
    min_shared: float = 0.5  # below this share of segments with a feature the other side has, the first
    #                          pass is guided by lengths alone (Chinese against English, before the lexicon)
    drift: float = 0.04      # ... and its band is this share of the document wide: blocks of lengths drift
    same_language_weights: bool = True   # two texts in one language: `SAME_LANGUAGE` in place of the default model
    dictionary: bool = True  # a shipped bilingual dictionary's evidence where one exists for the pair (`dictionary.py`)
    scores: bool = True      # False: the beads alone, scores left at 0 (a first look nobody reads the scores of,
    #                          such as the one that teaches a batch run's lexicon)


def _model_for(options: Options, source_lang: str | None, target_lang: str | None) -> Options:
    """`options` with the same-language weights where both sides are in one known language, unless turned off
    or the caller chose weights of their own."""
    src, tgt = primary_language(source_lang), primary_language(target_lang)
    if options.same_language_weights and src and src == tgt and src != "und" and options.model == CostModel():
        return replace(options, model=SAME_LANGUAGE)
    return options


@dataclass(frozen=True)
class Alignment:
    """Two segmented documents and the beads that pair them."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    beads: tuple[Bead, ...]
    source_lang: str
    target_lang: str
    lexical: bool = True     # the sides shared content the search could compare (else: lengths, numbers, names)
    moves: tuple[Move, ...] = ()   # a source and a target segment out of order that translate each other


def align_documents(source_text: "str | Extracted", target_text: "str | Extracted", source_lang: str | None = None,
                    target_lang: str | None = None, options: Options = Options(),
                    word_pairs: WordPairs | None = None) -> Alignment:
    """Segment and align two documents (plain strings, or documents read by `formats.read_input`, whose
    headings are kept); `word_pairs`, a lexicon learned over other documents of the same
    language pair (`learn_word_pairs`), adds its evidence from the first pass on.

    >>> a = align_documents("One sentence. Two.", "Une phrase. Deux.")
    >>> [str(b) for b in a.beads]
    ['[0]:[0]', '[1]:[1]']
    """
    src, tgt, source_lang, target_lang = segment_pair(source_text, target_text, source_lang, target_lang,
                                                      options.presegmented)
    beads, lexical, moves = _align(src, tgt, source_lang, target_lang, options, word_pairs)
    return Alignment(src, tgt, beads, source_lang, target_lang, lexical, moves)


def segment_pair(source: "str | Extracted", target: "str | Extracted", source_lang: str | None,
                 target_lang: str | None, presegmented: bool = False
                 ) -> tuple[tuple[Segment, ...], tuple[Segment, ...], str, str]:
    """Both documents' segments (headings as their format marks them) and languages (primary subtags, detected
    where not given), once the sizes say they can be a text and its translation."""
    from align.text.formats import text_and_headings

    (source_text, src_headings), (target_text, tgt_headings) = text_and_headings(source), text_and_headings(target)
    check_lengths(len(source_text), len(target_text))
    source_lang = primary_language(source_lang) or detect_language(source_text)
    target_lang = primary_language(target_lang) or detect_language(target_text)
    src = split_document(source_text, source_lang, doc="s", presegmented=presegmented, headings=src_headings)
    tgt = split_document(target_text, target_lang, doc="t", presegmented=presegmented, headings=tgt_headings)
    return src, tgt, source_lang, target_lang


def align_segments(source: Sequence[Segment | str], target: Sequence[Segment | str],
                   source_lang: str | None = None, target_lang: str | None = None,
                   options: Options = Options(), word_pairs: WordPairs | None = None) -> tuple[Bead, ...]:
    """Align two lists of segments (or plain strings): every index in exactly one bead, in order."""
    return _align(source, target, source_lang, target_lang, options, word_pairs)[0]


def align_with_fixed(source: Sequence[Segment], target: Sequence[Segment],
                     fixed: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], source_lang: str | None = None,
                     target_lang: str | None = None, options: Options = Options()) -> tuple[tuple[Bead, ...], bool]:
    """Align with some pairs fixed (a reviser's corrections, in document order): the search runs only between
    the fixed pairs that have both sides, so a correction also moves the neighbours that depended on it; a fixed
    one-sided pair (a sentence the reviser unpaired) is taken out of whatever pair the search gives it."""
    anchors = [p for p in fixed if p[0] and p[1]]
    lone_src = {i for s, t in fixed if not t for i in s}
    lone_tgt = {j for s, t in fixed if not s for j in t}
    path: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    start_i = start_j = 0
    for s, t in anchors + [((len(source),), (len(target),))]:
        src_part, tgt_part = list(range(start_i, s[0])), list(range(start_j, t[0]))
        if src_part or tgt_part:
            beads = align_segments([source[i] for i in src_part], [target[j] for j in tgt_part],
                                   source_lang, target_lang, options)   # segments, with their kinds
            path.extend((tuple(src_part[i] for i in b.src), tuple(tgt_part[j] for j in b.tgt)) for b in beads)
        if s[0] < len(source) or t[0] < len(target):
            if (s, t) != ((len(source),), (len(target),)):
                path.append((tuple(s), tuple(t)))
        start_i, start_j = s[-1] + 1, t[-1] + 1
    for side, lone in ((0, lone_src), (1, lone_tgt)):
        for index in sorted(lone):
            path = _detach(path, side, index)
    return score_pairs(source, target, path, source_lang, target_lang, options)


def _detach(path: list, side: int, index: int) -> list:
    """The path with one segment taken out of its pair into a pair of its own, order kept: the pair's other
    side stays with the part before it (or after it when nothing comes before)."""
    out = []
    for bead in path:
        mine, other = bead[side], bead[1 - side]
        if index not in mine or (len(mine) == 1 and not other):
            out.append(bead)
            continue
        before, after = tuple(i for i in mine if i < index), tuple(i for i in mine if i > index)
        parts = [(before, other if before else ()), ((index,), ()), (after, () if before else other)]
        for mine_part, other_part in parts:
            if mine_part or other_part:
                out.append((mine_part, other_part) if side == 0 else (other_part, mine_part))
    return out


def score_pairs(source: Sequence[Segment], target: Sequence[Segment], path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
                source_lang: str | None = None, target_lang: str | None = None,
                options: Options = Options()) -> tuple[tuple[Bead, ...], bool]:
    """Scores for pairs given, not searched (a bilingual file's units, a reviser's corrections): the same
    features and lexicon as a search would use, learned from these pairs; and whether the sides shared content."""
    path = list(path)
    src_texts, tgt_texts = [s.text for s in source], [t.text for t in target]
    if not src_texts or not tgt_texts:
        return tuple(Bead(s, t) for s, t in path), True
    feats = _Features.build(src_texts, tgt_texts, source_lang, target_lang)
    src_m, tgt_m = feats.src_matrix, feats.tgt_matrix
    lexical = _shares_content(src_m, tgt_m, feats, options)
    ratio = _length_ratio(feats.src_lengths, feats.tgt_lengths)
    if options.dictionary and scores_with_lexicon(len(path)):   # as the search scores its own pairs
        shipped = dictionary_pairs(source_lang, target_lang, feats.src_vocab, feats.tgt_vocab)
        src_m, tgt_m, found = _with_word_pairs(src_m, tgt_m, shipped, feats, options.lexicon_weight)
        lexical = lexical or (found > 0 and _shares_content(src_m, tgt_m, feats, options))
    if options.lexicon and scores_with_lexicon(len(path)):
        lex_src, lex_tgt, pairs = heldout_lexicon_features(feats.src_words, feats.tgt_words, path,
                                                           content=(feats.src_matrix, feats.tgt_matrix))
        if pairs:
            lexical = True
            weights = _lexicon_weights(lex_src, lex_tgt, options.lexicon_weight)
            src_m, tgt_m = _widened(src_m, [(lex_src, weights)]), _widened(tgt_m, [(lex_tgt, weights)])
    scores, similarity = bead_scores(path, src_m, tgt_m, feats.src_lengths, feats.tgt_lengths,
                                     paired_ratio(path, feats.src_lengths, feats.tgt_lengths, ratio), options.model)
    return tuple(Bead(tuple(s), tuple(t), score, sim) for (s, t), score, sim in zip(path, scores, similarity)), lexical


def taught_words(alignment: Alignment) -> BeadWords:
    """What an alignment teaches a lexicon shared by a run of documents: the words of each bead's sides."""
    src = [frozenset(words(s.text)) for s in alignment.source]
    tgt = [frozenset(words(t.text)) for t in alignment.target]
    return bead_words(src, tgt, [(b.src, b.tgt) for b in alignment.beads])


def _align(source: Sequence[Segment | str], target: Sequence[Segment | str], source_lang: str | None,
           target_lang: str | None, options: Options,
           word_pairs: WordPairs | None = None) -> tuple[tuple[Bead, ...], bool, tuple[Move, ...]]:
    """The beads, whether the two sides shared content to compare (many features, or a learned lexicon), and
    the sentences moved out of order (none unless scored)."""
    src_texts = [s.text if isinstance(s, Segment) else s for s in source]
    tgt_texts = [t.text if isinstance(t, Segment) else t for t in target]
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return tuple(Bead((i,), ()) for i in range(n)) + tuple(Bead((), (j,)) for j in range(m)), True, ()
    options = _model_for(options, source_lang, target_lang)
    feats = _Features.build(src_texts, tgt_texts, source_lang, target_lang)
    src_unrelated = _unrelated(source, src_texts, feats.src_letters)
    tgt_unrelated = _unrelated(target, tgt_texts, feats.tgt_letters)
    skips = skip_costs(_skip_discount(source, src_unrelated, options.model),
                       _skip_discount(target, tgt_unrelated, options.model), options.model)
    unrelated = (_kinds(source, src_unrelated), _kinds(target, tgt_unrelated))
    ratio = _length_ratio(feats.src_lengths, feats.tgt_lengths)
    anchor_index = (AnchorIndex.build([anchors(t, source_lang, k) for t, k in zip(src_texts, feats.src_numbers)],
                                      [anchors(t, target_lang, k) for t, k in zip(tgt_texts, feats.tgt_numbers)])
                    if options.model.cut_anchor else None)
    src_m, tgt_m = feats.src_matrix, feats.tgt_matrix
    plain = (src_m, tgt_m)
    feats = feats.without_vectors()      # the search holds them now: a long pair's largest arrays, not kept twice
    first_options = options
    shared = shared_share(src_m, tgt_m, feats.not_content)
    lexical = shared >= options.min_shared
    if word_pairs:
        src_m, tgt_m, found = _with_word_pairs(src_m, tgt_m, word_pairs, feats, options.lexicon_weight)
        log.info("run lexicon: %d of %d word pairs occur here", found, len(word_pairs))
        lexical = lexical or (found > 0 and _shares_content(src_m, tgt_m, feats, options))
    # A shipped dictionary scores the pairs only where a learned lexicon would (`scores_with_lexicon`): between two
    # short texts on one topic it finds chance pairs, and a wrong file would score as a translation. Across scripts
    # that share nothing it leads from the first pass (nothing else does); between texts that share their script it
    # joins the second from `MIN_BEADS` first-pass beads on (in the seed pair, 15, its chance matches of function
    # words pulled an inserted sentence into its neighbour's pair), and in a short document only when the first
    # pass reads as a translation (two unrelated texts on one topic, so guided, merge their sentences into pairs
    # that look alike). `unscored` keeps what the pairs are scored on until the first pass says.
    shipped = dictionary_pairs(source_lang, target_lang, feats.src_vocab, feats.tgt_vocab) if options.dictionary \
        else WordPairs()
    leading = bool(shipped) and not lexical
    unscored: tuple[Csr, Csr, bool] | None = None
    if leading:
        before = (src_m, tgt_m, lexical)
        src_m, tgt_m, found = _with_word_pairs(src_m, tgt_m, shipped, feats, options.lexicon_weight)
        log.info("dictionary: %d word pairs occur here", found)
        if found:
            unscored = before
            lexical = lexical or _shares_content(src_m, tgt_m, feats, options)
        del before
    if not lexical:
        first_options = replace(options, margin=max(options.margin, int(np.ceil(options.drift * max(n, m)))))
        log.info("%.2f of segments share a feature with the other side: first pass on lengths, margin %d",
                 shared, first_options.margin)
    # The first pass (the whole search with `lexicon=False`, or for documents too short to learn one) uses
    # the common shapes only: faster, and on the dev set more accurate alone than all shapes (0.844 vs 0.827).
    path = _search_levels(src_m, tgt_m, feats.src_lengths, feats.tgt_lengths, skips, ratio, first_options,
                          FIRST_PASS_MOVES, unrelated=unrelated, anchor_index=anchor_index)
    if unscored is not None and scores_with_lexicon(len(path)):
        unscored = None                  # long enough: the dictionary scores too
    score_src, score_tgt, lexical = (src_m, tgt_m, lexical) if unscored is None else unscored
    del unscored
    reads: list[bool] = []

    def reads_as_translation() -> bool:          # scored once, for whichever asks first
        if not reads:
            reads.append(_reads_as_translation(path, score_src, score_tgt, feats, ratio, options))
        return reads[0]
    joining = bool(shipped) and not leading and len(path) >= MIN_BEADS and (
        scores_with_lexicon(len(path)) or reads_as_translation())
    learned = dictionary = None
    if options.lexicon and _teaches(path, options, lexical, reads_as_translation):
        lex_src, lex_tgt, pairs = heldout_lexicon_features(feats.src_words, feats.tgt_words, path, content=plain)
        log.info("lexicon: %d word pairs learned from %d beads", pairs, len(path))
        learned = (lex_src, lex_tgt) if pairs else None
        del lex_src, lex_tgt
    del plain
    if joining:
        dict_src, dict_tgt, joined = shipped.features(feats.src_words, feats.tgt_words, feats.src_vocab,
                                                      feats.tgt_vocab)
        log.info("dictionary: %d word pairs occur here", joined)
        dictionary = (dict_src, dict_tgt) if joined else None
        del dict_src, dict_tgt
    if learned or dictionary:
        # the second pass: all bead shapes, near the first pass's path, with what the first pass taught and the
        # dictionary; a long pair is scored on the same vectors (its old ones go as soon as the new are made)
        scored = learned is not None and scores_with_lexicon(len(path))
        added = [(features, _lexicon_weights(*features, options.lexicon_weight))
                 for features in (learned, dictionary) if features is not None]
        src_m = _widened(src_m, [(features[0], weights) for features, weights in added])
        if scored:
            score_src = src_m
        tgt_m = _widened(tgt_m, [(features[1], weights) for features, weights in added])
        if scored:
            score_tgt, lexical = tgt_m, True
        del learned, dictionary, added
        path = _search_levels(src_m, tgt_m, feats.src_lengths, feats.tgt_lengths, skips, ratio,
                              options, MOVES, guide=path, unrelated=unrelated, anchor_index=anchor_index)
    del src_m, tgt_m
    if not options.scores:
        return tuple(Bead(s, t) for s, t in path), lexical, ()
    src_m, tgt_m = score_src, score_tgt
    scores, similarity, pair_ratio, baseline = _path_scores(path, src_m, tgt_m, feats, ratio, options.model)
    beads = tuple(Bead(s, t, score, sim) for (s, t), score, sim in zip(path, scores, similarity))
    moves = find_moves(path, scores, src_m, tgt_m, feats.src_lengths, feats.tgt_lengths,
                       lambda pairs: bead_scores(pairs, src_m, tgt_m, feats.src_lengths, feats.tgt_lengths,
                                                 pair_ratio, options.model, baseline)[0],
                       lambda i, j: not set(feats.src_numbers[i]).isdisjoint(feats.tgt_numbers[j])) if lexical else ()
    return beads, lexical, moves


def _path_scores(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], src_m: Csr, tgt_m: Csr,
                 feats: "_Features", ratio: float, model: CostModel) -> tuple[np.ndarray, np.ndarray, float, object]:
    """The score and similarity of every bead of `path`, against the length ratio of its pairs and what
    unrelated segments of the document score; with that ratio and baseline, for scoring other pairs alike."""
    pair_ratio = paired_ratio(path, feats.src_lengths, feats.tgt_lengths, ratio)
    baseline = unrelated_baseline(path, src_m, tgt_m, feats.src_lengths, feats.tgt_lengths, pair_ratio, model)
    scores, similarity = bead_scores(path, src_m, tgt_m, feats.src_lengths, feats.tgt_lengths, pair_ratio, model,
                                     baseline)
    return scores, similarity, pair_ratio, baseline


TEACHING_MEAN_SCORE = 0.4
"""A short document's first pass (too short for its lexicon to score the pairs) teaches one only when its pairs
score this much on average: two unrelated texts on one topic teach each other chance word pairs, and the search
they guide would pair sentences that do not translate each other (the mean score of a wrong file's first pass is
0.2-0.35, of the loosest real translation 0.48: `align.review.sanity`)."""


def _teaches(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], options: Options, lexical: bool,
             reads_as_translation: Callable[[], bool]) -> bool:
    """Whether the first pass's beads may teach a lexicon: a long document's always (its held-out folds keep
    chance pairs out); a short one's where its sides share no script (nothing else to go on), or where its pairs
    read as translations and the sides are not two versions of one text (which share their words already: a
    lexicon from a few beads only adds noise there, `benchmarks/postedit.py` 0.972 -> 0.970)."""
    if scores_with_lexicon(len(path)) or not lexical:
        return True
    if len(path) < MIN_BEADS or options.model == SAME_LANGUAGE:
        return False     # too few beads to learn from (`heldout_lexicon_features` would find none)
    return reads_as_translation()


def _reads_as_translation(path: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], src_m: Csr, tgt_m: Csr,
                          feats: "_Features", ratio: float, options: Options) -> bool:
    """Whether the pairs of a path score `TEACHING_MEAN_SCORE` or more on average: two texts that translate each
    other, not a wrong file (whose first pass scores 0.2-0.35)."""
    scores = _path_scores(path, src_m, tgt_m, feats, ratio, options.model)[0]
    paired = [score for (s, t), score in zip(path, scores) if s and t]
    return bool(paired) and sum(paired) / len(paired) >= TEACHING_MEAN_SCORE


def _widened(vectors: Csr, added: "list[tuple[Csr, np.ndarray]]") -> Csr:
    """One side's segment vectors with one more feature per word pair of each of `added` (that side's features of
    a lexicon or a dictionary, and their weights), stacked in one step: an intermediate copy would be a long pair's
    largest array once more. Called a side at a time, so a side's old vectors can go before the other's are made."""
    return hstack([vectors] + [features.scale_columns(weights) for features, weights in added], np.float32)


def _shares_content(src_m: Csr, tgt_m: Csr, feats: "_Features", options: Options) -> bool:
    """Whether enough segments hold a word feature the other side has (`shared_share`) for the similarities to mean
    something: else the first pass is led by lengths, and the scores by them."""
    return shared_share(src_m, tgt_m, feats.not_content) >= options.min_shared


def _with_word_pairs(src_m: Csr, tgt_m: Csr, given: WordPairs, feats: "_Features",
                     lexicon_weight: float) -> tuple[Csr, Csr, int]:
    """Both sides' vectors with a feature for each pair of `given` (a run lexicon, a shipped dictionary) whose two
    words occur here, and how many do; the vectors unchanged where none does."""
    given_src, given_tgt, found = given.features(feats.src_words, feats.tgt_words, feats.src_vocab, feats.tgt_vocab)
    if not found:
        return src_m, tgt_m, 0
    weights = _lexicon_weights(given_src, given_tgt, lexicon_weight)
    return _widened(src_m, [(given_src, weights)]), _widened(tgt_m, [(given_tgt, weights)]), found


def _lexicon_weights(lex_src: Csr, lex_tgt: Csr, lexicon_weight: float) -> np.ndarray:
    """The weight of each word pair's feature: its IDF over both sides, times the lexicon's weight."""
    return idf_weights(lex_src, lex_tgt) * lexicon_weight


@dataclass(frozen=True)
class _Features:
    src_matrix: Csr
    tgt_matrix: Csr
    src_words: Csr
    tgt_words: Csr
    src_lengths: np.ndarray
    tgt_lengths: np.ndarray
    src_letters: np.ndarray
    tgt_letters: np.ndarray
    src_numbers: tuple[tuple[str, ...], ...]   # number keys (values) of each segment
    tgt_numbers: tuple[tuple[str, ...], ...]
    src_vocab: tuple[str, ...]                 # the words of `src_words`' columns
    tgt_vocab: tuple[str, ...]
    not_content: np.ndarray                    # per feature column: a number or a punctuation mark, not a word

    def without_vectors(self) -> "_Features":
        """The same features without the two segment-vector matrices (empty ones in their place)."""
        return replace(self, src_matrix=Csr.empty(self.src_matrix.shape[0], 1),
                       tgt_matrix=Csr.empty(self.tgt_matrix.shape[0], 1))

    @staticmethod
    def build(src: Sequence[str], tgt: Sequence[str], src_lang: str | None, tgt_lang: str | None) -> "_Features":
        src_vocab, tgt_vocab = Vocabulary(), Vocabulary()
        with FEATURE_TABLE:
            src_terms, tgt_terms = collect_both(src, tgt, src_lang, tgt_lang, src_vocab, tgt_vocab)
            width = assign_columns(src_terms, tgt_terms)
        src_counts = src_terms.counts(width)
        tgt_counts = tgt_terms.counts(width)
        idf = idf_weights(src_counts, tgt_counts)

        def word_presence(terms: SideTerms) -> Csr:
            return count_matrix(terms.words, terms.word_ptr, terms.n_words, binary=True)

        return _Features(weight(src_counts, idf), weight(tgt_counts, idf),
                         word_presence(src_terms), word_presence(tgt_terms),
                         _lengths(src), _lengths(tgt),
                         np.frombuffer(src_terms.letters, dtype=np.int64),
                         np.frombuffer(tgt_terms.letters, dtype=np.int64),
                         tuple(src_terms.numbers), tuple(tgt_terms.numbers),
                         tuple(src_vocab.index), tuple(tgt_vocab.index),
                         _not_content(width, src_terms, tgt_terms))


def _not_content(width: int, *sides: SideTerms) -> np.ndarray:
    """Per feature column: a number or a punctuation mark (the columns `collect_terms` gives them), not a word's."""
    out = np.zeros(width, dtype=bool)
    for terms in sides:
        out[np.frombuffer(terms.number_columns, dtype=np.int32)] = True
    return out


def shared_share(src: Csr, tgt: Csr, not_content: np.ndarray | None = None) -> float:
    """Share of segments (of the side where it is lower) holding a feature that the other side has anywhere:
    near 1 between two Latin-script languages, low between scripts that share only numbers, names and marks.
    `not_content` marks the columns that say nothing of shared words (numbers, punctuation)."""
    def side(own: Csr, other: Csr) -> float:
        present = np.zeros(own.shape[1], dtype=bool)
        present[other.indices] = True
        if not_content is not None:
            present[:len(not_content)] &= ~not_content
        if not own.shape[0]:
            return 1.0
        starts = own.indptr[:-1]
        filled = own.indptr[1:] > starts
        hit = np.zeros(own.shape[0], dtype=bool)   # a row with one shared feature or more (no per-entry sums)
        if filled.any():
            hit[filled] = np.logical_or.reduceat(present[own.indices], starts[filled])
        return float(np.mean(hit))
    return min(side(src, tgt), side(tgt, src))


def _lengths(texts: Sequence[str]) -> np.ndarray:
    """Characters per segment, plus one for the space that joins it to the next in a bead, so a bead's
    length does not depend on white space left around the segments (presegmented lines often end in one)."""
    return np.array([len(t.strip()) + 1 for t in texts], dtype=np.float64)


def _of_kind(segments: Sequence[Segment | str], kinds: frozenset[str]) -> np.ndarray:
    """Per segment, whether segmentation gave it one of `kinds` (plain strings have no kind)."""
    return np.array([isinstance(s, Segment) and s.kind in kinds for s in segments], dtype=bool)


def _unrelated(segments: Sequence[Segment | str], texts: Sequence[str], letters: np.ndarray) -> np.ndarray:
    """Segments that often have no counterpart: links, meta, boilerplate, and lines with almost no letters."""
    kinds = _of_kind(segments, _UNRELATED_KINDS)
    sizes = np.array([len(t.strip()) for t in texts], dtype=np.int64)
    word_sentence = np.array([bool(_WORD_SENTENCE.match(t)) for t in texts], dtype=bool)
    return kinds | (((letters < 4) | (letters < 0.5 * sizes)) & ~word_sentence)


def _kinds(segments: Sequence[Segment | str], unrelated: np.ndarray) -> SegmentKinds:
    texts = [s.text if isinstance(s, Segment) else s for s in segments]
    return SegmentKinds(unrelated.astype(np.float64), _of_kind(segments, _HEADING).astype(np.float64),
                        _of_kind(segments, _UNRELATED_KINDS).astype(np.float64),
                        open_parenthesis(texts), clause_goes_on(texts))


def _skip_discount(segments: Sequence[Segment | str], unrelated: np.ndarray, model: CostModel) -> np.ndarray:
    """Multiplier of each segment's skip cost: cheap for links, meta and debris, cheaper for headings."""
    headings = _of_kind(segments, _HEADING)
    return np.where(unrelated, model.skip_unrelated_kind, np.where(headings, model.skip_heading, 1.0))


def paired_ratio(path: Sequence[tuple[Sequence[int], Sequence[int]]], src_lengths: np.ndarray,
                 tgt_lengths: np.ndarray, fallback: float) -> float:
    """Target characters per source character over the pairs with both sides: what a pair's length is scored
    against, so that an added line, a duplicate or a dropped sentence elsewhere does not shift every score."""
    paired = [b for b in path if b[0] and b[1]]
    if not paired:
        return fallback
    _, src = bead_sides(paired, 0)
    _, tgt = bead_sides(paired, 1)
    return _length_ratio(src_lengths[src], tgt_lengths[tgt])


def _length_ratio(src_lengths: np.ndarray, tgt_lengths: np.ndarray) -> float:
    """Target characters per source character, from the document pair itself."""
    total_src, total_tgt = src_lengths.sum(), tgt_lengths.sum()
    return float(total_tgt / total_src) if total_src and total_tgt else 1.0


def _search_levels(src: Csr, tgt: Csr, src_len: np.ndarray, tgt_len: np.ndarray,
                   skips: SkipCosts, ratio: float, options: Options,
                   moves: Sequence[tuple[int, int]] = MOVES, depth: int = 0,
                   guide: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] | None = None,
                   unrelated: tuple[SegmentKinds, SegmentKinds] | None = None,
                   anchor_index: AnchorIndex | None = None,
                   ) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """Search at this level, inside a band around the path found on a coarser copy when it is large.

    A `guide` (the first pass's path at this level) replaces the coarse levels: the second pass only
    needs to move beads locally.
    """
    n, m = src.shape[0], tgt.shape[0]
    k = options.coarse_factor
    if n * m <= options.full_search_cells or min(n, m) < 4 * k:
        band = Band.full(n, m)
    elif guide is not None:
        band = band_around(guide, 1, n, m, options.guide_margin)
    else:
        keep = options.coarse_features
        coarse = _search_levels(pool(src, k, keep), pool(tgt, k, keep), _pool_sum(src_len, k), _pool_sum(tgt_len, k),
                                _pool_skips(skips, k), ratio, options, COARSE_MOVES, depth + 1)
        band = band_around(coarse, k, n, m, options.margin)
    log.info("level %d: %d x %d segments, band width %d", depth, n, m, band.width)
    max_run = max(max(a, b) for a, b in moves)
    src_stats = SideStats.build(src, src_len, max_run)
    tgt_stats = SideStats.build(tgt, tgt_len, max_run)
    src_unrelated, tgt_unrelated = unrelated if unrelated is not None else (None, None)
    crossings = anchor_index.crossings(band) if anchor_index is not None else None
    cost_rows = make_cost_rows(src_stats, tgt_stats, band, ratio, options.model, moves, src_unrelated, tgt_unrelated,
                               crossings)
    return search(n, m, band, moves, cost_rows, skips)


def _pool_sum(values: np.ndarray, k: int) -> np.ndarray:
    groups = (len(values) + k - 1) // k
    return np.bincount(np.arange(len(values)) // k, weights=values, minlength=groups)


def _pool_skips(skips: SkipCosts, k: int) -> SkipCosts:
    """Skip costs of blocks: open the run on the first segment, extend over the others."""
    def side(open_: np.ndarray, extend: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        ext = _pool_sum(extend, k)
        return ext + (open_ - extend)[::k], ext
    so, se = side(skips.src_open, skips.src_extend)
    to, te = side(skips.tgt_open, skips.tgt_extend)
    return SkipCosts(so, se, to, te)


def band_around(coarse: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], k: int, n: int, m: int,
                margin: int) -> Band:
    """Band of a fine level: the cells the coarse path covers, scaled by `k`, widened by `margin`."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    i = j = 0
    for s, t in coarse:
        i1, j1 = min(n, (i + len(s)) * k), min(m, (j + len(t)) * k)
        i0, j0 = min(n, i * k), min(m, j * k)
        lo[i0:i1 + 1] = np.minimum(lo[i0:i1 + 1], j0)
        hi[i0:i1 + 1] = np.maximum(hi[i0:i1 + 1], j1)
        i, j = i + len(s), j + len(t)
    # widen sideways, then make lo non-decreasing
    lo_w = np.maximum(lo - margin, 0)
    hi_w = np.minimum(hi + margin, m)
    lo_w = np.minimum.accumulate(lo_w[::-1])[::-1]
    lo_w[0] = 0
    hi_w = np.maximum(hi_w, lo_w)
    hi_w[n] = m
    return Band(lo_w, hi_w)
