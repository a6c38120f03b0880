"""The library's calls: extract a Brief, render it, write it; the command line runs these."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.app.options import RunOptions
from briefgen.app.plan import Plan, plan_outputs

if TYPE_CHECKING:
    from briefgen.document import Document
    from briefgen.model import Brief
    from briefgen.pipeline import Analyzer, Log, Timings


def make_brief(paths: str | Path | Sequence[str | Path], options: RunOptions | None = None, *,
            log: Log | None = None, timings: Timings | None = None,
            analyzer: Analyzer | None = None, prepare: Callable[[], None] | None = None
            ) -> Brief:
    """Read, clean, analyze and extract one document, or several merged into one Brief.

    ``paths``: a file (``.txt``, ``.md``, ``.html``, ``.docx``, ``.pdf``) or ``-`` for stdin,
    or several; ``options`` gives the model, ``max_chars`` and ``encoding``. ``log`` receives
    the --verbose lines; ``analyzer`` and ``prepare`` let a command load the model in a child
    while it readies the later stages (see ``briefgen.faststart``).

    Raises:
        BriefgenError: an input cannot be read or holds nothing to brief, or the model fails.
    """
    from briefgen.pipeline import _quiet, build_brief

    options = options or RunOptions()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if len(options.source_urls) > len(paths):
        from briefgen.errors import OptionError

        raise OptionError(f"{len(options.source_urls)} --source-url given for {len(paths)} "
                          "input(s); give at most one per input, in the inputs' order")
    brief = build_brief([str(p) for p in paths], model=options.model,
                        max_chars=options.max_chars, encoding=options.encoding,
                        log=log or _quiet, timings=timings, prepare=prepare, analyzer=analyzer,
                        genre=options.genre)
    return with_source_urls(brief, options.source_urls)


def with_source_urls(brief: Brief, urls: Sequence[str]) -> Brief:
    """Return ``brief`` with the i-th source's URL set to ``urls[i]`` (--source-url), which
    beats the address the source names itself."""
    if not urls:
        return brief
    from dataclasses import replace

    sources = tuple(replace(source, url=urls[i].strip() or source.url) if i < len(urls)
                    else source for i, source in enumerate(brief.sources))
    return replace(brief, sources=sources)


def render_memo(brief: Brief, options: RunOptions | None = None) -> Document:
    """Render ``brief`` through ``options.template`` into the Document every memo writer takes.

    What fits on the pages is estimated with ``options.theme``.

    Raises:
        TemplateError: the template is missing or fails.
        OptionError: the markings of ``options.memo`` are invalid.
        ConfigError: the theme is missing or invalid.
    """
    from briefgen.app.plan import writer_settings
    from briefgen.pipeline import build_document

    options = options or RunOptions()
    settings = writer_settings(options.theme, options.reference_docx)
    return build_document(brief, options.memo, options.template, settings=settings)


def write(content: Brief | Document, path: str | Path, fmt: str | None = None,
          options: RunOptions | None = None) -> tuple[str, ...]:
    """Write a Brief or a rendered Document to ``path``; return warnings for the user.

    ``fmt`` (pdf, docx, md, html, json) defaults to the path's suffix. A Brief given for a
    memo format is rendered first with ``options``; ``json`` needs the Brief itself. The file
    appears only when complete; an existing one is replaced only with ``options.force``.

    Raises:
        OptionError: no format given and the suffix names none, or json asked of a Document.
        OutputError: the file cannot be written, or exists without ``force``.
        TemplateError: rendering the Brief fails.
    """
    from briefgen.document import Document
    from briefgen.errors import OptionError
    from briefgen.pipeline import build_document
    from briefgen.writers import BRIEF, WRITERS, write_outputs

    options = options or RunOptions()
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in WRITERS:
        raise OptionError(f"cannot tell the format of '{path}'; give one of "
                          f"{', '.join(WRITERS)}")
    from briefgen.app.plan import writer_settings

    settings = writer_settings(options.theme, options.reference_docx)
    if isinstance(content, Document):
        if WRITERS[fmt].takes == BRIEF:
            raise OptionError(f"'{fmt}' writes the Brief, not a rendered memo; pass the Brief")
        brief, document = None, content
    else:
        brief = content
        document = lambda: build_document(content, options.memo, options.template,  # noqa: E731
                                          settings=settings)
    return write_outputs([(fmt, path)], brief=brief, document=document, force=options.force,
                         settings=settings)


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate` wrote, in order, and the warnings for the user."""

    paths: tuple[Path, ...]
    warnings: tuple[str, ...]


def generate(paths: str | Path | Sequence[str | Path], output: str | Path | None = None,
             options: RunOptions | None = None) -> Generated:
    """Brief ``paths`` and write the memo: ``briefgen generate`` as one call.

    ``output``: a file whose suffix picks the format, or a name without suffix (one file per
    format of ``options.formats``, else ``options.default_formats``); None: named after the
    input (or "brief" for several). Everything is checked before the slow analysis.

    Raises:
        BriefgenError: as ``generate`` reports it (options, inputs, model, template, outputs).
    """
    options = options or RunOptions()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    names = [str(p) for p in paths]
    plan = plan_outputs(options, names[0] if len(names) == 1 else "brief",
                        None if output is None else Path(output))
    brief = make_brief(names, options)
    warnings = write_plan(brief, plan)
    return Generated(tuple(path for _, path in plan.targets), warnings)


def prepare(plan: Plan) -> None:
    """Get the render and writer stages of ``plan`` ready (imports, template, fonts).

    Raises:
        BriefgenError, OSError: as the stage that needs the same thing would.
    """
    from briefgen.pipeline import prepare_output

    prepare_output(plan.options.template, plan.formats, plan.writer)


def write_plan(brief: Brief, plan: Plan, timings: Timings | None = None) -> tuple[str, ...]:
    """Write every target of ``plan`` (the memo rendered once); return the warnings.

    Raises:
        BriefgenError: the template fails, an output cannot be written.
    """
    from briefgen.pipeline import write_brief

    return write_brief(brief, plan.targets, plan.options.memo, plan.options.template,
                       force=plan.options.force, timings=timings, settings=plan.writer)


def read_brief(path: str | Path) -> Brief:
    """Read a Brief JSON file (as ``extract --json`` or ``-f json`` writes it).

    Raises:
        InputError: the file cannot be read.
        BriefFormatError: not JSON, or it breaks the schema; the message names the file.
    """
    from briefgen.errors import BriefFormatError, InputError
    from briefgen.model import Brief

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read '{path}': {getattr(e, 'strerror', None) or e}") from e
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise BriefFormatError(f"'{path}' is not valid JSON: {e.msg} at line {e.lineno} "
                               f"column {e.colno}") from e
    except RecursionError:
        raise BriefFormatError(f"'{path}' is nested too deeply to be a Brief; give a file "
                               "written by 'briefgen extract --json'") from None
    except ValueError as e:  # an integer of more than 4,300 digits (sys.int_max_str_digits)
        raise BriefFormatError(f"'{path}' is not a Brief: a number in it is too long "
                               "to read") from e
    try:
        return Brief.from_dict(data)
    except BriefFormatError as e:
        message = str(e)
        if str(path) in message:
            raise
        raise BriefFormatError(f"'{path}': {message}") from e
    except RecursionError:
        raise BriefFormatError(f"'{path}' is nested too deeply to be a Brief; give a file "
                               "written by 'briefgen extract --json'") from None
