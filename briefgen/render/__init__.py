"""Render a Brief through a memo template into the format-neutral Document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.vocabulary.calendar import MONTHS
from briefgen.vocabulary.genres import section_labels

if TYPE_CHECKING:  # imported where used: `templates list` reaches this package, fast
    from briefgen.document import Document
    from briefgen.model import Brief

DEFAULT_TEMPLATE = "memo"


@dataclass(frozen=True, slots=True)
class MemoOptions:
    """What the user says about the memo itself, as opposed to what the source says."""

    to: str = "Distribution"
    sender: str = "Analyst"
    date: dt.date | None = None
    subject: str | None = None
    author: str | None = None
    keywords: tuple[str, ...] = field(default_factory=tuple)
    organization: str | None = None
    #: Banner printed at the top and bottom of every page ("CONFIDENTIAL//REL TO USA, GBR").
    classification: str | None = None
    #: Mark every portion; the banner must be at least the marks' level. None: marked when
    #: the classification is CONFIDENTIAL or above (a classified memo is always marked).
    portion_marks: bool | None = None
    #: The mark of the memo's own portions (headings, the subject, lines it composes).
    portion_mark: str = "(U)"
    #: The mark of portions that quote the source (they carry its [¶N]); "(U)": a public source.
    source_mark: str = "(U)"
    #: The classification authority block, printed when the memo is classified: who
    #: classified it (default: the FROM line), the reason (E.O. 13526 1.4 categories) and
    #: when it is declassified (a date or event).
    classified_by: str | None = None
    classification_reason: str | None = None
    declassify_on: str | None = None
    drafted_by: str | None = None
    cleared_by: str | None = None
    prepared_by: str | None = None
    distribution: tuple[str, ...] = field(default_factory=tuple)
    #: Append the source text, its paragraphs numbered as [¶N] counts them (``render.annex``).
    annex: bool = False

    def banner(self) -> str | None:
        """Return the banner to print: the classification, or the portion marks' level.

        Raises:
            OptionError: unknown classification or mark, or a banner below the portion mark.
        """
        from briefgen.markings import resolve_banner

        if self.marks_portions():
            return resolve_banner(self.classification, self.portion_mark, self.source_mark)
        return resolve_banner(self.classification, None)

    def marks_portions(self) -> bool:
        """Say whether every portion is marked: as asked, else when the memo is classified.

        Raises:
            OptionError: an unknown classification.
        """
        from briefgen.markings import is_classified

        if self.portion_marks is None:
            return is_classified(self.classification)
        return self.portion_marks

    def authority(self) -> dict[str, str] | None:
        """The classification authority block's lines, or None for a memo not classified.

        Raises:
            OptionError: an unknown classification or mark, or a banner below the marks.
        """
        from briefgen.markings import is_classified

        if not is_classified(self.banner()):
            return None
        return {"classified_by": self.classified_by or self.sender,
                "reason": self.classification_reason or NOT_GIVEN,
                "declassify_on": self.declassify_on or NOT_GIVEN}


#: An authority line the analyst has not given: printed so, never guessed.
NOT_GIVEN = "(not given)"



def format_long_date(value: Any) -> str:
    """Write a date the memo way, "July 1, 2020"; a string that is no ISO date is kept."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
    return str(value)


MEETING_FORMATS = {"virtual": "held virtually", "in_person": "held in person",
                   "phone": "held by telephone", "unknown": None}


def template_context(brief: Brief, options: MemoOptions) -> dict[str, Any]:
    """Return the variables every template sees (documented in README)."""
    from briefgen.model import JOINT

    data = brief.to_dict()
    memo_date = options.date or dt.date.today()
    # A hand-written Brief may name a party it does not list: it gets a group of its own so
    # that none of its attendees or positions is left out of the memo.
    named = [p["name"] for p in data["parties"]]
    aliases = {p["name"]: p["aliases"] for p in data["parties"]}
    used = [item["party"] for item in (*data["attendees"], *data["positions"])]
    names = list(dict.fromkeys([*named, *(n for n in used if n is not None and n != JOINT)]))
    groups = []
    for name in names:
        groups.append({
            "name": name,
            "aliases": aliases.get(name, []),
            "attendees": [a for a in data["attendees"] if a["party"] == name],
            "positions": [p for p in data["positions"] if p["party"] == name],
        })
    unaffiliated = [a for a in data["attendees"] if a["party"] is None or a["party"] == JOINT]
    if unaffiliated:
        groups.append({"name": "Other participants", "aliases": [], "attendees": unaffiliated,
                       "positions": []})
    meeting = data["meeting"]
    return {
        "brief": data,
        "genre": data.get("genre", "readout"),
        "labels": section_labels(data.get("genre", "readout")),
        "memo": {
            "to": options.to,
            "sender": options.sender,
            "date": memo_date,
            "subject": options.subject or brief.title,
            "organization": options.organization or None,
            "classification": options.banner(),
            "portion_mark": options.portion_mark if options.marks_portions() else None,
            "source_mark": options.source_mark if options.marks_portions() else None,
            "authority": options.authority(),
            "drafted_by": options.drafted_by or None,
            "cleared_by": options.cleared_by or None,
            "prepared_by": options.prepared_by or None,
            "distribution": list(options.distribution),
            "annex": options.annex and any(s.get("paragraphs") for s in data["sources"]),
        },
        "meeting": {
            "date": format_long_date(meeting["date_iso"]) if meeting["date_iso"]
            else meeting["date"],
            "format": MEETING_FORMATS.get(meeting["format"]),
            "location": meeting["location"],
            "document_date": format_long_date(meeting["document_date"])
            if meeting.get("document_date") else None,
        },
        "parties": groups,
        "joint_positions": [p for p in data["positions"] if p["party"] == JOINT],
        "multi_source": len(data["sources"]) > 1,
        "matrix": positions_matrix(data),
        "formats": MEETING_FORMATS,
    }


MATRIX_WORDS = 16  # a matrix cell quotes the stance up to about this many words


def positions_matrix(data: dict[str, Any], printed: list[dict[str, Any]] | None = None
                     ) -> dict[str, Any] | None:
    """Topics by parties: each cell the party's stances on the topic, each in its own words
    (shortened, from the reporting verb) with its reference, or None where the party did
    not address the topic. ``printed``: the positions the memo prints (default: all).

    None when there is nothing to compare (fewer than two topics or two speaking sides).
    """
    from briefgen.model import JOINT

    positions = [p for p in (data["positions"] if printed is None else printed)
                 if p.get("topic")]
    columns = [p["name"] for p in data["parties"]
               if any(q["party"] == p["name"] for q in positions)]
    if any(q["party"] == JOINT for q in positions):
        columns.append(JOINT)
    topics = [t["name"] for t in data.get("topics", [])
              if any(q["topic"] == t["name"] for q in positions)]
    if len(topics) < 2 or len(columns) < 2:
        return None
    rows = []
    for topic in topics:
        cells = []
        for column in columns:
            stances = [q for q in positions if q["topic"] == topic and q["party"] == column]
            cells.append([{"text": shorten(q["statement"]), "source": q["source"]}
                          for q in stances] or None)
        rows.append({"topic": topic, "cells": cells})
    return {"columns": ["Joint" if c == JOINT else c for c in columns], "rows": rows}


def shorten(statement: str, words: int = MATRIX_WORDS) -> str:
    """The first ``words`` words of a stance, cut at a word and marked with an ellipsis."""
    parts = statement.rstrip(" .").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:") + " …"


def render_document(brief: Brief, options: MemoOptions | None = None,
                    template: str = DEFAULT_TEMPLATE, measure: Any = None) -> Document:
    """Render ``brief`` with ``template`` (a built-in name or a file) into a Document.

    What it prints follows ``briefgen.render.economy``: each source sentence once, within
    the template's page and word budget, estimated with ``measure`` (an ``economy.Measure``:
    how the theme's text sets; None: the default theme's).

    Raises:
        TemplateError: the template is missing or fails to render.
        OptionError: the classification and portion marks disagree (see ``MemoOptions.banner``).
    """
    from briefgen.document import Metadata
    from briefgen.render.markings import mark_portions

    options = options or MemoOptions()
    context = template_context(brief, options)
    created = None
    if options.date is not None:
        created = dt.datetime.combine(options.date, dt.time(), tzinfo=dt.timezone.utc)
    metadata = Metadata(
        title=context["memo"]["subject"],
        subject=f"Briefing memo: {brief.title}",
        author=options.author or options.sender,
        keywords=options.keywords or tuple(
            ["briefing memo", *(p.name for p in brief.parties)]),
        created=created,
        classification=context["memo"]["classification"],
    )
    _, document = fitted(context, template, metadata, measure)
    if options.marks_portions():
        document = mark_portions(document, options.portion_mark, options.source_mark)
    if options.annex:
        document = with_annex(document, context, options)
    return document


def with_annex(document: Document, context: dict[str, Any], options: MemoOptions) -> Document:
    """Append the annex (the source text, its paragraphs numbered) after the memo, and link
    each of the memo's references to its paragraph there (see ``render.annex``); the annex
    quotes the source, so a marked memo marks it with the source's portion mark."""
    from dataclasses import replace

    from briefgen.markings import normalize_portion_mark
    from briefgen.render.annex import anchors, annex_blocks, link_references

    mark = normalize_portion_mark(options.source_mark) if options.marks_portions() else None
    annex = annex_blocks(context["brief"], mark)
    blocks = link_references(document.blocks, anchors(annex), context["multi_source"])
    return replace(document, blocks=blocks, annex=annex)


def fitted(context: dict[str, Any], template: str, metadata: Any = None, measure: Any = None
           ) -> tuple[str, Document]:
    """Render ``template`` with the items ``economy.fit`` chooses; return its Markdown and
    Document.

    Raises:
        TemplateError: the template is missing or fails to render.
    """
    from briefgen.document import Metadata
    from briefgen.render import economy
    from briefgen.render.markup import parse_markdown
    from briefgen.render.templating import render_template

    metadata = metadata or Metadata(title=context["memo"]["subject"])
    measure = measure or economy.DEFAULT_MEASURE
    data = context["brief"]
    words = economy.source_words(data)
    rendered: dict[int, str] = {}

    def render(name: str, extra: dict[str, Any]) -> Callable[[dict[str, Any]], Document]:
        def run(selection: dict[str, Any]) -> Document:
            markdown = render_template(name, with_selection(context, selection, extra))
            document = parse_markdown(markdown, metadata)
            rendered[id(document)] = markdown
            return document
        return run

    extra: dict[str, Any] = {}
    within = None
    if template != DEFAULT_TEMPLATE:
        # A shorter template prints no more than the full memo, and says what it has besides.
        memo_selection, _ = economy.fit(data, render(DEFAULT_TEMPLATE, extra),
                                        economy.Budget.of(DEFAULT_TEMPLATE, words, measure))
        within = printed_keys(memo_selection)
        extra = {"memo_keys": within}
    _, document = economy.fit(data, render(template, extra),
                              economy.Budget.of(template, words, measure), within)
    return rendered[id(document)], document


def printed_keys(selection: dict[str, Any]) -> set[tuple[int, int]]:
    from briefgen.render.economy import sentence_key

    return {sentence_key(item) for kind in ("bottom_line", "outcomes", "positions", "key_points",
                                            "context")
            for item in selection[kind]}


def with_selection(context: dict[str, Any], selection: dict[str, Any],
                   extra: dict[str, Any]) -> dict[str, Any]:
    """The template's variables with the chosen items in place of all of them."""
    from briefgen.model import JOINT
    from briefgen.render.economy import sentence_key

    printed = {id(p) for p in selection["positions"]}
    more = 0
    if "memo_keys" in extra:
        more = len(extra["memo_keys"] - printed_keys(selection))
    return {
        **context,
        "bottom_line": selection["bottom_line"],
        "key_points": selection["key_points"],
        "outcomes": selection["outcomes"],
        "context": selection["context"],
        "left_out": list({(r.get("document", 1), r["paragraph"]): r
                          for r in selection["left_out"]}.values()),
        "left_out_count": len(selection["left_out"]),
        "more_in_memo": more,
        # Positions printed nowhere in this memo (left out for length), for "quoted above".
        "positions_left_out": len({sentence_key(p) for p in context["brief"]["positions"]}
                                  - printed_keys(selection)),
        "parties": [{**group, "positions": [p for p in group["positions"] if id(p) in printed]}
                    for group in context["parties"]],
        "joint_positions": [p for p in selection["positions"] if p["party"] == JOINT],
        # The matrix of what is printed: it points at the positions, never at what is not.
        "matrix": positions_matrix(context["brief"], selection["positions"])
        if context["matrix"] else None,
    }


def prepare(template: str = DEFAULT_TEMPLATE) -> None:
    """Compile ``template`` and build the Markdown parser ahead of ``render_document``.

    Raises:
        TemplateError: the template is missing or has a syntax error.
    """
    from briefgen.render.markup import build_parser
    from briefgen.render.templating import load_template

    load_template(template)
    build_parser()


def render_markdown(brief: Brief, options: MemoOptions | None = None,
                    template: str = DEFAULT_TEMPLATE) -> str:
    """Return the Markdown a template renders for ``brief`` (for inspection and tests).

    Raises:
        TemplateError: the template is missing or fails to render.
    """
    return fitted(template_context(brief, options or MemoOptions()), template)[0]
