"""Chain the stages: ingest -> clean -> analyze -> extract -> render -> write."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document import Document
from briefgen.errors import ModelError
from briefgen.model import Brief
from briefgen.render import DEFAULT_TEMPLATE, MemoOptions

if TYPE_CHECKING:
    from briefgen.model import Analysis, CleanText
    from briefgen.writers import WriterSettings

Log = Callable[[str], None]


def _quiet(_: str) -> None:
    """Discard progress messages (the default when not --verbose)."""


@dataclass
class Timings:
    """Seconds spent per stage, reported with --verbose."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started


def build_brief(paths: str | Sequence[str], model: str | None = None,
                max_chars: int | None = None, encoding: str | None = None, log: Log = _quiet,
                timings: Timings | None = None,
                prepare: Callable[[], None] | None = None,
                analyzer: Analyzer | None = None, genre: str | None = None) -> Brief:
    """Read, clean, analyze and extract one document, or several merged into one Brief.

    Several sources are read in the order given and numbered from 1; every reference in the
    Brief names its source. ``analyzer``: the one to parse with (``faststart.analyzer`` gives
    one that loads the model in a forked child while the caller reads its options); without
    one, everything happens in this process. ``prepare`` (optional) readies the later stages
    (templates, writers) while a child parses; it is not called when the model loads here.

    Raises:
        BriefgenError: an input cannot be read or holds nothing to brief, or the model fails.
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    [brief] = build_briefs([paths], model, max_chars, encoding, log=log, timings=timings,
                           prepare=prepare, analyzer=analyzer, genre=genre)
    return brief  # type: ignore[return-value]  # not isolated: a failure was raised


def build_briefs(groups: Sequence[Sequence[str]], model: str | None = None,
                 max_chars: int | None = None, encoding: str | None = None, *,
                 isolate: bool = False, log: Log = _quiet, timings: Timings | None = None,
                 prepare: Callable[[], None] | None = None,
                 analyzer: Analyzer | None = None, genre: str | None = None
                 ) -> list[Brief | Exception]:
    """Make one Brief per group of inputs, every text of every group in one spaCy stream.

    The chain every command runs: ``generate`` and ``extract`` give one group (its sources
    merged into one Brief), a batch worker one group per input. With ``isolate`` a group that
    fails (a BriefgenError, or a bug) gets its exception in its place and the others go on;
    without it the first failure is raised.

    Raises:
        ModelError: the spaCy model cannot be loaded (no group can be done).
        BriefgenError: without ``isolate``, the first error of any group.
    """
    from briefgen.clean import clean
    from briefgen.ingest import DEFAULT_MAX_CHARS, ingest_many

    timings = timings if timings is not None else Timings()
    results: list[Brief | Exception | None] = [None] * len(groups)
    texts: list[tuple[int, CleanText]] = []  # (group, cleaned text), in reading order
    with analyzer or Analyzer(model) as parser:
        for number, paths in enumerate(groups):
            with _isolated(isolate, results, number):
                t = time.perf_counter()
                sources = ingest_many(paths, max_chars=max_chars or DEFAULT_MAX_CHARS,
                                      encoding=encoding)
                timings.add("ingest", t)
                t = time.perf_counter()
                cleaned = [clean(source) for source in sources]
                timings.add("clean", t)
                texts.extend((number, text) for text in cleaned)
        for _, text in texts:
            for removed in text.removed:
                log(f"{text.source.path}: removed {removed.reason}: {removed.text[:70]!r}")
        analyses, description = parser.analyze([text for _, text in texts], timings, prepare,
                                               isolate=isolate)
    log(description)
    from briefgen.extract import extract_brief
    from briefgen.extract.merge import merge_briefs

    t = time.perf_counter()
    by_group: dict[int, list[Analysis]] = {}
    for (number, _), analysis in zip(texts, analyses):
        if isinstance(analysis, Exception):
            results[number] = analysis
        elif results[number] is None:
            by_group.setdefault(number, []).append(analysis)
    for number, members in by_group.items():
        with _isolated(isolate, results, number):
            briefs = [extract_brief(a, document=i, genre=genre)
                      for i, a in enumerate(members, start=1)]
            results[number] = merge_briefs(briefs)
            for analysis, one in zip(members, briefs):
                log(f"{analysis.clean.source.path}: {len(analysis.paragraphs)} paragraphs, "
                    f"{len(analysis.sentences)} sentences; {one.genre}; "
                    f"{len(one.attendees)} attendees, "
                    f"{len(one.positions)} positions")
    timings.add("extract", t)
    return results  # type: ignore[return-value]  # every group got its Brief or its error


@contextlib.contextmanager
def _isolated(isolate: bool, results: list[Brief | Exception | None], number: int
              ) -> Iterator[None]:
    """Keep a failure of group ``number`` as its result when isolating; else let it rise."""
    try:
        yield
    except ModelError:
        raise  # no group can be done: the caller reports it once
    except Exception as e:
        if not isolate:
            raise
        results[number] = e


class Analyzer:
    """Loads the spaCy model and analyzes texts, in this process.

    ``faststart.analyzer`` gives one that does it in a forked child where that saves time; both
    are context managers (leaving the block stops a child still running).
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def analyze(self, cleaned: list[CleanText], timings: Timings,
                prepare: Callable[[], None] | None = None, isolate: bool = False
                ) -> tuple[list[Analysis | Exception], str]:
        """Analyze every text; return the analyses and the --verbose line naming the model.

        The model is loaded even when there is no text, so that a model that cannot be
        loaded is reported whatever the inputs. With ``isolate`` a text that fails gets its
        exception in place of its analysis. ``prepare`` is for analyzers that work elsewhere
        meanwhile; here there is no meanwhile.

        Raises:
            ModelError: the model cannot be loaded.
            EmptyInputError: without ``isolate``, a text holds no sentences.
        """
        analyses, description, stages = load_and_analyze(cleaned, self.model, isolate)
        for stage, seconds in stages.items():
            timings.stages[stage] = timings.stages.get(stage, 0.0) + seconds
        return analyses, description

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *_: object) -> None:
        pass


def load_and_analyze(cleaned: list[CleanText], model: str | None, isolate: bool = False
                     ) -> tuple[list[Analysis | Exception], str, dict[str, float]]:
    """Load the model and analyze the texts; return them, the model line and the timings.

    Raises:
        ModelError: the model cannot be loaded.
        EmptyInputError: without ``isolate``, a text holds no sentences.
    """
    from briefgen.analyze import analyze_many, describe_model, load_model

    timings = Timings()
    t = time.perf_counter()
    nlp = load_model(model)
    timings.add("load model", t)
    description = (f"spaCy model: {describe_model(nlp)} (package {nlp.meta.get('lang')}_"
                   f"{nlp.meta.get('name')}; components: {', '.join(nlp.pipe_names)})")
    t = time.perf_counter()
    analyses: list[Analysis | Exception] = []
    if cleaned:
        try:
            analyses = list(analyze_many(cleaned, model))
        except ModelError:
            raise
        except Exception:
            if not isolate:
                raise
            for one in cleaned:  # again one by one, to find which text fails
                try:
                    analyses.extend(analyze_many([one], model))
                except ModelError:
                    raise
                except Exception as e:  # this text's result
                    analyses.append(e)
    timings.add("analyze", t)
    return analyses, description, timings.stages


def prepare_extraction() -> None:
    """Import the extractors and build the gazetteer's matchers (the extraction's start-up)."""
    from briefgen.extract import gazetteer

    gazetteer.find_mentions("")


def prepare_output(template: str, formats: Iterable[str],
                   settings: WriterSettings | None = None) -> None:
    """Get the render and writer stages of ``formats`` ready (template, Markdown, fonts).

    Raises:
        BriefgenError, OSError: as the stage that needs the same thing would.
    """
    from briefgen.writers import needs_document, prepare_writers

    formats = list(dict.fromkeys(formats))
    if needs_document(formats):
        from briefgen.render import prepare

        prepare(template)
    prepare_writers(formats, settings)


def quietly(prepare: Callable[[], None]) -> None:
    """Run a preparation whose errors the real step will raise again, where they belong."""
    with contextlib.suppress(Exception):  # reported by the stage that needs the same thing
        prepare()


def build_document(brief: Brief, options: MemoOptions, template: str = DEFAULT_TEMPLATE,
                   timings: Timings | None = None, settings: WriterSettings | None = None
                   ) -> Document:
    """Render a Brief into the Document every memo writer takes; what fits on its pages is
    estimated with the theme of ``settings`` (None: the default theme).

    Raises:
        TemplateError: the template is missing or fails.
    """
    from briefgen.render import render_document
    from briefgen.render.economy import Measure
    from briefgen.writers.theme import text_scale

    t = time.perf_counter()
    measure = Measure(*text_scale(settings.theme if settings is not None else None))
    document = render_document(brief, options, template, measure)
    if timings is not None:
        timings.add("render", t)
    return document


def write_brief(brief: Brief, targets: Sequence[tuple[str, Path]], options: MemoOptions,
                template: str = DEFAULT_TEMPLATE, *, force: bool = False,
                timings: Timings | None = None, settings: WriterSettings | None = None
                ) -> tuple[str, ...]:
    """Write a Brief in every requested format; return warnings for the user.

    The memo is rendered once (with ``options`` and ``template``) if a memo format is asked
    for; the ``json`` format writes the Brief itself. ``settings`` carries the theme and the
    DOCX reference file (None: built-in defaults).

    Raises:
        TemplateError: the template fails.
        OutputError: a target cannot be written.
        InputError: the reference DOCX cannot be used.
    """
    from briefgen.writers import write_outputs

    timings = timings if timings is not None else Timings()
    t = time.perf_counter()
    rendering = timings.stages.get("render", 0.0)
    warnings = write_outputs(targets, brief=brief,
                             document=lambda: build_document(brief, options, template, timings,
                                                             settings),
                             force=force, settings=settings)
    timings.add("write", t)
    timings.stages["write"] -= timings.stages.get("render", 0.0) - rendering
    return warnings


def write_document(document: Document, targets: Sequence[tuple[str, Path]], force: bool = False,
                   timings: Timings | None = None, settings: WriterSettings | None = None
                   ) -> tuple[str, ...]:
    """Write a rendered Document in every requested memo format; return warnings for the user.

    Raises:
        OutputError: a target cannot be written.
        InputError: the reference DOCX cannot be used.
    """
    from briefgen.writers import write_outputs

    t = time.perf_counter()
    warnings = write_outputs(targets, document=document, force=force, settings=settings)
    if timings is not None:
        timings.add("write", t)
    return warnings
