"""``briefgen generate``, ``extract`` and ``render``: parse, build the options, call the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from briefgen.commands.console import error_boundary, report_written, verbose_log, write_utf8
from briefgen.commands.help import Command, examples
from briefgen.commands.options import (
    MEMO_OPTIONS,
    READ_OPTIONS,
    RUN_OPTIONS,
    memo_values,
    with_options,
)

SEED = "seeds/000_0ff103b2e130dde9.txt"
InputsArg = Annotated[list[str], typer.Argument(
    metavar="INPUT",
    help="Readout(s) to brief: .txt, .md, .html, .docx or .pdf files, or - for stdin. Several "
         "sources make one brief (parties and people merged, every reference naming its source).",
    show_default=False)]


def register(app: typer.Typer) -> None:
    """Add ``generate``, ``extract`` and ``render`` to ``app``."""
    app.command(cls=Command, epilog=examples(
        ("the memo as PDF; the suffix of -o picks the format",
         f"briefgen generate {SEED} -o brief.pdf"),
        ("PDF and DOCX from one extraction, with the memo's TO and DATE lines",
         f"briefgen generate {SEED} -o memo -f pdf -f docx \\\n"
         "    --to \"The Secretary\" --date 2026-01-15"),
        ("another built-in template (see 'briefgen templates list')",
         f"briefgen generate {SEED} -t one-pager -o one-pager.pdf"),
    ))(generate)
    app.command(cls=Command, epilog=examples(
        ("what the memo would say, section by section, in the terminal",
         f"briefgen extract {SEED}"),
        ("the Brief as JSON, to correct by hand and then 'briefgen render'",
         f"briefgen extract {SEED} --json > brief.json"),
    ))(extract)
    app.command(cls=Command, epilog=examples(
        ("the Brief as JSON (as 'extract --json' prints it), to correct by hand",
         f"briefgen generate {SEED} -o brief.json"),
        ("the memo from the corrected Brief",
         "briefgen render brief.json -o memo.pdf"),
        ("a memorandum of conversation as DOCX and HTML",
         "briefgen render brief.json -o memcon -f docx -f html -t memcon"),
    ))(render)


def _output_stem(input_paths: list[str]) -> str:
    """Name outputs after the one input, or "brief" for several (or stdin)."""
    return input_paths[0] if len(input_paths) == 1 else "brief"


@with_options(MEMO_OPTIONS, READ_OPTIONS, RUN_OPTIONS)
def generate(
    input_paths: InputsArg,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH",
        help="Output file; its suffix picks the format (brief.pdf). Without a suffix, one file "
             "per -f format.", show_default=False)] = None,
    **given: Any,
) -> None:
    """Write a briefing memo (PDF, DOCX, Markdown, HTML; JSON: the Brief) from readouts."""
    from briefgen import faststart

    with error_boundary(given["debug"]), faststart.analyzer(given["model"]) as analyzer:
        from briefgen.app import RunOptions, make_brief, plan_outputs, prepare, write_plan
        from briefgen.config import load_config
        from briefgen.pipeline import Timings

        log = verbose_log(given["verbose"])
        options = RunOptions.from_config(load_config(given["config"]), **memo_values(given))
        plan = plan_outputs(options, _output_stem(input_paths), output)
        timings = Timings()
        brief = make_brief(input_paths, options, log=log, timings=timings, analyzer=analyzer,
                           prepare=lambda: prepare(plan))
        report_written([path for _, path in plan.targets], write_plan(brief, plan, timings))
        log("timings: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.stages.items()))


@with_options(READ_OPTIONS, RUN_OPTIONS, exclude=("config",))
def extract(
    input_paths: InputsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Brief as JSON "
                                                         "(schema_version 2).")] = False,
    **given: Any,
) -> None:
    """Extract the Brief and print it: the memo's sections in the memo's order, or JSON."""
    from briefgen import faststart

    with error_boundary(given["debug"]), faststart.analyzer(given["model"]) as analyzer:
        from briefgen.app import RunOptions, make_brief

        options = RunOptions(model=given["model"], max_chars=given["max_chars"],
                             encoding=given["encoding"], genre=given["genre"],
                             source_urls=tuple(given["source_url"] or ()))
        brief = make_brief(input_paths, options, log=verbose_log(given["verbose"]),
                           analyzer=analyzer)
        if as_json:
            from briefgen.writers.brief_json import dumps

            write_utf8(dumps(brief))
            return
        from briefgen.report import print_brief

        if hasattr(sys.stdout, "reconfigure"):
            # A console that is not UTF-8 shows '?' for what it cannot print.
            sys.stdout.reconfigure(errors="replace")
        print_brief(brief)


@with_options(MEMO_OPTIONS, RUN_OPTIONS, exclude=("verbose",))
def render(
    brief_json: Annotated[Path, typer.Argument(
        metavar="BRIEF.json", help="A Brief saved by 'extract --json' and perhaps edited by "
                                   "hand.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="PATH",
        help="Output file; its suffix picks the format (memo.pdf). Default: the Brief file's "
             "name, one file per format.", show_default=False)] = None,
    **given: Any,
) -> None:
    """Render a memo from a Brief JSON file (the analyst's correction loop)."""
    with error_boundary(given["debug"]):
        from briefgen.app import RunOptions, plan_outputs, read_brief, write_plan
        from briefgen.config import load_config

        options = RunOptions.from_config(load_config(given["config"]), **memo_values(given))
        plan = plan_outputs(options, str(brief_json), output)
        report_written([path for _, path in plan.targets], write_plan(read_brief(brief_json), plan))
