"""Every writer shows the same text, in the same order, for the same Document."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import docx
from builders import make_brief, ref
from docx.table import Table as DocxTable
from pypdf import PdfReader

from briefgen.document import Document, FieldList, Heading, Table, plain_text
from briefgen.model import KeyPoint
from briefgen.render import MemoOptions, render_document
from briefgen.render.markup import parse_markdown
from briefgen.writers import write_outputs


def squash(text: str) -> str:
    """Collapse whitespace runs to one space: lines wrap differently in the two formats."""
    return " ".join(text.split())


def expected_texts(document: Document, pdf: bool) -> list[str]:
    """Document.texts(), adjusted for what each writer is documented to do with it.

    - Both writers end a field label with ":" when it has none (the memo template already
      writes "TO:", so this changes nothing for it, but keeps the test honest for others).
    - The PDF writer prints level-1 headings in capitals (style "title" has caps=True); DOCX
      keeps the text and sets w:caps, so python-docx reads back the original case.
    """
    out: list[str] = []
    for block in document.blocks:
        single = Document(document.metadata, (block,))
        texts = single.texts()
        if isinstance(block, FieldList):
            texts = []
            for field in block.fields:
                label = field.label if field.label.endswith(":") else f"{field.label}:"
                texts.extend((label, plain_text(field.value)))
        elif isinstance(block, Heading) and block.level == 1 and pdf:
            texts = [t.upper() for t in texts]
        out.extend(squash(t) for t in texts if t.strip())
    return out


def docx_text(path: Path) -> str:
    """Body paragraphs and table cells of a DOCX file, in reading order."""
    word = docx.Document(str(path))
    parts: list[str] = []
    for item in word.iter_inner_content():
        if isinstance(item, DocxTable):
            for row in item.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
        else:
            parts.append(item.text)
    return squash(" ".join(parts))


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("head", "style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("head", "style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    """The text a browser shows, in document order."""
    reader = _TextOf()
    reader.feed(path.read_text(encoding="utf-8"))
    return squash(" ".join(reader.parts))


def pdf_text(path: Path) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))


def find_in_order(haystack: str, needles: list[str]) -> list[str]:
    """Return the needles not found after the previous one (empty when all are in order)."""
    missing = []
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


def test_pdf_and_docx_show_every_document_text_in_the_same_order(tmp_path: Path) -> None:
    special = KeyPoint("Costs & risks: <b>not bold</b>, *not italic*, a | b and ]]> stay "
                       "literal.", "s", ref(3))
    brief = make_brief(key_points=(*make_brief().key_points, special))
    document = render_document(brief, MemoOptions(date=dt.date(2020, 7, 1)))
    assert "Costs & risks: <b>not bold</b>, *not italic*, a | b and ]]> stay literal. [¶3]" \
        in document.texts()

    paths = {fmt: tmp_path / f"memo.{fmt}" for fmt in ("pdf", "docx", "html", "md")}
    warnings = write_outputs(list(paths.items()), document=document)
    assert warnings == ()

    assert find_in_order(pdf_text(paths["pdf"]), expected_texts(document, pdf=True)) == []
    assert find_in_order(docx_text(paths["docx"]), expected_texts(document, pdf=False)) == []
    assert find_in_order(html_text(paths["html"]), expected_texts(document, pdf=False)) == []
    markdown = parse_markdown(paths["md"].read_text(encoding="utf-8"), document.metadata)
    assert [Table(b.header, b.rows) if isinstance(b, Table) else b for b in markdown.blocks] \
        == [Table(b.header, b.rows) if isinstance(b, Table) else b for b in document.blocks]


def test_a_table_on_landscape_pages_reads_the_same_in_every_writer(tmp_path: Path) -> None:
    """The landscape run (heading and wide table) stays in its place in the reading order."""
    from briefgen.document import Metadata, Paragraph, Span

    def cells(*values: str) -> tuple[tuple[Span, ...], ...]:
        return tuple((Span(v),) for v in values)

    stance = "stressed its opposition to all foreign interference and called for talks [1 ¶2]"
    wide = Table(cells("Topic", *(f"Party {n}" for n in range(1, 7))),
                 tuple(cells(f"topic {r}", *(f"{stance} ({r}.{n})" for n in range(1, 7)))
                       for r in range(5)))
    document = Document(Metadata("Readout", classification="SECRET//NOFORN"), (
        Heading(1, (Span("Memorandum"),)), Paragraph((Span("Before the matrix."),)),
        Heading(2, (Span("Positions by Topic"),)), wide,
        Heading(2, (Span("Context"),)), Paragraph((Span("After the matrix."),))))
    paths = {fmt: tmp_path / f"memo.{fmt}" for fmt in ("pdf", "docx", "html")}
    assert write_outputs(list(paths.items()), document=document) == ()
    assert find_in_order(pdf_text(paths["pdf"]), expected_texts(document, pdf=True)) == []
    assert find_in_order(docx_text(paths["docx"]), expected_texts(document, pdf=False)) == []
    assert find_in_order(html_text(paths["html"]), expected_texts(document, pdf=False)) == []
