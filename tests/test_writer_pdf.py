"""The PDF writer, read back with pypdf: text, order, footer, metadata, fonts and scripts."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_writer_landscape import text_right_edges

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Metadata,
    Paragraph,
    Rule,
    Span,
    Table,
)
from briefgen.writers import pdf, styles
from briefgen.writers.pdf import bidi, fonts

ARABIC_NAME = "أحمد حسن"
HEBREW = "שלום עולם"


def inl(*texts: str | Span) -> tuple[Span, ...]:
    """Turn strings (plain) and Spans into an Inlines tuple."""
    return tuple(t if isinstance(t, Span) else Span(t) for t in texts)


def row(*texts: str | Span) -> tuple[tuple[Span, ...], ...]:
    """Turn strings and Spans into table cells, one per argument."""
    return tuple(inl(t) for t in texts)


def make_document(*blocks: Block, title: str = "Test memo", **metadata: object) -> Document:
    return Document(Metadata(title=title, **metadata), tuple(blocks))  # type: ignore[arg-type]


def para(*texts: str | Span, role: str = "body") -> Paragraph:
    return Paragraph(inl(*texts), role)


def render(tmp_path: Path, document: Document, name: str = "memo.pdf"
           ) -> tuple[PdfReader, tuple[str, ...]]:
    path = tmp_path / name
    warnings = pdf.write(document, path)
    return PdfReader(path), warnings


def all_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def memo() -> Document:
    return make_document(
        Heading(1, inl("Memorandum")),
        FieldList((Field("TO", inl("The Secretary")), Field("FROM", inl("NEA - J. Officer")),
                   Field("DATE", inl("March 4, 2025")), Field("SUBJECT:", inl("Libya readout")))),
        Rule(),
        Heading(2, inl("Key points")),
        para("The Minister ", Span("reaffirmed", bold=True), " support ",
             Span("[¶4]", italic=True)),
        BulletList((inl("First bullet point"), inl("Second bullet point [¶5]"))),
        BulletList((inl("Numbered step"),), ordered=True),
        Heading(3, inl("Participants")),
        Table(row("Name", "Role"), (row("Jane Officer", "Deputy Assistant Secretary"),)),
        para("Prepared by: J. Officer", role="note"),
        para("unknown role falls back to body", role="no-such-role"),
    )


def test_text_comes_back_in_reading_order(tmp_path: Path) -> None:
    reader, warnings = render(tmp_path, memo())
    text = all_text(reader)
    expected = ["MEMORANDUM", "TO:", "The Secretary", "FROM:", "DATE:", "March 4, 2025",
                "SUBJECT:", "Libya readout", "Key points", "reaffirmed", "[¶4]",
                "First bullet point", "Second bullet point [¶5]", "1.", "Numbered step",
                "Participants", "Name", "Role", "Jane Officer", "Deputy Assistant Secretary",
                "Prepared by: J. Officer", "unknown role falls back to body"]
    positions = [text.find(item) for item in expected]
    assert -1 not in positions, [e for e, p in zip(expected, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "SUBJECT::" not in text
    assert "\u2022" in text
    assert warnings == ()


def test_footer_numbers_every_page_of_a_long_memo(tmp_path: Path) -> None:
    paragraphs = [para(f"Paragraph {n}: " + "lorem ipsum dolor sit amet " * 12) for n in range(40)]
    reader, _ = render(tmp_path, make_document(Heading(1, inl("Long")), *paragraphs))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()


def test_long_table_repeats_its_header_on_each_page(tmp_path: Path) -> None:
    rows = tuple(row(f"Person {n}", "Some office " * 4) for n in range(80))
    reader, _ = render(tmp_path, make_document(Table(row("Name", "Office"), rows)))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert page.extract_text().lstrip().startswith("Name")


def test_no_page_holds_a_single_row_of_a_table(tmp_path: Path) -> None:
    # Filler of every length from nothing to a page puts the page break at every row.
    rows = tuple(row(f"Person {n}", "Some office") for n in range(6))
    straddled = 0
    for lines in range(0, 48):
        filler = [para("x " * 20) for _ in range(lines)]
        reader, _ = render(tmp_path, make_document(*filler, Table(row("Name", "Office"), rows),
                                                   para("After the table.")))
        counts = [page.extract_text().count("Person ") for page in reader.pages]
        assert sum(counts) == len(rows)
        assert 1 not in counts, (lines, counts)
        straddled += sum(1 for c in counts if c) > 1
    assert straddled  # some filler did make the table run on to a second page


def test_metadata_is_written_to_the_info_dictionary(tmp_path: Path) -> None:
    created = dt.datetime(2025, 3, 4, 9, 30, tzinfo=dt.timezone.utc)
    document = make_document(para("x"), title="Readout: Libya", subject="Meeting readout",
                             author="Office of Égypte Affairs", keywords=("Libya", "Egypt"),
                             created=created)
    reader, _ = render(tmp_path, document)
    info = reader.metadata
    assert info is not None
    assert info.title == "Readout: Libya"
    assert info.subject == "Meeting readout"
    assert info.author == "Office of Égypte Affairs"
    assert info["/Keywords"] == "Libya, Egypt"
    assert info.creation_date == created


def test_identical_documents_give_identical_bytes(tmp_path: Path) -> None:
    pdf.write(memo(), tmp_path / "a.pdf")
    pdf.write(memo(), tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_fonts_are_embedded_and_helvetica_is_never_used(tmp_path: Path) -> None:
    reader, _ = render(tmp_path, memo())
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    # The default theme's Liberation Sans (Arial's metrics), under fixed names.
    assert {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic"} <= {
        name.split("+")[-1] for name in seen}
    assert not any("Helvetica" in name for name in seen)


@pytest.mark.parametrize("text", ["AT&T", "if x<y and y>z", "<john@x.com>", "]]>", "a * b",
                                  "{{ value }}", "&amp; stays", '"quoted" \'single\'', "<b>x</b>"])
def test_markup_characters_print_literally(tmp_path: Path, text: str) -> None:
    document = make_document(para(text), BulletList((inl(text),)),
                             Table(row("Cell"), (row(text),)),
                             FieldList((Field("TO", inl(text)),)))
    reader, warnings = render(tmp_path, document)
    assert all_text(reader).count(text) == 4
    assert warnings == ()


@pytest.mark.parametrize("text", ["Москва и Санкт-Петербург", "Αθήνα και Θεσσαλονίκη",
                                  "Łódź, źdźbło, żółć", "Đặng Thị Ngọc Thịnh", "Ærøskøbing ß"])
def test_european_scripts_survive(tmp_path: Path, text: str) -> None:
    reader, warnings = render(tmp_path, make_document(para(text), Heading(2, inl(text))))
    extracted = unicodedata.normalize("NFC", all_text(reader))
    assert extracted.count(text) == 2
    assert warnings == ()


def has_word(text: str, word: str) -> bool:
    """Say if ``word`` is in ``text`` spelled either way (extractors differ on RTL order)."""
    return word in text or word[::-1] in text


def test_arabic_is_shaped_and_comes_back_after_nfkc(tmp_path: Path) -> None:
    reader, warnings = render(tmp_path, make_document(para("Minister ", ARABIC_NAME, " said")))
    raw = all_text(reader)
    extracted = unicodedata.normalize("NFKC", raw)
    assert set(ARABIC_NAME) <= set(extracted)
    assert not set(ARABIC_NAME.replace(" ", "")) & set(raw), "letters are in presentation forms"
    assert all(has_word(extracted, word) for word in ARABIC_NAME.split())
    assert "Minister" in extracted and "said" in extracted
    assert warnings == ()


def test_rtl_runs_are_put_in_display_order() -> None:
    latin = bidi.to_visual_order([("Minister ", False, False), (ARABIC_NAME, True, False),
                                  (" said", False, False)], rtl=False)
    assert [run[0] for run in latin] == ["Minister ", ARABIC_NAME[::-1], " said"]
    assert latin[1][1] is True
    arabic = bidi.to_visual_order([(ARABIC_NAME, False, False), (" UN", True, False)], rtl=True)
    assert [run[0] for run in arabic] == ["UN ", ARABIC_NAME[::-1]]


def test_bold_arabic_inside_latin_text_keeps_its_place(tmp_path: Path) -> None:
    document = make_document(para("Minister ", Span(ARABIC_NAME, bold=True), " will travel"))
    reader, warnings = render(tmp_path, document)
    extracted = unicodedata.normalize("NFKC", all_text(reader))
    first, second = ARABIC_NAME.split()
    assert extracted.index("Minister") < extracted.find(second) < extracted.index("will travel")
    assert has_word(extracted, first)
    assert warnings == ()


def test_hebrew_comes_back(tmp_path: Path) -> None:
    reader, warnings = render(tmp_path, make_document(para(HEBREW)))
    assert all(has_word(all_text(reader), word) for word in HEBREW.split())
    assert warnings == ()


def test_wrapped_rtl_text_keeps_its_lines_in_reading_order(tmp_path: Path) -> None:
    words = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
             "مائة", "ألف"]
    document = make_document(Table(row("Name", "Notes"), (row(" ".join(words), "x " * 200),)))
    reader, _ = render(tmp_path, document)
    lines = [unicodedata.normalize("NFKC", line) for line in all_text(reader).splitlines()]
    per_line = [[n for n, word in enumerate(words) if has_word(line, word)] for line in lines]
    per_line = [found for found in per_line if found]
    assert len(per_line) >= 2, "the Arabic cell should wrap"
    assert sorted(n for found in per_line for n in found) == list(range(len(words)))
    for earlier, later in itertools.pairwise(per_line):
        assert max(earlier) < min(later), per_line


CJK = "王毅外长 こんにちは 서울"


@pytest.fixture
def without_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pretend no system CJK font is installed, so reportlab's CID fonts are the fallback."""
    monkeypatch.setattr(fonts, "system_fonts", lambda: ())
    fonts.font_for.cache_clear()
    yield
    fonts.font_for.cache_clear()


def font_names(reader: PdfReader) -> set[str]:
    return {str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
            for page in reader.pages for ref in page["/Resources"]["/Font"].values()}


def test_cjk_text_comes_back_without_warnings(tmp_path: Path) -> None:
    reader, warnings = render(tmp_path, make_document(para(CJK), Table(row("名字"), (row(CJK),))))
    extracted = all_text(reader)
    for word in CJK.split():
        assert extracted.count(word) == 2
    assert warnings == ()


@pytest.mark.usefixtures("without_system_fonts")
def test_cjk_falls_back_to_reportlab_cid_fonts(tmp_path: Path) -> None:
    reader, warnings = render(tmp_path, make_document(para(CJK)))
    assert {"STSong-Light", "HeiseiMin-W3", "HYSMyeongJo-Medium"} <= font_names(reader)
    assert all(word in all_text(reader) for word in CJK.split())
    assert warnings == ()


@pytest.mark.skipif(not fonts.SYSTEM_FONTS[0][1].is_file(),
                    reason="fonts-wqy-microhei not installed")
def test_an_installed_truetype_cjk_font_is_embedded(tmp_path: Path) -> None:
    reader, _ = render(tmp_path, make_document(para(CJK)))
    assert fonts.SYSTEM_FONTS[0][0] in {name.rsplit("-", 1)[0] for name in font_names(reader)}
    assert not {"STSong-Light", "HeiseiMin-W3"} & font_names(reader)


@pytest.mark.parametrize("char", ["\U0001f680", "\ue000"])
def test_a_character_no_font_has_gives_one_warning(tmp_path: Path, char: str) -> None:
    document = make_document(para(f"launch {char} now {char}"), Heading(2, inl(char)))
    reader, warnings = render(tmp_path, document)
    code = f"U+{ord(char):04X}"
    assert len(warnings) == 1
    assert code in warnings[0] and "shown as '?'" in warnings[0]
    assert "launch ? now ?" in all_text(reader)


def test_invisible_and_control_characters_give_no_warning(tmp_path: Path) -> None:
    text = "a\u200bb\u200dc\ufeffd\u00ade\x85f\tg\nh\x00i\ufe0fj\u2028k"
    reader, warnings = render(tmp_path, make_document(para(text)))
    assert warnings == ()
    assert "a" in all_text(reader) and "k" in all_text(reader)


def test_a_glyph_missing_from_the_bold_face_falls_back_to_regular(tmp_path: Path) -> None:
    family = fonts.bundled_family()
    bold = fonts.pdfmetrics.getFont(family.face(True, False)).face.charToGlyph
    regular = fonts.pdfmetrics.getFont(family.name).face.charToGlyph
    char = chr(min(set(regular) - set(bold)))
    _, warnings = render(tmp_path, make_document(Heading(2, inl(f"x{char}y"))))
    assert warnings == ()


def test_wide_table_with_long_cells_wraps_inside_the_page(tmp_path: Path) -> None:
    header = row(*(f"Column {n}" for n in range(8)))
    cell = "an extremely long cell value that must wrap " * 3
    rows = tuple(row(*(cell if n % 2 else f"r{r}c{n}-" + "x" * 60 for n in range(8)))
                 for r in range(6))
    reader, warnings = render(tmp_path, make_document(Table(header, rows)))
    assert 1 <= len(reader.pages) <= 6
    for page in reader.pages:
        # Eight columns of prose do not fit a portrait page: the table is set in landscape.
        assert page.mediabox.width > page.mediabox.height
        right_edge = float(page.mediabox.width) - styles.PAGE.margin_right
        assert max(text_right_edges(page)) <= right_edge + 0.5
    assert warnings == ()


def test_column_shares_fill_the_frame() -> None:
    table = Table(row("No.", "Name", "Notes"), (row("1", "Jane", "A long note " * 20),))
    shares = table.column_shares()
    assert sum(shares) == pytest.approx(1.0)
    assert shares[2] > shares[1] >= shares[0] > 0


def test_tables_with_one_header_share_column_widths(tmp_path: Path) -> None:
    from briefgen.render.markup import align_tables

    short = Table(row("Name", "Rank", "Title"), (row("Al", "Gen.", "Head"),))
    long = Table(row("Name", "Rank", "Title"), (row("Abd Al Karim Hadiya", "Major General",
                                                    "Office Director for the General"),))
    aligned = align_tables([short, long])
    assert aligned[0].widths == aligned[1].widths
    assert sum(aligned[0].widths) == pytest.approx(1.0)


def test_empty_and_ragged_blocks_are_tolerated(tmp_path: Path) -> None:
    document = make_document(Table((), ()), BulletList(()), FieldList(()), para(),
                             Table(row("A", "B", "C"), (row("only one"), row("1", "2", "3", "4"))))
    reader, warnings = render(tmp_path, document)
    assert "only one" in all_text(reader)
    assert warnings == ()


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(), bold=st.booleans())
def test_any_text_renders_without_error(tmp_path: Path, text: str, bold: bool) -> None:
    span = Span(text, bold=bold, italic=not bold)
    document = make_document(
        Heading(1, (span,)), para(text), Paragraph((Span("x "), span, Span(" y")), "note"),
        BulletList(((span,), inl(text)), ordered=bold), Table(((span,),), (((span,),),)),
        FieldList((Field(text, (span,)),)), title=text, author=text, keywords=(text,),
    )
    warnings = pdf.write(document, tmp_path / "any.pdf")
    assert all(isinstance(w, str) and w.startswith("no font can show U+") for w in warnings)
    assert len(PdfReader(tmp_path / "any.pdf").pages) >= 1


@pytest.mark.parametrize("markup_characters", [False, True])
def test_fragments_built_directly_match_parsed_markup(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      markup_characters: bool) -> None:
    """The writer builds reportlab's paragraph fragments itself instead of parsing markup;
    both ways must show the same: the same bytes, or (where the parser splits text at
    entities) the same text."""
    from briefgen.writers.pdf import story

    extra = [para(t) for t in ("AT&T", "if x<y and y>z", "]]>", "<b>x</b>")] \
        if markup_characters else []
    document = make_document(*memo().blocks, para(CJK), para("Łódź \u00ad x"), *extra)
    pdf.write(document, tmp_path / "fast.pdf")
    monkeypatch.setattr(story, "FAST_FRAGMENTS", False)
    pdf.write(document, tmp_path / "parsed.pdf")
    fast, parsed = (tmp_path / "fast.pdf").read_bytes(), (tmp_path / "parsed.pdf").read_bytes()
    if markup_characters:
        assert all_text(PdfReader(tmp_path / "fast.pdf")) == \
            all_text(PdfReader(tmp_path / "parsed.pdf"))
    else:
        assert fast == parsed
