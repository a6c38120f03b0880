"""What a batch worker does: brief several documents per spaCy stream, write their memos."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.batch.jobs import ERROR, OK, Job, Outcome, Result, Settings
from briefgen.errors import INTERNAL_ERROR_EXIT, BriefgenError

if TYPE_CHECKING:
    from briefgen.app.options import RunOptions
    from briefgen.model import Brief
    from briefgen.pipeline import Timings


def build_briefs(paths: Sequence[str], options: RunOptions,
                 timings: Timings | None = None) -> list[Brief | Exception]:
    """Brief every input on its own, parsing them all in one spaCy stream.

    ``pipeline.build_briefs`` with one group per input, isolated: an input that fails yields
    its exception (a BriefgenError, or a bug) in place of its Brief.

    Raises:
        ModelError: the spaCy model cannot be loaded (no input can be done).
    """
    from briefgen.pipeline import build_briefs as chain

    return chain([[path] for path in paths], options.model, options.max_chars,
                 options.encoding, isolate=True, timings=timings, genre=options.genre)


def run_chunk(jobs: Sequence[Job], settings: Settings) -> Outcome:
    """Brief every input of a chunk and write its memos; one failure does not stop the rest.

    Raises:
        ModelError: the spaCy model cannot be loaded.
    """
    from briefgen.pipeline import Timings, write_brief

    chunk_timings = Timings()
    options = settings.options
    briefs = build_briefs([job.input for job in jobs], options, chunk_timings)
    stages = chunk_timings.stages
    results = []
    for job, brief in zip(jobs, briefs):
        timings = Timings()
        targets = [(fmt, Path(path)) for fmt, path in job.targets]
        warnings: tuple[str, ...] = ()
        try:
            if isinstance(brief, Exception):
                raise brief
            warnings = write_brief(brief, targets, options.memo, options.template,
                                   force=options.force, timings=timings,
                                   settings=settings.writer)
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


def end_with_parent(parent: int | None) -> None:
    """Have the kernel end this worker when the batch process dies (Linux), even by kill -9.

    Without it a worker whose parent was killed waits for work for ever. Where that cannot be
    asked for, the pool's own checks are all there is. A parent already gone: end now.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


#: prctl(2): the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def init_worker(settings: Settings, parent: int | None = None) -> None:
    """Prepare a worker process: leave Ctrl-C to the parent, end with it, load the pipeline.

    ``parent``: the batch process's pid. A worker forked by :func:`start_pool` finds the
    pipeline already loaded.
    """
    global _worker_error
    # The terminal sends Ctrl-C to the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's SIGTERM handler, which would turn the parent's
    # terminate() into an exception the pool's loop catches; a worker just ends.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    end_with_parent(parent)
    unblock_interrupt(True)  # blocked while start_pool forked this worker
    from briefgen.analyze import load_model

    try:
        load_model(settings.options.model)
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


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def block_interrupt() -> bool:
    """Block SIGINT and SIGTERM for this thread where that can be done; True if done here."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    return signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


def unblock_interrupt(blocked: bool) -> bool:
    """Lift :func:`block_interrupt`'s block (a pending signal is then handled); False."""
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    return False
