"""The ``briefgen batch`` command: many readouts to a folder of memos, with progress on stderr."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefgen.commands.console import error_boundary, write_utf8
from briefgen.commands.help import Command, examples
from briefgen.commands.options import (
    MEMO_OPTIONS,
    OTHER,
    READ_OPTIONS,
    RUN_OPTIONS,
    memo_values,
    with_options,
)
from briefgen.ingest.sniff import READABLE_SUFFIXES

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from briefgen.batch import Result


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to ``app``."""
    app.command(name="batch", cls=Command, epilog=examples(
        ("a memo per readout (PDF and DOCX) in memos/, by 2 worker processes",
         "briefgen batch 'seeds/*.txt' -o memos/ -j 2"),
        ("Markdown one-pagers, writing only those not already in memos/",
         "briefgen batch 'seeds/*.txt' -o memos/ -f md -t one-pager --skip-existing"),
    ))(batch)


@with_options(MEMO_OPTIONS, READ_OPTIONS, RUN_OPTIONS,
              exclude=("subject", "output_dir", "genre", "source_url"))
def batch(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT", help="Readouts: files, folders (searched recursively for "
             f"{' '.join(READABLE_SUFFIXES)}) or globs such as 'inbox/**/*.txt' (quoted: "
             "briefgen expands them).",
        show_default=False)],
    outdir: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR",
        help="Folder for the memos (created if missing): DIR/<input name>.<format>; inputs of "
             "the same name get -2, -3 ...", show_default=False)],
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, metavar="N",
        help="Worker processes (0: one per CPU when there are 8 inputs or more); the spaCy "
             "model is loaded once.")] = 0,
    skip_existing: Annotated[bool, typer.Option(
        "--skip-existing", help="Keep memos that already exist; write only the missing "
                                "ones.")] = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Print one JSON line per input on stdout: {"input", "outputs", '
                        '"status": ok|error|skipped, "error"}.', rich_help_panel=OTHER)] = False,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Show a progress bar on stderr (default: when stderr "
                                         "is a terminal).", show_default=False,
        rich_help_panel=OTHER)] = None,
    **given: Any,
) -> None:
    """Write a memo per readout into one folder, in parallel; report each input as it is done.

    Stdout lists the files written (or, with --jsonl, one JSON line per input); progress,
    errors and a summary go to stderr. A failed input is reported and the rest go on. Exit
    status: 0 when every input succeeded, 1 when some failed, 130 when interrupted (finished
    memos stay; no partial file is left). Each memo is the one 'briefgen generate' writes
    with the same options; the SUBJECT line is each source's title.
    """
    debug, force, verbose = given["debug"], given["force"], given["verbose"]
    with error_boundary(debug):
        from briefgen import batch as lib
        from briefgen.analyze import resolve_model_name
        from briefgen.app import RunOptions
        from briefgen.config import load_config
        from briefgen.errors import OptionError

        if force and skip_existing:
            raise OptionError("--force and --skip-existing contradict each other; use one")
        if "-" in inputs:
            raise OptionError("batch reads files, folders and globs, not stdin; use "
                              "'briefgen generate -' for one readout from stdin")
        for argument in inputs:
            if Path(argument).is_dir() and lib.is_same_path(Path(argument), outdir):
                raise OptionError(f"-o '{outdir}' is also an input folder; write the memos to "
                                  f"another folder, e.g. -o {Path(argument) / 'memos'}")
        found, unmatched = lib.find_inputs(inputs, exclude=outdir)
        if not found:
            raise lib.no_inputs_error(inputs)
        resolve_model_name(given["model"])
        options = RunOptions.from_config(load_config(given["config"]), **memo_values(given),
                                         output_dir=outdir)
        settings, formats = lib.plan_settings(found[0], options)
        lib.check_outdir(outdir)  # created by plan_settings once every option checked out
        plan = lib.plan_jobs(found, outdir, formats, force=force, skip_existing=skip_existing)
        plan.settled[:0] = [lib.Result(pattern, lib.ERROR, error=f"no file matches '{pattern}'",
                                       exit_code=3) for pattern in unmatched]
        workers = lib.choose_workers(jobs, len(plan.jobs))
        report = Report(len(found) + len(unmatched), jsonl, verbose, debug, progress,
                        write_utf8)
        # Before the progress display: forked workers must not inherit its thread.
        with lib.worker_pool(plan.jobs, settings, workers) as pool, report.live():
            for note in plan.notes:
                report.say(f"briefgen: note: {note}")
            report.say_verbose(f"{len(found)} inputs, {len(plan.jobs)} to brief, "
                               f"{len(lib.make_chunks(plan.jobs, workers))} chunks, "
                               f"{workers} worker process{'es' if workers > 1 else ''}"
                               f"{'' if workers > 1 else ' (this one)'}")
            for result in plan.settled:
                report.add(result)
            try:
                lib.run_jobs(plan.jobs, settings, workers, on_start=report.start,
                             on_result=report.add, on_stages=report.add_stages, pool=pool)
            except KeyboardInterrupt:
                report.finish()
                report.summary(outdir, workers, interrupted=True)
                raise
            report.finish()
        report.summary(outdir, workers)
        raise typer.Exit(lib.exit_code(report.results))


class Report:
    """Show a batch as it runs: the progress bar and messages on stderr, results on stdout."""

    def __init__(self, total: int, jsonl: bool, verbose: bool, debug: bool,
                 progress: bool | None, write_stdout) -> None:
        from rich.console import Console

        self.total, self.jsonl, self.verbose, self.debug = total, jsonl, verbose, debug
        self.write_stdout = write_stdout
        self.console: Console = Console(stderr=True, highlight=False, emoji=False)
        self.show = self.console.is_terminal if progress is None else progress
        self.results: list[Result] = []
        self.stages: dict[str, float] = {}
        self.started = time.perf_counter()
        self.bar: Progress | None = None
        self.task = None

    def live(self) -> Progress:
        """Return the progress display to run the batch in (disabled when not shown)."""
        self.bar = make_progress(self.console, disable=not self.show)
        self.task = self.bar.add_task("briefing", total=self.total, current="")
        return self.bar

    def say(self, line: str) -> None:
        """Print a line on stderr, above the progress bar."""
        self.console.print(line, markup=False, soft_wrap=True)

    def say_verbose(self, line: str) -> None:
        if self.verbose:
            self.say(f"briefgen: {line}")

    def start(self, chunk) -> None:
        """Show the input (and how many more) now being worked on."""
        more = f" +{len(chunk) - 1}" if len(chunk) > 1 else ""
        if self.bar is not None:
            self.bar.update(self.task, current=f"{chunk[0].input}{more}")

    def add(self, result: Result) -> None:
        """Count a finished input, print its line(s) and any error."""
        self.results.append(result)
        if self.bar is not None:
            self.bar.advance(self.task)
        if result.status == "error":
            message = result.error or "failed"
            if result.input not in message:
                message = f"{result.input}: {message}"
            self.say(f"briefgen: error: {message}")
            if self.debug and result.traceback:
                self.say(result.traceback.rstrip())
        for warning in result.warnings:
            self.say(f"briefgen: warning: {result.input}: {warning}")
        if self.jsonl:
            self.write_stdout(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
        elif result.status == "ok":
            self.write_stdout("".join(f"{path}\n" for path in result.outputs))
        sys.stdout.flush()

    def finish(self) -> None:
        """Clear the current input from the bar."""
        if self.bar is not None:
            self.bar.update(self.task, current="")

    def add_stages(self, stages: dict[str, float]) -> None:
        for stage, seconds in stages.items():
            self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def summary(self, outdir: Path, workers: int, interrupted: bool = False) -> None:
        """Print the counts, the time and the rate on stderr."""
        from briefgen.batch import summarize

        counts = summarize(self.results)
        elapsed = time.perf_counter() - self.started
        done = counts["ok"] + counts["error"]
        rate = f", {done / elapsed:.1f} inputs/s" if elapsed > 0 and done else ""
        head = (f"stopped after {len(self.results)} of {self.total} inputs"
                if interrupted else f"{self.total} inputs")
        self.say(f"briefgen: batch: {head}: {counts['ok']} briefed, {counts['skipped']} "
                 f"skipped, {counts['error']} failed in {elapsed:.1f} s{rate} "
                 f"({workers} process{'es' if workers > 1 else ''}); memos in {outdir}")
        failed = [r.input for r in self.results if r.status == "error"]
        if failed:
            shown = ", ".join(failed[:10]) + (f" and {len(failed) - 10} more"
                                              if len(failed) > 10 else "")
            self.say(f"briefgen: failed: {shown}")
        if self.verbose and self.stages:
            self.say("briefgen: time per stage, summed over processes: " + ", ".join(
                f"{stage} {seconds:.2f} s" for stage, seconds in self.stages.items()))


def make_progress(console: Console, disable: bool) -> Progress:
    """A progress bar with count, rate, ETA and the current input."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Inputs per second over the last seconds."""

        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("-- /s" if speed is None else f"{speed:.1f}/s")

    # Lines printed on stdout go above the bar only when stdout is the same terminal; when
    # it is piped they must reach the pipe, not the bar's stream.
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    RateColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    TextColumn("{task.fields[current]}"), console=console, disable=disable,
                    redirect_stdout=sys.stdout.isatty(), redirect_stderr=False)
