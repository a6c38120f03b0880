"""What a genre reader finds in a document's layout, in the terms the common extractors use:
who speaks which sentences, who was listed as present or absent."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.model import Sentence

#: Roles of a speaker in a transcript.
PRINCIPAL, QUESTIONER, MODERATOR = "principal", "questioner", "moderator"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone who takes the floor: a transcript's labelled speaker."""

    label: str  # as written before the colon: "PRIME MINISTER ALBANESE"
    role: str  # principal | questioner | moderator
    name: str | None = None  # the person's name when the label or the header gives it
    title: str | None = None
    #: Index of the sentence whose label introduces the speaker first.
    first_sentence: int = 0
    #: The country or body the header writes with the speaker ("... Sunak of the United
    #: Kingdom"), when it does.
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """A stretch of sentences one speaker says; ``label_end`` is where the first sentence's
    text starts after the label (a character offset into the body)."""

    speaker: int  # index into Structure.speakers
    sentences: tuple[int, ...]
    label_end: int


@dataclass(frozen=True, slots=True)
class Member:
    """A person of an attendance list ("Present: Cllr J Smith (Chair), ...")."""

    name: str
    title: str | None
    present: bool
    sentence: int  # index of the sentence that lists them
    start: int  # character offsets of the name in the body
    end: int
    #: The country or body written with the entry ("Ms Susana Malcorra (Argentina)").
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Voice:
    """A sentence of a meeting record spoken for one or more delegations: the phrases that
    name them as written ("Mexico", "the European Union"), resolved to parties later."""

    sentence: int
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Structure:
    """A genre reader's findings; the empty Structure is a readout's (no layout of its own)."""

    speakers: tuple[Speaker, ...] = ()
    turns: tuple[Turn, ...] = ()
    members: tuple[Member, ...] = ()
    voices: tuple[Voice, ...] = ()
    #: The body whose minutes or record these are ("Melton Parish Council"), when named.
    body: str | None = None
    #: Sentences that are layout, not content: labels alone, questions, attendance lists,
    #: agenda headings. Never a position or a key point.
    furniture: frozenset[int] = field(default_factory=frozenset)
    #: Sentences a body decides or records as decided (minutes' motions and resolutions).
    decisions: frozenset[int] = field(default_factory=frozenset)
    #: Sentence index -> its turn, and -> its voice: built once, so that the extractors'
    #: per-sentence lookups stay constant time on long transcripts and records.
    _turn_at: dict[int, Turn] = field(default_factory=dict, init=False, repr=False,
                                      compare=False)
    _voice_at: dict[int, Voice] = field(default_factory=dict, init=False, repr=False,
                                        compare=False)

    def __post_init__(self) -> None:
        for turn in self.turns:
            for index in turn.sentences:
                self._turn_at.setdefault(index, turn)
        for voice in self.voices:
            self._voice_at.setdefault(voice.sentence, voice)

    def turn_of(self, sentence: int) -> Turn | None:
        """The turn holding sentence ``sentence``, if any."""
        return self._turn_at.get(sentence)

    def label_end(self, sentence: Sentence) -> int | None:
        """Where a turn's first sentence starts after its speaker label (a body offset);
        None for any other sentence."""
        turn = self.turn_of(sentence.index)
        if turn is None or not turn.sentences or turn.sentences[0] != sentence.index or \
                not sentence.start < turn.label_end < sentence.end:
            return None
        return turn.label_end

    def spoken(self, sentence: Sentence) -> str:
        """A sentence's text without the speaker label that opens its turn."""
        end = self.label_end(sentence)
        return sentence.text if end is None else sentence.text[end - sentence.start:].strip()

    def voice_of(self, sentence: int) -> Voice | None:
        return self._voice_at.get(sentence)

    def speaker_of(self, sentence: int) -> Speaker | None:
        turn = self.turn_of(sentence)
        return self.speakers[turn.speaker] if turn is not None else None
