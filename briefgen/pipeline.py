"""Chain the stages: ingest -> clean -> analyze -> extract -> render -> write."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.document import Document
from briefgen.model import Brief
from briefgen.render import DEFAULT_TEMPLATE, MemoOptions

Log = Callable[[str], None]


def _quiet(_: str) -> None:
    """Discard progress messages (the default when not --verbose)."""


@dataclass
class Timings:
    """Seconds spent per stage, reported with --verbose."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started


def build_brief(path: str, model: str | None = None, max_chars: int | None = None,
                log: Log = _quiet, timings: Timings | None = None) -> Brief:
    """Read, clean, analyze and extract one document into a Brief.

    Raises:
        BriefgenError: the input cannot be read or holds nothing to brief, or the model fails.
    """
    from briefgen.analyze import analyze, describe_model, load_model
    from briefgen.clean import clean
    from briefgen.extract import extract_brief
    from briefgen.ingest import DEFAULT_MAX_CHARS, ingest

    timings = timings or Timings()
    t = time.perf_counter()
    source = ingest(path, max_chars=max_chars or DEFAULT_MAX_CHARS)
    timings.add("ingest", t)
    t = time.perf_counter()
    cleaned = clean(source)
    timings.add("clean", t)
    for removed in cleaned.removed:
        log(f"removed {removed.reason}: {removed.text[:70]!r}")
    t = time.perf_counter()
    nlp = load_model(model)
    timings.add("load model", t)
    log(f"spaCy model: {describe_model(nlp)} (package {nlp.meta.get('lang')}_"
        f"{nlp.meta.get('name')}; components: {', '.join(nlp.pipe_names)})")
    t = time.perf_counter()
    analysis = analyze(cleaned, model)
    timings.add("analyze", t)
    t = time.perf_counter()
    brief = extract_brief(analysis)
    timings.add("extract", t)
    log(f"{len(analysis.paragraphs)} paragraphs, {len(analysis.sentences)} sentences; "
        f"{len(brief.attendees)} attendees, {len(brief.positions)} positions")
    return brief


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
                   timings: Timings | None = None) -> tuple[str, ...]:
    """Write a Document in every requested format; return warnings for the user.

    Raises:
        OutputError: a target cannot be written.
    """
    from briefgen.writers import write_outputs

    t = time.perf_counter()
    warnings = write_outputs(document, targets, force=force)
    if timings is not None:
        timings.add("write", t)
    return warnings
