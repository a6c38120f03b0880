"""Turn an Analysis into a Brief by running the extractors in order on one shared draft."""

from __future__ import annotations

from briefgen.extract.attendees import extract_attendees
from briefgen.extract.draft import INPUTS, Draft, Extractor
from briefgen.extract.draft import extractor as step
from briefgen.extract.genres import extract_genre
from briefgen.extract.glossary import extract_glossary
from briefgen.extract.key_points import extract_key_points
from briefgen.extract.metadata import extract_metadata
from briefgen.extract.outcomes import extract_outcomes
from briefgen.extract.parties import extract_parties, prune_parties
from briefgen.extract.positions import extract_positions
from briefgen.extract.summary import extract_summary
from briefgen.extract.topics import extract_topics
from briefgen.model import Analysis, Brief, SourceInfo

#: The extraction steps with the Draft fields each reads and writes, in an order where every
#: field is written before it is read (tests/test_extractors.py checks both the order and
#: that each step touches only what it declares).
EXTRACTORS: tuple[Extractor, ...] = (
    step(extract_genre, reads=("analysis", "requested_genre"), writes=("genre", "structure")),
    step(extract_attendees, reads=("analysis", "document", "structure"),
         writes=("attendees", "affiliations", "absent", "participation", "meeting_sentence")),
    step(extract_metadata, reads=("analysis", "meeting_sentence"),
         writes=("title", "is_joint_statement", "meeting")),
    step(extract_parties, reads=("analysis", "structure", "affiliations", "participation",
                                 "title", "attendees", "absent"),
         writes=("home_party", "party_index", "parties", "attendees", "absent")),
    step(extract_positions, reads=("analysis", "document", "structure", "attendees",
                                   "home_party", "is_joint_statement", "parties", "party_index"),
         writes=("positions", "name_pattern")),
    step(prune_parties, reads=("analysis", "attendees", "positions", "meeting_sentence",
                               "party_index", "title", "parties"), writes=("parties",)),
    step(extract_outcomes, reads=("analysis", "document", "structure", "attendees", "parties",
                                  "party_index",
                                  "positions", "meeting", "home_party", "is_joint_statement"),
         writes=("outcomes", "name_pattern")),
    step(extract_glossary, reads=("analysis", "title"), writes=("glossary",)),
    step(extract_key_points, reads=("analysis", "document", "genre", "structure", "attendees",
                                    "outcomes",
                                    "meeting_sentence", "parties", "positions"),
         writes=("key_points",)),
    step(extract_summary, reads=("analysis", "document", "genre", "structure", "attendees",
                                 "key_points", "outcomes",
                                 "meeting_sentence", "participation", "parties", "positions"),
         writes=("context", "summary", "bottom_line")),
    step(extract_topics, reads=("attendees", "parties", "positions"),
         writes=("positions", "topics")),
)


def order_problems(steps: tuple[Extractor, ...] = EXTRACTORS) -> list[str]:
    """What in ``steps`` is read before any earlier step writes it (empty when the order is
    sound)."""
    written = set(INPUTS)
    problems = []
    for extractor in steps:
        for name in sorted(extractor.reads - written):
            problems.append(f"{extractor.name} reads {name} before any step writes it")
        written |= extractor.writes
    return problems


def extract_brief(analysis: Analysis, document: int = 1, genre: str | None = None) -> Brief:
    """Run every extractor over ``analysis`` and freeze the result into a Brief; ``genre``
    (one of ``genres.GENRES``) skips genre detection."""
    draft = Draft(analysis=analysis, document=document, requested_genre=genre)
    for extractor in EXTRACTORS:
        extractor.run(draft)
    source = analysis.clean.source
    return Brief(
        title=draft.title,
        summary=draft.summary,
        bottom_line=tuple(draft.bottom_line),
        meeting=draft.meeting,
        parties=tuple(draft.parties),
        attendees=tuple(draft.attendees),
        positions=tuple(draft.positions),
        key_points=tuple(draft.key_points),
        context=tuple(draft.context),
        glossary=tuple(draft.glossary),
        sources=(SourceInfo(path=source.path, title=draft.title, sha256=source.sha256,
                            date=draft.meeting.date, date_iso=draft.meeting.date_iso,
                            format=draft.meeting.format, location=draft.meeting.location,
                            words=len(source.text.split()), url=analysis.clean.url,
                            paragraphs=analysis.clean.paragraphs),),
        removed=analysis.clean.removed,
        topics=tuple(draft.topics),
        genre=draft.genre,
        absent=tuple(draft.absent),
        outcomes=tuple(draft.outcomes),
    )
