"""Portion marks on a Document: every portion of the memo starts with its mark.

The marking vocabulary (levels, banners, the form of a mark) is ``briefgen.markings``'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Span,
    Table,
    plain_text,
)
from briefgen.markings import DEFAULT_PORTION_MARK, normalize_portion_mark

#: Header-block fields that are portions (State and DoD mark the subject line, not addressees).
MARKED_FIELDS = frozenset({"SUBJECT", "SUBJ", "RE"})
#: Paragraph roles that are not portions: the office's letterhead and the administrative lines
#: (drafted, cleared, prepared by, distribution).
UNMARKED_ROLES = frozenset({"letterhead", "admin"})
#: A source reference as the memo prints it, "[¶4]" or "[2 ¶4]": the portion quotes the source.
SOURCE_REFERENCE = re.compile(r"\[(?:\d+ )?¶\d")


def mark_portions(document: Document, mark: str = DEFAULT_PORTION_MARK,
                  source_mark: str | None = None) -> Document:
    """Return ``document`` with a mark at the start of every portion.

    Portions are section headings (level 2 and below), paragraphs, bullet items, table body
    rows (in their first cell) and the SUBJECT line. Not portions: the document title (the
    form's name, "Memorandum"), the header row of a table (column labels), the other header
    fields (addressees, dates) and letterhead and administrative lines (drafted, cleared,
    prepared by, distribution, the classification authority block).

    Each portion gets its own mark: one that quotes the source (it carries a reference such
    as "[¶4]") gets ``source_mark`` when given, every other one ``mark``.

    Raises:
        OptionError: ``mark`` or ``source_mark`` is not a portion mark.
    """
    mark = normalize_portion_mark(mark)
    quoted = normalize_portion_mark(source_mark) if source_mark is not None else mark
    return replace(document, blocks=tuple(_mark_block(block, mark, quoted)
                                          for block in document.blocks))


def is_quoted(content: Inlines) -> bool:
    """Say whether a portion quotes the source: it carries a source reference."""
    return bool(SOURCE_REFERENCE.search(plain_text(content)))


def _mark_block(block: Block, mark: str, quoted: str) -> Block:
    def choose(*contents: Inlines) -> str:
        return quoted if any(is_quoted(content) for content in contents) else mark

    if isinstance(block, Heading):
        return block if block.level <= 1 else Heading(block.level, _prefix(block.content, mark))
    if isinstance(block, Paragraph):
        if block.role in UNMARKED_ROLES:
            return block
        # The small print's list of references left out is the memo's own text, no quotation.
        own = mark if block.role == "note" else choose(block.content)
        return Paragraph(_prefix(block.content, own), block.role)
    if isinstance(block, BulletList):
        return BulletList(tuple(_prefix(item, choose(item)) for item in block.items),
                          block.ordered)
    if isinstance(block, Table):
        rows = tuple(((_prefix(row[0], choose(*row)), *row[1:]) if row else row)
                     for row in block.rows)
        return Table(block.header, rows, block.widths)
    if isinstance(block, FieldList):
        return FieldList(tuple(
            Field(f.label, _prefix(f.value, mark))
            if f.label.rstrip(":").strip().upper() in MARKED_FIELDS else f
            for f in block.fields))
    return block


def _prefix(content: Inlines, mark: str) -> Inlines:
    """Put ``mark`` before ``content`` in plain type (a mark is never bold or italic)."""
    if not plain_text(content):
        return (Span(mark),)
    if content and not content[0].bold and not content[0].italic:
        return (Span(f"{mark} {content[0].text}"), *content[1:])
    return (Span(f"{mark} "), *content)


def portion_texts(document: Document) -> list[str]:
    """Return the text of every portion of ``document``, in order (what ``mark_portions`` marks)."""
    texts: list[str] = []
    for block in document.blocks:
        if (isinstance(block, Heading) and block.level > 1) or (
                isinstance(block, Paragraph) and block.role not in UNMARKED_ROLES):
            texts.append(plain_text(block.content))
        elif isinstance(block, BulletList):
            texts.extend(plain_text(item) for item in block.items)
        elif isinstance(block, Table):
            texts.extend(plain_text(row[0]) for row in block.rows if row)
        elif isinstance(block, FieldList):
            texts.extend(plain_text(f.value) for f in block.fields
                         if f.label.rstrip(":").strip().upper() in MARKED_FIELDS)
    return texts
