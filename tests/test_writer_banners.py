"""Classification banners, page numbers, bookmarks, logo and theme fonts, read back from PDF
and DOCX as a reader gets them."""

from __future__ import annotations

import dataclasses
import struct
import unicodedata
from pathlib import Path

import docx
import pytest
from builders import make_document, text
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile
from test_theme import png

from briefgen.document import Document, Heading, Paragraph
from briefgen.writers import WriterSettings, pdf
from briefgen.writers import docx as docx_writer
from briefgen.writers.styles import layout_for
from briefgen.writers.theme import DEFAULT_THEME, FontFamily, load_theme

FONTS = Path(__file__).resolve().parent.parent / "briefgen" / "fonts"
BANNERS = ["CONFIDENTIAL//REL TO USA, GBR", "SECRET//NOFORN & <NOT MARKUP>",
           "CUI//SP-PRVCY", "ДСП // Ограничено"]
WP_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"


def classified(document: Document, banner: str | None) -> Document:
    return dataclasses.replace(
        document, metadata=dataclasses.replace(document.metadata, classification=banner))


def long_memo(banner: str | None = None) -> Document:
    """Three pages: sections with subsections, the title and a header block first."""
    blocks = [Heading(1, text("Memorandum"))]
    for section in ("Summary", "Participants", "Positions"):
        blocks.append(Heading(2, text(section)))
        for sub in ("United States", "Libya"):
            blocks.append(Heading(3, text(f"{section}: {sub}")))
            blocks.extend(Paragraph(text("The delegations met and spoke at length. " * 12))
                          for _ in range(3))
    return classified(make_document(*blocks, title="Readout", author="NEA", subject="Libya",
                                    keywords=("Libya",)), banner)


def page_lines(page) -> list[tuple[float, str]]:
    """Text pieces of a page with their baseline heights, top first."""
    found: list[tuple[float, str]] = []

    def visit(value, cm, tm, *_):
        if value.strip():
            found.append((tm[5] * cm[3] + cm[5], value.strip()))

    page.extract_text(visitor_text=visit)
    return sorted(found, reverse=True)


@pytest.mark.parametrize("banner", BANNERS)
def test_pdf_banner_is_centred_top_and_bottom_of_every_page(tmp_path: Path, banner: str) -> None:
    path = tmp_path / "memo.pdf"
    assert pdf.write(long_memo(banner), path) == ()
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total >= 3
    height = float(reader.pages[0].mediabox.height)
    for number, page in enumerate(reader.pages, start=1):
        lines = page_lines(page)
        heights = [y for y, value in lines if value == banner]
        assert len(heights) == 2, lines[:3]
        assert max(heights) > height - 72 and min(heights) < 72
        assert f"Page {number} of {total}" in page.extract_text()
        assert lines[0][1] == banner and lines[-1][1] == banner


def test_pdf_without_classification_has_no_banner(tmp_path: Path) -> None:
    pdf.write(long_memo(None), tmp_path / "memo.pdf")
    first = PdfReader(tmp_path / "memo.pdf").pages[0]
    assert page_lines(first)[-1][1].startswith("Page 1 of")


def outline_entries(reader: PdfReader, entries=None, depth: int = 0) -> list[tuple[int, str,
                                                                                   int]]:
    out = []
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):
            out.extend(outline_entries(reader, entry, depth + 1))
        else:
            out.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))
    return out


def test_pdf_bookmarks_sections_with_subsections_under_them(tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    pdf.write(long_memo("SECRET"), path)
    reader = PdfReader(path)
    entries = outline_entries(reader)
    assert [(depth, title) for depth, title, _ in entries] == [
        (depth, title) for section in ("Summary", "Participants", "Positions")
        for depth, title in ((0, section), (1, f"{section}: United States"),
                             (1, f"{section}: Libya"))]
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == len(reader.pages)
    for _, title, page in entries:  # each bookmark opens the page its heading is on
        assert title in reader.pages[page - 1].extract_text()
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    info = reader.metadata
    assert (info.title, info.author, info.subject) == ("Readout", "NEA", "Libya")


def test_pdf_subsection_before_any_section_is_a_top_level_bookmark(tmp_path: Path) -> None:
    document = make_document(Heading(3, text("Alone")), Heading(2, text("Section")),
                             Heading(3, text("Under")))
    pdf.write(document, tmp_path / "memo.pdf")
    assert outline_entries(PdfReader(tmp_path / "memo.pdf")) == [
        (0, "Alone", 1), (0, "Section", 1), (1, "Under", 1)]


def image_names(page) -> list[str]:
    resources = page["/Resources"]
    objects = resources.get("/XObject", {})
    return [name for name, ref in objects.items()
            if ref.get_object()["/Subtype"] == "/Image"]


@pytest.fixture
def logo_theme(tmp_path: Path):
    (tmp_path / "seal.png").write_bytes(png(40, 20))
    (tmp_path / "theme.toml").write_text('base = "a4"\n[logo]\npath = "seal.png"\n'
                                         'height = "0.5in"\n', encoding="utf-8")
    return load_theme(tmp_path / "theme.toml")


def test_pdf_logo_is_on_the_first_page_only(tmp_path: Path, logo_theme) -> None:
    path = tmp_path / "memo.pdf"
    pdf.write(long_memo("SECRET"), path, WriterSettings(theme=logo_theme))
    reader = PdfReader(path)
    assert len(image_names(reader.pages[0])) == 1
    assert all(not image_names(page) for page in reader.pages[1:])


def ascii_only_font(tmp_path: Path) -> Path:
    """DejaVu Sans with a character map of printable ASCII only, renamed AsciiOnlyS.

    reportlab treats fonts with the same PostScript name as one font, hence the new name
    (same length, so the name table's offsets hold).
    """
    source = (FONTS / "DejaVuSans.ttf").read_bytes()
    glyphs = TTFontFile(str(FONTS / "DejaVuSans.ttf")).charToGlyph
    codes = list(range(32, 127))
    ends, starts = [*codes, 0xFFFF], [*codes, 0xFFFF]
    deltas = [(glyphs[c] - c) % 0x10000 for c in codes] + [1]
    segments = len(ends)
    subtable = struct.pack(">HHHHHHH", 4, 16 + 8 * segments, 0, 2 * segments, 0, 0, 0)
    subtable += struct.pack(f">{segments}H", *ends) + b"\0\0"
    subtable += struct.pack(f">{segments}H", *starts)
    subtable += struct.pack(f">{segments}H", *deltas) + bytes(2 * segments)
    tables = {}
    (count,) = struct.unpack(">H", source[4:6])
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", source[12 + 16 * i:28 + 16 * i])
        tables[tag] = source[offset:offset + length]
    tables[b"cmap"] = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + subtable
    for encoding in ("latin-1", "utf-16-be"):
        tables[b"name"] = tables[b"name"].replace("DejaVuSans".encode(encoding),
                                                  "AsciiOnlyS".encode(encoding))
    header = source[:12]
    offset = 12 + 16 * len(tables)
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, 0, offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    path = tmp_path / "AsciiOnly.ttf"
    path.write_bytes(header + directory + body)
    return path


def test_theme_font_lacking_glyphs_falls_back_to_the_bundled_font(tmp_path: Path) -> None:
    font = ascii_only_font(tmp_path)
    theme = dataclasses.replace(DEFAULT_THEME, body_font=FontFamily(regular=font),
                                heading_font=FontFamily(regular=font))
    words = "Minister Łódź Москва Ελλάδα 王毅 met"
    path = tmp_path / "memo.pdf"
    warnings = pdf.write(make_document(Heading(2, text(words)), Paragraph(text(words)),
                                       Paragraph(text(words, bold=True))),
                         path, WriterSettings(theme=theme))
    assert warnings == ()
    reader = PdfReader(path)
    extracted = unicodedata.normalize("NFC", reader.pages[0].extract_text())
    assert extracted.count(words) == 3
    fonts = {str(ref.get_object()["/BaseFont"]).split("+")[-1]
             for ref in reader.pages[0]["/Resources"]["/Font"].values()}
    assert {"AsciiOnlyS", "DejaVuSans", "DejaVuSans-Bold"} <= fonts  # theme font, then DejaVu
    content = reader.pages[0].get_contents().get_data()
    assert b"(Minister " in content  # ASCII set in the first font, not split per letter


def docx_paragraphs(story) -> list[str]:
    return [p.text for p in story.paragraphs]


@pytest.mark.parametrize("banner", BANNERS)
def test_docx_banner_in_header_and_footer_with_page_numbers(tmp_path: Path, banner: str) -> None:
    path = tmp_path / "memo.docx"
    docx_writer.write(long_memo(banner), path)
    word = docx.Document(str(path))
    section = word.sections[0]
    assert docx_paragraphs(section.header) == [banner]
    assert docx_paragraphs(section.footer) == ["Page 1 of 1", banner]
    assert not section.different_first_page_header_footer
    style = section.header.paragraphs[0].style
    assert style.name == "Classification Banner"
    layout = layout_for(None)
    assert style.font.bold is True
    assert style.font.color.rgb == RGBColor.from_string(layout.banner_color)
    assert style.font.size == Pt(layout.styles["banner"].size)
    assert style.paragraph_format.alignment == 1  # centred


def test_docx_without_classification_has_no_header(tmp_path: Path) -> None:
    docx_writer.write(long_memo(None), tmp_path / "memo.docx")
    section = docx.Document(str(tmp_path / "memo.docx")).sections[0]
    assert section.header.is_linked_to_previous
    assert docx_paragraphs(section.footer) == ["Page 1 of 1"]


def test_docx_logo_floats_in_the_first_page_header(tmp_path: Path, logo_theme) -> None:
    path = tmp_path / "memo.docx"
    docx_writer.write(long_memo("SECRET"), path, WriterSettings(theme=logo_theme))
    section = docx.Document(str(path)).sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert docx_paragraphs(first) == ["SECRET"]
    anchors = list(first._element.iter(WP_ANCHOR))
    assert len(anchors) == 1
    align = anchors[0].find(f"{{{WP_ANCHOR.split('}')[0][1:]}}}positionH")
    assert align[0].text == "right"
    blip = next(first._element.iter(qn("a:blip")))
    image = first.part.related_parts[blip.get(qn("r:embed"))]
    assert image.blob == (logo_theme.logo.read_bytes())
    assert docx_paragraphs(section.first_page_footer) == ["Page 1 of 1", "SECRET"]
    assert docx_paragraphs(section.header) == ["SECRET"]
    assert not list(section.header._element.iter(WP_ANCHOR))


def test_a_banner_character_no_font_has_is_reported(tmp_path: Path) -> None:
    warnings = pdf.write(classified(make_document(), "SECRET \ue000"), tmp_path / "memo.pdf")
    assert len(warnings) == 1 and "U+E000" in warnings[0]
    assert "SECRET ?" in PdfReader(tmp_path / "memo.pdf").pages[0].extract_text()
