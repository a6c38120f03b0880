"""A person named in a sentence, with what is written around the name."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.extract.people.lexicon import surname_of
from briefgen.model import Sentence


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a sentence: name span, rank and title found around it."""

    sentence: Sentence
    start: int
    end: int
    name: str
    rank: str | None
    title: str | None
    affiliation: str | None  # a country / organisation written with the title ("Estonian")
    span_start: int  # start of title + rank + name, for list segmentation
    possessive: bool = False

    @property
    def surname(self) -> str:
        return surname_of(self.name)
