"""The built-in templates (memo, memcon, one-pager, readout) for the seed and a built Brief."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from builders import LNA, US, make_brief
from pypdf import PdfReader

from briefgen.document import (
    BulletList,
    Document,
    FieldList,
    Heading,
    Paragraph,
    Table,
    plain_text,
)
from briefgen.model import Attendee, Brief, KeyPoint, Meeting, Position
from briefgen.pipeline import write_document
from briefgen.render import MemoOptions, render_document
from briefgen.render.catalog import builtin_templates, describe_template, list_templates

GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
TEMPLATES = ("memo", "memcon", "one-pager", "readout")
OPTIONS = MemoOptions(to="The Secretary", sender="Policy Planning", date=dt.date(2020, 7, 1))
TITLES = {"memo": "Memorandum", "memcon": "Memorandum of Conversation", "one-pager": "Brief",
          "readout": "Readout"}


def seed_brief() -> Brief:
    return Brief.from_dict(json.loads(GOLDEN.read_text(encoding="utf-8")))


def squeeze(value: str) -> str:
    return " ".join(value.split())


def fields(document: Document) -> dict[str, str]:
    block = next(b for b in document.blocks if isinstance(b, FieldList))
    return {f.label.rstrip(":"): plain_text(f.value) for f in block.fields}


def headings(document: Document, level: int) -> list[str]:
    return [plain_text(b.content) for b in document.blocks
            if isinstance(b, Heading) and b.level == level]


def paragraphs(document: Document, role: str = "body") -> list[str]:
    return [plain_text(b.content) for b in document.blocks
            if isinstance(b, Paragraph) and b.role == role]


def test_the_four_builtins_are_listed_with_descriptions() -> None:
    assert tuple(builtin_templates()) == tuple(sorted(TEMPLATES))
    infos = {info.name: info.description for info in list_templates()}
    assert set(infos) == set(TEMPLATES)
    for name, description in infos.items():
        assert 20 < len(description) < 160, name
        assert "\n" not in description
    assert infos["memcon"].startswith("Memorandum of conversation")


@pytest.mark.parametrize(("source", "description"), [
    ("{# One line.\n   More. #}\n# T\n", "One line."),
    ("  {#- Trimmed -#}\nx", "Trimmed"),
    ("# No comment\n{# late #}", ""),
    ("{# #}", ""),
])
def test_describe_template(source: str, description: str) -> None:
    assert describe_template(source) == description


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("make", [make_brief, seed_brief], ids=["built", "seed"])
def test_each_template_renders_every_participant(template: str, make) -> None:
    brief = make()
    document = render_document(brief, OPTIONS, template)
    assert headings(document, 1) == [TITLES[template]]
    assert fields(document)["SUBJECT"] == brief.title
    whole = squeeze(" ".join(document.texts()))
    for person in brief.attendees:
        assert person.name in whole
        if person.title:
            assert person.title in whole
    for party in brief.parties:
        assert party.name in whole
    # Every position is quoted once, or named in the note as left out for length.
    note = " ".join(paragraphs(document, "note"))
    for position in brief.positions:
        quoted = whole.count(squeeze(position.statement[1:])) or \
            whole.count(squeeze(position.sentence))
        assert quoted <= 1, position.sentence
        assert quoted or f"[¶{position.source.paragraph}]" in note, position.sentence
    assert "[¶" in whole


def test_memcon_structure() -> None:
    document = render_document(make_brief(), OPTIONS, "memcon")
    assert fields(document) == {"SUBJECT": make_brief().title, "DATE": "July 1, 2020",
                                "PLACE": "Virtual meeting"}
    assert headings(document, 2) == ["Participants", "Summary", "Conversation",
                                     "Outcomes and Next Steps", "Source"]
    assert headings(document, 3)[:2] == [US, LNA]
    assert "Both Sides" in headings(document, 3)
    bullets = [plain_text(i) for b in document.blocks if isinstance(b, BulletList)
               for i in b.items]
    assert "Major General Miguel Correa, National Security Council Senior Director" in bullets
    assert paragraphs(document, "admin") == ["Drafted By: Policy Planning, July 1, 2020"]


def test_memcon_place_and_date_as_the_source_gives_them() -> None:
    brief = make_brief(meeting=Meeting(date="July 1", date_iso=None, format="in_person",
                                       location="Benghazi"))
    assert fields(render_document(brief, OPTIONS, "memcon")) == {
        "SUBJECT": brief.title, "DATE": "July 1", "PLACE": "Benghazi"}
    brief = make_brief(meeting=Meeting())
    assert fields(render_document(brief, OPTIONS, "memcon"))["PLACE"] == \
        "Not stated in the source"


def test_one_pager_has_a_bottom_line_points_and_no_repeats() -> None:
    brief = seed_brief()
    document = render_document(brief, OPTIONS, "one-pager")
    body = paragraphs(document)
    lines = " ".join(f"{k.text} [¶{k.source.paragraph}]" for k in brief.bottom_line)
    assert body[0] == f"Bottom line: {lines}"
    assert headings(document, 2) == ["Key Points", "Participants", "Positions"]
    points = [plain_text(i) for b in document.blocks if isinstance(b, BulletList)
              for i in b.items]
    assert points
    stated = {p.sentence for p in brief.positions} | {k.sentence for k in brief.bottom_line}
    printed = {k.sentence for k in (*brief.key_points, *brief.context)
               if any(p.startswith(k.text) for p in points)}
    assert printed and not printed & stated  # key points are what no position says
    whole = " ".join(document.texts())
    for position in brief.positions:
        assert whole.count(position.statement[1:]) <= 1
    # What it leaves out is named by its paragraph.
    note = " ".join(paragraphs(document, "note"))
    for position in brief.positions:
        if position.statement[1:] not in whole and position.sentence not in whole:
            assert f"[¶{position.source.paragraph}]" in note.split("Not printed here:")[1]


def test_readout_is_prose() -> None:
    document = render_document(seed_brief(), OPTIONS, "readout")
    assert not any(isinstance(b, (BulletList, Table)) for b in document.blocks)
    body = paragraphs(document)
    assert body[0] == " ".join(f"{k.text} [¶{k.source.paragraph}]"
                               for k in seed_brief().bottom_line)
    assert body[1].startswith("Participants. United States: Major General Miguel Correa "
                              "(National Security Council Senior Director), Henry Wooster")
    assert "and Richard Norland (U.S. Ambassador to Libya); LNA: " in body[1]
    assert body[2].startswith("What each side said. ")


def test_optional_lines_only_when_given() -> None:
    for template in TEMPLATES:
        plain = render_document(make_brief(), OPTIONS, template)
        assert paragraphs(plain, "letterhead") == []
        admin = paragraphs(plain, "admin")
        assert admin == (["Drafted By: Policy Planning, July 1, 2020"]
                         if template == "memcon" else [])
    options = MemoOptions(date=dt.date(2020, 7, 1), organization="Department of State",
                          prepared_by="Jane Doe, S/P, (202) 555-0100", drafted_by="J. Doe",
                          cleared_by="NEA: R. Roe", distribution=("S", "D", "P"))
    for template in TEMPLATES:
        document = render_document(make_brief(), options, template)
        assert paragraphs(document, "letterhead") == ["Department of State"]
        admin = paragraphs(document, "admin")
        assert "Prepared By: Jane Doe, S/P, (202) 555-0100" in admin
        assert "Cleared By: NEA: R. Roe" in admin
        assert "Distribution: S, D, P" in admin
        assert any(line.startswith("Drafted By: J. Doe") for line in admin)


@pytest.mark.parametrize("template", TEMPLATES)
def test_markdown_specials_in_values_print_literally(template: str) -> None:
    special = "*AT&T* <b> | # _x_ [¶9] {{ y }}"
    brief = make_brief(
        summary=f"Summary {special}.",
        attendees=(Attendee(f"Name {special}", None, f"Title {special}", US,
                            make_brief().attendees[0].source),),
        positions=(Position(US, "said", f"said {special}", f"Position {special}.",
                            make_brief().positions[0].source),),
        key_points=(KeyPoint(f"Point {special}.", f"Point {special}.",
                             make_brief().key_points[0].source),),
    )
    document = render_document(brief, OPTIONS, template)
    whole = " ".join(document.texts())
    assert f"Summary {special}." in whole
    assert f"Name {special}" in whole
    assert not any(span.bold for b in document.blocks if isinstance(b, Paragraph)
                   for span in b.content if "AT&T" in span.text)


def test_a_brief_with_nothing_extracted_still_renders() -> None:
    empty = Brief(title="Untitled", summary="")
    for template in TEMPLATES:
        document = render_document(empty, OPTIONS, template)
        assert headings(document, 1) == [TITLES[template]]


# --------------------------------------------------------------------------- read back


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The seed rendered with each template to PDF and DOCX."""
    folder = tmp_path_factory.mktemp("templates")
    files = {}
    for template in TEMPLATES:
        document = render_document(seed_brief(), OPTIONS, template)
        pdf, word = folder / f"{template}.pdf", folder / f"{template}.docx"
        write_document(document, [("pdf", pdf), ("docx", word)])
        files[template] = (pdf, word)
    return files


@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_and_docx_read_back(seed_files: dict[str, tuple[Path, Path]], template: str
                                ) -> None:
    pdf, word = seed_files[template]
    reader = PdfReader(pdf)
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))
    assert TITLES[template].upper() in text
    assert "Miguel Correa" in text and "Kheiri Al Tamimi" in text
    assert "Page 1 of" in text
    word_document = docx.Document(str(word))
    lines = [p.text for p in word_document.paragraphs if p.text.strip()]
    assert lines[0].upper() == TITLES[template].upper()
    cells = [c.text for t in word_document.tables for row in t.rows for c in row.cells]
    word_text = squeeze(" ".join(lines + cells))
    assert "Miguel Correa" in word_text and "Kheiri Al Tamimi" in word_text


def test_one_pager_fits_one_letter_page(seed_files: dict[str, tuple[Path, Path]],
                                        tmp_path: Path) -> None:
    reader = PdfReader(seed_files["one-pager"][0])
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)
    # Still one page with a banner and every portion marked.
    marked = render_document(seed_brief(), MemoOptions(
        date=dt.date(2020, 7, 1), classification="SECRET//NOFORN", portion_marks=True),
        "one-pager")
    write_document(marked, [("pdf", tmp_path / "marked.pdf")])
    assert len(PdfReader(tmp_path / "marked.pdf").pages) == 1


def test_the_seed_memo_fits_one_page_and_holds_what_the_one_pager_does(
        seed_files: dict[str, tuple[Path, Path]]) -> None:
    # The seed is a 367-word readout: every template on one page (issue 15's page rule).
    pages = {t: len(PdfReader(seed_files[t][0]).pages) for t in TEMPLATES}
    assert pages == dict.fromkeys(TEMPLATES, 1)
    texts = {t: squeeze(" ".join(p.extract_text() for p in PdfReader(seed_files[t][0]).pages))
             for t in ("memo", "one-pager")}
    brief = seed_brief()
    for position in brief.positions:
        if squeeze(position.statement[1:]) in texts["one-pager"]:
            assert squeeze(position.statement[1:]) in texts["memo"], position.sentence
