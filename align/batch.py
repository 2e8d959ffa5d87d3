"""Many document pairs: each one reviewed on its own, locally in a process pool or on a Dask cluster.

`review_pair` is the unit of work: it never raises, so one bad pair cannot stop a run; `run_jobs`
yields results as they finish, whatever the engine. Writing and resuming are the caller's (report/batch.py).

A run first learns a lexicon over all its pairs (`run_lexicons`): news articles are too short to learn one
each, and a few hundred articles of one language pair teach thousands of word pairs.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Iterator, Sequence

from align.errors import AlignError
from align.text.tags import primary_language
from align.text.load import Job
from align.report.batch import PairResult
from align.search.lexicon import BeadWords, WordPairs


def review_pair(index: int, job: Job, presegmented: bool = False, lexicon: RunLexicon | None = None) -> PairResult:
    """Read, align and review one pair; any failure becomes a one-line error in the result."""
    start = time.perf_counter()
    if job.error:
        return PairResult(index, job.id, "failed", job.error)
    try:
        return _review(index, job, presegmented, start, lexicon)
    except AlignError as err:
        message = str(err)
    except MemoryError:
        message = "out of memory"
    except Exception as err:  # a crash in one pair must not stop the run; report it on one line
        message = f"{type(err).__name__}: {err}".splitlines()[0]
    return PairResult(index, job.id, "failed", message, seconds=time.perf_counter() - start)


@dataclass(frozen=True)
class Taught:
    """What one pair's first alignment teaches the run's lexicon, and its language pair (None if it failed)."""

    index: int
    langs: tuple[str, str] | None = None
    words: BeadWords | None = None


def teach_pair(index: int, job: Job, presegmented: bool = False, lexicon: RunLexicon | None = None) -> Taught:
    """Align one pair on its own evidence and return the words of its beads; a bad pair teaches nothing, nor does
    a pair of one script that a shipped dictionary serves: there a run's lexicon adds nothing measurable and its
    first alignment is most of the run's time (`benchmarks/articles.py`, English-French pieces 0.914 alone,
    0.912 with it; German-French 0.938 / 0.937). Across scripts (Chinese-English) it still teaches: the run's
    lexicon is what scores a short pair there (the dictionary does not)."""
    if job.error:
        return Taught(index)
    try:
        from align.search.align import Options, align_documents, taught_words
        from align.search.dictionary import has_dictionary
        from align.text.formats import text_and_headings
        from align.text.lang import detect_language, script_family

        source, target, _, _ = _texts(job)
        langs = (primary_language(job.source_lang) or detect_language(text_and_headings(source)[0]),
                 primary_language(job.target_lang) or detect_language(text_and_headings(target)[0]))
        if has_dictionary(*langs) and script_family(langs[0]) == script_family(langs[1]):
            return Taught(index, langs)
        # the first pass is enough, and its scores are not read (the languages are known now: not detected again)
        alignment = align_documents(source, target, *langs,
                                    Options(presegmented=presegmented, lexicon=False, scores=False))
        return Taught(index, langs, taught_words(alignment))
    except Exception:  # the review of the same pair reports the error; the lexicon just goes without it
        return Taught(index)


TEACHERS = 400
"""Pairs of a run that teach its lexicon, at most: a few hundred articles teach thousands of word pairs, and
the first alignment they need then costs a long run almost nothing."""

RunLexicon = dict[tuple[str, str], WordPairs]
"""The word pairs a pair may use, by language pair (source, target): the pair's detected languages choose."""


def teachers(count: int, limit: int = TEACHERS) -> list[int]:
    """Indexes of the pairs that teach the run's lexicon: all of a short run, evenly spread ones of a long one.

    >>> teachers(5), teachers(10, limit=4)
    ([0, 1, 2, 3, 4], [0, 2, 5, 7])
    """
    if count <= limit:
        return list(range(count))
    return [k * count // limit for k in range(limit)]


def run_lexicons(taught: Sequence[Taught], count: int, folds: int = 5) -> dict[int, RunLexicon]:
    """For each of the run's `count` pairs, the word pairs it may use: a pair that taught gets those learned
    from the other folds of its language pair, any other pair those learned from every teacher."""
    from align.search.lexicon import heldout_word_pairs, learn_word_pairs, word_presence

    groups: dict[tuple[str, str], list[Taught]] = {}
    for item in sorted(taught, key=lambda t: t.index):
        if item.langs is not None and item.words is not None:
            groups.setdefault(item.langs, []).append(item)
    groups = {langs: members for langs, members in sorted(groups.items()) if len(members) >= 2}
    documents = {langs: [m.words for m in members if m.words] for langs, members in groups.items()}
    presence = {langs: word_presence(docs) for langs, docs in documents.items()}   # counted once for all folds
    everyone: RunLexicon = {langs: learn_word_pairs(docs, presence=presence[langs])
                            for langs, docs in documents.items()}
    out: dict[int, RunLexicon] = {index: everyone for index in range(count)} if everyone else {}
    for langs, members in groups.items():
        for item, pairs in zip(members, heldout_word_pairs(documents[langs], folds, presence=presence[langs])):
            out[item.index] = {langs: pairs}
    return out


def review_pairs(jobs: Sequence[tuple[int, Job]], presegmented: bool = False,
                 lexicons: dict[int, RunLexicon] | None = None, task: str = "review") -> list:
    """`review_pair` (or `teach_pair`) for a small group of pairs: one task for a cluster."""
    run = _task(task)
    return [run(index, job, presegmented, (lexicons or {}).get(index)) for index, job in jobs]


def _task(name: str):
    """The function a task runs on each pair (looked up when called, so a test can stand in for it)."""
    return teach_pair if name == "teach" else review_pair


def _texts(job: Job) -> tuple:
    """The pair's two documents (read in any format, or the texts given inline) and the names its report
    gives them."""
    from align.text.formats import read_input
    from align.text.load import check_pair_sizes

    if job.source_text is None:
        source_path, target_path = job.source_name or job.source, job.target_name or job.target
        try:
            check_pair_sizes(job.source, job.target)
            source, target = read_input(job.source), read_input(job.target)
        except AlignError as err:  # name the files as the manifest does
            raise AlignError(str(err).replace(job.source, source_path).replace(job.target, target_path)) from None
    else:
        source, target = job.source_text, job.target_text or ""
        source_path, target_path = f"{job.id}.source", f"{job.id}.target"
        for side, text in (("source", source), ("target", target)):
            if not text.strip():
                raise AlignError(f"{job.id}: {side} is empty")
    return source, target, source_path, target_path


def _review(index: int, job: Job, presegmented: bool, start: float, lexicon: RunLexicon | None) -> PairResult:
    import dataclasses

    from align.search.align import Options
    from align.text.lang import detect_language
    from align.report.json import format_review_json
    from align.report.tmx import format_review_tmx
    from align.review.review import review_documents
    from align.text.formats import text_and_headings

    source, target, source_path, target_path = _texts(job)
    source_lang = job.source_lang or detect_language(text_and_headings(source)[0])
    target_lang = job.target_lang or detect_language(text_and_headings(target)[0])
    word_pairs = (lexicon or {}).get((primary_language(source_lang), primary_language(target_lang)))
    review = review_documents(source, target, source_lang, target_lang, Options(presegmented=presegmented),
                              source_path, target_path, word_pairs)
    bitext = tuple((k, " ".join(s.text for s in p.source), " ".join(t.text for t in p.target), p.score,
                    tuple(f.type for f in p.flags)) for k, p in enumerate(review.pairs))
    files = {"report.json": format_review_json(review), "pairs.tmx": format_review_tmx(review)}
    summary = dataclasses.asdict(review.summary)
    return PairResult(index, job.id, "ok", "", summary, bitext, files, time.perf_counter() - start)


def run_jobs(jobs: Sequence[tuple[int, Job]], workers: int = 1, scheduler: str | None = None,
             dask: bool = False, presegmented: bool = False, lexicons: dict[int, RunLexicon] | None = None,
             task: str = "review") -> Iterator:
    """Results of `review_pair` (or `teach_pair`, with task="teach") for each (index, job), in the order they
    finish; `lexicons` gives a pair's run lexicon by its index.

    `workers` processes locally; with `scheduler` (an address) or `dask`, a Dask distributed cluster
    (a LocalCluster of `workers` processes when no address is given).
    """
    lexicons = lexicons or {}
    run = _task(task)
    if scheduler or dask:
        yield from _run_dask(jobs, workers, scheduler, presegmented, lexicons, task)
    elif workers <= 1 or len(jobs) <= 1:
        for index, job in jobs:
            yield run(index, job, presegmented, lexicons.get(index))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        if multiprocessing.get_start_method() == "fork":
            _load_modules(task)   # imported once here, the forked workers start with them
        # the lexicons go to each worker once (a run has a handful, shared by its pairs), not with every pair
        pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_start_worker,
                                   initargs=(lexicons, os.getpid()))
        try:
            futures = [pool.submit(_in_worker, task, index, job, presegmented) for index, job in jobs]
            for future in as_completed(futures):
                yield future.result()
        except BrokenProcessPool:
            _stop(pool)
            raise AlignError("a worker process died (killed or out of memory); run the same command again "
                             "to resume where it stopped") from None
        except BaseException:   # interrupted, terminated, or the caller stopped early: no worker outlives the run
            _stop(pool)
            raise
        pool.shutdown()


def _load_modules(task: str) -> None:
    """Import what a worker's task runs (numpy and the aligner, for a review also the rules and writers)."""
    import align.search.align  # noqa: F401
    import align.text.formats  # noqa: F401
    if task != "teach":
        import align.report.json  # noqa: F401
        import align.report.tmx  # noqa: F401
        import align.review.review  # noqa: F401


def _stop(pool) -> None:
    """End a pool now: pending pairs cancelled, running workers terminated (not waited for)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())   # the executor's own table
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=2)


_WORKER_LEXICONS: dict[int, RunLexicon] = {}


def _start_worker(lexicons: dict[int, RunLexicon], parent: int) -> None:
    """A worker's start: keep the run lexicons (pickled once: the pairs of one fold share one object), and
    watch the parent, so that a worker dies with a run that is killed (SIGKILL leaves no time to stop it)."""
    import signal
    import threading

    global _WORKER_LEXICONS
    _WORKER_LEXICONS = lexicons
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle: it stops the workers
    threading.Thread(target=_watch_parent, args=(parent, os.getppid()), daemon=True).start()


def _watch_parent(parent: int, ppid: int, interval: float = 0.5) -> None:
    """Exit the worker as soon as the run's process is gone (its parent changes or the pid no longer exists)."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
            alive = os.getppid() == ppid
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = os.getppid() == ppid
        if not alive:
            os._exit(1)


def _in_worker(task: str, index: int, job: Job, presegmented: bool) -> PairResult | Taught:
    run = _task(task)
    return run(index, job, presegmented, _WORKER_LEXICONS.get(index))


SCHEDULER_TIMEOUT = "10s"
"""How long to wait for a Dask scheduler before giving up with one line."""


def _run_dask(jobs: Sequence[tuple[int, Job]], workers: int, scheduler: str | None,
              presegmented: bool, lexicons: dict[int, RunLexicon], task: str) -> Iterator:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise AlignError("Dask is not installed: pip install 'align-translation-review[dask]'", exit_code=2) from None
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)  # the cluster's own chatter is not the user's business
    cluster = None if scheduler else LocalCluster(n_workers=max(1, min(workers, len(jobs))), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    try:
        client = Client(scheduler or cluster, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        if cluster is not None:
            cluster.close()
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise AlignError(f"cannot reach the Dask scheduler at {scheduler!r} ({reason[:160]})") from None
    # a task per pair costs the scheduler more than a short pair takes: send small groups instead
    size = max(1, min(20, len(jobs) // (8 * max(1, workers))))
    groups = [list(jobs[k:k + size]) for k in range(0, len(jobs), size)]
    try:
        futures = [client.submit(review_pairs, group, presegmented, {i: lexicons[i] for i, _ in group if i in lexicons},
                                 task, pure=False) for group in groups]
        for future in as_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
