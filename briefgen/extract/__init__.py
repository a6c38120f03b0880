"""Turn an Analysis into a Brief by running the extractors in order on one shared draft."""

from __future__ import annotations

from collections.abc import Callable

from briefgen.extract.attendees import extract_attendees
from briefgen.extract.draft import Draft
from briefgen.extract.glossary import extract_glossary
from briefgen.extract.key_points import extract_key_points
from briefgen.extract.metadata import extract_metadata
from briefgen.extract.parties import extract_parties, prune_parties
from briefgen.extract.positions import extract_positions
from briefgen.extract.summary import extract_summary
from briefgen.extract.topics import extract_topics
from briefgen.model import Analysis, Brief, SourceInfo

#: Each extractor reads what earlier ones wrote; the order is the dependency order.
EXTRACTORS: tuple[Callable[[Draft], None], ...] = (
    extract_attendees,
    extract_metadata,
    extract_parties,
    extract_positions,
    prune_parties,
    extract_glossary,
    extract_key_points,
    extract_summary,
    extract_topics,
)


def extract_brief(analysis: Analysis, document: int = 1) -> Brief:
    """Run every extractor over ``analysis`` and freeze the result into a Brief."""
    draft = Draft(analysis=analysis, document=document)
    for extractor in EXTRACTORS:
        extractor(draft)
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
                            words=len(source.text.split())),),
        removed=analysis.clean.removed,
        topics=tuple(draft.topics),
    )
