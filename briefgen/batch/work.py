"""What a batch worker does: brief several documents per spaCy stream, write their memos."""

from __future__ import annotations

import gc
import signal
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.batch.jobs import ERROR, INTERNAL_ERROR_EXIT, OK, Job, Outcome, Result, Settings
from briefgen.errors import BriefgenError, ModelError

if TYPE_CHECKING:
    from briefgen.model import Analysis, Brief, CleanText


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
    unblock_interrupt(True)  # blocked while start_pool forked this worker
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


def block_interrupt() -> bool:
    """Block SIGINT for this thread where that can be done; True if it was blocked here."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    return signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def unblock_interrupt(blocked: bool) -> bool:
    """Lift :func:`block_interrupt`'s block (a pending Ctrl-C is then raised); False."""
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    return False
