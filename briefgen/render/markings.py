"""Classification markings: banner and portion-mark levels, and portion marks on a Document.

Levels follow U.S. marking practice: U < CUI < C < S < TS. The banner's level is read from its
first "//" part ("CONFIDENTIAL//REL TO USA, GBR" is C); a portion mark's from the first part
inside its parentheses ("(S//NF)" is S). State's legacy SBU ranks with CUI.
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
from briefgen.errors import OptionError

LEVEL_NAMES = ("UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET")
LEVEL_MARKS = ("U", "CUI", "C", "S", "TS")
DEFAULT_PORTION_MARK = "(U)"

#: First "//" part of a banner -> level (index into LEVEL_NAMES).
BANNER_LEVELS: dict[str, int] = {
    "UNCLASSIFIED": 0, "U": 0,
    "CUI": 1, "CONTROLLED": 1, "CONTROLLED UNCLASSIFIED INFORMATION": 1,
    "SBU": 1, "SENSITIVE BUT UNCLASSIFIED": 1,
    "CONFIDENTIAL": 2, "C": 2,
    "SECRET": 3, "S": 3,
    "TOP SECRET": 4, "TS": 4,
}
#: First part of a portion mark (inside the parentheses) -> level.
MARK_LEVELS: dict[str, int] = {"U": 0, "CUI": 1, "SBU": 1, "C": 2, "S": 3, "TS": 4}

PORTION_MARK = re.compile(r"\A([A-Za-z]+)\s*((?://[^()]*)?)\Z")
#: Header-block fields that are portions (State and DoD mark the subject line, not addressees).
MARKED_FIELDS = frozenset({"SUBJECT", "SUBJ", "RE"})
#: Paragraph roles that are not portions: the office's letterhead and the administrative lines
#: (drafted, cleared, prepared by, distribution).
UNMARKED_ROLES = frozenset({"letterhead", "admin"})


def banner_level(banner: str) -> int:
    """Return the level (0 U .. 4 TS) of a banner line such as "SECRET//NOFORN".

    Raises:
        OptionError: the banner does not start with a known classification.
    """
    head = " ".join(banner.split("//", 1)[0].upper().split())
    if head not in BANNER_LEVELS:
        raise OptionError(
            f"unknown classification '{banner}'; start it with one of "
            f"{', '.join(LEVEL_NAMES)} (parts after '//' are free, e.g. "
            "'CONFIDENTIAL//REL TO USA, GBR')")
    return BANNER_LEVELS[head]


def normalize_portion_mark(mark: str) -> str:
    """Return a portion mark in its written form: "c" -> "(C)", "(s//nf)" -> "(S//NF)".

    Raises:
        OptionError: not a portion mark of a known level.
    """
    inner = mark.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    match = PORTION_MARK.match(inner)
    if not match or match.group(1).upper() not in MARK_LEVELS:
        raise OptionError(f"unknown portion mark '{mark}'; use one of "
                          f"{', '.join(f'({m})' for m in LEVEL_MARKS)}, optionally with "
                          "controls, e.g. '(C//REL TO USA, GBR)'")
    controls = match.group(2).upper().strip()
    return f"({match.group(1).upper()}{controls})"


def portion_level(mark: str) -> int:
    """Return the level (0 U .. 4 TS) of a portion mark such as "(S//NF)".

    Raises:
        OptionError: not a portion mark of a known level.
    """
    normalized = normalize_portion_mark(mark)
    return MARK_LEVELS[normalized[1:-1].split("//", 1)[0]]


def resolve_banner(classification: str | None, portion_mark: str | None) -> str | None:
    """Return the banner to print, refusing one below the portion marks.

    Without a classification, portion marks imply the banner of their level ("(U)" ->
    "UNCLASSIFIED"): a marked document always carries a banner.

    Raises:
        OptionError: an unknown classification or mark, or a banner lower than the mark.
    """
    if classification is not None and not classification.strip():
        classification = None
    if portion_mark is None:
        if classification is not None:
            banner_level(classification)
        return classification
    mark_level = portion_level(portion_mark)
    if classification is None:
        return LEVEL_NAMES[mark_level]
    level = banner_level(classification)
    if level < mark_level:
        named = "" if classification.strip().upper() == LEVEL_NAMES[level] else \
            f" ({LEVEL_NAMES[level]})"
        raise OptionError(
            f"classification '{classification}'{named} is lower than the portion mark "
            f"'{normalize_portion_mark(portion_mark)}' ({LEVEL_NAMES[mark_level]}); give a "
            f"--classification of at least {LEVEL_NAMES[mark_level]} or a lower --portion-mark")
    return classification


def mark_portions(document: Document, mark: str = DEFAULT_PORTION_MARK) -> Document:
    """Return ``document`` with ``mark`` at the start of every portion.

    Portions are section headings (level 2 and below), paragraphs, bullet items, table body
    rows (in their first cell) and the SUBJECT line. Not portions: the document title (the
    form's name, "Memorandum"), the header row of a table (column labels), the other header
    fields (addressees, dates) and letterhead and administrative lines (drafted, cleared,
    prepared by, distribution).

    Raises:
        OptionError: ``mark`` is not a portion mark.
    """
    mark = normalize_portion_mark(mark)
    return replace(document, blocks=tuple(_mark_block(block, mark) for block in document.blocks))


def _mark_block(block: Block, mark: str) -> Block:
    if isinstance(block, Heading):
        return block if block.level <= 1 else Heading(block.level, _prefix(block.content, mark))
    if isinstance(block, Paragraph):
        if block.role in UNMARKED_ROLES:
            return block
        return Paragraph(_prefix(block.content, mark), block.role)
    if isinstance(block, BulletList):
        return BulletList(tuple(_prefix(item, mark) for item in block.items), block.ordered)
    if isinstance(block, Table):
        rows = tuple(((_prefix(row[0], mark), *row[1:]) if row else row) for row in block.rows)
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
