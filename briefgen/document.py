"""The format-neutral Document that every writer renders: blocks of styled text runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with inline emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


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
    """A paragraph of body text; ``role`` selects a paragraph style from the shared table."""

    content: Inlines
    role: str = "body"


@dataclass(frozen=True, slots=True)
class BulletList:
    """A flat list of items, bulleted or numbered."""

    items: tuple[Inlines, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A grid with one header row; every row has as many cells as the header."""

    header: tuple[Inlines, ...]
    rows: tuple[tuple[Inlines, ...], ...]


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


Block = Union[Heading, Paragraph, BulletList, Table, FieldList, Rule]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document properties written into PDF info and DOCX core properties."""

    title: str
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    created: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What a template renders to and what every writer takes."""

    metadata: Metadata
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Return the visible text of every block in reading order (for tests and checks)."""
        out: list[str] = []
        for block in self.blocks:
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
