"""Many document pairs: each one reviewed on its own, locally in a process pool or on a Dask cluster.

`review_pair` is the unit of work: it never raises, so one bad pair cannot stop a run; `run_jobs`
yields results as they finish, whatever the engine. Writing and resuming are the caller's (report/batch.py).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from align.errors import AlignError
from align.load import Job


@dataclass(frozen=True)
class PairResult:
    """What one document pair produced: its status, summary row, aligned sentence pairs and report files."""

    index: int
    id: str
    status: str                                   # "ok" or "failed"
    error: str = ""
    summary: dict = field(default_factory=dict)
    bitext: tuple = ()                            # (bead index, source text, target text, score, flag types)
    files: dict = field(default_factory=dict)     # file name -> content
    seconds: float = 0.0


def review_pair(index: int, job: Job, presegmented: bool = False) -> PairResult:
    """Read, align and review one pair; any failure becomes a one-line error in the result."""
    start = time.perf_counter()
    try:
        return _review(index, job, presegmented, start)
    except AlignError as err:
        message = str(err)
    except MemoryError:
        message = "out of memory"
    except Exception as err:  # a crash in one pair must not stop the run; report it on one line
        message = f"{type(err).__name__}: {err}".splitlines()[0]
    return PairResult(index, job.id, "failed", message, seconds=time.perf_counter() - start)


def review_pairs(jobs: Sequence[tuple[int, Job]], presegmented: bool = False) -> list[PairResult]:
    """`review_pair` for a small group of pairs: one task for a cluster."""
    return [review_pair(index, job, presegmented) for index, job in jobs]


def _review(index: int, job: Job, presegmented: bool, start: float) -> PairResult:
    import dataclasses

    from align.align import Options
    from align.load import read_document
    from align.report.json import format_review_json
    from align.report.tmx import format_review_tmx
    from align.review import review_documents

    if job.source_text is None:
        source_path, target_path = job.source_name or job.source, job.target_name or job.target
        try:
            source, target = read_document(job.source).text, read_document(job.target).text
        except AlignError as err:  # name the files as the manifest does
            raise AlignError(str(err).replace(job.source, source_path).replace(job.target, target_path)) from None
    else:
        source, target = job.source_text, job.target_text or ""
        source_path, target_path = f"{job.id}.source", f"{job.id}.target"
        for side, text in (("source", source), ("target", target)):
            if not text.strip():
                raise AlignError(f"{job.id}: {side} is empty")
    review = review_documents(source, target, job.source_lang, job.target_lang, Options(presegmented=presegmented),
                              source_path, target_path)
    bitext = tuple((k, " ".join(s.text for s in p.source), " ".join(t.text for t in p.target), p.score,
                    tuple(f.type for f in p.flags)) for k, p in enumerate(review.pairs))
    files = {"report.json": format_review_json(review), "pairs.tmx": format_review_tmx(review)}
    summary = dataclasses.asdict(review.summary)
    return PairResult(index, job.id, "ok", "", summary, bitext, files, time.perf_counter() - start)


def run_jobs(jobs: Sequence[tuple[int, Job]], workers: int = 1, scheduler: str | None = None,
             dask: bool = False, presegmented: bool = False) -> Iterator[PairResult]:
    """Results of `review_pair` for each (index, job), in the order they finish.

    `workers` processes locally; with `scheduler` (an address) or `dask`, a Dask distributed cluster
    (a LocalCluster of `workers` processes when no address is given).
    """
    if scheduler or dask:
        yield from _run_dask(jobs, workers, scheduler, presegmented)
    elif workers <= 1 or len(jobs) <= 1:
        for index, job in jobs:
            yield review_pair(index, job, presegmented)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(review_pair, index, job, presegmented) for index, job in jobs]
            try:
                for future in as_completed(futures):
                    yield future.result()
            except BrokenProcessPool:
                raise AlignError("a worker process died (killed or out of memory); run the same command again "
                                 "to resume where it stopped") from None
            finally:
                for future in futures:
                    future.cancel()


def _run_dask(jobs: Sequence[tuple[int, Job]], workers: int, scheduler: str | None,
              presegmented: bool) -> Iterator[PairResult]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise AlignError("Dask is not installed: pip install 'align[dask]'", exit_code=2) from None
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)  # the cluster's own chatter is not the user's business
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    # a task per pair costs the scheduler more than a short pair takes: send small groups instead
    size = max(1, min(20, len(jobs) // (8 * max(1, workers))))
    groups = [list(jobs[k:k + size]) for k in range(0, len(jobs), size)]
    try:
        futures = [client.submit(review_pairs, group, presegmented, pure=False) for group in groups]
        for future in as_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
