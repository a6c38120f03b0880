"""Chain the stages: ingest -> clean -> analyze -> extract -> render -> write."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import overlap
from briefgen.document import Document
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
                analyzer: Analyzer | None = None) -> Brief:
    """Read, clean, analyze and extract one document, or several merged into one Brief.

    Several sources are read in the order given and numbered from 1; every reference in the
    Brief names its source. ``analyzer``: a started :class:`Analyzer` (the commands start
    theirs first thing, so that the model loads in a forked child while the options and
    inputs are read); without one, everything happens in this process (a library call never
    forks its caller). ``prepare`` (optional) readies the later stages (templates, writers)
    while a child parses; it is not called when the model loads here.

    Raises:
        BriefgenError: an input cannot be read or holds nothing to brief, or the model fails.
    """
    from briefgen.clean import clean
    from briefgen.ingest import DEFAULT_MAX_CHARS, ingest_many

    paths = [paths] if isinstance(paths, str) else list(paths)
    timings = timings or Timings()
    with analyzer or Analyzer(model) as parser:
        t = time.perf_counter()
        sources = ingest_many(paths, max_chars=max_chars or DEFAULT_MAX_CHARS,
                              encoding=encoding)
        timings.add("ingest", t)
        t = time.perf_counter()
        cleaned = [clean(source) for source in sources]
        timings.add("clean", t)
        for text in cleaned:
            for removed in text.removed:
                log(f"{text.source.path}: removed {removed.reason}: {removed.text[:70]!r}")
        analyses, description = parser.analyze(cleaned, timings, prepare)
    log(description)
    from briefgen.extract import extract_brief
    from briefgen.extract.merge import merge_briefs

    t = time.perf_counter()
    briefs = [extract_brief(a, document=i) for i, a in enumerate(analyses, start=1)]
    brief = merge_briefs(briefs)
    timings.add("extract", t)
    for analysis, one in zip(analyses, briefs):
        log(f"{analysis.clean.source.path}: {len(analysis.paragraphs)} paragraphs, "
            f"{len(analysis.sentences)} sentences; {len(one.attendees)} attendees, "
            f"{len(one.positions)} positions")
    return brief


#: Inputs up to this many characters are parsed by the child; longer ones here, loading the
#: model again. Passing the analyses of a 230,000-character text back costs ~0.55 s (pickled
#: both ways), half a model load, and grows with the text: beyond this size a second load in
#: this process is the cheaper way.
OVERLAP_MAX_CHARS = 400_000


class Analyzer:
    """Loads the spaCy model and analyzes texts, in a forked child when that saves time.

    Not started, it works in this process. In a process that has not loaded the model yet,
    :meth:`start` forks a child that imports spaCy and loads the model at once (about a
    second), while this process reads the options and inputs and gets the later stages
    ready; :meth:`analyze` then hands the child the cleaned texts and takes their analyses
    back. Where no child can be forked (see
    ``briefgen.overlap``), for long inputs, or when the child fails, the work is done here,
    with the same result. A context manager: leaving it stops a child still running.
    """

    def __init__(self, model: str | None = None, job: overlap.Background | None = None
                 ) -> None:
        self.model = model
        self.job = job  # a child already loading ``model`` (see briefgen.launch)

    def start(self) -> Analyzer:
        """Fork the child now if this process has no model loaded yet; return self."""
        from briefgen.analyze import load_model

        if self.job is None and load_model.cache_info().currsize == 0:
            self.job = overlap.start(functools.partial(analyze_in_child, self.model))
        return self

    def analyze(self, cleaned: list[CleanText], timings: Timings,
                prepare: Callable[[], None] | None = None) -> tuple[list[Analysis], str]:
        """Analyze every text; return the analyses and the --verbose line naming the model.

        Raises:
            ModelError: the model cannot be loaded.
            EmptyInputError: a text holds no sentences.
        """
        job, self.job = self.job, None
        if job is not None and sum(len(c.body) for c in cleaned) > OVERLAP_MAX_CHARS:
            job.stop()  # a long text is parsed here: waiting for the child would gain nothing
            job = None
        if job is not None:
            with job:
                job.send(cleaned)
                prepare_extraction()
                if prepare is not None:
                    quietly(prepare)
                try:
                    result = job.result()
                except overlap.NoResultError:
                    result = None
            if result is not None:
                analyses, description, stages = result
                timings.stages.update(stages)
                return analyses, description
        analyses, description, stages = _load_and_analyze(cleaned, self.model)
        timings.stages.update(stages)
        return analyses, description

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *_: object) -> None:
        if self.job is not None:
            self.job.stop()
            self.job = None


def analyze_in_child(model: str | None, receive: Callable[[], list[CleanText]]
                     ) -> tuple[list[Analysis], str, dict[str, float]]:
    """The child's part: load the model, then analyze the texts the parent sends."""
    from briefgen.analyze import load_model

    t = time.perf_counter()
    load_model(model)
    loaded = time.perf_counter() - t
    analyses, description, stages = _load_and_analyze(receive(), model)
    stages["load model"] = loaded
    return analyses, description, stages


def _load_and_analyze(cleaned: list[CleanText], model: str | None
                      ) -> tuple[list[Analysis], str, dict[str, float]]:
    """Load the model and analyze the texts; return them, the model line and the timings.

    Raises:
        ModelError: the model cannot be loaded.
        EmptyInputError: a text holds no sentences.
    """
    from briefgen.analyze import analyze_many, describe_model, load_model

    timings = Timings()
    t = time.perf_counter()
    nlp = load_model(model)
    timings.add("load model", t)
    description = (f"spaCy model: {describe_model(nlp)} (package {nlp.meta.get('lang')}_"
                   f"{nlp.meta.get('name')}; components: {', '.join(nlp.pipe_names)})")
    t = time.perf_counter()
    analyses = analyze_many(cleaned, model)
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
    formats = sorted(set(formats) - {"json"})  # JSON is the Brief itself: nothing to render
    if not formats:
        return
    from briefgen.render import prepare
    from briefgen.writers import prepare_writers

    prepare(template)
    prepare_writers(formats, settings)


def quietly(prepare: Callable[[], None]) -> None:
    """Run a preparation whose errors the real step will raise again, where they belong."""
    with contextlib.suppress(Exception):  # reported by the stage that needs the same thing
        prepare()


def build_document(brief: Brief, options: MemoOptions, template: str = DEFAULT_TEMPLATE,
                   timings: Timings | None = None) -> Document:
    """Render a Brief into the Document every writer takes.

    Raises:
        TemplateError: the template is missing or fails.
    """
    from briefgen.render import render_document

    t = time.perf_counter()
    document = render_document(brief, options, template)
    if timings is not None:
        timings.add("render", t)
    return document


def write_document(document: Document, targets: Sequence[tuple[str, Path]], force: bool = False,
                   timings: Timings | None = None, settings: WriterSettings | None = None
                   ) -> tuple[str, ...]:
    """Write a Document in every requested format; return warnings for the user.

    ``settings`` carries the theme and the DOCX reference file (None: built-in defaults).

    Raises:
        OutputError: a target cannot be written.
        InputError: the reference DOCX cannot be used.
    """
    from briefgen.writers import write_outputs

    t = time.perf_counter()
    warnings = write_outputs(document, targets, force=force, settings=settings)
    if timings is not None:
        timings.add("write", t)
    return warnings
