"""--reference-docx: the memo written into a user's letterhead, which keeps its page setup,
styles, headers, footers and logo."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import pytest
from builders import make_document, text
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from test_theme import png

from briefgen.document import BulletList, Document, Heading, Paragraph
from briefgen.errors import InputError
from briefgen.writers import WriterSettings, write_outputs
from briefgen.writers import docx as docx_writer

LETTERHEAD = "Embassy of Testland — Political Section"
ADDRESS = "1 Example Street, Capital City"


def letterhead(tmp_path: Path, name: str = "letterhead.docx", drop_styles: tuple[str, ...] = (),
               footer_page_field: bool = False) -> Path:
    """Make a letterhead as an office would: A4, a header with text and a logo, a footer,
    its own body font, and some body text that must not survive."""
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    header = section.header.paragraphs[0]
    header.text = LETTERHEAD
    (tmp_path / "logo.png").write_bytes(png(30, 30))
    header.add_run().add_picture(str(tmp_path / "logo.png"), height=Cm(1.5))
    footer = section.footer.paragraphs[0]
    footer.text = ADDRESS
    if footer_page_field:
        footer.add_run(" · page ")
        footer._p.append(docx.oxml.parse_xml(
            f'<w:fldSimple {docx.oxml.ns.nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t>'
            "</w:r></w:fldSimple>"))
    word.styles["Normal"].font.name = "Georgia"
    word.styles["Normal"].font.size = Pt(12)
    word.add_paragraph("OLD CONTENT: dear colleague, replace me")
    word.add_table(rows=1, cols=1).cell(0, 0).text = "OLD TABLE"
    for style_name in drop_styles:
        element = word.styles[style_name].element
        element.getparent().remove(element)
    path = tmp_path / name
    word.save(str(path))
    return path


def memo(banner: str | None = None) -> Document:
    document = make_document(
        Heading(1, text("Memorandum")),
        Heading(2, text("Key Points")),
        BulletList((text("First point [¶1]"), text("Second point [¶2]"))),
        BulletList((text("Step one"), text("Step two")), ordered=True),
        Paragraph(text("Prepared by: J. Officer"), "note"))
    return dataclasses.replace(document, metadata=dataclasses.replace(
        document.metadata, classification=banner))


def write(tmp_path: Path, document: Document, reference: Path):
    path = tmp_path / "memo.docx"
    warnings = docx_writer.write(document, path, WriterSettings(reference_docx=reference))
    assert warnings == ()
    return docx.Document(str(path))


def body_texts(word) -> list[str]:
    return [p.text for p in word.paragraphs]


def test_letterhead_header_logo_footer_and_page_survive(tmp_path: Path) -> None:
    word = write(tmp_path, make_document(), letterhead(tmp_path))
    section = word.sections[0]
    assert (section.page_width.cm, section.page_height.cm) == pytest.approx((21, 29.7), abs=0.01)
    assert section.left_margin.cm == pytest.approx(2, abs=0.01)
    header = section.header
    assert [p.text for p in header.paragraphs] == [LETTERHEAD]
    blip = next(header._element.iter(qn("a:blip")))
    assert header.part.related_parts[blip.get(qn("r:embed"))].blob == \
        (tmp_path / "logo.png").read_bytes()
    assert [p.text for p in section.footer.paragraphs] == [ADDRESS, "Page 1 of 1"]


def test_body_holds_only_the_memo(tmp_path: Path) -> None:
    word = write(tmp_path, memo(), letterhead(tmp_path))
    assert body_texts(word) == ["Memorandum", "Key Points", "First point [¶1]",
                                "Second point [¶2]", "Step one", "Step two",
                                "Prepared by: J. Officer"]
    assert [p.style.name for p in word.paragraphs] == [
        "Title", "Heading 1", "List Bullet", "List Bullet", "List Number", "List Number",
        "Note"]
    assert "OLD" not in "".join(body_texts(word))
    assert not word.tables
    body = word.element.body
    assert body[-1].tag == qn("w:sectPr")
    assert len(body.findall(qn("w:sectPr"))) == 1


def test_letterhead_styles_win_and_missing_ones_are_added(tmp_path: Path) -> None:
    word = write(tmp_path, memo(), letterhead(tmp_path))
    normal = word.styles["Normal"]
    assert normal.font.name == "Georgia" and normal.font.size == Pt(12)
    for name in ("Note", "Memo Field Label", "Memo Field", "Table Heading", "Table Text",
                 "Classification Banner"):
        assert word.styles[name].base_style.name == "Normal"


def test_styles_a_letterhead_lacks_are_copied_with_their_list_numbering(tmp_path: Path) -> None:
    reference = letterhead(tmp_path, drop_styles=("List Bullet", "List Number", "Title"))
    word = write(tmp_path, memo(), reference)
    assert [p.style.name for p in word.paragraphs][:6] == [
        "Title", "Heading 1", "List Bullet", "List Bullet", "List Number", "List Number"]
    numbering = word.part.numbering_part.element
    bullet_num = word.styles["List Bullet"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(bullet_num).abstractNumId.val
    definition = next(a for a in numbering.iterchildren(qn("w:abstractNum"))
                      if a.get(qn("w:abstractNumId")) == str(abstract))
    assert definition.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"
    ordered = word.paragraphs[4]._p.pPr.numPr.numId.val
    restarted = numbering.num_having_numId(ordered)
    assert restarted.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}") is not None


def test_banner_is_added_to_the_letterhead_header_and_footer(tmp_path: Path) -> None:
    banner = "CONFIDENTIAL//REL TO USA, GBR"
    word = write(tmp_path, memo(banner), letterhead(tmp_path))
    section = word.sections[0]
    assert [p.text for p in section.header.paragraphs] == [banner, LETTERHEAD]
    assert next(section.header._element.iter(qn("a:blip"))) is not None
    assert [p.text for p in section.footer.paragraphs] == [ADDRESS, "Page 1 of 1", banner]
    assert section.header.paragraphs[0].style.name == "Classification Banner"


def test_a_letterhead_page_number_is_not_doubled(tmp_path: Path) -> None:
    word = write(tmp_path, memo(), letterhead(tmp_path, footer_page_field=True))
    assert [p.text for p in word.sections[0].footer.paragraphs] == [f"{ADDRESS} · page "]


def test_write_outputs_passes_the_reference_to_docx_only(tmp_path: Path) -> None:
    reference = letterhead(tmp_path)
    targets = [("docx", tmp_path / "out.docx"), ("pdf", tmp_path / "out.pdf"),
               ("md", tmp_path / "out.md"), ("html", tmp_path / "out.html")]
    write_outputs(targets, document=memo(), settings=WriterSettings(reference_docx=reference))
    header = docx.Document(str(tmp_path / "out.docx")).sections[0].header
    assert header.paragraphs[0].text == LETTERHEAD
    assert all(path.stat().st_size for _, path in targets)


def refused(tmp_path: Path, reference: Path) -> str:
    with pytest.raises(InputError) as caught:
        docx_writer.write(memo(), tmp_path / "memo.docx", WriterSettings(reference_docx=reference))
    message = str(caught.value)
    assert "\n" not in message
    assert not (tmp_path / "memo.docx").exists()
    return message


def test_a_word_template_is_refused(tmp_path: Path) -> None:
    template = letterhead(tmp_path, "letterhead.dotx")
    assert refused(tmp_path, template) == (
        "'letterhead.dotx' is a Word template; save it as .docx and pass that")


def test_a_template_renamed_to_docx_is_refused(tmp_path: Path) -> None:
    source = letterhead(tmp_path)
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(renamed, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            new.writestr(item, data)
    assert refused(tmp_path, renamed) == (
        "'renamed.docx' is a Word template; save it as .docx and pass that")


@pytest.mark.parametrize(("content", "fragment"), [
    (b"%PDF-1.4 not a word file", "is not a Word document"),
    (b"", "is not a Word document"),
    (None, "is damaged"),
    ("xlsx", "is not a Word document"),
])
def test_non_word_and_damaged_files_are_refused(tmp_path: Path, content, fragment: str) -> None:
    path = tmp_path / "letter.docx"
    if content is None:  # a Word file cut short
        path.write_bytes(letterhead(tmp_path).read_bytes()[:3000])
    elif content == "xlsx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", (
                '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                '2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="'
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                "</Types>"))
            archive.writestr("_rels/.rels", (
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>'))
            archive.writestr("xl/workbook.xml", "<workbook/>")
        path.write_bytes(buffer.getvalue())
    else:
        path.write_bytes(content)
    message = refused(tmp_path, path)
    assert message.startswith("'letter.docx' ")
    assert fragment in message


def test_a_missing_reference_is_refused(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path, tmp_path / "missing.docx")
    assert "is a directory" in refused(tmp_path, tmp_path)
