"""Run many inputs through the pipeline into one output folder, in worker processes.

The library under ``briefgen batch``: find the inputs (files, folders, globs), name one output
per input and format without collisions, and process them in chunks -- in this process or in
worker processes that each load the spaCy pipeline once and parse the sentences of a whole
chunk with one ``nlp.pipe`` stream (``analyze_many``). A failed input is a ``Result`` with
status ``error``; the others go on. Heavy libraries load inside the functions that use them.
"""

from __future__ import annotations

import glob
import math
import os
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, InputError, ModelError, OutputError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from briefgen.model import Analysis, Brief, CleanText
    from briefgen.render import MemoOptions
    from briefgen.writers import WriterSettings

#: Suffixes a folder or a glob contributes; a file named on the command line is always tried.
KNOWN_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
#: Inputs per worker task: their sentences share one ``nlp.pipe`` stream. Small, because
#: a result is reported when its chunk is done (bigger chunks made no measurable difference
#: to spaCy's speed on seed-sized readouts).
MAX_CHUNK = 4
#: Characters per worker task, so that one long transcript is not queued behind seven more.
MAX_CHUNK_CHARS = 200_000
OK, ERROR, SKIPPED = "ok", "error", "skipped"
#: Exit code of a bug, as ``cli.py`` reports it.
INTERNAL_ERROR_EXIT = 70


@dataclass(frozen=True)
class Job:
    """One input and the (format, path) pairs to write for it."""

    input: str
    targets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Result:
    """What happened to one input; ``to_json()`` is its ``--jsonl`` line."""

    input: str
    status: str
    outputs: tuple[str, ...] = ()
    error: str | None = None
    exit_code: int = 0
    warnings: tuple[str, ...] = ()
    traceback: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the machine-readable record of this result."""
        return {"input": self.input, "outputs": list(self.outputs), "status": self.status,
                "error": self.error}


@dataclass(frozen=True)
class Settings:
    """What every input of a batch shares; it pickles, so spawned workers get it whole.

    ``options`` (None: the defaults), ``template`` and ``writer_settings`` are what
    ``generate`` would use for each input, after the command line met the config files.
    """

    model: str | None = None
    max_chars: int | None = None
    encoding: str | None = None
    options: MemoOptions | None = None
    template: str = "memo"
    writer_settings: WriterSettings | None = None
    force: bool = False


@dataclass
class Plan:
    """The jobs to run, the inputs settled without running (skipped, refused) and notes."""

    jobs: list[Job] = field(default_factory=list)
    settled: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """The results of one chunk and the seconds it spent per stage."""

    results: list[Result]
    stages: dict[str, float]


# ----------------------------------------------------------------------------- finding inputs


def is_known_type(path: Path) -> bool:
    """True when a folder or glob should contribute ``path`` (a readable suffix, not hidden)."""
    return path.suffix.lower() in KNOWN_SUFFIXES and not path.name.startswith(".")


def walk_folder(folder: Path, exclude: Path | None = None) -> Iterator[Path]:
    """Yield the known-type files under ``folder`` in path order, skipping hidden folders.

    ``exclude`` (the output folder) is not entered: a rerun must not brief its own memos.
    """
    found = []
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not is_same_path(root_path / d, exclude)]
        found.extend(path for path in (root_path / name for name in files)
                     if is_known_type(path) and path.is_file())
    yield from sorted(found, key=lambda path: path.parts)


def is_same_path(path: Path, other: Path | None) -> bool:
    """True when both name the same existing file or folder."""
    if other is None:
        return False
    try:
        return path.resolve() == other.resolve()
    except OSError:
        return False


def has_magic(pattern: str) -> bool:
    """True when ``pattern`` holds glob characters."""
    return glob.has_magic(pattern)


def find_inputs(arguments: Sequence[str], exclude: Path | None = None
                ) -> tuple[list[str], list[str]]:
    """Expand files, folders and globs into input paths; return them and the unmatched globs.

    A file named outright is kept whatever its type (ingest then says why it cannot be read);
    folders are recursed and globs expanded to known types only. A path that does not exist
    and is no glob is kept too, so that it is reported as missing. Duplicates are dropped.
    """
    found: list[str] = []
    unmatched: list[str] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.normcase(os.path.realpath(path))
        if key not in seen:
            seen.add(key)
            found.append(str(path))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for file in walk_folder(path, exclude):
                add(file)
        elif path.exists() or not has_magic(argument):
            add(path)
        else:
            matched = False
            for match in sorted(glob.glob(argument, recursive=True)):
                match_path = Path(match)
                files = (list(walk_folder(match_path, exclude)) if match_path.is_dir()
                         else [match_path] if is_known_type(match_path) else [])
                for file in files:
                    add(file)
                matched = matched or bool(files)
            if not matched:
                unmatched.append(argument)
    return found, unmatched


# ------------------------------------------------------------------------------ output names


def assign_names(inputs: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Give every input an output stem, unique ignoring case; return them and notes.

    An input gets its own stem. Inputs sharing a stem are ordered by path: the first keeps the
    stem, the next get ``stem-2``, ``stem-3`` ... (never a name another input already has), so
    the same inputs always get the same names whatever the order on the command line.
    """
    groups: dict[str, list[str]] = {}
    for item in inputs:
        groups.setdefault(Path(item).stem.casefold(), []).append(item)
    taken = set(groups)
    names: dict[str, str] = {}
    notes: list[str] = []
    for members in groups.values():
        if len(members) == 1:
            names[members[0]] = Path(members[0]).stem
            continue
        ordered = sorted(members, key=lambda m: Path(m).as_posix())
        stem = Path(ordered[0]).stem
        names[ordered[0]] = stem
        number = 1
        for member in ordered[1:]:
            own = Path(member).stem
            number += 1
            while f"{own}-{number}".casefold() in taken:
                number += 1
            names[member] = f"{own}-{number}"
            taken.add(names[member].casefold())
        notes.append(f"{len(members)} inputs are named '{stem}'; their memos are "
                     + ", ".join(f"{names[m]}.* ({m})" for m in ordered))
    return names, notes


def plan_jobs(inputs: Sequence[str], outdir: Path, formats: Sequence[str], force: bool = False,
              skip_existing: bool = False) -> Plan:
    """Decide what to write for each input: the jobs, and the inputs settled beforehand.

    With ``skip_existing`` only the missing outputs of an input are written (none: the input
    is skipped). Without it or ``force``, an input whose output exists is refused up front,
    before any work is spent on it.
    """
    names, notes = assign_names(inputs)
    plan = Plan(notes=notes)
    for item in inputs:
        targets = [(fmt, outdir / f"{names[item]}.{fmt}") for fmt in formats]
        existing = [path for _, path in targets if path.exists()]
        if skip_existing:
            missing = tuple((fmt, str(path)) for fmt, path in targets if not path.exists())
            if not missing:
                plan.settled.append(Result(item, SKIPPED, tuple(str(p) for _, p in targets)))
            else:
                plan.jobs.append(Job(item, missing))
        elif existing and not force:
            error = OutputError(f"'{existing[0]}' already exists; use --force to overwrite it "
                                "or --skip-existing to keep it")
            plan.settled.append(Result(item, ERROR, error=str(error),
                                       exit_code=error.exit_code))
        else:
            plan.jobs.append(Job(item, tuple((fmt, str(path)) for fmt, path in targets)))
    return plan


def make_chunks(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    """Group jobs into worker tasks: up to MAX_CHUNK inputs or MAX_CHUNK_CHARS bytes each.

    Chunks stay small enough for every worker to get about four of them, so that the last
    task does not leave the other workers idle.
    """
    limit = max(1, min(MAX_CHUNK, math.ceil(len(jobs) / max(1, workers * 4))))
    chunks: list[list[Job]] = []
    current: list[Job] = []
    size = 0
    for job in jobs:
        try:
            job_size = os.path.getsize(job.input)
        except OSError:
            job_size = 0
        if current and (len(current) >= limit or size + job_size > MAX_CHUNK_CHARS):
            chunks.append(current)
            current, size = [], 0
        current.append(job)
        size += job_size
    if current:
        chunks.append(current)
    return chunks


def choose_workers(requested: int, jobs: int) -> int:
    """Worker processes to use: ``requested``, or with 0 one per CPU when there is enough work.

    A worker costs about a second and a half to start (Python, spaCy, the model), so a
    handful of inputs are done in this process.
    """
    if requested > 0:
        return requested
    if jobs < 8:
        return 1
    return max(1, min(os.cpu_count() or 1, jobs // 4))


# ------------------------------------------------------------------------- doing one chunk


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


# ------------------------------------------------------------------------- running a batch


_worker_error: BriefgenError | None = None


def init_worker(settings: Settings) -> None:
    """Prepare a worker process: leave Ctrl-C to the parent, load the spaCy pipeline once."""
    global _worker_error
    # The terminal sends Ctrl-C to the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from briefgen.analyze import load_model

    try:
        load_model(settings.model)
    except BriefgenError as e:  # raised again by the first task, where the parent sees it
        _worker_error = e


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


def run_jobs(jobs: Sequence[Job], settings: Settings, workers: int = 1,
             on_start: OnStart | None = None, on_result: OnResult | None = None,
             on_stages: OnStages | None = None) -> list[Result]:
    """Run every job, in this process (``workers`` 1) or in that many worker processes.

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
        if workers <= 1:
            for chunk in chunks:
                if on_start is not None:
                    on_start(chunk)
                deliver(run_chunk(chunk, settings))
        elif _run_in_pool(chunks, settings, workers, on_start, deliver):
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


def _run_in_pool(chunks: list[list[Job]], settings: Settings, workers: int,
                 on_start: OnStart | None, deliver: Callable[[Outcome], None]) -> bool:
    """Run the chunks in a pool of spawned workers; return True when a worker died."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the parent runs rich's refresh thread, and forking a threaded process
    # can deadlock a child; spawn also behaves the same on Linux, macOS and Windows.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context,
                               initializer=init_worker, initargs=(settings,))
    broken = False
    try:
        pending: dict[Future[Outcome], list[Job]] = {
            pool.submit(run_chunk_in_worker, chunk, settings): chunk for chunk in chunks}
        order = list(pending)
        position = {future: i for i, future in enumerate(order)}
        oldest = 0
        while pending:
            while order[oldest] not in pending:
                oldest += 1
            if on_start is not None:
                on_start(pending[order[oldest]])
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=position.__getitem__):  # in input order
                chunk = pending.pop(future)
                try:
                    deliver(future.result())
                except BrokenProcessPool:
                    broken = True
                    deliver(Outcome([Result(job.input, ERROR, exit_code=INTERNAL_ERROR_EXIT,
                                            error="a worker process died (out of memory, or "
                                                  "killed) before this input was done; rerun "
                                                  "the batch with --skip-existing")
                                     for job in chunk], {}))
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown(wait=True)
    return broken


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers now: kill the processes, drop queued tasks, wait for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 there is no public way; shutdown() forgets the processes, so take them first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
    pool.shutdown(wait=True, cancel_futures=True)


def summarize(results: Sequence[Result]) -> dict[str, int]:
    """Count results by status."""
    counts = {OK: 0, ERROR: 0, SKIPPED: 0}
    for result in results:
        counts[result.status] += 1
    return counts


def exit_code(results: Sequence[Result]) -> int:
    """0 when no input failed, else 1."""
    return 1 if any(r.status == ERROR for r in results) else 0


def check_outdir(outdir: Path) -> None:
    """Create the output folder if needed.

    Raises:
        OutputError: it is a file, or cannot be created.
    """
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"-o '{outdir}' is a file; give a folder for the memos")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create the folder '{outdir}': {e.strerror or e}") from e


def no_inputs_error(arguments: Sequence[str]) -> InputError:
    """The error for a batch that found nothing to read."""
    return InputError(f"no input found in {' '.join(repr(a) for a in arguments)}; folders "
                      f"and globs contribute {', '.join(KNOWN_SUFFIXES)} files")
