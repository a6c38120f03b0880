"""Plan a run before the slow work: the output files, the template, the theme, all checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.app.options import RunOptions
from briefgen.config import DEFAULT_FORMATS
from briefgen.errors import OptionError, OutputError

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings


@dataclass(frozen=True, slots=True)
class Plan:
    """A checked run: its options, the (format, path) pairs to write and the loaded theme."""

    options: RunOptions
    targets: tuple[tuple[str, Path], ...]
    writer: WriterSettings | None = None

    @property
    def formats(self) -> list[str]:
        return [fmt for fmt, _ in self.targets]


def plan_outputs(options: RunOptions, stem: str, output: Path | None = None) -> Plan:
    """Work out and check everything a run will write, before any slow work.

    ``stem`` names the outputs when ``output`` is not given (an input's path, or "-": stdin).
    Only when every check has passed is the output folder created.

    Raises:
        OptionError: an unknown format, or -o's suffix disagrees with -f.
        ConfigError: the theme is invalid.
        TemplateError: the template is missing or has a syntax error.
        OutputError: an output cannot be written (exists without ``force``, a directory).
    """
    from briefgen.writers import check_target, needs_document

    directory = options.output_dir
    if directory is None and output is None:
        directory = options.default_output_dir
    targets = resolve_targets(output, list(options.formats), stem,
                              default_formats=options.default_formats, directory=directory)
    if needs_document(fmt for fmt, _ in targets):
        from briefgen.render.templating import load_template

        load_template(options.template)  # a bad template is reported before the slow analysis
    writer = writer_settings(options.theme, options.reference_docx)
    if directory is not None and not directory.is_dir():
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise OutputError(f"cannot create output directory '{directory}': "
                              f"{e.strerror or e}") from e
    for _, path in targets:
        check_target(path, options.force)
    return Plan(options, tuple(targets), writer)


def resolve_targets(output: Path | None, formats: list[str], input_path: str,
                    default_formats: tuple[str, ...] | None = None,
                    directory: Path | None = None) -> list[tuple[str, Path]]:
    """Work out (format, path) pairs from -o and -f.

    ``-o brief.pdf`` writes PDF; ``-o brief -f pdf -f docx`` writes brief.pdf and brief.docx;
    with neither, the input's name is used and ``default_formats`` are written. ``directory``
    holds the outputs when -o is not given (and a relative -o).

    Raises:
        OptionError: an unknown format, or -o's suffix disagrees with -f.
        OutputError: -o names a directory rather than a file.
    """
    from briefgen.writers import WRITERS

    if default_formats is None:
        default_formats = DEFAULT_FORMATS
    for fmt in formats:
        if fmt.lower() not in WRITERS:
            raise OptionError(f"unknown format '{fmt}'; choose from: {', '.join(WRITERS)}")
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
    if suffix in WRITERS:
        if formats and formats != [suffix]:
            if len(formats) == 1:
                raise OptionError(f"-o '{output}' ends in .{suffix} but -f asks for "
                                  f"{formats[0]}; make them agree")
            base = output.with_suffix("")
            return [(f, base.with_suffix(f".{f}")) for f in formats]
        return [(suffix, output)]
    formats = formats or list(default_formats)
    return [(f, output.with_name(f"{output.name}.{f}")) for f in formats]


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
