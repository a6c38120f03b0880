"""Builders of realistic Briefs and Documents for unit tests (no spaCy, no files)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Inlines,
    Metadata,
    Paragraph,
    Rule,
    Span,
    Table,
)
from briefgen.model import (
    JOINT,
    Analysis,
    Attendee,
    Brief,
    GlossaryEntry,
    KeyPoint,
    Meeting,
    Party,
    Position,
    Ref,
    Removed,
    SourceInfo,
)

SHA256 = "3f5a9c0e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f"
US = "United States"
LNA = "Libyan National Army"


def ref(paragraph: int, sentence: int = 0, start: int = 0, end: int = 10) -> Ref:
    """Return a Ref into the first document."""
    return Ref(document=1, paragraph=paragraph, sentence=sentence, start=start, end=end)


def make_brief(**changes: Any) -> Brief:
    """Return a realistic two-party Brief with joint positions; ``changes`` replace fields."""
    positions = (
        Position(JOINT, "affirmed", "all Libyans should enjoy the protection of accountable "
                 "security forces",
                 "The two sides affirmed that all Libyans should enjoy the protection of capable "
                 "and accountable security forces.", ref(2, 3)),
        Position(US, "stressed", "its opposition to all foreign interference in Libya",
                 "The U.S. delegation stressed its opposition to all foreign interference in "
                 "Libya.", ref(3, 6)),
        Position(US, "emphasized", "the LNA's affiliation with the Wagner group is at odds "
                 "with U.S. interests",
                 "The U.S. delegation emphasized that the LNA's affiliation with the Wagner "
                 "group is at odds with U.S. and Libyan interests.", ref(3, 7)),
        Position(LNA, "briefed", "its commitment to UN-facilitated dialogue",
                 "The LNA delegation briefed the U.S. delegation on its commitment to "
                 "UN-facilitated dialogue.", ref(2, 4)),
    )
    attendees = (
        Attendee("Miguel Correa", "Major General", "National Security Council Senior Director",
                 US, ref(4, 9)),
        Attendee("Henry Wooster", None, "Deputy Assistant Secretary of State", US, ref(4, 9)),
        Attendee("Richard Norland", None, "U.S. Ambassador to Libya", US, ref(4, 9)),
        Attendee("Aoun Al Farjani", "General", "Head of the LNA Command Apparatus", LNA,
                 ref(4, 10)),
        Attendee("Abd Al Karim Hadiya", "General", "LNA Secretary General", LNA, ref(4, 10)),
    )
    key_points = (
        KeyPoint("The U.S. Government and representatives of the LNA met virtually on militia "
                 "demobilization.",
                 "On July 1, the U.S. Government and representatives of the LNA met virtually "
                 "for discussions on militia demobilization.", ref(1, 0)),
        KeyPoint("Armed groups that spoil the political process must not be tolerated.",
                 "The U.S. side reaffirmed that armed groups that attempt to spoil the political "
                 "process must not be tolerated.", ref(2, 5)),
        KeyPoint("Both delegations reaffirmed a desire to de-escalate the conflict.",
                 "Both delegations reaffirmed a desire to de-escalate the conflict.", ref(3, 8)),
    )
    values: dict[str, Any] = {
        "title": "U.S.-LNA Discussion on Militia Demobilization",
        "summary": "The U.S. Government and representatives of the LNA met virtually on July 1 "
                   "to discuss militia demobilization.",
        "meeting": Meeting(date="July 1", date_iso="2020-07-01", format="virtual"),
        "parties": (Party(US, ("U.S.", "U.S. delegation")), Party(LNA, ("LNA",))),
        "attendees": attendees,
        "positions": positions,
        "key_points": key_points,
        "glossary": (
            GlossaryEntry("DDR", "disarmament, demobilization, and reintegration", "document"),
            GlossaryEntry("GNA", "Government of National Accord", "builtin"),
        ),
        "sources": (SourceInfo("readout-2020-07-01.txt",
                               "U.S.-LNA Discussion on Militia Demobilization", SHA256),),
        "removed": (Removed("/Public Release. This material from the originating organization "
                            "might be of the point-in-time nature.", "syndication disclaimer"),),
    }
    values.update(changes)
    return Brief(**values)


def text(value: str, bold: bool = False, italic: bool = False) -> Inlines:
    """Return a one-span inline sequence."""
    return (Span(value, bold=bold, italic=italic),)


def make_document(*blocks: Block, **metadata: Any) -> Document:
    """Return a Document of ``blocks`` (a small memo when none are given)."""
    metadata.setdefault("title", "Readout")
    metadata.setdefault("created", dt.datetime(2020, 7, 1, tzinfo=dt.timezone.utc))
    if not blocks:
        blocks = (
            Heading(1, text("Memorandum")),
            FieldList((Field("TO", text("Distribution")), Field("FROM", text("Analyst")))),
            Rule(),
            Heading(2, text("Summary")),
            Paragraph((Span("The sides "), Span("met", bold=True), Span(" virtually."))),
            BulletList((text("First point [¶1]"), text("Second point [¶2]"))),
            Table((text("Name"), text("Rank")), ((text("Miguel Correa"), text("Major General")),)),
        )
    return Document(metadata=Metadata(**metadata), blocks=tuple(blocks))


def make_analysis(body: str, title: str = "Readout") -> Analysis:
    """Clean and analyze a small invented document (title, blank line, body) with the model."""
    import hashlib

    from briefgen.analyze import analyze
    from briefgen.clean import clean
    from briefgen.model import Source

    text = f"{title}\n\n{body}"
    return analyze(clean(Source(path="invented.txt", text=text, media_type="text/plain",
                                sha256=hashlib.sha256(text.encode()).hexdigest())))


def draft_until(analysis: Analysis, last: str) -> Any:
    """Run the extractors in order up to and including the one named ``last``; the Draft."""
    from briefgen.extract import EXTRACTORS
    from briefgen.extract.draft import Draft

    draft = Draft(analysis=analysis)
    for extractor in EXTRACTORS:
        extractor.run(draft)
        if extractor.name == last:
            return draft
    raise ValueError(f"no extractor named {last}")
