"""Genre detection and genre readers: the first extraction step.

Each genre is one entry of ``GENRES``: its name, the label a memo prints, a ``score`` of how
strongly a document's layout and wording say it is of that genre, and a ``read`` that turns
the layout into a ``Structure`` the common extractors use (who speaks which sentences, who
was listed as present). The highest score wins; ``--genre`` overrides it.

Adding a genre is one module with ``score`` and ``read``, one line below, its tests and its
line in docs/architecture.md (see transcript.py, meeting_record.py and minutes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.extract.genres import meeting_record, minutes, releases, transcript
from briefgen.extract.genres.structure import Structure
from briefgen.model import Analysis

if TYPE_CHECKING:
    from briefgen.extract.draft import Draft


@dataclass(frozen=True, slots=True)
class Genre:
    """A kind of document briefgen reads, and how to recognise and read it."""

    name: str
    label: str
    score: Callable[[Analysis], float]
    read: Callable[[Analysis], Structure]


GENRES: dict[str, Genre] = {g.name: g for g in (
    Genre("readout", "Readout", releases.readout_score, releases.read),
    Genre("press_release", "Press release", releases.press_release_score, releases.read),
    Genre("joint_statement", "Joint statement", releases.joint_statement_score, releases.read),
    Genre(transcript.NAME, "Transcript", transcript.score, transcript.read),
    Genre(meeting_record.NAME, "Meeting record", meeting_record.score, meeting_record.read),
    Genre(minutes.NAME, "Minutes", minutes.score, minutes.read),
)}
DEFAULT = "readout"


def detect_genre(analysis: Analysis) -> str:
    """The genre whose evidence is strongest (the first listed wins a tie)."""
    if not analysis.sentences:
        return DEFAULT
    best, best_score = DEFAULT, float("-inf")
    for genre in GENRES.values():
        value = genre.score(analysis)
        if value > best_score:
            best, best_score = genre.name, value
    return best


def read_genre(analysis: Analysis, requested: str | None = None) -> tuple[str, Structure]:
    """The document's genre (``requested`` when given) and what its reader finds."""
    name = requested if requested in GENRES else detect_genre(analysis)
    return name, GENRES[name].read(analysis)


def extract_genre(draft: Draft) -> None:
    """Decide the genre (or take the one asked for) and read the layout it implies."""
    draft.genre, draft.structure = read_genre(draft.analysis, draft.requested_genre)

