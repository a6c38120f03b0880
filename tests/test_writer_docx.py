"""Read back what the DOCX writer gives users: styles, tables, fields, properties, scripts."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Inlines,
    Metadata,
    Paragraph,
    Rule,
    Span,
    Table,
)
from briefgen.writers import docx as docx_writer
from briefgen.writers import styles
from briefgen.writers.docx.wordstyles import BUILTIN_STYLES
from briefgen.xmlsafe import make_xml_safe

CREATED = dt.datetime(2024, 3, 5, 14, 30)


def text(value: str, bold: bool = False, italic: bool = False) -> Inlines:
    return (Span(value, bold=bold, italic=italic),)


def make_document(*blocks: Block, **metadata) -> Document:
    metadata.setdefault("title", "Readout")
    metadata.setdefault("created", CREATED)
    return Document(metadata=Metadata(**metadata), blocks=tuple(blocks))


def write_and_open(document: Document, tmp_path: Path, name: str = "memo.docx"):
    path = tmp_path / name
    warnings = docx_writer.write(document, path)
    assert isinstance(warnings, tuple)
    return docx.Document(str(path))


def styled_paragraphs(word) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in word.paragraphs]


def part_bytes(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member)


def readable(value: str) -> str:
    """What a text reads back as: XML-illegal characters replaced, CR written as a break."""
    return make_xml_safe(value).replace("\r", "\n")


def memo() -> Document:
    return make_document(
        Heading(1, text("Memorandum")),
        FieldList((Field("TO", text("The Secretary")), Field("FROM:", text("NEA/MAG")),
                   Field("DATE", text("March 5, 2024")), Field("SUBJECT", text("Libya")))),
        Rule(),
        Heading(2, text("Key points")),
        Paragraph((Span("The Minister "), Span("welcomed", bold=True), Span(" support "),
                   Span("warmly", italic=True), Span("."))),
        BulletList((text("Agreed on the 5+5 JMC [¶4]."), text("Elections later [¶7]."))),
        Heading(3, text("Next steps")),
        BulletList((text("Follow up."), text("Brief Congress.")), ordered=True),
        Heading(2, text("Participants")),
        Table(header=(text("Name"), text("Side")),
              rows=((text("Kurt Campbell"), text("United States")),
                    (text("محمد الطاهر سيالة"), text("Libya")))),
        Paragraph(text("Prepared by: Jane Doe"), role="note"),
        title="Readout: Libya", subject="5+5 talks", author="NEA/MAG",
        keywords=("Libya", "SSR"),
    )


def test_blocks_become_word_styles_in_order(tmp_path):
    word = write_and_open(memo(), tmp_path)
    assert styled_paragraphs(word) == [
        ("Title", "Memorandum"),
        ("Normal", ""),  # the rule
        ("Heading 1", "Key points"),
        ("Normal", "The Minister welcomed support warmly."),
        ("List Bullet", "Agreed on the 5+5 JMC [¶4]."),
        ("List Bullet", "Elections later [¶7]."),
        ("Heading 2", "Next steps"),
        ("List Number", "Follow up."),
        ("List Number", "Brief Congress."),
        ("Heading 1", "Participants"),
        ("Note", "Prepared by: Jane Doe"),
    ]


@pytest.mark.parametrize(("level", "style"), [(0, "Title"), (1, "Title"), (2, "Heading 1"),
                                              (3, "Heading 2"), (5, "Heading 2")])
def test_heading_levels_map_to_word_styles(tmp_path, level, style):
    word = write_and_open(make_document(Heading(level, text("H"))), tmp_path)
    assert styled_paragraphs(word) == [(style, "H")]


def test_spans_keep_bold_and_italic(tmp_path):
    word = write_and_open(memo(), tmp_path)
    runs = [(r.text, r.bold, r.italic) for r in word.paragraphs[3].runs]
    assert runs == [("The Minister ", None, None), ("welcomed", True, None),
                    (" support ", None, None), ("warmly", None, True), (".", None, None)]


def test_builtin_styles_follow_the_style_table(tmp_path):
    word = write_and_open(memo(), tmp_path)
    for name, role in BUILTIN_STYLES.items():
        style, expected = word.styles[name], styles.STYLES[role]
        assert style.font.name == styles.DOCX_FONT
        assert style.font.size == Pt(expected.size)
        assert style.font.color.rgb == RGBColor.from_string(expected.color)
        assert style.paragraph_format.space_after == Pt(expected.space_after)
        assert bool(style.font.bold) == expected.bold
        assert bool(style.paragraph_format.keep_with_next) == expected.keep_with_next
        fonts = style.element.rPr.rFonts
        assert {k.split("}")[1] for k in fonts.attrib} == {"ascii", "hAnsi", "eastAsia", "cs"}
        assert set(fonts.attrib.values()) == {styles.DOCX_FONT}
        assert style.element.rPr.find(qn("w:szCs")).get(qn("w:val")) == str(
            round(expected.size * 2))


def test_title_style_loses_template_border_and_blue(tmp_path):
    title = write_and_open(memo(), tmp_path).styles["Title"]
    assert title.element.pPr.find(qn("w:pBdr")) is None
    assert title.font.all_caps is True
    assert title.font.color.rgb == RGBColor.from_string(styles.ACCENT)
    assert title.font.color.theme_color is None
    assert title.font.size == Pt(styles.STYLES["title"].size)
    linked = write_and_open(memo(), tmp_path, "again.docx").styles["Title Char"]
    assert linked.font.color.rgb == RGBColor.from_string(styles.ACCENT)
    assert linked.font.name == styles.DOCX_FONT


def test_note_style_is_smaller_and_grey(tmp_path):
    note = write_and_open(memo(), tmp_path).styles["Note"]
    assert note.base_style.name == "Normal"
    assert note.font.size == Pt(styles.STYLES["note"].size)
    assert note.font.color.rgb == RGBColor.from_string(styles.MUTED)


def test_table_uses_table_grid_with_repeating_shaded_header(tmp_path):
    word = write_and_open(memo(), tmp_path)
    table = word.tables[1]
    assert table.style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Name", "Side"], ["Kurt Campbell", "United States"], ["محمد الطاهر سيالة", "Libya"]]
    header, *body = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in body)
    for cell in header.cells:
        assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == styles.TABLE_HEADER_FILL
        assert cell.paragraphs[0].style.font.bold is True
    assert table.autofit is False  # fixed widths: a long word wraps, never overflows
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    width = table._tbl.tblPr.find(qn("w:tblW"))
    assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", text_width // 635)


def test_ragged_and_empty_tables_do_not_crash(tmp_path):
    document = make_document(Table(header=(text("A"), text("B")), rows=((text("1"),),)),
                             Table(header=(), rows=()))
    word = write_and_open(document, tmp_path)
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == [["A", "B"],
                                                                            ["1", ""]]


def test_field_list_is_a_borderless_label_value_table(tmp_path):
    word = write_and_open(memo(), tmp_path)
    fields = word.tables[0]
    assert [[c.text for c in row.cells] for row in fields.rows] == [
        ["TO:", "The Secretary"], ["FROM:", "NEA/MAG"], ["DATE:", "March 5, 2024"],
        ["SUBJECT:", "Libya"]]
    assert fields._tbl.tblPr.find(qn("w:tblStyle")) is None
    assert fields._tbl.tblPr.find(qn("w:tblBorders")) is None
    assert fields.columns[0].width == Pt(styles.FIELD_LABEL_WIDTH)
    label = fields.rows[0].cells[0].paragraphs[0]
    assert label.style.name == "Memo Field Label"
    assert label.style.font.bold is True


def test_rule_is_an_accent_bottom_border(tmp_path):
    word = write_and_open(memo(), tmp_path)
    bottom = word.paragraphs[1]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == styles.ACCENT
    assert bottom.get(qn("w:val")) == "single"


def test_text_after_a_table_keeps_a_gap(tmp_path):
    grid = Table(header=(text("A"),), rows=((text("1"),),))
    word = write_and_open(make_document(grid, Paragraph(text("after"))), tmp_path)
    gap = Pt(styles.STYLES["body"].space_after)
    assert word.paragraphs[0].paragraph_format.space_before == gap


def test_adjacent_tables_stay_separate(tmp_path):
    grid = Table(header=(text("A"),), rows=((text("1"),),))
    word = write_and_open(make_document(FieldList((Field("TO", text("X")),)), grid, grid),
                          tmp_path)
    assert len(word.tables) == 3


def test_ordered_lists_restart_at_one(tmp_path):
    document = make_document(BulletList((text("a"), text("b")), ordered=True),
                             Paragraph(text("between")),
                             BulletList((text("c"),), ordered=True))
    word = write_and_open(document, tmp_path)
    numbering = word.part.numbering_part.element
    first, _, _, second = _num_ids(word)
    assert first != second
    for num_id in (first, second):
        override = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def _num_ids(word) -> list[int | None]:
    ids = []
    for paragraph in word.paragraphs:
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        ids.append(None if num_pr is None else num_pr.numId.val)
    return ids


def test_core_properties_read_back(tmp_path):
    properties = write_and_open(memo(), tmp_path).core_properties
    assert properties.title == "Readout: Libya"
    assert properties.subject == "5+5 talks"
    assert properties.author == properties.last_modified_by == "NEA/MAG"
    assert properties.keywords == "Libya, SSR"
    assert properties.comments == ""
    assert properties.created == properties.modified == CREATED.replace(tzinfo=dt.timezone.utc)
    assert properties.last_printed is None


def test_aware_creation_time_is_stored_in_utc(tmp_path):
    created = dt.datetime(2024, 3, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    properties = write_and_open(make_document(created=created), tmp_path).core_properties
    assert properties.created == dt.datetime(2024, 3, 5, 14, 0, tzinfo=dt.timezone.utc)


def test_missing_creation_time_means_now(tmp_path):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    properties = write_and_open(make_document(created=None), tmp_path).core_properties
    assert before <= properties.created <= dt.datetime.now(dt.timezone.utc)


def test_overlong_property_is_cut_with_a_warning(tmp_path):
    path = tmp_path / "long.docx"
    warnings = docx_writer.write(make_document(title="T" * 300), path)
    assert warnings == ("DOCX title cut to 255 characters (Word's limit)",)
    assert docx.Document(str(path)).core_properties.title == "T" * 255


def test_ordinary_memo_has_no_warnings(tmp_path):
    assert docx_writer.write(memo(), tmp_path / "memo.docx") == ()


def test_no_template_thumbnail(tmp_path):
    path = tmp_path / "memo.docx"
    docx_writer.write(memo(), path)
    with zipfile.ZipFile(path) as archive:
        assert not [name for name in archive.namelist() if "thumbnail" in name]


def test_footer_numbers_pages_with_fields(tmp_path):
    word = write_and_open(memo(), tmp_path)
    footer = word.sections[0].footer
    assert not footer.is_linked_to_previous
    paragraph = footer.paragraphs[0]
    codes = [e.text.strip() for e in paragraph._p.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    kinds = [e.get(qn("w:fldCharType")) for e in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert paragraph.text == "Page 1 of 1"
    assert paragraph.style.name == "Footer"
    assert paragraph.style.font.size == Pt(styles.STYLES["footer"].size)


def test_page_size_and_margins_come_from_the_style_table(tmp_path):
    section = write_and_open(memo(), tmp_path).sections[0]
    page = styles.PAGE
    assert (section.page_width, section.page_height) == (Pt(page.width), Pt(page.height))
    assert (section.top_margin, section.bottom_margin, section.left_margin,
            section.right_margin) == (Pt(page.margin_top), Pt(page.margin_bottom),
                                      Pt(page.margin_left), Pt(page.margin_right))


@pytest.mark.parametrize("value", ["AT&T", "if x<y and y>z", "]]>", "*bold* _x_ #1",
                                   "{{ name }} {% x %}", "<john@x.com>", "a\tb"])
def test_special_characters_come_back_literally(tmp_path, value):
    document = make_document(Paragraph(text(value)), BulletList((text(value),)),
                             Table(header=(text(value),), rows=()))
    word = write_and_open(document, tmp_path)
    assert [p.text for p in word.paragraphs] == [value, value]
    assert word.tables[0].rows[0].cells[0].text == value


@pytest.mark.parametrize("value", ["a\x00b", "a\x0bb", "a\x0cb\x1f", "a\ud800b", "a\ufffeb"])
def test_xml_illegal_characters_are_replaced_not_fatal(tmp_path, value):
    document = make_document(Heading(1, text(value)), Paragraph(text(value)),
                             FieldList((Field(value, text(value)),)),
                             title=value, author=value, keywords=(value,))
    word = write_and_open(document, tmp_path)
    safe = make_xml_safe(value)
    assert [p.text for p in word.paragraphs] == [safe, safe]
    assert word.tables[0].rows[0].cells[1].text == safe
    assert word.core_properties.title == safe


@pytest.mark.parametrize("value", ["يرحب الوزير بالدعم الأمريكي.", "השר בירך על התמיכה."])
def test_right_to_left_paragraph_is_bidi(tmp_path, value):
    word = write_and_open(make_document(Paragraph(text(value)), Paragraph(text("English"))),
                          tmp_path)
    rtl, ltr = word.paragraphs
    assert rtl.text == value
    assert rtl._p.pPr.find(qn("w:bidi")) is not None
    assert all(run._r.rPr.find(qn("w:rtl")) is not None for run in rtl.runs)
    assert ltr._p.pPr is None or ltr._p.pPr.find(qn("w:bidi")) is None


def test_latin_run_in_arabic_paragraph_stays_left_to_right(tmp_path):
    content = (Span("السيد محمد الطاهر سيالة "), Span("(UN)"))
    paragraph = write_and_open(make_document(Paragraph(content)), tmp_path).paragraphs[0]
    flags = [run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None
             for run in paragraph.runs]
    assert flags == [True, False]


def test_mostly_english_paragraph_with_an_arabic_name_is_not_bidi(tmp_path):
    content = text("Foreign Minister Mohamed Siala (محمد سيالة) attended the meeting.")
    paragraph = write_and_open(make_document(Paragraph(content)), tmp_path).paragraphs[0]
    assert paragraph._p.pPr is None or paragraph._p.pPr.find(qn("w:bidi")) is None


@pytest.mark.parametrize("value", ["Встреча прошла конструктивно.", "会议气氛建设性。",
                                   "Ελληνικά Łódź Đặng 한국어 😀"])
def test_other_scripts_round_trip(tmp_path, value):
    word = write_and_open(make_document(Heading(2, text(value)), Paragraph(text(value))),
                          tmp_path)
    assert [p.text for p in word.paragraphs] == [value, value]


# Hypothesis never draws surrogates by itself; mix in the characters writers trip over.
any_text = st.text(alphabet=st.one_of(st.characters(exclude_categories=()),
                                      st.sampled_from("\ud800\udfff\x00\x0b\r\n\t\ufffe&<]")),
                   max_size=40)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraph=any_text, bullets=st.lists(any_text, min_size=1, max_size=3),
       cell=any_text)
def test_any_text_survives_and_reads_back(tmp_path, paragraph, bullets, cell):
    document = make_document(Paragraph(text(paragraph)),
                             BulletList(tuple(text(b) for b in bullets)),
                             Table(header=(text("Name"),), rows=((text(cell),),)),
                             title=paragraph)
    word = write_and_open(document, tmp_path)
    assert [p.text for p in word.paragraphs] == [readable(t) for t in (paragraph, *bullets)]
    assert word.tables[0].rows[1].cells[0].text == readable(cell)


def test_same_document_gives_same_bytes(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    docx_writer.write(memo(), first)
    docx_writer.write(memo(), second)
    for member in ("word/document.xml", "docProps/core.xml", "word/styles.xml",
                   "word/numbering.xml"):
        assert part_bytes(first, member) == part_bytes(second, member)
    assert first.read_bytes() == second.read_bytes()
