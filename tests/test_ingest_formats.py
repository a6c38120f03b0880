"""ingest of web pages, Word files, PDFs and Markdown: the text a reader sees, in paragraphs."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefgen.errors import EmptyInputError, InputError, NoTextLayerError
from briefgen.ingest import ingest
from briefgen.ingest.pdf_reader import Line, join_lines, paragraphs_of

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "inputs"
SEED = ROOT / "seeds" / "000_0ff103b2e130dde9.txt"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- web pages


def test_saved_state_department_page() -> None:
    title, _issuer, *body = paragraphs(ROOT / "tests" / "corpus" / "009.txt")
    source = ingest(str(INPUTS / "state_dept_readout.html"))
    assert source.media_type == "text/html"
    assert source.title == title == "Third U.S.-Vietnam Civil Space Dialogue"
    assert source.date == "2022-06-16"
    assert source.text.split("\n\n") == body


@pytest.mark.parametrize("furniture", [
    "Skip to content", "Bureaus & Offices", "Countries & Areas", "Press Releases",
    "Related Articles", "Comprehensive Partnership Fact Sheet", "Subscribe to my channel",
    "Taxpayers deserve", "thoughts on", "Privacy Policy", "USA.gov", "dataLayer", "background:",
    "Tags", "Readout\n",
])
def test_navigation_comments_and_footer_do_not_leak(furniture: str) -> None:
    assert furniture not in ingest(str(INPUTS / "state_dept_readout.html")).text


def test_the_page_declared_encoding_is_used() -> None:
    data = (INPUTS / "state_dept_readout.html").read_bytes()
    assert b'charset="windows-1252"' in data and b"\x92" in data
    # The curly apostrophe of the related links is left out with them, but the text decodes:
    # no replacement characters, no mojibake.
    text = ingest(str(INPUTS / "state_dept_readout.html")).text
    assert "\ufffd" not in text and "Ã" not in text


def small_page(body: str, head: str = "<title>Joint Statement on Energy</title>") -> bytes:
    return (f"<!DOCTYPE html><html><head>{head}</head><body><nav><a href='/'>Home</a> | "
            f"<a href='/about'>About us</a></nav><main>{body}</main>"
            "<footer>Copyright 2024 Example Ministry</footer></body></html>").encode()


def test_lists_tables_and_line_breaks_of_a_page(tmp_path: Path) -> None:
    page = small_page(
        "<h1>Joint Statement on Energy</h1>"
        "<p>The two sides met<br>in Paris on <b>Monday</b> to discuss energy.</p>"
        "<ul><li>They agreed to expand cooperation on grids.</li>"
        "<li>They agreed to meet again in <i>June</i>.</li></ul>"
        "<table><tr><th>Name</th><th>Title</th></tr>"
        "<tr><td>Jennifer Granholm</td><td>Secretary of Energy</td></tr></table>"
        "<blockquote><p>We are stronger together, the minister said.</p></blockquote>")
    source = ingest(str(write(tmp_path, "statement.htm", page)))
    assert source.title == "Joint Statement on Energy"
    assert source.date is None
    assert source.text.split("\n\n") == [
        "The two sides met\nin Paris on Monday to discuss energy.",
        "They agreed to expand cooperation on grids.",
        "They agreed to meet again in June.",
        "Name | Title",
        "Jennifer Granholm | Secretary of Energy",
        "We are stronger together, the minister said.",
    ]


def test_a_page_without_an_article(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", small_page(""))
    with pytest.raises(EmptyInputError) as info:
        ingest(str(path))
    assert str(info.value) == (f"'{path}': no article text found in the web page; open it in a "
                               "browser and save the article's text as .txt")
    assert info.value.exit_code == 5


def test_html_without_a_suffix_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path, "readout", (INPUTS / "state_dept_readout.html").read_bytes())
    source = ingest(str(path))
    assert source.media_type == "text/html"
    assert source.title == "Third U.S.-Vietnam Civil Space Dialogue"


# --------------------------------------------------------------------------- Word


def test_word_file_with_a_table() -> None:
    title, *body = paragraphs(SEED)[:-1]
    source = ingest(str(INPUTS / "readout_with_table.docx"))
    assert source.media_type == DOCX_TYPE
    assert source.title == title
    assert source.text.split("\n\n") == [
        *body[:3],
        "Participants",
        "Name | Title | Side",
        "Miguel Correa | NSC Senior Director | United States",
        "Richard Norland | U.S. Ambassador to Libya | United States",
        "Aoun Al Farjani | Head of the LNA Command Apparatus | LNA",
        body[3],
    ]
    assert "MUST NOT LEAK" not in source.text


def make_docx(build: Callable[[Any], None], title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_xml(paragraph: Any, xml: str) -> None:
    """Append raw WordprocessingML (its first tag gets the namespace) to a paragraph."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(xml.replace(">", f" {ns}>", 1)))


def test_word_runs_breaks_links_tracked_changes_and_content_controls(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        p = document.add_paragraph("The delegations met")
        p.add_run().add_break()
        p.add_run("in Geneva.")
        link = document.add_paragraph("Read the ")
        add_xml(link, '<w:hyperlink><w:r><w:t xml:space="preserve">joint statement</w:t></w:r>'
                      "</w:hyperlink>")
        link.add_run(" online.")
        changed = document.add_paragraph("They ")
        add_xml(changed, '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">warmly '
                         "</w:t></w:r></w:ins>")
        add_xml(changed, '<w:del w:id="2" w:author="a"><w:r><w:delText>coldly </w:delText>'
                         "</w:r></w:del>")
        changed.add_run("welcomed the talks.")
        from docx.oxml import parse_xml

        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        document.element.body.insert(0, parse_xml(
            f"<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Joint Readout</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"))

    source = ingest(str(write(tmp_path, "memo.docx", make_docx(build))))
    assert source.text.split("\n\n") == [
        "Joint Readout",
        "The delegations met\nin Geneva.",
        "Read the joint statement online.",
        "They warmly welcomed the talks.",
    ]
    assert source.title is None


def test_word_layout_and_nested_tables(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        layout = document.add_table(rows=1, cols=1)
        cell = layout.rows[0].cells[0]
        cell.text = "The Secretary met the Foreign Minister."
        cell.add_paragraph("They discussed trade.")
        grid = document.add_table(rows=1, cols=2)
        grid.rows[0].cells[0].text = "Delegation"
        inner = grid.rows[0].cells[1].add_table(rows=2, cols=1)
        inner.rows[0].cells[0].text = "Ambassador Smith"
        inner.rows[1].cells[0].text = "Consul Jones"

    source = ingest(str(write(tmp_path, "layout.docx", make_docx(build))))
    assert source.text.split("\n\n") == [
        "The Secretary met the Foreign Minister.",
        "They discussed trade.",
        "Delegation | Ambassador Smith Consul Jones",
    ]


@pytest.mark.parametrize(("title", "expected"), [
    ("Microsoft Word - readout_final_v2.docx", None),
    ("readout.docx", None),
    ("Untitled", None),
    ("  U.S.-Japan   Talks  ", "U.S.-Japan Talks"),
])
def test_word_title_property(tmp_path: Path, title: str, expected: str | None) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("The delegations of the two countries met on Monday in Tokyo.")

    source = ingest(str(write(tmp_path, "t.docx", make_docx(build, title=title))))
    assert source.title == expected


def test_word_title_property_loses_to_the_documents_own_headline(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_heading("Readout of the Secretary's Call", level=0)
        document.add_paragraph("The Secretary spoke with the Foreign Minister today.")

    source = ingest(str(write(tmp_path, "t.docx", make_docx(build, title="Template title"))))
    assert source.title is None  # the cleaner takes the headline
    assert source.text.startswith("Readout of the Secretary's Call\n\n")


WORD_ERROR = ("not a valid Word file (corrupt, or password-protected); open it in Word and save "
              "it again as .docx without a password, or save it as .txt")


def test_corrupt_word_file() -> None:
    path = INPUTS / "corrupt.docx"
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': {WORD_ERROR}"
    assert info.value.exit_code == 3


def test_password_protected_word_file() -> None:
    path = INPUTS / "encrypted.docx"
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == (
        f"cannot read '{path}': the file is password-protected; remove the password (in Word: "
        "File > Info > Protect Document) and save it again as .docx, or save it as .txt")
    assert info.value.exit_code == 3


def rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = change(info.filename, src.read(info.filename))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


@pytest.mark.parametrize("damage", ["broken-xml", "missing-body", "junk-suffix"])
def test_damaged_word_packages(tmp_path: Path, damage: str) -> None:
    good = (INPUTS / "readout_with_table.docx").read_bytes()
    if damage == "broken-xml":
        data = rezip(good, lambda n, b: b[:-40] if n == "word/document.xml" else b)
    elif damage == "missing-body":
        data = rezip(good, lambda n, b: None if n == "word/document.xml" else b)
    else:
        data = b"\x93\x01\xffnot a zip at all \xfe"
    path = write(tmp_path, "memo.docx", data)
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': {WORD_ERROR}"


def test_word_template(tmp_path: Path) -> None:
    good = (INPUTS / "readout_with_table.docx").read_bytes()
    data = rezip(good, lambda n, b: b.replace(b"document.main+xml", b"template.main+xml")
                 if n == "[Content_Types].xml" else b)
    path = write(tmp_path, "letterhead.dotx", data)
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == (f"cannot read '{path}': it is a Word template or macro-enabled "
                               "document; save it as .docx (Word Document) or .txt")


# --------------------------------------------------------------------------- PDF


def test_text_pdf_in_paragraphs_without_page_furniture() -> None:
    title, *body = paragraphs(ROOT / "tests" / "corpus" / "013.txt")
    source = ingest(str(INPUTS / "readout.pdf"))
    assert source.media_type == "application/pdf"
    assert source.title == title
    assert source.text.split("\n\n") == body + body
    assert "DEPARTMENT OF STATE" not in source.text
    assert not re.search(r"\bPage \d", source.text)


def test_pdf_with_only_an_owner_password_is_read() -> None:
    assert ingest(str(INPUTS / "owner_password_only.pdf")).text == \
        ingest(str(INPUTS / "readout.pdf")).text


def test_password_protected_pdf() -> None:
    path = INPUTS / "encrypted.pdf"
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == (
        f"cannot read '{path}': the PDF is password-protected; open it with its password and "
        "save or print it as a PDF without one, or save its text as .txt")
    assert info.value.exit_code == 3


PDF_ERROR = ("not a valid PDF file (corrupt or truncated); download or export it again, or save "
             "its text as .txt")


@pytest.mark.parametrize("make", ["truncated", "garbage"])
def test_damaged_pdf(tmp_path: Path, make: str) -> None:
    if make == "truncated":
        path = INPUTS / "truncated.pdf"
    else:
        path = write(tmp_path, "x.pdf", b"\x93\x01\xff\xfe not a PDF")
    with pytest.raises(InputError) as info:
        ingest(str(path))
    assert str(info.value) == f"cannot read '{path}': {PDF_ERROR}"
    assert info.value.exit_code == 3


def test_scanned_pdf_needs_ocr() -> None:
    path = INPUTS / "scanned.pdf"
    with pytest.raises(NoTextLayerError) as info:
        ingest(str(path))
    assert str(info.value) == (f"cannot read '{path}': no text layer: the PDF looks scanned; run "
                               "OCR first (e.g. ocrmypdf) and give the result")
    assert info.value.exit_code == 5


def test_blank_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = write(tmp_path, "blank.pdf", buffer.getvalue())
    with pytest.raises(EmptyInputError, match="has no text; give a document with text"):
        ingest(str(path))


def lines(*rows: tuple[str, float]) -> list[Line]:
    """Lines of 10-point text at the given baselines."""
    return [Line(text, 72.0, y, 10.0) for text, y in rows]


def test_pdf_paragraphs_from_line_gaps_and_short_last_lines() -> None:
    page = lines(
        ("The two delegations met in Geneva on Monday to discuss the security", 700),
        ("situation in the region and the way ahead for the talks.", 688),
        ("They agreed to meet again within a month, and to keep the channel", 670),  # gap
        ("open at the working level.", 658),
        ("Both sides stressed the importance of continued engagement at every", 646),  # short
        ("level of government, including at the level of the ministers.", 634),
        ("• A first bullet point", 622),
        ("• A second bullet point", 610),
    )
    assert list(paragraphs_of(page)) == [
        "The two delegations met in Geneva on Monday to discuss the security situation in the "
        "region and the way ahead for the talks.",
        "They agreed to meet again within a month, and to keep the channel open at the working "
        "level.",
        "Both sides stressed the importance of continued engagement at every level of "
        "government, including at the level of the ministers.",
        "• A first bullet point",
        "• A second bullet point",
    ]


def test_pdf_headings_are_paragraphs_of_their_own() -> None:
    page = [Line("Joint Statement of the", 72, 720, 18), Line("Trilateral Meeting", 72, 698, 18),
            Line("The ministers met today.", 72, 670, 10)]
    assert list(paragraphs_of(page)) == ["Joint Statement of the Trilateral Meeting",
                                         "The ministers met today."]


def test_pdf_first_line_indents_start_paragraphs_and_hanging_indents_do_not() -> None:
    def at(x: float, y: float, text: str) -> Line:
        return Line(text, x, y, 10.0)

    page = [
        at(90, 700, "The two delegations met in Geneva on Monday to discuss the security"),
        at(72, 688, "situation in the region and the way ahead for the talks, which they"),
        at(72, 676, "agreed would continue in the spring at the level of the ministers."),
        at(90, 664, "Both sides stressed the importance of continued engagement at every"),
        at(72, 652, "level of government, including at the level of senior officials, too."),
        at(72, 640, "• The delegations met in Geneva on Monday to discuss the security"),
        at(84, 628, "situation in the region and the way ahead for the talks."),
        at(72, 616, "• They agreed to continue in the spring at the level of ministers."),
    ]
    assert [p[:24] for p in paragraphs_of(page)] == [
        "The two delegations met ", "Both sides stressed the ", "• The delegations met in",
        "• They agreed to continu"]


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("a long-", "term plan", "a long-term plan"),
    ("the U.S.-", "China talks", "the U.S.-China talks"),
    ("negoti\u00ad", "ations began", "negotiations began"),
    ("the talks -", "and more", "the talks - and more"),
])
def test_pdf_line_ends(first: str, second: str, joined: str) -> None:
    assert join_lines(lines((first, 700), (second, 688))) == joined


def test_pdf_paragraph_running_over_a_page_is_one_paragraph(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    c.drawString(72, 700, "The Secretary and the Foreign Minister discussed the situation")
    c.showPage()
    c.drawString(72, 700, "in the region and agreed to meet again.")
    c.showPage()
    c.save()
    source = ingest(str(write(tmp_path, "two-pages.pdf", buffer.getvalue())))
    assert source.text == ("The Secretary and the Foreign Minister discussed the situation in "
                           "the region and agreed to meet again.")


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """---
title: "Readout of President Biden's Meeting with Prime Minister Kishida of Japan"
date: 2023-05-18
---

# Readout of President Biden's Meeting with Prime Minister Kishida of Japan

**President Joseph R. Biden, Jr.** met today with *Prime Minister Kishida Fumio* of
Japan in [Hiroshima](https://example.org/hiroshima "Hiroshima") ahead of the
G7 Leaders' Summit.

The leaders discussed:

- the `ironclad` U.S.-Japan Alliance;
- their work with the Republic of Korea, and 5 * 3 = 15 kept_as_is.

| Name | Title |
|------|-------|
| Kishida Fumio | Prime Minister |

> The two leaders welcomed the progress made.

\\###
"""


def test_markdown_loses_its_syntax_but_keeps_its_words(tmp_path: Path) -> None:
    source = ingest(str(write(tmp_path, "readout.md", MARKDOWN.encode())))
    assert source.media_type == "text/markdown"
    assert source.title == ("Readout of President Biden's Meeting with Prime Minister Kishida "
                            "of Japan")
    assert source.text.split("\n\n") == [
        "President Joseph R. Biden, Jr. met today with Prime Minister Kishida Fumio of Japan in "
        "Hiroshima ahead of the G7 Leaders' Summit.",
        "The leaders discussed:",
        "the ironclad U.S.-Japan Alliance;",
        "their work with the Republic of Korea, and 5 * 3 = 15 kept_as_is.",
        "Name | Title",
        "Kishida Fumio | Prime Minister",
        "The two leaders welcomed the progress made.",
        "###",
    ]


def test_markdown_heading_marks_go_and_the_heading_stands_alone(tmp_path: Path) -> None:
    data = b"# U.S.-LNA Discussion ##\nOn July 1, the two sides met.\n\n## Participants\n"
    source = ingest(str(write(tmp_path, "readout.md", data)))
    assert source.title is None  # no front matter: the cleaner takes the headline
    assert source.text == "U.S.-LNA Discussion\n\nOn July 1, the two sides met.\n\nParticipants"


def test_seed_as_markdown_is_unchanged(tmp_path: Path) -> None:
    """Plain prose is valid Markdown: reading the seed as .md changes nothing."""
    text = SEED.read_text(encoding="utf-8")
    source = ingest(str(write(tmp_path, "seed.md", text.encode())))
    assert source.text == "\n\n".join(paragraphs(SEED))
