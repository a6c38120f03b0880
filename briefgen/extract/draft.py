"""The mutable working state extractors fill in turn before it is frozen into a Brief."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.extract.genres.structure import Structure
from briefgen.model import (
    Analysis,
    Attendee,
    GlossaryEntry,
    KeyPoint,
    Meeting,
    Outcome,
    Party,
    Position,
    Sentence,
    Topic,
)

if TYPE_CHECKING:
    from briefgen.extract.parties import PartyIndex


@dataclass
class Draft:
    """What the extractors know so far about one document."""

    analysis: Analysis
    document: int = 1
    #: The genre the caller asked for (``--genre``); None lets the text decide.
    requested_genre: str | None = None
    genre: str = "readout"
    #: What the genre's reader found in the layout (speaker turns, attendance lists ...).
    structure: Structure = field(default_factory=Structure)
    title: str = ""
    meeting: Meeting = field(default_factory=Meeting)
    is_joint_statement: bool = False
    home_party: str | None = None
    #: A parties.PartyIndex once parties are known: resolves phrases to party names.
    party_index: PartyIndex | None = None
    #: A compiled pattern of attendees' family names and the parties each holds (positions).
    name_pattern: tuple[re.Pattern[str] | None, dict[str, frozenset[str]]] | None = None
    parties: list[Party] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    #: Members an attendance list gives as absent.
    absent: list[Attendee] = field(default_factory=list)
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
    outcomes: list[Outcome] = field(default_factory=list)
    summary: str = ""
    #: The bottom line's sentences (``summary`` is their text).
    bottom_line: list[KeyPoint] = field(default_factory=list)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.analysis.sentences

    def party_names(self) -> list[str]:
        return [p.name for p in self.parties]


@dataclass(frozen=True, slots=True)
class Extractor:
    """One extraction step and the Draft fields it reads and writes (appending to a list
    counts as writing it). ``extract.EXTRACTORS`` runs them in an order these allow."""

    run: Callable[[Draft], None]
    reads: frozenset[str]
    writes: frozenset[str]

    @property
    def name(self) -> str:
        return self.run.__name__


#: Draft fields set before any extractor runs.
INPUTS = frozenset({"analysis", "document", "requested_genre"})


def extractor(run: Callable[[Draft], None] | None = None, *, reads: tuple[str, ...],
              writes: tuple[str, ...]) -> Any:
    """Declare an extraction step: ``extractor(extract_x, reads=("title",), writes=("y",))``,
    or as a decorator, ``@extractor(reads=..., writes=...)``.

    Raises:
        ValueError: a name is no Draft field.
    """
    unknown = (set(reads) | set(writes)) - _FIELDS
    if unknown:
        raise ValueError(f"Draft has no field {', '.join(sorted(unknown))}")

    def wrap(fn: Callable[[Draft], None]) -> Extractor:
        return Extractor(run=fn, reads=frozenset(reads), writes=frozenset(writes))
    return wrap(run) if run is not None else wrap


_FIELDS = frozenset(Draft.__dataclass_fields__) | {"sentences"}
