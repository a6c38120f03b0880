"""Run a batch's jobs: in this process, or in a pool of worker processes, forked or spawned."""

from __future__ import annotations

import contextlib
import gc
import glob
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.batch.jobs import (
    ERROR,
    OK,
    Job,
    Outcome,
    Result,
    Settings,
    make_chunks,
)
from briefgen.batch.work import (
    block_interrupt,
    init_worker,
    run_chunk,
    run_chunk_in_worker,
    unblock_interrupt,
)
from briefgen.errors import INTERNAL_ERROR_EXIT, BriefgenError, Terminated, raise_terminated

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


def remove_partial_files(jobs: Iterable[Job]) -> int:
    """Delete the temporary files a stopped writer may have left beside the targets.

    ``writers.write_outputs`` writes ``.<name>.<random>.part`` beside each target and renames
    it when complete; a worker killed mid-write leaves one behind. Returns how many went.
    """
    removed = 0
    for job in jobs:
        for _, target in job.targets:
            path = Path(target)
            for partial in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
                partial.unlink(missing_ok=True)
                removed += 1
    return removed


OnStart = Callable[[Sequence[Job]], None]


OnResult = Callable[[Result], None]


OnStages = Callable[[dict[str, float]], None]


def start_pool(jobs: Sequence[Job], settings: Settings, workers: int,
               keep: list[ProcessPoolExecutor] | None = None) -> ProcessPoolExecutor | None:
    """Start the worker processes for ``jobs`` now; None when ``workers`` is 1 or less.

    Where forking is safe (Linux, no other thread running: call this before any progress
    display starts its thread), this process loads the spaCy pipeline and gets every later
    stage ready (gazetteer, template, Markdown parser, fonts), then forks the workers, which
    start with all of it: one model load instead of one per worker, and no Python start-up
    per worker (measured side by side: ~5% more memos per second and ~10% less CPU with two
    workers on two CPUs). Elsewhere the workers are spawned when :func:`run_jobs` gives them
    work, and each loads the pipeline in :func:`init_worker`; so they are too when the model
    cannot be loaded here (None is returned: :func:`run_jobs` then reports the error in its
    place, after any results settled before it).

    The pool goes into ``keep`` before any process starts (see :func:`worker_pool`).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from briefgen import faststart

    chunks = make_chunks(jobs, workers)
    if workers <= 1 or not chunks:
        return None
    fork = faststart.fork_is_safe()
    if fork:
        try:
            _prepare_stages(jobs, settings)
        except BriefgenError:
            return None
        fork = faststart.fork_is_safe()  # loading a pipeline may have started threads
    if fork:
        # What the workers inherit stays out of every later collection, in them and here,
        # so that no collection writes to (and so copies) the shared pages.
        gc.collect()
        gc.freeze()
    # spawn where fork is unsafe: it behaves the same on Linux, macOS and Windows.
    context = multiprocessing.get_context("fork" if fork else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context,
                               initializer=init_worker, initargs=(settings, os.getpid()))
    if keep is not None:
        keep.append(pool)
    if fork:
        # Ctrl-C waits while the workers fork: each inherits the block and ignores Ctrl-C
        # before lifting it (init_worker), so none dies of one before it is set up.
        blocked = block_interrupt()
        try:
            # A forking pool starts all its processes on the first task, before its thread.
            pool.submit(os.getpid)
            blocked = unblock_interrupt(blocked)  # a Ctrl-C that came meanwhile is raised here
        except BaseException:
            _terminate(pool)
            raise
        finally:
            unblock_interrupt(blocked)
    return pool


@contextlib.contextmanager
def worker_pool(jobs: Sequence[Job], settings: Settings, workers: int
                ) -> Iterator[ProcessPoolExecutor | None]:
    """:func:`start_pool` as a block that stops the workers on leaving it, however it ends.

    The pool is held before its first process starts, so that no Ctrl-C can fall between
    starting the workers and guarding them (a forked worker ignores Ctrl-C and would outlive
    the batch, holding its output pipe open). :func:`run_jobs` shuts the pool down when it
    finishes; leaving the block then has nothing left to stop.
    """
    started: list[ProcessPoolExecutor] = []
    try:
        yield start_pool(jobs, settings, workers, keep=started)
    finally:
        for pool in started:
            _terminate(pool)


def _prepare_stages(jobs: Sequence[Job], settings: Settings) -> None:
    """Load the model and get the later stages of ``jobs`` ready in this process.

    Raises:
        ModelError: the spaCy model cannot be loaded.
    """
    from briefgen.analyze import load_model
    from briefgen.pipeline import prepare_extraction, prepare_output, quietly

    load_model(settings.options.model)
    quietly(prepare_extraction)
    formats = [fmt for job in jobs for fmt, _ in job.targets]
    quietly(lambda: prepare_output(settings.options.template, formats, settings.writer))


def run_jobs(jobs: Sequence[Job], settings: Settings, workers: int = 1,
             on_start: OnStart | None = None, on_result: OnResult | None = None,
             on_stages: OnStages | None = None, pool: ProcessPoolExecutor | None = None
             ) -> list[Result]:
    """Run every job, in this process (``workers`` 1) or in that many worker processes.

    ``pool`` is the one :func:`worker_pool` started for these jobs (None: started here;
    without one, as when the model cannot be loaded, the jobs run in this process).
    ``on_start`` gets each chunk as work on it begins (the oldest unfinished chunk, with
    workers), ``on_result`` each result as it arrives, ``on_stages`` each chunk's stage
    seconds. On Ctrl-C the workers are stopped, partial files removed, the inputs whose
    memos were all written (in a chunk stopped half-way) still reported, and
    KeyboardInterrupt raised again; finished memos stay.

    Raises:
        ModelError: the spaCy model cannot be loaded.
        KeyboardInterrupt: the user stopped the batch.
    """
    chunks = make_chunks(jobs, workers)
    results: list[Result] = []
    started = time.time()

    def deliver(outcome: Outcome) -> None:
        if on_stages is not None:
            on_stages(outcome.stages)
        for result in outcome.results:
            results.append(result)
            if on_result is not None:
                on_result(result)

    try:
        with contextlib.ExitStack() as stack:
            if workers > 1 and chunks and pool is None:
                pool = stack.enter_context(worker_pool(jobs, settings, workers))
            if pool is None:  # one worker, nothing to do, or the model cannot be loaded here
                for chunk in chunks:
                    if on_start is not None:
                        on_start(chunk)
                    deliver(run_chunk(chunk, settings))
            elif _run_in_pool(chunks, settings, pool, on_start, deliver):
                remove_partial_files(jobs)  # a worker died, perhaps in the middle of a file
    except BaseException:
        remove_partial_files(jobs)
        reported = {r.input for r in results}
        deliver(Outcome(written_before(
            [job for job in jobs if job.input not in reported], started), {}))
        raise
    return results


def written_before(jobs: Iterable[Job], since: float) -> list[Result]:
    """Results for the jobs whose every target was written since ``since`` (a timestamp).

    A worker reports a chunk when all of it is done; a stopped chunk may have finished some
    inputs. Outputs appear only complete (written beside, then renamed), so a target that
    exists and is newer than the batch is a whole memo of this batch.
    """
    done = []
    for job in jobs:
        try:
            # One second of slack: some file systems keep whole seconds.
            if all(os.stat(path).st_mtime >= since - 1 for _, path in job.targets):
                done.append(Result(job.input, OK, tuple(path for _, path in job.targets)))
        except OSError:  # a target is missing: the input was not finished
            continue
    return done


def _run_in_pool(chunks: list[list[Job]], settings: Settings, pool: ProcessPoolExecutor,
                 on_start: OnStart | None, deliver: Callable[[Outcome], None]) -> bool:
    """Run the chunks in the pool's workers, then shut it down; True when a worker died."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    broken = False

    def died(chunk: list[Job]) -> Outcome:
        return Outcome([Result(job.input, ERROR, exit_code=INTERNAL_ERROR_EXIT,
                               error="a worker process died (out of memory, or killed) before "
                                     "this input was done; rerun the batch with --skip-existing")
                        for job in chunk], {})

    try:
        pending: dict[Future[Outcome], list[Job]] = {}
        with _held_interrupt() as interrupted:
            for chunk in chunks:
                try:
                    pending[pool.submit(run_chunk_in_worker, chunk, settings)] = chunk
                except BrokenProcessPool:  # a worker died before the work was handed out
                    broken = True
                    deliver(died(chunk))
        order = list(pending)
        position = {future: i for i, future in enumerate(order)}
        oldest = 0
        while pending and not interrupted:
            while order[oldest] not in pending:
                oldest += 1
            if on_start is not None:
                on_start(pending[order[oldest]])
            done: set[Future[Outcome]] = set()
            with _held_interrupt() as interrupted:
                while not done and not interrupted:
                    done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=position.__getitem__):  # in input order
                chunk = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    outcome = died(chunk)
                deliver(outcome)
        raise_held(interrupted)
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown(wait=True)
    return broken


@contextlib.contextmanager
def _held_interrupt() -> Iterator[list[int]]:
    """Hold Ctrl-C (and SIGTERM) back inside the block; the list it gives names any that came.

    ``concurrent.futures.wait`` and ``submit`` take the futures' and the pool's locks; a
    KeyboardInterrupt raised while they hold some leaves them held for good, and the pool's
    own thread then blocks on one while the pool shuts down: a hang on Ctrl-C (seen here in
    about one interrupt in ten). Held back, the interrupt is raised where no lock is held
    (:func:`raise_held`). Only the main thread receives signals; elsewhere, or for a signal
    whose handler is not the one that raises (ignored, or the caller's own), nothing changes.
    """
    came: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield came
        return
    raising = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: raise_terminated}
    previous = {}
    for number, handler in raising.items():
        if signal.getsignal(number) is handler:
            previous[number] = signal.signal(number, lambda n, _frame: came.append(n))
    try:
        yield came
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def raise_held(came: list[int]) -> None:
    """Raise what :func:`_held_interrupt` held back: Terminated for SIGTERM, else Ctrl-C."""
    if signal.SIGTERM in came:
        raise Terminated
    if came:
        raise KeyboardInterrupt


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now: kill the processes, drop queued tasks, wait for them."""
    # shutdown() forgets the processes, and 3.14's terminate_workers() waits for none.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        for process in processes:
            if process.is_alive():
                process.terminate()
    for process in processes:
        process.join(timeout=10)
    if terminate is None:
        pool.shutdown(wait=True, cancel_futures=True)
