"""Command line: parse arguments, call one API function, hand the result to a writer, return an exit code."""
from __future__ import annotations

import argparse
import dataclasses
import errno
import logging
import os
import signal
import sys
from typing import Sequence

from align import __version__
from align.errors import AlignError
from align.text.tags import primary_language


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage, so every error is one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise AlignError(message, exit_code=2)


def _lang(value: str) -> str:
    """A BCP 47 tag (`en`, `en-US`, `zh-Hans`), checked and in canonical case."""
    from align.text.tags import language_tag

    try:
        return language_tag(value)
    except AlignError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _emit(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    """Print to stdout (also for `-o -`), or write FILE whole: an input is never overwritten, a device or a FIFO
    is written straight through."""
    if output and output != "-":
        from align.report.atomic import write_atomic

        _refuse_inputs([output], inputs)
        try:
            write_atomic(output, text)
        except OSError as err:
            raise AlignError(f"{output}: cannot write ({err.strerror})") from None
    else:
        sys.stdout.write(text)


def _refuse_inputs(outputs: Sequence[str], inputs: Sequence[str]) -> None:
    """A usage error when an output would replace one of the inputs (same file, whatever the path says)."""
    from align.report.atomic import same_files

    clash = same_files(outputs, inputs)
    if clash:
        raise AlignError(f"{clash[0]}: is the input {clash[1]}; refusing to overwrite it (choose another output)",
                         exit_code=2)


def _write_folder(out_dir: str, names: Sequence[str], inputs: Sequence[str], write) -> tuple[str, ...]:
    """Write a report folder through `write(out_dir)`, after checking that none of its files is an input."""
    _refuse_inputs([os.path.join(out_dir, n) for n in names], inputs)
    try:
        return write(out_dir)
    except OSError as err:
        where = err.filename if isinstance(err.filename, str) and ".tmp-align-" not in err.filename else out_dir
        raise AlignError(f"{where}: cannot write the report ({err.strerror or err}); nothing was replaced") from None


FORMAT_CHOICES = ("text", "docx", "odt", "html", "md", "srt", "vtt", "xliff", "tmx")


def _read(path: str, args: argparse.Namespace, encoding: str | None = None):
    """One input, whatever its format (`formats.read_input`), with the command's options."""
    from align.text.formats import read_input

    return read_input(path, encoding or args.encoding, args.format_in, args.side)


def _say_warnings(warnings) -> None:
    """Whole-review doubts on stderr, one line each (the exit code stays 0)."""
    for warning in warnings:
        print(f"align: warning: {warning}", file=sys.stderr)


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid score {value!r} (a number from 0 to 1)") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"invalid score {value!r} (a number from 0 to 1)")
    return score


def _encoding(value: str) -> str:
    from align.text.load import check_encoding

    try:
        return check_encoding(value)
    except AlignError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _add_input_options(p: argparse.ArgumentParser, presegmented: bool = True, output: bool = True,
                       sides: bool = False) -> None:
    """The options every command that reads documents shares (and `-o` for those that print, and an encoding
    per side for those that read a source and a target)."""
    if presegmented:
        p.add_argument("--presegmented", action="store_true",
                       help="one line is one segment: nothing is split or merged (corpora, gold sets)")
    p.add_argument("--encoding", type=_encoding,
                   help="decode inputs with this encoding instead of UTF-8/UTF-16 by BOM")
    if sides:
        p.add_argument("--source-encoding", type=_encoding, metavar="ENCODING",
                       help="the source's encoding (overrides --encoding), e.g. utf-8 with a cp1252 target")
        p.add_argument("--target-encoding", type=_encoding, metavar="ENCODING",
                       help="the target's encoding (overrides --encoding)")
    p.add_argument("--format-in", choices=FORMAT_CHOICES, metavar="FORMAT",
                   help="read inputs as this format instead of choosing by content and extension: "
                        + ", ".join(FORMAT_CHOICES))
    p.add_argument("--side", choices=("source", "target"),
                   help="of an XLIFF or TMX input, the side to take as the document (default: source)")
    p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log progress on stderr")
    if output:
        p.add_argument("-o", "--output", metavar="FILE",
                       help="write to FILE (whole or not at all; never one of the inputs) instead of stdout; - is stdout")


def _add_dictionary_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-dictionary", action="store_true",
                   help="align on the two texts' own evidence only, without the bilingual dictionary shipped for "
                        "Chinese-English, English-French and German-French (the README's Accuracy section has "
                        "what it gives)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="align", description="Align a source text with its translation and review it.")
    parser.add_argument("--version", action="version", version=f"align {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("segment", help="show how a document is cut into segments")
    p.add_argument("file", help="the document (plain text)")
    p.add_argument("--format", choices=("text", "json", "tsv"), default="text")
    p.add_argument("--lang", type=_lang, help="language of the document (default: detected)")
    _add_input_options(p)
    p.set_defaults(func=_cmd_segment)

    p = sub.add_parser("pairs", help="align two documents sentence by sentence")
    p.add_argument("source", help="the source document (any input format)")
    p.add_argument("target", help="its translation")
    p.add_argument("--format", choices=("beads", "tsv", "json"), default="beads")
    p.add_argument("--source-lang", type=_lang, metavar="TAG", help="BCP 47 tag of the source (default: detected)")
    p.add_argument("--target-lang", type=_lang, metavar="TAG", help="BCP 47 tag of the target (default: detected)")
    p.add_argument("--fast", action="store_true",
                   help="first pass only, without the lexicon learned from the pair: faster on long documents, "
                        "less accurate (the README's Speed section has the figures)")
    _add_dictionary_option(p)
    _add_input_options(p, sides=True)
    p.set_defaults(func=_cmd_pairs)

    p = sub.add_parser("report", help="review a translation: pairs, scores, flags; JSON, HTML, CSV, Markdown, TMX, "
                                      "XLIFF, Excel")
    p.add_argument("source", help="the source document (text, Word, OpenDocument, HTML, Markdown, subtitles; "
                                  "or one XLIFF/TMX file, whose units are reviewed as they are)")
    p.add_argument("translation", nargs="?", help="its translation")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the report files (created if missing)")
    _add_dictionary_option(p)
    p.add_argument("--source-lang", type=_lang, metavar="TAG",
                   help="BCP 47 tag of the source, kept in TMX/XLIFF (en, en-US, zh-Hans; default: detected)")
    p.add_argument("--target-lang", type=_lang, metavar="TAG", help="BCP 47 tag of the translation")
    p.add_argument("--min-score", type=_score, default=None, metavar="S",
                   help="pairs scoring below S stay out of pairs.tmx (default 0.5, the review's low score)")
    p.add_argument("--tmx-include", choices=("clean", "scored", "all"), default="clean",
                   help="clean (default): no error flag and score >= S; scored: score >= S; all: every pair")
    p.add_argument("--xliff", choices=("2.0", "1.2"), default="2.0", help="XLIFF version of pairs.xlf (default 2.0)")
    p.add_argument("--csv-bom", action="store_true", help="start pairs.csv with a UTF-8 BOM (Excel on Windows)")
    p.add_argument("--skip-check", action="append", default=[], metavar="NAME",
                   help="turn a check off by its flag type (repeat or comma-separate; e.g. doubled_word)")
    p.add_argument("--glossary", metavar="FILE",
                   help="terms the translation must use: TSV/CSV (source term, target term...) or TBX")
    p.add_argument("--decisions", metavar="FILE",
                   help="a reviser's decisions.json (saved from report.html): corrected pairs fixed, the rest "
                        "re-aligned around them, dismissed flags left out")
    _add_input_options(p, output=False, sides=True)
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("compare", help="compare a machine translation with a reference: scores, word diffs, flags")
    p.add_argument("hypothesis", help="the machine translation (or any version) to compare")
    p.add_argument("reference", nargs="?", help="the reference (or give one or more --reference)")
    p.add_argument("--reference", dest="references", action="append", default=[], metavar="FILE",
                   help="a reference; repeat for several (sacrebleu multi-reference scoring)")
    p.add_argument("--out", metavar="DIR", help="folder for report.json, report.html, report.md, pairs.csv")
    p.add_argument("--unified", action="store_true", help="print a unified diff (one sentence a line) to stdout")
    p.add_argument("--worst-first", action="store_true", help="order the HTML report by chrF, lowest first")
    p.add_argument("--lang", type=_lang, help="language of both texts (default: detected)")
    _add_input_options(p, output=False)
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("check", help="flag machine-translation and scraping artifacts in one text (no reference)")
    p.add_argument("file", help="the text to check")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for report.json and report.md")
    p.add_argument("--lang", type=_lang, help="language of the text (default: detected)")
    _add_input_options(p, output=False)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("corpus", help="compare documents of one language: similarity matrix and shared passages")
    p.add_argument("files", nargs="+", metavar="FILE", help="two or more documents in one language")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for matrix.csv, matches.csv, report.json/html")
    p.add_argument("--lang", type=_lang, help="language of the documents (default: detected)")
    p.add_argument("--threshold", type=float, default=None, help="cosine from which sentences count as shared")
    _add_input_options(p, presegmented=False, output=False)
    p.set_defaults(func=_cmd_corpus)

    p = sub.add_parser("batch", help="review many document pairs: locally in parallel or on a Dask cluster")
    p.add_argument("manifest", nargs="?", help="TSV/CSV with a header: source, target, optional id, "
                                               "source_lang, target_lang (paths relative to the manifest)")
    p.add_argument("--pair-dirs", nargs=2, metavar=("SRC_DIR", "TGT_DIR"), help="pair the files of two folders by name")
    p.add_argument("--jsonl", action="store_true",
                   help="read {id, source, target} JSON lines on stdin; write one JSON result a line on stdout")
    p.add_argument("--out", metavar="DIR", help="folder for pairs/, bitext.parquet, summary.csv, errors.tsv")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on the Dask cluster at ADDRESS (needs pip install 'align-translation-review[dask]')")
    p.add_argument("--dask", action="store_true", help="run on a local Dask cluster of --jobs workers")
    p.add_argument("--min-score", type=float, help="also write bitext.tsv with the pairs scoring at least this")
    p.add_argument("--confine", action="store_true", help="refuse manifest paths outside the manifest's folder")
    p.add_argument("--presegmented", action="store_true", help="one line is one segment")
    p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log progress on stderr")
    p.add_argument("--no-run-lexicon", action="store_true",
                   help="align each pair on its own evidence only (default: first learn a lexicon over all pairs "
                        "of one language pair, which short articles need)")
    p.set_defaults(func=_cmd_batch)
    return parser


def _cmd_segment(args: argparse.Namespace) -> int:
    from align.text.lang import detect_language
    from align.report.segments import format_segments
    from align.text.segment import split_document

    doc = _read(args.file, args)
    lang = args.lang or detect_language(doc.text)
    segments = split_document(doc.text, lang=primary_language(lang), doc="s", presegmented=args.presegmented,
                              headings=doc.headings)
    _emit(format_segments(segments, args.format, path=args.file, lang=lang), args.output, [args.file])
    return 0


def _cmd_pairs(args: argparse.Namespace) -> int:
    from align.search.align import Options, align_documents
    from align.text.load import check_pair_sizes
    from align.report.beads import format_alignment

    check_pair_sizes(args.source, args.target)
    src = _read(args.source, args, args.source_encoding)
    tgt = _read(args.target, args, args.target_encoding)
    alignment = align_documents(src, tgt, source_lang=args.source_lang, target_lang=args.target_lang,
                                options=Options(presegmented=args.presegmented, lexicon=not args.fast,
                                                dictionary=not args.no_dictionary))
    _emit(format_alignment(alignment, args.format), args.output, [args.source, args.target])
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from align.search.align import Options
    from align.text.load import check_pair_sizes
    from align.report.md import count_of
    from align.report.write import REVIEW_FILES, write_review
    from align.review.review import review_documents, review_units

    from align.review.qa import check_names
    from align.text.glossary import read_glossary
    from align.report.tmx import DEFAULT_MIN_SCORE
    from align.report.write import Exports
    from align.review.review import Checks

    skip = check_names(args.skip_check)
    inputs = [args.source] + ([args.translation] if args.translation else []) + \
        ([args.glossary] if args.glossary else [])
    glossary = read_glossary(args.glossary, args.source_lang, args.target_lang) if args.glossary else ()
    if args.translation is None:   # one bilingual file: its units are the pairs
        src = _read(args.source, args, args.source_encoding)
        if not src.pairs:
            raise AlignError("report needs a SOURCE and a TRANSLATION, or one XLIFF or TMX file", exit_code=2)
        review = review_units(src.pairs, args.source_lang, args.target_lang, args.source, Checks(skip, glossary),
                              Options(dictionary=not args.no_dictionary))
    else:
        from align.review.decisions import check_documents, parse_decisions, sha256_hex
        from align.text.load import read_bytes

        check_pair_sizes(args.source, args.translation)
        src = _read(args.source, args, args.source_encoding)
        tgt = _read(args.translation, args, args.target_encoding)
        hashes = sha256_hex(read_bytes(args.source)), sha256_hex(read_bytes(args.translation))
        decisions = None
        if args.decisions:
            inputs.append(args.decisions)
            raw = read_bytes(args.decisions).decode("utf-8", "replace")
            decisions = parse_decisions(raw, args.decisions)
            check_documents(decisions, hashes[0], hashes[1], args.decisions)
        review = review_documents(src, tgt, args.source_lang, args.target_lang,
                                  Options(presegmented=args.presegmented, dictionary=not args.no_dictionary),
                                  source_path=args.source,
                                  target_path=args.translation, checks=Checks(skip, glossary), decisions=decisions)
        review = dataclasses.replace(review, source=dataclasses.replace(review.source, sha256=hashes[0]),
                                     target=dataclasses.replace(review.target, sha256=hashes[1]))
    exports = Exports(DEFAULT_MIN_SCORE if args.min_score is None else args.min_score, args.tmx_include, args.xliff,
                      args.csv_bom)
    written = _write_folder(args.out, REVIEW_FILES, inputs, lambda out: write_review(review, out, exports))
    _say_warnings(review.summary.warnings)
    s = review.summary
    print(f"{count_of(len(review.pairs), 'pair')}, {count_of(s.severities['error'], 'error')}, "
          f"{count_of(s.severities['warning'], 'warning')}, {count_of(s.severities['info'], 'note')}; "
          f"wrote {', '.join(written)}", file=sys.stderr)
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from align.search.align import Options
    from align.compare.compare import compare_documents
    from align.text.load import check_pair_sizes
    from align.report.comparison import unified_diff
    from align.report.write import COMPARE_FILES, write_comparison

    reference_paths = ([args.reference] if args.reference else []) + args.references
    if not reference_paths:
        raise AlignError("compare needs a reference: give REFERENCE or --reference FILE", exit_code=2)
    if not args.out and not args.unified:
        raise AlignError("nothing to write: give --out DIR and/or --unified", exit_code=2)
    for path in reference_paths:
        check_pair_sizes(args.hypothesis, path)
    hyp = _read(args.hypothesis, args)
    refs = [_read(p, args).text for p in reference_paths]
    comparison = compare_documents(hyp.text, refs, primary_language(args.lang), Options(presegmented=args.presegmented),
                                   hypothesis_path=args.hypothesis, reference_paths=reference_paths)
    if args.out:
        written = _write_folder(args.out, COMPARE_FILES, [args.hypothesis, *reference_paths],
                                lambda out: write_comparison(comparison, out, args.worst_first))
        corpus = comparison.corpus
        print(f"{len(comparison.review.pairs)} pairs; BLEU {corpus['bleu'].score:.2f}, chrF {corpus['chrf'].score:.2f}, "
              f"TER {corpus['ter'].score:.2f}; wrote {', '.join(written)}", file=sys.stderr)
    _say_warnings(comparison.review.summary.warnings)
    if args.unified:
        sys.stdout.write(unified_diff(comparison))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from align.compare.check import check_text
    from align.text.lang import detect_language
    from align.report.issues import format_check_json, format_check_md
    from align.report.write import write_all

    doc = _read(args.file, args)
    lang = args.lang or detect_language(doc.text)
    segments, issues = check_text(doc.text, primary_language(lang), args.presegmented)
    contents = {"report.json": format_check_json(args.file, lang, segments, issues),
                "report.md": format_check_md(args.file, lang, segments, issues)}
    written = _write_folder(args.out, list(contents), [args.file], lambda out: write_all(out, contents))
    print(f"{len(segments)} segments, {len(issues)} issues; wrote {', '.join(written)}", file=sys.stderr)
    return 0


def _cmd_corpus(args: argparse.Namespace) -> int:
    from align.compare.corpus import MATCH_THRESHOLD, compare_corpus
    from align.report.corpus import format_corpus_html, format_corpus_json, format_matches_csv, format_matrix_csv
    from align.report.write import write_all

    if len(args.files) < 2:
        raise AlignError("corpus needs at least two documents", exit_code=2)
    texts = [_read(p, args).text for p in args.files]
    threshold = MATCH_THRESHOLD if args.threshold is None else args.threshold
    result = compare_corpus(texts, args.files, primary_language(args.lang), threshold)
    contents = {"matrix.csv": format_matrix_csv(result), "matches.csv": format_matches_csv(result),
                "report.json": format_corpus_json(result), "report.html": format_corpus_html(result)}
    written = _write_folder(args.out, list(contents), args.files, lambda out: write_all(out, contents))
    print(f"{len(texts)} documents, {len(result.matches)} shared passages; wrote {', '.join(written)}", file=sys.stderr)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from align.batch import run_jobs, run_lexicons, teachers
    from align.text.load import pair_dirs, read_jsonl_jobs, read_manifest
    from align.report.batch import load_done, pair_stamp, write_pair, write_run_outputs
    from align.report.progress import Progress

    if args.jobs < 1:
        raise AlignError("--jobs must be at least 1", exit_code=2)
    engine = {"workers": args.jobs, "scheduler": args.scheduler, "dask": args.dask, "presegmented": args.presegmented}

    def lexicons(jobs: Sequence) -> dict:
        """The run lexicon of each pair, learned over every pair of the run (also those done before a resume)."""
        if args.no_run_lexicon or len(jobs) < 2:
            return {}
        taught = run_jobs([(i, jobs[i]) for i in teachers(len(jobs))], task="teach", **engine)
        return run_lexicons(list(taught), len(jobs))

    if args.jsonl:
        stdin = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        return _batch_jsonl(read_jsonl_jobs(stdin.splitlines()), lexicons, engine)
    if bool(args.manifest) == bool(args.pair_dirs):
        raise AlignError("give a MANIFEST or --pair-dirs SRC_DIR TGT_DIR (one of them)", exit_code=2)
    if not args.out:
        raise AlignError("batch needs --out DIR", exit_code=2)
    jobs = read_manifest(args.manifest, args.confine) if args.manifest else pair_dirs(*args.pair_dirs)
    _refuse_run_inputs(args.out, [args.manifest] if args.manifest else [], jobs)
    with _run_lock(args.out):
        options = {"presegmented": args.presegmented, "run_lexicon": not args.no_run_lexicon}
        stamps = [pair_stamp(job, options) for job in jobs]
        results = load_done(args.out, jobs, stamps)
        todo = [(i, job) for i, job in enumerate(jobs) if i not in results]
        learned = lexicons(jobs) if todo else {}
        progress = Progress(len(todo))
        try:
            for result in run_jobs(todo, lexicons=learned, **engine):
                try:
                    write_pair(args.out, result, stamps[result.index])
                except OSError as err:
                    raise AlignError(f"{args.out}: cannot write the review of {result.id} "
                                     f"({err.strerror or err})") from None
                results[result.index] = result
                progress.advance()
        finally:
            progress.close()
        ordered = [results[i] for i in range(len(jobs))]
        try:
            write_run_outputs(args.out, ordered, args.min_score)
        except OSError as err:
            raise AlignError(f"{args.out}: cannot write the run's tables ({err.strerror or err}); the reviews are "
                             f"in {os.path.join(args.out, 'pairs')}, run the same command again to write them") from None
    failed = sum(r.status != "ok" for r in ordered)
    print(f"{len(jobs)} pairs: {len(jobs) - failed} reviewed ({len(jobs) - len(todo)} from an earlier run), "
          f"{failed} failed; wrote {args.out}", file=sys.stderr)
    if failed:
        raise AlignError(f"{failed} of {len(jobs)} pairs failed; see {os.path.join(args.out, 'errors.tsv')}")
    return 0


def _batch_jsonl(jobs: Sequence, lexicons, engine: dict) -> int:
    """`batch --jsonl`: one result a line on stdout in input order, a bad line's error among them; exit 1 when
    any pair failed."""
    from align.batch import run_jobs
    from align.report.batch import jsonl_line

    pending, next_index, failed = {}, 0, 0
    for result in run_jobs(list(enumerate(jobs)), lexicons=lexicons(jobs), **engine):
        pending[result.index] = result
        while next_index in pending:  # input order, as soon as possible
            done = pending.pop(next_index)
            failed += done.status != "ok"
            print(jsonl_line(done), flush=True)
            next_index += 1
    if failed:
        raise AlignError(f"{failed} of {len(jobs)} pairs failed (their lines on stdout say why)")
    return 0


RUN_FILES = ("bitext.parquet", "bitext.tsv", "summary.csv", "errors.tsv", "timings.csv")


def _refuse_run_inputs(out_dir: str, manifest: Sequence[str], jobs: Sequence) -> None:
    """A batch never overwrites its inputs: not with a run table, and not by replacing a pair folder that
    holds one."""
    inputs = [*manifest, *(p for job in jobs for p in (job.source, job.target))]
    _refuse_inputs([os.path.join(out_dir, name) for name in RUN_FILES], inputs)
    pairs = os.path.realpath(os.path.join(out_dir, "pairs"))
    for path in inputs:
        if os.path.commonpath([pairs, os.path.realpath(path)]) == pairs:
            raise AlignError(f"{path}: is inside {os.path.join(out_dir, 'pairs')}, which the run rewrites; "
                             "choose another --out", exit_code=2)


class _run_lock:
    """An exclusive lock on a run folder (`.align-lock` in it), so that two runs never write one folder.

    A POSIX record lock (`lockf`), not `flock`: it belongs to this process alone, so the worker processes a run
    forks do not hold it after the run has ended."""

    def __init__(self, out_dir: str) -> None:
        self.out_dir, self.handle = out_dir, None

    def __enter__(self) -> "_run_lock":
        try:
            os.makedirs(self.out_dir, exist_ok=True)
            self.handle = open(os.path.join(self.out_dir, ".align-lock"), "a+b")
        except OSError as err:
            raise AlignError(f"{self.out_dir}: cannot write the run folder ({err.strerror or err})") from None
        try:
            import fcntl
        except ImportError:   # no advisory locks here (Windows): go on without one
            return self
        try:
            fcntl.lockf(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            raise AlignError(f"{self.out_dir}: another batch run is writing this folder; wait for it or choose "
                             "another --out") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            self.handle.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors become `align: error: ...` on stderr and exit code 1 (data) or 2 (usage)."""
    previous = _catch_sigterm()
    try:
        args = build_parser().parse_args(argv)
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                            format="align: %(message)s", stream=sys.stderr)
        code = int(args.func(args))
        sys.stdout.flush()
        return code
    except AlignError as err:
        print(f"align: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("align: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as err:
        if err.filename is None and err.errno in _OUTPUT_ERRNOS:   # stdout itself failed (a full disk...)
            _silence_stdout()
            print(f"align: error: cannot write to stdout ({err.strerror})", file=sys.stderr)
            return 1
        raise
    except MemoryError:
        print("align: error: out of memory; split the input into smaller documents", file=sys.stderr)
        return 1
    finally:
        _restore_sigterm(previous)


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EBADF, errno.EPIPE}


def _on_sigterm(signum, frame) -> None:
    """Stop now: worker processes terminated, one line, exit 143. Raising instead could land inside the
    process pool's own locking and hang the run (seen under load); output files are written whole or not at
    all, so stopping here loses only the pairs in progress, which a resume redoes."""
    import multiprocessing

    for child in multiprocessing.active_children():
        if child.name != "resource_tracker":
            child.terminate()
    try:
        sys.stderr.write("align: terminated\n")
        sys.stderr.flush()
    finally:
        os._exit(143)


def _catch_sigterm():
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:   # not the main thread (an embedding program): leave signals alone
        return None


def _restore_sigterm(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except ValueError:
            pass


def _silence_stdout() -> None:
    """After stdout failed, point it at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
