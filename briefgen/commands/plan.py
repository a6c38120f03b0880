"""Plan a generate or render run: the command line meets the config, everything is checked
before the slow work; then write the memo in each format, and the Brief as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from briefgen.config import DEFAULT_FORMATS, OUTPUT_FORMATS
from briefgen.errors import OptionError, OutputError

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.model import Brief
    from briefgen.render import MemoOptions
    from briefgen.writers import WriterSettings

KNOWN_FORMATS = OUTPUT_FORMATS


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


def resolve_targets(output: Path | None, formats: list[str], input_path: str,
                    default_formats: tuple[str, ...] = DEFAULT_FORMATS,
                    directory: Path | None = None) -> list[tuple[str, Path]]:
    """Work out (format, path) pairs from -o and -f.

    ``-o brief.pdf`` writes PDF; ``-o brief -f pdf -f docx`` writes brief.pdf and brief.docx;
    with neither, the input's name is used and ``default_formats`` are written. ``directory``
    holds the outputs when -o is not given (and a relative -o).

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
        if directory is not None:
            output = directory / output
    elif output.name in ("", ".", "..") or output.is_dir():
        # Else "-o ." fails on an empty name and "-o out/" writes out.pdf beside the folder.
        raise OutputError(f"-o '{output}' is a directory; give a file name, "
                          f"e.g. -o {output / stem}.pdf")
    elif directory is not None and not output.is_absolute():
        output = directory / output
    suffix = output.suffix.lower().lstrip(".")
    if suffix in KNOWN_FORMATS:
        if formats and formats != [suffix]:
            if len(formats) == 1:
                raise OptionError(f"-o '{output}' ends in .{suffix} but -f asks for "
                                  f"{formats[0]}; make them agree")
            base = output.with_suffix("")
            return [(f, base.with_suffix(f".{f}")) for f in formats]
        return [(suffix, output)]
    formats = formats or list(default_formats)
    return [(f, output.with_name(f"{output.name}.{f}")) for f in formats]


@dataclass(frozen=True)
class RunPlan:
    """What generate and render were asked for, after the command line met the config files."""

    options: MemoOptions
    template: str
    targets: list[tuple[str, Path]]
    settings: WriterSettings | None
    force: bool

    @property
    def document_targets(self) -> list[tuple[str, Path]]:
        return [(fmt, path) for fmt, path in self.targets if fmt != "json"]

    @property
    def json_targets(self) -> list[Path]:
        return [path for fmt, path in self.targets if fmt == "json"]


def plan_run(config: Config, input_path: str, *, output: Path | None, formats: list[str] | None,
             output_dir: Path | None, force: bool, template: str | None, to: str | None,
             sender: str | None, date: str | None, subject: str | None,
             organization: str | None, drafted_by: str | None, cleared_by: str | None,
             prepared_by: str | None, distribution: list[str] | None,
             classification: str | None, portion_marks: bool | None, portion_mark: str | None,
             theme: str | None, reference_docx: Path | None) -> RunPlan:
    """Merge the command line with the config and check everything before any slow work.

    Raises:
        OptionError: a bad option value, or a banner lower than the portion marks.
        ConfigError: the theme is invalid.
        TemplateError: the template is missing or has a syntax error.
        OutputError: an output cannot be written.
    """
    from briefgen.render import MemoOptions
    from briefgen.render.markings import normalize_portion_mark

    memo_date = parse_date(date)
    directory = output_dir
    if directory is None and output is None and config["output.directory"]:
        directory = Path(config["output.directory"])
    targets = resolve_targets(output, formats or [], input_path,
                              default_formats=config["output.formats"], directory=directory)
    check_formats(targets)

    if portion_marks is None:
        portion_marks = True if portion_mark is not None else config["markings.portion_marks"]
    mark = portion_mark if portion_mark is not None else config["markings.portion_mark"]
    banner = config.pick("markings.classification", classification)
    if distribution is None:
        names = config["memo.distribution"]
    else:
        names = tuple(name.strip() for value in distribution for name in value.split(",")
                      if name.strip())
    options = MemoOptions(
        to=config.pick("memo.to", to), sender=config.pick("memo.from", sender),
        date=memo_date, subject=subject,
        organization=config.pick("memo.organization", organization),
        classification=banner, portion_marks=bool(portion_marks),
        portion_mark=normalize_portion_mark(mark) if portion_marks else mark,
        drafted_by=config.pick("memo.drafted_by", drafted_by),
        cleared_by=config.pick("memo.cleared_by", cleared_by),
        prepared_by=config.pick("memo.prepared_by", prepared_by),
        distribution=names)
    try:
        options.banner()
    except OptionError as e:
        where = {config.source_of("markings.classification", classification),
                 config.source_of("markings.portion_mark", portion_mark)} - {
            "command line", "built-in"}
        if not where:
            raise
        raise OptionError(f"{e} (set in {' and '.join(sorted(where))})") from e

    template_name = config.pick("memo.template", template)
    if plan_needs_document(targets):
        from briefgen.render.templating import load_template

        load_template(template_name)  # a bad template is reported before the slow analysis
    if reference_docx is None and config["output.reference_docx"]:
        reference_docx = Path(config["output.reference_docx"])
    settings = writer_settings(config.pick("output.theme", theme) or None, reference_docx)

    # Only now, with everything else checked, may the output folder be created.
    if directory is not None and not directory.is_dir():
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"cannot create output directory '{directory}': "
                              f"{e.strerror or e}") from e
    from briefgen.writers import check_target

    for _, path in targets:
        check_target(path, force)
    return RunPlan(options, template_name, targets, settings, force)


def plan_needs_document(targets: list[tuple[str, Path]]) -> bool:
    """True unless every target is the Brief as JSON (no template is rendered then)."""
    return any(fmt != "json" for fmt, _ in targets)


def check_formats(targets: list[tuple[str, Path]]) -> None:
    """Refuse a format no writer of this installation handles, before any slow work.

    Raises:
        OptionError: no writer for a requested format.
    """
    from briefgen.writers import WRITERS

    for fmt, _ in targets:
        if fmt != "json" and fmt not in WRITERS:
            known = ", ".join([*WRITERS, "json"])
            raise OptionError(f"format '{fmt}' is not available; choose from: {known}")


def writer_settings(theme: str | None, reference_docx: Path | None) -> WriterSettings | None:
    """Load the theme and check the reference DOCX; None when neither is asked for.

    Raises:
        ConfigError: the theme is missing or invalid.
        OptionError: the reference DOCX does not exist.
    """
    if theme is None and reference_docx is None:
        return None
    from briefgen.writers import WriterSettings

    loaded = None
    if theme is not None:
        from briefgen.writers.theme import load_theme

        loaded = load_theme(theme)
    if reference_docx is not None and not reference_docx.is_file():
        raise OptionError(f"--reference-docx '{reference_docx}' is not a file; give the path "
                          "of a .docx letterhead")
    return WriterSettings(theme=loaded, reference_docx=reference_docx)


def prepare_plan(plan: RunPlan) -> None:
    """Get the render and writer stages of ``plan`` ready (imports, template, fonts).

    Raises:
        BriefgenError, OSError: as the stage that needs the same thing would.
    """
    from briefgen.pipeline import prepare_output

    prepare_output(plan.template, [fmt for fmt, _ in plan.document_targets], plan.settings)


def write_plan(brief: Brief, plan: RunPlan, timings: Any = None) -> None:
    """Render and write every target of ``plan``; print warnings, then the paths written.

    Raises:
        BriefgenError: the template fails, an output cannot be written.
    """
    from briefgen.pipeline import build_document, write_document

    if plan.document_targets:
        document = build_document(brief, plan.options, plan.template, timings=timings)
        warnings = write_document(document, plan.document_targets, force=plan.force,
                                  timings=timings, settings=plan.settings)
        for warning in warnings:
            typer.echo(f"briefgen: warning: {warning}", err=True)
    for path in plan.json_targets:
        write_brief_json(brief, path, plan.force)
    for _, path in plan.targets:
        typer.echo(str(path))


def write_brief_json(brief: Brief, path: Path, force: bool) -> None:
    """Write ``brief.to_dict()`` as UTF-8 JSON atomically (the same as ``extract --json``).

    Raises:
        OutputError: the file cannot be written, or exists and ``force`` is off.
    """
    from briefgen.writers import atomic_path, check_target

    check_target(path, force)
    text = json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_brief(path: Path) -> Brief:
    """Read a Brief JSON file.

    Raises:
        InputError: the file cannot be read.
        BriefFormatError: not JSON, or it breaks the schema (the message names the field).
    """
    from briefgen.errors import BriefFormatError, InputError
    from briefgen.model import Brief

    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read '{path}': {getattr(e, 'strerror', None) or e}") from e
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise BriefFormatError(f"'{path}' is not valid JSON: {e.msg} at line {e.lineno} "
                               f"column {e.colno}") from e
    return Brief.from_dict(data)


