"""The typed hand-offs between the stages: Source, CleanText, Analysis (and their parts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# --------------------------------------------------------------------------- stage hand-offs


@dataclass(frozen=True, slots=True)
class Source:
    """A document as read from disk or stdin: its text and where it came from."""

    path: str
    text: str
    media_type: str
    sha256: str
    title: str | None = None
    date: str | None = None
    #: Where the document is published (a web page's canonical URL, or --source-url).
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A passage the cleaner took out, with the reason (kept so the memo can list it)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class SourceParagraph:
    """A paragraph of the source as its reader sees it, numbered as [¶N] prints it.

    ``removed`` is the reason cleaning left it out (boilerplate), else None: a removed
    paragraph keeps its number, so the numbers of the others are the reader's.
    """

    number: int
    text: str
    removed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "removed": self.removed}


@dataclass(frozen=True, slots=True)
class CleanText:
    """Normalised text with boilerplate removed; ``title`` is the headline when there is one.

    ``paragraphs`` are the source's paragraphs as its reader counts them (the title aside),
    boilerplate included; the paragraphs of ``body`` are those of them not removed, in order.
    Empty (a CleanText built by hand): the body's paragraphs are numbered 1, 2, ...
    """

    source: Source
    title: str | None
    body: str
    removed: tuple[Removed, ...] = ()
    paragraphs: tuple[SourceParagraph, ...] = ()
    #: Where the source is published: the Source's URL, else a "Source: URL" line of it.
    url: str | None = None

    def paragraph_numbers(self) -> tuple[int, ...]:
        """The number of each paragraph of ``body`` as the source's reader counts it."""
        return tuple(p.number for p in self.paragraphs if p.removed is None)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence; ``head`` indexes ``Sentence.tokens``."""

    text: str
    start: int  # character offset in the body
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ent_iob: str = ""
    whitespace: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity with its label and character span in the body."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its position: index in the document, the number of its paragraph as
    printed in [¶N] (the source's numbering, ``Paragraph.number``) and character span."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    #: The dependents of each token (indexes), so tree walks need not rescan the sentence.
    dependents: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text separated by blank lines; ``index`` is 1-based among the body's
    paragraphs, ``number`` the source's own (as printed in [¶N]: boilerplate cleaning took
    out keeps its number; 0 means the same as ``index``)."""

    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...] = ()
    number: int = 0


@dataclass(frozen=True, slots=True)
class Analysis:
    """The parsed document: paragraphs of sentences of tokens, with offsets into ``body``."""

    clean: CleanText
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    model: str = ""

    @property
    def body(self) -> str:
        return self.clean.body
