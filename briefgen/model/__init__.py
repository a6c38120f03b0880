"""The typed models: the hand-offs between stages (``model.stages``: Source, CleanText,
Analysis) and the Brief contract between extraction and rendering (``model.brief``).

Everything is re-exported here, so ``from briefgen.model import Brief, Sentence`` is the one
way to import them.
"""

from __future__ import annotations

from briefgen.model.brief import (
    GENRE_NAMES,
    JOINT,
    MEETING_FORMATS,
    OUTCOME_KINDS,
    READABLE_VERSIONS,
    SCHEMA_VERSION,
    Attendee,
    Brief,
    Change,
    GlossaryEntry,
    KeyPoint,
    Meeting,
    Outcome,
    Party,
    Position,
    Ref,
    SourceInfo,
    Topic,
)
from briefgen.model.stages import (
    Analysis,
    CleanText,
    Entity,
    Paragraph,
    Removed,
    Sentence,
    Source,
    SourceParagraph,
    Token,
)

__all__ = [
    "GENRE_NAMES",
    "JOINT",
    "MEETING_FORMATS",
    "OUTCOME_KINDS",
    "READABLE_VERSIONS",
    "SCHEMA_VERSION",
    "Analysis",
    "Attendee",
    "Brief",
    "Change",
    "CleanText",
    "Entity",
    "GlossaryEntry",
    "KeyPoint",
    "Meeting",
    "Outcome",
    "Paragraph",
    "Party",
    "Position",
    "Ref",
    "Removed",
    "Sentence",
    "Source",
    "SourceInfo",
    "SourceParagraph",
    "Token",
    "Topic",
]
