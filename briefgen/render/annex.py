"""The annex of a memo: the source text with its paragraphs numbered, and the links to them.

A reader follows "[¶4]" on paper by counting to the fourth paragraph of the source; the
annex (``--annex``) prints that source with each paragraph's number, boilerplate that
cleaning left out of the analysis included (it keeps its number, marked as left out), so
the count needs no trust. In HTML and PDF each reference of the memo links to its
paragraph: ``link_references`` finds the references the ``ref`` filter prints ("[¶4]",
"[2 ¶4]") in the memo's text and points them at the paragraph's ``anchor``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from briefgen.document import (
    Block,
    BulletList,
    Field,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Span,
    Table,
)

#: A reference as the ``ref`` filter prints it: "[¶4]", or "[2 ¶4]" (any space inside).
REFERENCE = re.compile(r"\[(?:(\d+)[ \u00a0])?¶(\d+)\]")
ANNEX_TITLE = "Annex: Source Text"


def anchor(document: int, paragraph: int) -> str:
    """The anchor name of a source's paragraph in the annex (letters, digits and
    underscores: a Word bookmark name too)."""
    return f"source{document}_p{paragraph}"


def annex_blocks(data: dict[str, Any], portion_mark: str | None = None) -> tuple[Block, ...]:
    """The annex of a Brief (its ``to_dict`` form): a heading, then each source's title,
    where it is published, and every paragraph with its number (boilerplate marked).

    ``portion_mark``: the mark each portion starts with when the memo is portion-marked.
    Empty when no source carries its paragraphs (a Brief file written before they existed).
    """
    sources = data.get("sources", [])
    if not any(s.get("paragraphs") for s in sources):
        return ()
    multi = len(sources) > 1

    def marked(content: Inlines) -> Inlines:
        return (Span(f"{portion_mark} "), *content) if portion_mark else content

    blocks: list[Block] = [Heading(2, marked((Span(ANNEX_TITLE),)))]
    lead = ("The source's text, its paragraphs numbered as the memo's [¶N] references count "
            "them; boilerplate the memo does not use keeps its number and is marked.")
    blocks.append(Paragraph(marked((Span(lead, italic=True),))))
    for number, source in enumerate(sources, start=1):
        if not source.get("paragraphs"):
            continue
        title = source.get("title") or source.get("path", "")
        heading = f"Source {number}: {title}" if multi else title
        blocks.append(Heading(3, marked((Span(heading),))))
        where = source.get("url") or f"file {source.get('path', '')}"
        blocks.append(Paragraph(marked((Span(where),)), "note"))
        for paragraph in source["paragraphs"]:
            label = f"[{number}\u00a0¶{paragraph['number']}]" if multi \
                else f"¶{paragraph['number']}"
            content: tuple[Span, ...] = (Span(label, bold=True), Span(f" {paragraph['text']}"))
            if paragraph.get("removed"):
                content = (Span(label, bold=True),
                           Span(f" {paragraph['text']}", italic=True),
                           Span(f" (left out of the memo as boilerplate: "
                                f"{paragraph['removed']})"))
            blocks.append(Paragraph(marked(content),
                                    anchor=anchor(number, paragraph["number"])))
    return tuple(blocks)


def anchors(blocks: Iterable[Block]) -> set[str]:
    """The anchors the blocks hold."""
    return {b.anchor for b in blocks if isinstance(b, Paragraph) and b.anchor}


def link_references(blocks: tuple[Block, ...], targets: set[str], multi: bool
                    ) -> tuple[Block, ...]:
    """Return ``blocks`` with each reference ("[¶4]", "[2 ¶4]") whose paragraph is one of
    ``targets`` a link to it; a reference without its paragraph there stays text."""
    def link(content: Inlines) -> Inlines:
        out: list[Span] = []
        for span in content:
            if span.link is not None or "¶" not in span.text:
                out.append(span)
                continue
            at = 0
            for m in REFERENCE.finditer(span.text):
                document = int(m.group(1)) if m.group(1) else 1
                if m.group(1) and not multi:
                    continue
                name = anchor(document, int(m.group(2)))
                if name not in targets:
                    continue
                if m.start() > at:
                    out.append(replace(span, text=span.text[at:m.start()]))
                out.append(replace(span, text=m.group(0), link=name))
                at = m.end()
            if at < len(span.text):
                out.append(replace(span, text=span.text[at:]) if at else span)
        return tuple(out)

    def block(b: Block) -> Block:
        if isinstance(b, Heading):
            return replace(b, content=link(b.content))
        if isinstance(b, Paragraph):
            return replace(b, content=link(b.content))
        if isinstance(b, BulletList):
            return replace(b, items=tuple(link(item) for item in b.items))
        if isinstance(b, Table):
            return replace(b, rows=tuple(tuple(link(cell) for cell in row) for row in b.rows))
        if isinstance(b, FieldList):
            return replace(b, fields=tuple(Field(f.label, link(f.value)) for f in b.fields))
        return b

    if not targets:
        return blocks
    return tuple(block(b) for b in blocks)
