"""The format-neutral Document that every writer renders: blocks of styled text runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with inline emphasis; ``link`` is the ``anchor`` of the paragraph it
    points to (a reference to the annex), else None."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


Inlines = tuple[Span, ...]


def plain_text(inlines: Inlines) -> str:
    """Return the text of a run sequence without its emphasis."""
    return "".join(span.text for span in inlines)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; level 1 is the document title, 2 a section, 3 a subsection."""

    level: int
    content: Inlines


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text; ``role`` selects a paragraph style from the shared table;
    ``anchor`` names it as the target of links (an annex paragraph), else None."""

    content: Inlines
    role: str = "body"
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class BulletList:
    """A flat list of items, bulleted or numbered."""

    items: tuple[Inlines, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A grid with one header row; ``widths`` are column shares of the text width (sum 1)."""

    header: tuple[Inlines, ...]
    rows: tuple[tuple[Inlines, ...], ...]
    widths: tuple[float, ...] = ()

    def column_shares(self) -> tuple[float, ...]:
        """Return ``widths``, or shares computed from the content when none were set."""
        columns = max((len(r) for r in (self.header, *self.rows)), default=0)
        if len(self.widths) == columns:
            return self.widths
        return column_shares([self])

    def longest_texts(self) -> tuple[int, ...]:
        """Return the length in characters of each column's longest cell, header included."""
        columns = max((len(r) for r in (self.header, *self.rows)), default=0)
        longest = [0] * columns
        for row in (self.header, *self.rows):
            for c, cell in enumerate(row):
                longest[c] = max(longest[c], len(plain_text(cell)))
        return tuple(longest)


def column_shares(tables: list[Table]) -> tuple[float, ...]:
    """Share the text width among columns by their longest text, the same for every table given.

    Tables with the same header (one participants table per party) get one set of widths so
    their columns line up down the page. A column gets at least its longest word and at most
    48 characters' worth before wrapping.
    """
    columns = max((len(r) for t in tables for r in (t.header, *t.rows)), default=0)
    weights = [6] * columns
    words = [4] * columns
    for table in tables:
        for row in (table.header, *table.rows):
            for c, cell in enumerate(row):
                text = plain_text(cell)
                longest_word = max((len(w) for w in text.split()), default=0)
                words[c] = max(words[c], longest_word)
                weights[c] = max(weights[c], min(max(len(text), longest_word + 2), 48))
    total = sum(weights) or 1
    shares = [w / total for w in weights]
    # Never narrower than the longest word (a text line holds about LINE_CHARACTERS of table
    # text), taking the room from the columns that have it to spare.
    floors = [min((w + 3) / LINE_CHARACTERS, 1 / columns) for w in words]
    short = sum(max(f - s, 0.0) for f, s in zip(floors, shares))
    spare = sum(max(s - f, 0.0) for f, s in zip(floors, shares)) or 1.0
    return tuple(f if s < f else s - (s - f) * short / spare for f, s in zip(floors, shares))


LINE_CHARACTERS = 90  # table-text characters across the text width of a Letter page


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled line of a memo header block (TO, FROM, DATE, SUBJECT)."""

    label: str
    value: Inlines


@dataclass(frozen=True, slots=True)
class FieldList:
    """The memo header block: labels aligned in one column, values in the next."""

    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule separating the header block from the body."""


Block = Heading | Paragraph | BulletList | Table | FieldList | Rule


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document properties written into PDF info and DOCX core properties."""

    title: str
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    created: dt.datetime | None = None
    #: Classification banner printed centred at the top and bottom of every page, if any.
    classification: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What a template renders to and what every writer takes.

    ``annex`` are blocks set after the memo, from a new page (the source text, ``--annex``):
    no page rule of the memo counts them.
    """

    metadata: Metadata
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    annex: tuple[Block, ...] = ()

    def texts(self) -> list[str]:
        """Return the visible text of every block in reading order, the annex's last (for
        tests and checks)."""
        out: list[str] = []
        for block in (*self.blocks, *self.annex):
            if isinstance(block, (Heading, Paragraph)):
                out.append(plain_text(block.content))
            elif isinstance(block, BulletList):
                out.extend(plain_text(item) for item in block.items)
            elif isinstance(block, Table):
                for row in (block.header, *block.rows):
                    out.extend(plain_text(cell) for cell in row)
            elif isinstance(block, FieldList):
                for f in block.fields:
                    out.extend((f.label, plain_text(f.value)))
        return out
