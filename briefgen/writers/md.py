"""Write a Document as Markdown in the templates' own subset, so it parses back to the same.

Every character of a value that Markdown could read as syntax is backslash-escaped (emphasis,
code, links, HTML, tables, entities anywhere; headings, lists, quotes and rules at the start
of a line), and nothing else, so the file stays readable; leading blanks and tabs are written
as character references. The header block is a ``::: fields`` list of bold labels, small print a
``::: note`` container, as in the templates. A classification banner is a bold line at the top
and at the bottom.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.document import (
    Block,
    BulletList,
    Document,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Rule,
    Table,
)
from briefgen.xmlsafe import make_xml_safe

if TYPE_CHECKING:
    from briefgen.writers import WriterSettings

__all__ = ["to_markdown", "write"]

#: Characters that are Markdown syntax anywhere in a line.
ALWAYS_ESCAPED = frozenset("\\`*_[<|~#")  # "[" opens every link; "]" alone is harmless
#: At the start of a line they would begin a block (heading, list, quote, rule, container).
LINE_START = re.compile(r"(?m)^([ ]*)(?:([-+=:>])|(\d{1,9})([.)]))")
ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
BLANKS = re.compile(r"(\s+)")
MARKERS = {"bold": "**", "italic": "*"}


def write(document: Document, path: Path, settings: WriterSettings | None = None
          ) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as UTF-8 Markdown; there are never warnings.

    Raises:
        OSError: ``path`` cannot be written.
    """
    path.write_text(to_markdown(document), encoding="utf-8", newline="\n")
    return ()


def to_markdown(document: Document) -> str:
    """Return the Markdown of ``document`` (blocks separated by blank lines)."""
    banner = " ".join(make_xml_safe(document.metadata.classification or "").split())
    chunks = list(_blocks(document.blocks))
    if document.annex:
        # The annex follows the memo after a rule; its paragraph numbers are its anchors.
        chunks += ["---", *_blocks(document.annex)]
    if banner:
        line = f"**{escape_line_starts(escape(banner))}**"
        chunks = [line, *chunks, line]
    return "\n\n".join(chunks) + "\n"


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    bullets = ("-", "*")
    numbers = (".", ")")
    previous: object = None
    notes: list[str] = []
    for block in blocks:
        is_note = isinstance(block, Paragraph) and block.role == "note"
        if notes and not is_note:
            yield "::: note\n" + "\n\n".join(notes) + "\n:::"
            notes = []
        if isinstance(block, Heading):
            yield "#" * min(max(block.level, 1), 6) + " " + inline(block.content, breaks=False)
        elif isinstance(block, Paragraph):
            text = inline(block.content)
            if text and is_note:
                notes.append(text)
            elif text:
                yield text
        elif isinstance(block, BulletList) and block.items:
            # A list right after another of the same kind needs another marker, or the two
            # lists would merge into one.
            if isinstance(previous, BulletList) and previous.ordered == block.ordered:
                bullets, numbers = bullets[::-1], numbers[::-1]
            lines = []
            for n, item in enumerate(block.items, start=1):
                marker = f"{n}{numbers[0]}" if block.ordered else bullets[0]
                lines.append(f"{marker} " + inline(item, indent=" " * (len(marker) + 1)))
            yield "\n".join(line.rstrip() for line in lines)
        elif isinstance(block, Table) and block.header:
            yield table(block)
        elif isinstance(block, FieldList) and block.fields:
            lines = ["::: fields"]
            for field in block.fields:
                label = escape_line_starts(escape(" ".join(make_xml_safe(field.label).split())))
                value = inline(field.value, indent="  ")
                lines.append(f"- **{label}** {value}".rstrip() if label else f"- {value}")
            yield "\n".join([*lines, ":::"])
        elif isinstance(block, Rule):
            yield "---"
        previous = block
    if notes:
        yield "::: note\n" + "\n\n".join(notes) + "\n:::"


def table(block: Table) -> str:
    """Return a pipe table; rows are cut or padded to the header's width."""
    columns = len(block.header)

    def row(cells: tuple[Inlines, ...]) -> str:
        cells = (*cells[:columns], *[()] * (columns - len(cells)))
        return "| " + " | ".join(inline(cell, breaks=False) for cell in cells) + " |"

    return "\n".join([row(block.header), "|" + "---|" * columns,
                      *(row(r) for r in block.rows)])


def escape(text: str) -> str:
    """Return ``text`` with the characters Markdown reads as syntax in a line escaped.

    Line-start syntax (``-``, ``1.``, ``>``...) is escaped where lines are made, by
    ``escape_line_starts``.
    """
    text = "".join("\\" + ch if ch in ALWAYS_ESCAPED else ch for ch in text)
    return ENTITY_LIKE.sub("\\&", text)


def escape_line_starts(markdown: str) -> str:
    """Escape what would start a block at the beginning of a line (after its indent)."""
    return LINE_START.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2)
                                                  else f"{m.group(3)}\\{m.group(4)}"),
                          markdown)


def inline(content: Inlines, breaks: bool = True, indent: str = "") -> str:
    """Return spans as Markdown text with ``**``/``*`` emphasis.

    Emphasis opens right before text and closes right after it (never around blanks, which
    Markdown would not read as emphasis); a line break becomes a hard break (backslash, new
    line, ``indent``) or, where Markdown has none (``breaks`` off), a space. Blanks at the
    start or end, which Markdown drops, are written as character references.
    """
    pieces: list[tuple[str, frozenset[str] | None]] = []  # (text, emphasis; None for blanks)
    for span in content:
        emphasis = frozenset(name for name, on in (("bold", span.bold),
                                                   ("italic", span.italic)) if on)
        for part in BLANKS.split(make_xml_safe(span.text)):
            if part:
                pieces.append((part, None if part.isspace() else emphasis))
    last = len(pieces) - 1
    # The emphasis of the next text after each blank, found in one pass from the end (looking
    # ahead from every blank was quadratic in the words of a paragraph).
    upcoming: list[frozenset[str]] = [frozenset()] * len(pieces)
    following: frozenset[str] = frozenset()
    for index in range(last, -1, -1):
        upcoming[index] = following
        emphasis = pieces[index][1]
        if emphasis is not None:
            following = emphasis
    out: list[str] = []
    stack: list[str] = []
    for index, (text, emphasis) in enumerate(pieces):
        if emphasis is None:
            _close(out, stack, upcoming[index])
            if index in (0, last):
                out.append("".join(f"&#{ord(c)};" for c in text))
            else:
                out.append(_blanks(text, breaks, indent))
            continue
        _close(out, stack, emphasis)
        for name, marker in MARKERS.items():
            if name in emphasis and name not in stack:
                stack.append(name)
                out.append(marker)
        out.append(escape(text))
    _close(out, stack, frozenset())
    return escape_line_starts("".join(out))


def _close(out: list[str], stack: list[str], keep: frozenset[str]) -> None:
    """Close open emphasis, innermost first, until only markers in ``keep`` are open."""
    while stack and not set(stack) <= keep:
        out.append(MARKERS[stack.pop()])


def _blanks(text: str, breaks: bool, indent: str) -> str:
    """Write white space inside a block: line breaks as hard breaks, tabs as references."""
    parts = LINE_BREAK.split(text)
    if len(parts) > 1 and not breaks:
        return " "
    hard = "\\\n" + indent
    return hard.join(part.replace("\t", "&#9;") for part in parts)
