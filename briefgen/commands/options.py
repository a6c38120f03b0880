"""Options that generate and render share (and batch may reuse), as typer annotations.

None means "not given": the config files or the built-in default decide (briefgen/config.py
has the precedence).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefgen.config import OUTPUT_FORMATS

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


