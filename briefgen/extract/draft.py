"""The mutable working state extractors fill in turn before it is frozen into a Brief."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.model import (
    Analysis,
    Attendee,
    GlossaryEntry,
    KeyPoint,
    Meeting,
    Party,
    Position,
    Sentence,
    Topic,
)


@dataclass
class Draft:
    """What the extractors know so far about one document."""

    analysis: Analysis
    document: int = 1
    title: str = ""
    meeting: Meeting = field(default_factory=Meeting)
    is_joint_statement: bool = False
    home_party: str | None = None
    #: A parties.PartyIndex once parties are known: resolves phrases to party names.
    party_index: Any = None
    #: A compiled pattern of attendees' family names and the parties each holds (positions).
    name_pattern: Any = None
    parties: list[Party] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    #: Raw affiliation text found for each attendee (same order as ``attendees``).
    affiliations: list[str | None] = field(default_factory=list)
    #: Indexes of sentences that say who took part (met, spoke, were represented by ...).
    participation: set[int] = field(default_factory=set)
    #: Index of the sentence that reports the meeting (who met whom, when), if any.
    meeting_sentence: int | None = None
    positions: list[Position] = field(default_factory=list)
    key_points: list[KeyPoint] = field(default_factory=list)
    context: list[KeyPoint] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    summary: str = ""
    #: The bottom line's sentences (``summary`` is their text).
    bottom_line: list[KeyPoint] = field(default_factory=list)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.analysis.sentences

    def party_names(self) -> list[str]:
        return [p.name for p in self.parties]
