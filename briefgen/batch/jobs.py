"""The units of a batch run: jobs, their results, chunks for the workers, the summary."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.app.options import RunOptions
from briefgen.batch.inputs import assign_names
from briefgen.errors import OutputError

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings

#: Inputs per worker task: their sentences share one ``nlp.pipe`` stream. Small, because
#: a result is reported when its chunk is done (bigger chunks made no measurable difference
#: to spaCy's speed on seed-sized readouts).
MAX_CHUNK = 4


#: Characters per worker task, so that one long transcript is not queued behind seven more.
MAX_CHUNK_CHARS = 200_000


OK, ERROR, SKIPPED = "ok", "error", "skipped"




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
    """What every input of a batch shares; it pickles, so workers, forked or spawned, get it whole.

    ``options`` is the run's one options object, as ``generate`` builds it from the command
    line and the config files; ``writer`` the theme and letterhead loaded from it, once.
    """

    options: RunOptions = field(default_factory=RunOptions)
    writer: WriterSettings | None = None


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


def plan_settings(first_input: str, options: RunOptions) -> tuple[Settings, list[str]]:
    """Check the options once for the whole batch; return its settings and formats.

    The run is planned for the first input as if it were written into the output folder
    (``options.output_dir``), as ``generate`` would plan it: its formats, template and writer
    settings then hold for every input. Existing memos are judged per input by
    :func:`plan_jobs`.

    Raises:
        OptionError: a bad option value or format.
        ConfigError: the theme is invalid.
        TemplateError: the template is missing or has a syntax error.
    """
    from dataclasses import replace

    from briefgen.app.plan import plan_outputs

    plan = plan_outputs(replace(options, force=True), first_input)
    return Settings(options, plan.writer), plan.formats


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

    Workers cost about a second to start (the model, loaded once where they are forked,
    once each where they are spawned), so a handful of inputs are done in this process.
    """
    if requested > 0:
        return requested
    if jobs < 8:
        return 1
    return max(1, min(os.cpu_count() or 1, jobs // 4))


def summarize(results: Sequence[Result]) -> dict[str, int]:
    """Count results by status."""
    counts = {OK: 0, ERROR: 0, SKIPPED: 0}
    for result in results:
        counts[result.status] += 1
    return counts


def exit_code(results: Sequence[Result]) -> int:
    """0 when no input failed, else 1."""
    return 1 if any(r.status == ERROR for r in results) else 0
