"""Run batch jobs: brief several documents per spaCy stream, in worker processes."""

from __future__ import annotations

import contextlib
import gc
import glob
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, ModelError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from briefgen.model import Analysis, Brief, CleanText
from briefgen.batch.jobs import (
    ERROR,
    INTERNAL_ERROR_EXIT,
    OK,
    Job,
    Outcome,
    Result,
    Settings,
    make_chunks,
)


def build_briefs(paths: Sequence[str], model: str | None = None, max_chars: int | None = None,
                 encoding: str | None = None, stages: dict[str, float] | None = None
                 ) -> list[Brief | Exception]:
    """Read, clean, analyze and extract several documents, parsing them in one spaCy stream.

    The many-document form of ``pipeline.build_brief``: the same stage functions, but the
    sentences of all documents go through ``analyze_many`` together. An input that fails
    yields its exception (a BriefgenError, or a bug) in place of its Brief.

    Raises:
        ModelError: the spaCy model cannot be loaded (no input can be done).
    """
    from briefgen.analyze import load_model
    from briefgen.clean import clean
    from briefgen.extract import extract_brief
    from briefgen.ingest import DEFAULT_MAX_CHARS, ingest

    stages = stages if stages is not None else {}
    out: list[Brief | Exception | None] = [None] * len(paths)
    cleaned: list[tuple[int, CleanText]] = []
    with _stage(stages, "ingest+clean"):
        for i, path in enumerate(paths):
            try:
                source = ingest(path, max_chars=max_chars or DEFAULT_MAX_CHARS,
                                encoding=encoding)
                cleaned.append((i, clean(source)))
            except Exception as e:  # reported as this input's result
                out[i] = e
    with _stage(stages, "load model"):
        load_model(model)
    with _stage(stages, "analyze"):
        analyses = _analyze_each([c for _, c in cleaned], model)
    with _stage(stages, "extract"):
        for (i, _), analysis in zip(cleaned, analyses):
            if isinstance(analysis, Exception):
                out[i] = analysis
                continue
            try:
                out[i] = extract_brief(analysis)
            except Exception as e:  # reported as this input's result
                out[i] = e
    return out  # type: ignore[return-value]


def _analyze_each(cleans: list[CleanText], model: str | None) -> list[Analysis | Exception]:
    """``analyze_many`` over all texts; when it fails, again one by one to find which."""
    from briefgen.analyze import analyze_many

    if not cleans:
        return []
    try:
        return list(analyze_many(cleans, model))
    except ModelError:
        raise
    except Exception:  # the loop below attributes the failure to its input
        pass
    out: list[Analysis | Exception] = []
    for one in cleans:
        try:
            out.extend(analyze_many([one], model))
        except ModelError:
            raise
        except Exception as e:  # reported as this input's result
            out.append(e)
    return out


class _stage:  # noqa: N801 - used as a statement, like contextlib's helpers
    """Add the seconds a ``with`` block takes to ``stages[name]``."""

    def __init__(self, stages: dict[str, float], name: str) -> None:
        self.stages, self.name = stages, name

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.stages[self.name] = (self.stages.get(self.name, 0.0)
                                  + time.perf_counter() - self.started)


def run_chunk(jobs: Sequence[Job], settings: Settings) -> Outcome:
    """Brief every input of a chunk and write its memos; one failure does not stop the rest.

    Raises:
        ModelError: the spaCy model cannot be loaded.
    """
    from briefgen.pipeline import Timings, build_document, write_document
    from briefgen.render import MemoOptions

    stages: dict[str, float] = {}
    briefs = build_briefs([job.input for job in jobs], settings.model, settings.max_chars,
                          settings.encoding, stages)
    options = settings.options or MemoOptions()
    results = []
    for job, brief in zip(jobs, briefs):
        timings = Timings()
        targets = [(fmt, Path(path)) for fmt, path in job.targets]
        memos = [(fmt, path) for fmt, path in targets if fmt != "json"]
        warnings: tuple[str, ...] = ()
        try:
            if isinstance(brief, Exception):
                raise brief
            if memos:
                document = build_document(brief, options, settings.template, timings=timings)
                warnings = write_document(document, memos, force=settings.force,
                                          timings=timings, settings=settings.writer_settings)
            for fmt, path in targets:
                if fmt == "json":  # the Brief itself, as `generate -f json` writes it
                    from briefgen.commands.plan import write_brief_json

                    write_brief_json(brief, path, settings.force)
        except BriefgenError as e:
            results.append(Result(job.input, ERROR, error=str(e), exit_code=e.exit_code))
        except Exception as e:  # a bug on one input must not cost the other inputs their memos
            results.append(Result(
                job.input, ERROR, exit_code=INTERNAL_ERROR_EXIT,
                traceback="".join(traceback.format_exception(e)),
                error=f"internal error: {type(e).__name__}: {e}; run 'briefgen generate "
                      f"{job.input} --debug' and report it"))
        else:
            results.append(Result(job.input, OK, tuple(str(p) for _, p in targets),
                                  warnings=tuple(warnings)))
        for stage, seconds in timings.stages.items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    return Outcome(results, stages)


_worker_error: BriefgenError | None = None


def init_worker(settings: Settings) -> None:
    """Prepare a worker process: leave Ctrl-C to the parent, load the spaCy pipeline once.

    A worker forked by :func:`start_pool` finds the pipeline already loaded.
    """
    global _worker_error
    # The terminal sends Ctrl-C to the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _unblock_interrupt(True)  # blocked while start_pool forked this worker
    from briefgen.analyze import load_model

    try:
        load_model(settings.model)
    except BriefgenError as e:  # raised again by the first task, where the parent sees it
        _worker_error = e
    # The pipeline's objects live as long as the worker: kept out of the garbage collector's
    # passes, every later collection is cheaper (about 6% of a readout's time, measured).
    gc.freeze()


def run_chunk_in_worker(jobs: Sequence[Job], settings: Settings) -> Outcome:
    """``run_chunk`` in a worker process, failing as its initializer failed.

    Raises:
        ModelError: the spaCy model cannot be loaded.
    """
    if _worker_error is not None:
        raise _worker_error
    return run_chunk(jobs, settings)


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

    from briefgen import overlap

    chunks = make_chunks(jobs, workers)
    if workers <= 1 or not chunks:
        return None
    fork = overlap.fork_is_safe()
    if fork:
        try:
            _prepare_stages(jobs, settings)
        except BriefgenError:
            return None
        fork = overlap.fork_is_safe()  # loading a pipeline may have started threads
    if fork:
        # What the workers inherit stays out of every later collection, in them and here,
        # so that no collection writes to (and so copies) the shared pages.
        gc.collect()
        gc.freeze()
    # spawn where fork is unsafe: it behaves the same on Linux, macOS and Windows.
    context = multiprocessing.get_context("fork" if fork else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context,
                               initializer=init_worker, initargs=(settings,))
    if keep is not None:
        keep.append(pool)
    if fork:
        # Ctrl-C waits while the workers fork: each inherits the block and ignores Ctrl-C
        # before lifting it (init_worker), so none dies of one before it is set up.
        blocked = _block_interrupt()
        try:
            # A forking pool starts all its processes on the first task, before its thread.
            pool.submit(os.getpid)
            blocked = _unblock_interrupt(blocked)  # a Ctrl-C that came meanwhile is raised here
        except BaseException:
            _terminate(pool)
            raise
        finally:
            _unblock_interrupt(blocked)
    return pool


def _block_interrupt() -> bool:
    """Block SIGINT for this thread where that can be done; True if it was blocked here."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    return signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _unblock_interrupt(blocked: bool) -> bool:
    """Lift :func:`_block_interrupt`'s block (a pending Ctrl-C is then raised); False."""
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    return False


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
    from briefgen.pipeline import prepare_extraction, quietly
    from briefgen.render import prepare
    from briefgen.writers import prepare_writers

    load_model(settings.model)
    quietly(prepare_extraction)
    formats = sorted({fmt for job in jobs for fmt, _ in job.targets} - {"json"})
    if formats:
        quietly(lambda: prepare(settings.template))
        quietly(lambda: prepare_writers(formats, settings.writer_settings))


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
        if interrupted:
            raise KeyboardInterrupt
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown(wait=True)
    return broken


@contextlib.contextmanager
def _held_interrupt() -> Iterator[list[int]]:
    """Hold Ctrl-C back inside the block; the list it gives is non-empty if one came.

    ``concurrent.futures.wait`` and ``submit`` take the futures' and the pool's locks; a
    KeyboardInterrupt raised while they hold some leaves them held for good, and the pool's
    own thread then blocks on one while the pool shuts down: a hang on Ctrl-C (seen here in
    about one interrupt in ten). Held back, the interrupt is raised where no lock is held.
    Only the main thread receives signals; elsewhere, or when SIGINT is not Python's usual
    handler (ignored, or the caller's own), nothing changes.
    """
    came: list[int] = []
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield came
        return
    previous = signal.signal(signal.SIGINT, lambda number, _frame: came.append(number))
    try:
        yield came
    finally:
        signal.signal(signal.SIGINT, previous)


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
