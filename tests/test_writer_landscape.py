"""A table too wide for portrait goes on landscape pages in PDF, DOCX and HTML, read back as
a reader gets it: page sizes, sections, banners, page numbers, text in order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest
from builders import make_document, text
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from test_theme import png
from test_writer_reference_docx import letterhead
from test_writers_agree import docx_text, expected_texts, find_in_order, pdf_text

from briefgen.document import Document, Heading, Paragraph, Table
from briefgen.writers import WriterSettings, html, pdf
from briefgen.writers import docx as docx_writer
from briefgen.writers.pdf.fonts import register_family
from briefgen.writers.styles import READABLE_MEASURE, PageSetup, layout_for
from briefgen.writers.theme import load_theme

BANNER = "CONFIDENTIAL//REL TO USA, GBR"
STANCE = ("The delegation stressed its opposition to all foreign interference and called "
          "for an immediate ceasefire [2 ¶4]")
THEMES = ["default", "a4"]


def matrix(parties: int, rows: int = 4, cell: str = STANCE) -> Table:
    """A positions matrix: a Topic column and one column per party, long cells."""
    header = (text("Topic"), *(text(f"Party number {n}") for n in range(1, parties + 1)))
    body = tuple((text(f"topic {r}", bold=True),
                  *(text(f"{cell} ({r}.{n})") for n in range(1, parties + 1)))
                 for r in range(rows))
    return Table(header, body)


def memo(table: Table, banner: str | None = BANNER) -> Document:
    return make_document(
        Heading(1, text("Memorandum")),
        Heading(2, text("Stated Positions")),
        Paragraph(text("The parties stated their positions.")),
        Heading(2, text("Positions by Topic")),
        table,
        Heading(2, text("Context")),
        Paragraph(text("The context after the matrix.")),
        classification=banner)


def settings(theme: str) -> WriterSettings:
    return WriterSettings(theme=load_theme(theme))


def is_landscape(page) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


# --- the rule ---------------------------------------------------------------------------

@pytest.mark.parametrize("theme", THEMES)
def test_seven_columns_of_prose_need_landscape_four_do_not(theme: str) -> None:
    layout = layout_for(load_theme(theme))
    assert layout.needs_landscape(matrix(6))
    assert layout.needs_landscape(matrix(4))  # a topic and four parties: 5 columns
    assert not layout.needs_landscape(matrix(3))  # a topic and three parties: 4 columns
    assert not layout.needs_landscape(matrix(1))


def test_many_columns_of_short_cells_stay_portrait() -> None:
    """A column needs a readable line only if its cells are that long."""
    layout = layout_for(None)
    short = Table(tuple(text(f"C{n}") for n in range(9)),
                  tuple(tuple(text("yes") for _ in range(9)) for _ in range(5)))
    assert not layout.needs_landscape(short)
    assert not layout.needs_landscape(matrix(6, cell="x" * (READABLE_MEASURE // 4)))


def test_a_landscape_page_never_turns() -> None:
    layout = layout_for(None)
    assert layout.page.turned() == PageSetup(792, 612, 72, 72, 72, 72)
    assert layout.page.turned().turned() == layout.page.turned()
    assert not layout.needs_landscape(matrix(6), layout.page.turned())


def test_page_runs_take_the_headings_that_introduce_the_table() -> None:
    layout = layout_for(None)
    blocks = memo(matrix(6)).blocks
    runs = layout.page_runs(blocks)
    assert [run.landscape for run in runs] == [False, True, False]
    assert runs[1].blocks == blocks[3:5]  # "Positions by Topic" and the table
    assert sum(len(run.blocks) for run in runs) == len(blocks)
    two = (*blocks[:5], Heading(2, text("Again")), matrix(5), *blocks[5:])
    assert [len(run.blocks) for run in layout.page_runs(two)] == [3, 4, 2]
    assert [r.landscape for r in layout.page_runs((matrix(6),))] == [True]
    assert [r.landscape for r in layout.page_runs(memo(matrix(3)).blocks)] == [False]


# --- PDF ----------------------------------------------------------------------------------

def text_right_edges(page) -> list[float]:
    """Where each piece of text on a PDF page ends (DejaVu Sans metrics)."""
    family = register_family(layout_for(None).fonts["body"])
    edges: list[float] = []

    def visit(value, cm, tm, font, size):
        if value.strip():
            name = family.face("Bold" in str(font.get("/BaseFont", "")), False)
            scale = tm[0] * cm[0]
            edges.append(tm[4] * cm[0] + cm[4] + scale * pdfmetrics.stringWidth(
                value.rstrip(), name, size))

    page.extract_text(visitor_text=visit)
    return edges


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_sets_a_wide_table_on_landscape_pages_and_returns_to_portrait(
        tmp_path: Path, theme: str) -> None:
    document = memo(matrix(6, rows=8))
    path = tmp_path / "memo.pdf"
    assert pdf.write(document, path, settings(theme)) == ()
    reader = PdfReader(path)
    pages = reader.pages
    layout = layout_for(load_theme(theme))
    texts = [page.extract_text() for page in pages]
    table_pages = [i for i, t in enumerate(texts) if "Party number 6" in t]
    assert table_pages and table_pages[0] > 0
    assert not is_landscape(pages[0])
    for i in table_pages:
        assert is_landscape(pages[i])
        assert float(pages[i].mediabox.width) == pytest.approx(layout.page.height)
    after = table_pages[-1] + 1
    assert after < len(pages) and not is_landscape(pages[after])
    assert "Context" in texts[after] and "Positions by Topic" in texts[table_pages[0]]
    assert "Positions by Topic" not in texts[table_pages[0] - 1]
    for number, page in enumerate(pages, start=1):
        assert texts[number - 1].count(BANNER) == 2
        assert f"Page {number} of {len(pages)}" in texts[number - 1]
        right = float(page.mediabox.width) - layout.page.margin_right
        assert max(text_right_edges(page)) <= right + 0.5
    assert find_in_order(pdf_text(path), expected_texts(document, pdf=True)) == []


def test_pdf_banner_and_page_number_are_centred_on_the_landscape_page(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    pdf.write(memo(matrix(6)), path)
    page = next(p for p in PdfReader(path).pages if is_landscape(p))
    found: list[tuple[float, str]] = []
    page.extract_text(visitor_text=lambda value, cm, tm, *_: found.append(
        (tm[4] * cm[0] + cm[4], value.strip())) if value.strip() == BANNER
        or value.startswith("Page ") else None)
    family = register_family(layout_for(None).fonts["body"])
    styles = layout_for(None).styles
    assert len(found) == 3
    for x, value in found:
        style = styles["footer" if value.startswith("Page") else "banner"]
        width = pdfmetrics.stringWidth(value, family.face(style.bold, False), style.size)
        assert x + width / 2 == pytest.approx(792 / 2, abs=0.5)


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_four_column_table_stays_portrait(tmp_path: Path, theme: str) -> None:
    path = tmp_path / "memo.pdf"
    pdf.write(memo(matrix(3)), path, settings(theme))
    assert not any(is_landscape(page) for page in PdfReader(path).pages)


def test_pdf_wide_table_first_or_last_leaves_no_empty_page(tmp_path: Path) -> None:
    path = tmp_path / "first.pdf"
    pdf.write(make_document(matrix(6, rows=2), Paragraph(text("after"))), path)
    pages = PdfReader(path).pages
    assert [is_landscape(p) for p in pages] == [True, False]
    assert "Party number 6" in pages[0].extract_text() and "after" in pages[1].extract_text()
    pdf.write(make_document(Paragraph(text("before")), matrix(6, rows=2)), path)
    pages = PdfReader(path).pages
    assert [is_landscape(p) for p in pages] == [False, True]
    assert "before" in pages[0].extract_text()


# --- DOCX ---------------------------------------------------------------------------------

def section_of_each_table(word) -> list[int]:
    """The number of the section each body table is in (sections end at a sectPr)."""
    out: list[int] = []
    section = 0
    for child in word.element.body:
        if child.tag == qn("w:tbl"):
            out.append(section)
        elif child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1
    return out


@pytest.mark.parametrize("theme", THEMES)
def test_docx_puts_a_wide_table_in_a_landscape_section(tmp_path: Path, theme: str) -> None:
    document = memo(matrix(6))
    path = tmp_path / "memo.docx"
    docx_writer.write(document, path, settings(theme))
    word = docx.Document(str(path))
    layout = layout_for(load_theme(theme))
    sections = word.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                 WD_ORIENT.PORTRAIT]
    portrait, landscape, after = sections
    assert (landscape.page_width, landscape.page_height) == (portrait.page_height,
                                                             portrait.page_width)
    assert (after.page_width, after.page_height) == (portrait.page_width, portrait.page_height)
    assert portrait.page_width.pt == pytest.approx(layout.page.width, abs=0.1)
    size = landscape._sectPr.find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape"
    assert int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
    for section in (landscape, after):
        assert section.start_type == portrait.start_type  # a new page
        assert section.header.is_linked_to_previous and section.footer.is_linked_to_previous
        assert (section.left_margin, section.top_margin) == (portrait.left_margin,
                                                             portrait.top_margin)
    assert not portrait.header.is_linked_to_previous
    assert BANNER in [p.text for p in portrait.header.paragraphs]
    footer = portrait.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and BANNER in footer
    assert section_of_each_table(word) == [1]
    matrix_table = word.tables[0]
    width = int(matrix_table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")))
    landscape_text = landscape.page_width - landscape.left_margin - landscape.right_margin
    assert width == pytest.approx(landscape_text / 635, abs=2)
    columns = [int(c.get(qn("w:w"))) for c in matrix_table._tbl.tblGrid]
    assert sum(columns) == pytest.approx(width, abs=len(columns))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs.index("Positions by Topic") > paragraphs.index(
        "The parties stated their positions.")
    assert find_in_order(docx_text(path), expected_texts(document, pdf=False)) == []


def test_docx_heading_goes_with_the_table_into_the_landscape_section(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    docx_writer.write(memo(matrix(6)), path)
    body = list(docx.Document(str(path)).element.body)
    ends = [i for i, child in enumerate(body)
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    heading = next(i for i, child in enumerate(body) if "Positions by Topic" in
                   "".join(child.itertext()))
    table = next(i for i, child in enumerate(body) if child.tag == qn("w:tbl") and
                 "Party number 6" in "".join(child.itertext()))
    assert ends[0] < heading < table < ends[1]
    # The first section ends on the last paragraph of its own text, not an empty one.
    assert "The parties stated their positions." in "".join(body[ends[0]].itertext())


@pytest.mark.parametrize("theme", THEMES)
def test_docx_four_column_table_stays_in_one_portrait_section(tmp_path: Path,
                                                              theme: str) -> None:
    path = tmp_path / "memo.docx"
    docx_writer.write(memo(matrix(3)), path, settings(theme))
    sections = docx.Document(str(path)).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT]


def test_docx_logo_stays_on_the_first_page_only(tmp_path: Path) -> None:
    (tmp_path / "seal.png").write_bytes(png(40, 20))
    theme = dataclasses.replace(load_theme("default"), logo=tmp_path / "seal.png")
    path = tmp_path / "memo.docx"
    docx_writer.write(memo(matrix(6)), path, WriterSettings(theme=theme))
    first, *others = docx.Document(str(path)).sections
    assert first.different_first_page_header_footer
    assert first.first_page_header._element.xml.count("<wp:anchor") == 1
    assert not any(s.different_first_page_header_footer for s in others)


def test_docx_wide_table_at_either_end(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    docx_writer.write(make_document(matrix(6), Paragraph(text("after"))), path)
    assert [s.orientation for s in docx.Document(str(path)).sections] == [
        WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    docx_writer.write(make_document(Paragraph(text("before")), matrix(6)), path)
    assert [s.orientation for s in docx.Document(str(path)).sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    docx_writer.write(make_document(matrix(6)), path)
    assert [s.orientation for s in docx.Document(str(path)).sections] == [WD_ORIENT.LANDSCAPE]


def test_docx_letterhead_page_turns_for_the_table_and_keeps_its_headers(tmp_path: Path) -> None:
    reference = letterhead(tmp_path)
    path = tmp_path / "memo.docx"
    docx_writer.write(memo(matrix(6)), path, WriterSettings(reference_docx=reference))
    sections = docx.Document(str(path)).sections
    user = docx.Document(str(reference)).sections[0]
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                 WD_ORIENT.PORTRAIT]
    assert (sections[0].page_width, sections[0].left_margin) == (user.page_width,
                                                                 user.left_margin)
    assert (sections[1].page_width, sections[1].page_height) == (user.page_height,
                                                                 user.page_width)
    assert all(s.header.is_linked_to_previous for s in sections[1:])
    assert any("Embassy of Testland" in p.text for p in sections[0].header.paragraphs)


# --- HTML ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("theme", "size"), [("default", "letter"), ("a4", "A4")])
def test_html_prints_the_wide_table_on_a_landscape_page(theme: str, size: str) -> None:
    page = html.to_html(memo(matrix(6)), layout_for(load_theme(theme)))
    assert f"@page wide{{size:{size} landscape}}" in page
    assert ".landscape{page:wide}" in page
    assert "table.grid{width:100%;table-layout:fixed" in page
    wide = page[page.index('<div class="landscape">'):]
    wide = wide[:wide.index("</div>")]
    assert "<h2>Positions by Topic</h2>" in wide and "Party number 6" in wide
    assert "Context" not in wide
    assert '<div class="landscape">' not in html.to_html(memo(matrix(3)))


def test_docx_landscape_letterhead_is_left_as_it_is(tmp_path: Path) -> None:
    reference = letterhead(tmp_path)
    word = docx.Document(str(reference))
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    word.save(str(reference))
    path = tmp_path / "memo.docx"
    for document in (memo(matrix(6)), make_document()):
        docx_writer.write(document, path, WriterSettings(reference_docx=reference))
        sections = docx.Document(str(path)).sections
        assert len(sections) == 1
        assert sections[0].page_width == section.page_width


# --- rows stay whole ----------------------------------------------------------------------

def test_pdf_rows_are_not_split_across_pages(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    pdf.write(memo(matrix(6, rows=8)), path)
    for page in PdfReader(path).pages:
        found = page.extract_text()
        for r in range(8):
            markers = [f"({r}.{n})" in found for n in range(1, 7)]
            assert all(markers) or not any(markers), (r, markers)
            assert (f"topic {r}" in found) == any(markers)


def test_pdf_row_taller_than_a_page_still_breaks(tmp_path: Path) -> None:
    long_cell = "A very long stance that goes on and on. " * 400
    table = Table((text("Topic"), text("Stance")), ((text("one"), text(long_cell)),
                                                     (text("two"), text("short"))))
    path = tmp_path / "memo.pdf"
    pdf.write(make_document(Paragraph(text("before")), table), path)
    reader = PdfReader(path)
    assert len(reader.pages) >= 3
    assert "two" in reader.pages[-1].extract_text()
