"""Find people named in a sentence, with the rank, title and affiliation written around them."""

from __future__ import annotations

from briefgen.extract.people.lexicon import name_words, names_match, surname_of
from briefgen.extract.people.mention import PersonMention
from briefgen.extract.people.names import name_spans
from briefgen.extract.people.titles import describe
from briefgen.model import Sentence

__all__ = ["PersonMention", "find_people", "name_words", "names_match", "surname_of"]


def find_people(sentence: Sentence) -> list[PersonMention]:
    """Return the people named in ``sentence`` in order, each with rank/title context."""
    spans = name_spans(sentence)
    mentions = []
    for start, end in spans:
        mention = describe(sentence, start, end, spans)
        if mention is not None:
            mentions.append(mention)
    return mentions
