"""A corpus run: inputs cut into batches, analysed on Dask workers, written as they finish.

:func:`analyze_corpus` is the Python entry point and ``python -m analysis_utils corpus``
the command (:func:`main_corpus`). How the work is split: the inputs (files in a
deterministic order, or the rows of a table of texts) are cut into batches of
``batch_size``; each batch is one Dask task, :func:`.batch.analyse_and_write`: the
tables of its inputs (:func:`.batch.analyse_batch`, a pure function of them), written by
the worker when it shares the output folder (a local cluster; ``workers_write``), else
sent back to the driver, which writes them (:func:`.store.write_tables`). The driver keeps
at most two tasks per worker in flight and writes each batch's manifest entry when its
tables are written (:func:`.store.write_manifest`). A folder is listed as it is read, one
of its folders at a time (:func:`analysis_utils.text.folders.iter_article_names`), in the
order :func:`analysis_utils.load_corpus` gives. Memory therefore stays flat: neither the
driver nor a worker ever holds more than a few batches, whatever the corpus size (the
driver holds the list of inputs only when it is given one, and, when it resumes, the
names of the inputs done).
"""
from __future__ import annotations

import hashlib
import itertools
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..text.files import expand_user
from ..text.folders import iter_article_names
from .batch import MAX_CHARS, TIME_LIMIT, analyse_and_write
from .store import CorpusError, Lock, check_settings, done_inputs, remove_unfinished, write_manifest, write_tables

BATCH_SIZE = 25


class CorpusInterrupted(CorpusError):
    """The run was stopped (Ctrl-C); what was written stays, and the same command resumes."""


@dataclass
class CorpusSummary:
    """What a run did: articles analysed (``done``), inputs already done by an earlier run
    and skipped (``skipped``), articles that failed (``failed``: see the ``errors`` table),
    batches written, seconds, the output folder."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    batches: int = 0
    seconds: float = 0.0
    out: Path = field(default_factory=Path)

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        errors = f"; errors table: {self.out / 'errors'}" if self.failed else ""
        return (f"{self.done} articles analysed, {self.skipped} inputs skipped (done earlier), "
                f"{self.failed} failed, in {self.seconds:.1f} s ({rate:.1f} articles/s){errors}")


def corpus_inputs(source: Any, pattern: str | None = None) -> tuple[list[Any], list[str], str]:
    """The inputs of ``source`` (a folder, a glob, a file, a list of paths, or a table of
    texts with columns ``id`` and ``text`` and optionally ``published``, ``outlet``,
    ``path``), their manifest keys, and a description of the source."""
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        if not {"id", "text"} <= set(source.columns):
            raise CorpusError("a table of texts needs the columns 'id' and 'text'")
        items, keys = [], []
        for row in source.to_dict("records"):
            meta = {k: row[k] for k in ("outlet", "title") if k in row and isinstance(row[k], str)}
            items.append({"id": str(row["id"]), "text": row["text"], "published": row.get("published"),
                          "path": row.get("path") or "", "meta": meta})
            keys.append(str(row["id"]))
        digest = hashlib.sha1("\n".join(keys).encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return items, keys, f"table of {len(keys)} texts ({digest})"
    from ..text.folders import _article_files

    files = [str(p) for p in _article_files(source, pattern)]
    if isinstance(source, (str, os.PathLike)):
        where = expand_user(os.fspath(source))
        described = str(where.resolve()) if where.exists() else os.fspath(source)  # a folder or file; else a glob
    else:
        described = "list of paths (" + hashlib.sha1("\n".join(files).encode()).hexdigest()[:12] + ")"
    return files, files, described


def _chunks(pairs: Iterator[tuple[Any, str]], size: int) -> Iterator[list[tuple[Any, str]]]:
    """``(input, key)`` pairs in lists of ``size`` (the last shorter), read as they come."""
    while chunk := list(itertools.islice(pairs, size)):
        yield chunk


def _folder_of(source: Any) -> Path | None:
    """``source`` as a folder, when it is one (a path, not a glob or a list)."""
    if isinstance(source, (str, os.PathLike)):
        p = expand_user(os.fspath(source))
        if p.is_dir():
            return p
    return None


def analyze_corpus(source: Any, out: str | os.PathLike, *, workers: int | None = None,
                   scheduler: str | None = None, client: Any = None, batch_size: int = BATCH_SIZE,
                   max_chars: int = MAX_CHARS, time_limit: float | None = TIME_LIMIT,
                   pattern: str | None = None,
                   workers_write: bool | None = None,
                   progress: bool | Callable[[int, int, int], None] = False) -> CorpusSummary:
    """Analyse every article of ``source`` and write one Parquet dataset per table under
    ``out`` (layout: :mod:`analysis_utils.corpus.store`). Resumes where an earlier run into
    the same ``out`` stopped.

    ``workers``: processes of the local Dask cluster (default: the machine's cores);
    ``scheduler``: ``"tcp://host:8786"`` runs the tasks on that Dask cluster instead, and
    ``"sync"`` in this process (no Dask); ``client``: an existing ``distributed.Client``.
    ``max_chars``: longer texts are recorded in ``errors`` and not analysed;
    ``time_limit``: seconds per article (``None``: no limit), an article that runs past it
    is stopped and recorded in ``errors``.
    ``workers_write``: the workers write the tables themselves (they must see ``out``: true
    by default for a local cluster and ``"sync"``, false for ``scheduler`` and ``client``,
    where the tables travel to the driver). ``progress``:
    True for a progress bar, or a callable ``(inputs done, inputs, errors)``.

    Raises :class:`~analysis_utils.corpus.store.CorpusError` when ``out`` is locked by a
    live run or holds another corpus, and :class:`CorpusInterrupted` on Ctrl-C (after
    releasing the lock; the batches written stay)."""
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")

    out = expand_user(out)
    t0 = time.perf_counter()
    folder = _folder_of(source)
    if folder is not None:  # a folder: listed as it is read, one of its folders at a time
        if next(iter_article_names(folder, pattern), None) is None:
            corpus_inputs(source, pattern)  # raises ArticleNotFound, saying what it looked for
        described = str(folder.resolve())
    else:
        items, keys, described = corpus_inputs(source, pattern)
    summary = CorpusSummary(out=out)
    with Lock(out):
        check_settings(out, {"source": described, "batch_size": batch_size, "max_chars": max_chars})
        done, batches_done = done_inputs(out)
        remove_unfinished(out, batches_done)
        if folder is not None:
            n_inputs = summary.skipped = 0
            for name in iter_article_names(folder, pattern):  # a first pass: how many, how many done
                n_inputs += 1
                summary.skipped += name in done
            pairs = ((name, name) for name in iter_article_names(folder, pattern) if name not in done)
        else:
            n_inputs = len(keys)
            pairs = ((item, key) for item, key in zip(items, keys) if key not in done)
            summary.skipped = n_inputs - sum(1 for k in keys if k not in done)
        next_batch = max(batches_done, default=-1) + 1
        jobs = ((next_batch + n, [i for i, _ in chunk], [k for _, k in chunk])  # made as they are submitted
                for n, chunk in enumerate(_chunks(pairs, batch_size)))
        bar = _progress(progress, n_inputs, summary.skipped)
        try:
            if workers_write is None:
                workers_write = scheduler in (None, "sync") and client is None
            target = str(out.resolve()) if workers_write else None
            for number, b_keys, result in _run(jobs, workers, scheduler, client, (max_chars, time_limit), target):
                written = result if target else write_tables(out, number, result)
                write_manifest(out, number, b_keys, written)
                summary.batches += 1
                failed = sum(s.startswith("failed") for s in written["statuses"])
                summary.done += len(written["statuses"]) - failed
                summary.failed += failed
                bar(len(b_keys), written["errors"])
        except KeyboardInterrupt:
            raise CorpusInterrupted(f"stopped after {summary.batches} batches of this run; run the same command "
                                    "again to resume where it stopped") from None
        finally:
            bar(0, 0, close=True)
    summary.seconds = time.perf_counter() - t0
    return summary


def _run(jobs, workers: int | None, scheduler: str | None, client: Any, limits: tuple, out: str | None):
    """``(batch number, inputs, result of analyse_and_write)`` for every job, as they finish."""
    jobs = iter(jobs)
    first = next(jobs, None)
    if first is None:
        return
    if scheduler == "sync":
        for number, b_items, b_keys in itertools.chain([first], jobs):
            yield number, b_keys, analyse_and_write(b_items, out, number, *limits)
        return
    jobs = itertools.chain([first], jobs)
    from distributed import Client, LocalCluster, as_completed

    own_cluster = own_client = None
    try:
        if client is None:
            if scheduler:
                client = own_client = Client(scheduler)
            else:
                import dask

                n = workers or os.cpu_count() or 1
                # the workers' statistical profiler keeps a history that grows with the run (memory
                # would not stay flat) and samples every 10 ms: off for the kit's own cluster
                # the scheduler runs in this process: its logs and task stream are kept short
                quiet = {"distributed.worker.profile.enabled": False,
                         "distributed.scheduler.dashboard.tasks.task-stream-length": 1000,
                         "distributed.admin.log-length": 1000,
                         "distributed.admin.system-monitor.log-length": 120}
                with dask.config.set(quiet):
                    own_cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                               dashboard_address=None)
                client = own_client = Client(own_cluster)
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
        meta = {}
        running = as_completed()

        def submit() -> bool:
            job = next(jobs, None)
            if job is None:
                return False
            number, b_items, b_keys = job
            fut = client.submit(analyse_and_write, b_items, out, number, *limits, pure=False)
            meta[fut.key] = (number, b_keys)
            running.add(fut)
            return True

        while running.count() < window and submit():
            pass
        for fut in running:
            number, b_keys = meta.pop(fut.key)
            result = fut.result()
            fut.release()
            submit()
            yield number, b_keys, result
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _progress(progress, total: int, start: int):
    """A callable ``(inputs, errors, close=False)`` that advances the progress display."""
    state = {"done": start, "errors": 0}
    if callable(progress):
        def call(n: int, errors: int, close: bool = False) -> None:
            state["done"] += n
            state["errors"] += errors
            if not close:
                progress(state["done"], total, state["errors"])
        return call
    if not progress:
        return lambda n, errors, close=False: None
    from tqdm.auto import tqdm

    bar = tqdm(total=total, initial=start, unit="article", dynamic_ncols=True, smoothing=0.1)

    def advance(n: int, errors: int, close: bool = False) -> None:
        if close:
            bar.close()
            return
        state["errors"] += errors
        bar.update(n)
        bar.set_postfix(errors=state["errors"], refresh=False)
    return advance
