"""Markings: banner and portion-mark levels, portion marks on every portion, read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from builders import make_brief, make_document, text
from pypdf import PdfReader

from briefgen.document import (
    BulletList,
    Field,
    FieldList,
    Heading,
    Paragraph,
    Table,
    plain_text,
)
from briefgen.errors import OptionError
from briefgen.markings import banner_level, normalize_portion_mark, portion_level, resolve_banner
from briefgen.model import Brief
from briefgen.pipeline import write_document
from briefgen.render import MemoOptions, render_document
from briefgen.render.markings import SOURCE_REFERENCE, mark_portions, portion_texts

GOLDEN = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
TEMPLATES = ("memo", "memcon", "one-pager", "readout")
MARKED = MemoOptions(to="The Secretary", sender="S/P", date=dt.date(2020, 7, 1),
                     portion_marks=True, classification="SECRET//NOFORN",
                     organization="Department of State", prepared_by="Jane Doe, S/P, x1234",
                     drafted_by="J. Doe", distribution=("S", "D"))


def seed_brief() -> Brief:
    return Brief.from_dict(json.loads(GOLDEN.read_text(encoding="utf-8")))


def squeeze(value: str) -> str:
    return " ".join(value.split())


# --------------------------------------------------------------------------- levels


@pytest.mark.parametrize(("banner", "level"), [
    ("UNCLASSIFIED", 0), ("unclassified//fouo", 0), ("U", 0),
    ("CUI", 1), ("CUI//SP-PRVCY", 1), ("CUI//SP-PRVCY//NOFORN", 1), ("SBU", 1),
    ("CONFIDENTIAL", 2), ("CONFIDENTIAL//REL TO USA, GBR", 2),
    ("SECRET", 3), ("SECRET//NOFORN", 3), (" secret ", 3),
    ("TOP SECRET", 4), ("TOP SECRET//NOFORN", 4), ("TOP  SECRET//SCI", 4),
])
def test_banner_levels(banner: str, level: int) -> None:
    assert banner_level(banner) == level


@pytest.mark.parametrize("banner", ["PUBLIC", "SECRETISH", "", "//NOFORN", "RESTRICTED"])
def test_unknown_banner_is_refused(banner: str) -> None:
    with pytest.raises(OptionError, match=r"unknown classification .*UNCLASSIFIED, CUI"):
        banner_level(banner)


@pytest.mark.parametrize(("mark", "written", "level"), [
    ("(U)", "(U)", 0), ("u", "(U)", 0), ("(CUI)", "(CUI)", 1), ("(cui//sp-prvcy)",
                                                                "(CUI//SP-PRVCY)", 1),
    ("C", "(C)", 2), ("(C//REL TO USA, GBR)", "(C//REL TO USA, GBR)", 2),
    ("(S//NF)", "(S//NF)", 3), ("(TS)", "(TS)", 4),
])
def test_portion_marks(mark: str, written: str, level: int) -> None:
    assert normalize_portion_mark(mark) == written
    assert portion_level(mark) == level


@pytest.mark.parametrize("mark", ["(X)", "U)", "(SECRET)", "()", "(C) extra"])
def test_unknown_portion_mark_is_refused(mark: str) -> None:
    with pytest.raises(OptionError, match="unknown portion mark"):
        normalize_portion_mark(mark)


def test_banner_must_be_at_least_the_portion_mark() -> None:
    assert resolve_banner("SECRET//NOFORN", "(C)") == "SECRET//NOFORN"
    assert resolve_banner("CONFIDENTIAL", "(C)") == "CONFIDENTIAL"
    assert resolve_banner("CUI", "(U)") == "CUI"
    with pytest.raises(OptionError) as info:
        resolve_banner("UNCLASSIFIED", "(C)")
    message = str(info.value)
    assert message == ("classification 'UNCLASSIFIED' is lower than the portion mark '(C)' "
                       "(CONFIDENTIAL); give a --classification of at least CONFIDENTIAL or a "
                       "lower --portion-mark")
    with pytest.raises(OptionError, match=r"'CUI//SP-PRVCY' \(CUI\) is lower .*'\(S//NF\)'"):
        resolve_banner("CUI//SP-PRVCY", "(S//NF)")


def test_portion_marks_without_a_banner_imply_one_of_their_level() -> None:
    assert resolve_banner(None, "(U)") == "UNCLASSIFIED"
    assert resolve_banner(None, "(S//NF)") == "SECRET"
    assert resolve_banner("  ", "(CUI)") == "CUI"
    assert resolve_banner(None, None) is None
    assert resolve_banner("CUI", None) == "CUI"
    with pytest.raises(OptionError):
        resolve_banner("BOGUS", None)


# --------------------------------------------------------------------------- the Document


def test_mark_portions_marks_portions_only() -> None:
    document = make_document(
        Heading(1, text("Memorandum")),
        FieldList((Field("TO", text("Distribution")), Field("SUBJECT:", text("Libya")))),
        Heading(2, text("Summary")),
        Paragraph(text("The sides met.")),
        Paragraph(text("Department of State"), "letterhead"),
        Paragraph(text("Prepared By: J. Doe"), "admin"),
        Paragraph(text("Small print."), "note"),
        BulletList((text("First"), text("Second", bold=True))),
        Table((text("Name"), text("Rank")), ((text("Correa"), text("General")),
                                            (text(""), text("-")))),
    )
    marked = mark_portions(document, "c")
    blocks = marked.blocks
    assert plain_text(blocks[0].content) == "Memorandum"
    assert [(f.label, plain_text(f.value)) for f in blocks[1].fields] == [
        ("TO", "Distribution"), ("SUBJECT:", "(C) Libya")]
    assert plain_text(blocks[2].content) == "(C) Summary"
    assert plain_text(blocks[3].content) == "(C) The sides met."
    assert plain_text(blocks[4].content) == "Department of State"
    assert plain_text(blocks[5].content) == "Prepared By: J. Doe"
    assert plain_text(blocks[6].content) == "(C) Small print."
    assert [plain_text(i) for i in blocks[7].items] == ["(C) First", "(C) Second"]
    # A mark is never bold, even before a bold run.
    assert blocks[7].items[1][0].text == "(C) " and not blocks[7].items[1][0].bold
    table = blocks[8]
    assert [plain_text(c) for c in table.header] == ["Name", "Rank"]
    assert [[plain_text(c) for c in row] for row in table.rows] == [
        ["(C) Correa", "General"], ["(C)", "-"]]
    assert portion_texts(marked) == ["(C) Libya", "(C) Summary", "(C) The sides met.",
                                     "(C) Small print.", "(C) First", "(C) Second",
                                     "(C) Correa", "(C)"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_portion_of_every_template_is_marked(template: str) -> None:
    document = render_document(make_brief(), MARKED, template)
    portions = portion_texts(document)
    assert len(portions) > 5
    assert all(p.startswith("(U)") for p in portions), portions
    assert document.metadata.classification == "SECRET//NOFORN"
    # The letterhead and the administrative lines are there, unmarked.
    texts = document.texts()
    assert "Department of State" in texts
    assert any(t.startswith("Prepared By: Jane Doe") for t in texts)


def test_without_portion_marks_nothing_is_marked() -> None:
    document = render_document(make_brief(), MemoOptions(date=dt.date(2020, 7, 1),
                                                         classification="CUI"))
    assert not any("(U)" in t for t in document.texts())
    assert document.metadata.classification == "CUI"


def test_portion_mark_option_sets_the_mark_and_a_low_banner_is_refused() -> None:
    options = MemoOptions(portion_marks=True, portion_mark="(C//REL TO USA, GBR)",
                          classification="CONFIDENTIAL//REL TO USA, GBR")
    document = render_document(make_brief(), options)
    portions = portion_texts(document)
    # The memo's own portions take the mark; those quoting the (public) source are (U).
    own = [p for p in portions if not SOURCE_REFERENCE.search(p)]
    quoted = [p for p in portions if SOURCE_REFERENCE.search(p)]
    assert own and quoted
    assert all(p.startswith("(C//REL TO USA, GBR) ") for p in own), own
    assert all(p.startswith("(U) ") for p in quoted), quoted
    same = MemoOptions(portion_marks=True, portion_mark="(C)", source_mark="(C)",
                       classification="CONFIDENTIAL")
    assert all(p.startswith("(C) ") for p in portion_texts(render_document(make_brief(), same)))
    with pytest.raises(OptionError, match="lower than the portion mark"):
        render_document(make_brief(), MemoOptions(portion_marks=True, portion_mark="(S)",
                                                  classification="CONFIDENTIAL"))


def test_portion_marks_alone_print_an_unclassified_banner() -> None:
    document = render_document(make_brief(), MemoOptions(portion_marks=True))
    assert document.metadata.classification == "UNCLASSIFIED"


# --------------------------------------------------------------------------- read back


@pytest.fixture(scope="module")
def marked_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path, Path]:
    """The seed memo with portion marks, written as PDF and DOCX, and its portions."""
    folder = tmp_path_factory.mktemp("marked")
    document = render_document(seed_brief(), MARKED, "memo")
    write_document(document, [("pdf", folder / "memo.pdf"), ("docx", folder / "memo.docx")])
    return portion_texts(document), folder / "memo.pdf", folder / "memo.docx"


def test_pdf_shows_every_portion_with_its_mark(marked_files: tuple[list[str], Path, Path]
                                               ) -> None:
    portions, pdf, _ = marked_files
    reader = PdfReader(pdf)
    pages = [squeeze(page.extract_text()) for page in reader.pages]
    whole = " ".join(pages)
    for portion in portions:
        # Each portion's first words read back right after its mark.
        assert squeeze(portion)[:40] in whole, portion
    assert whole.count("(U) ") >= len(portions)
    for page in pages:  # the banner is on every page, top and bottom
        assert page.count("SECRET//NOFORN") >= 2


def test_docx_paragraphs_and_rows_start_with_the_mark(marked_files: tuple[list[str], Path, Path]
                                                      ) -> None:
    _, _, path = marked_files
    word = docx.Document(str(path))
    unmarked = {"Title"}
    body = [p for p in word.paragraphs if p.text.strip() and p.style.name not in unmarked
            and not p.text.startswith(("Department of State", "Prepared By:", "Drafted By:",
                                       "Distribution:", "Classified By:"))]
    assert len(body) > 10
    assert all(p.text.startswith("(U) ") for p in body), [p.text for p in body]



def test_docx_table_rows_start_with_the_mark(tmp_path: Path) -> None:
    # The seed memo has no table (participants are a line per side): a Document with one.
    document = make_document(
        Heading(2, text("Participants")),
        Table((text("Name"), text("Title")), ((text("Correa"), text("Senior Director")),
                                              (text("Wooster"), text("DAS")))),
    )
    path = tmp_path / "table.docx"
    write_document(mark_portions(document, "(U)"), [("docx", path)])
    (table,) = docx.Document(str(path)).tables
    assert table.rows[0].cells[0].text == "Name"
    assert [row.cells[0].text for row in table.rows[1:]] == ["(U) Correa", "(U) Wooster"]


# --------------------------------------------------------------------------- authority block

AUTHORITY = MemoOptions(date=dt.date(2020, 7, 1), sender="S/P", classification="SECRET//NOFORN",
                        classified_by="Jane Doe, Director, S/P",
                        classification_reason="1.4(b), (d)", declassify_on="July 1, 2045")
AUTHORITY_LINE = ("Classified By: Jane Doe, Director, S/P; Reason: 1.4(b), (d); "
                  "Declassify On: July 1, 2045")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_classified_memo_has_the_authority_block_unmarked(template: str) -> None:
    document = render_document(make_brief(), AUTHORITY, template)
    texts = document.texts()
    assert AUTHORITY_LINE in texts  # not a portion: no mark before it
    # On the first page: right after the header block.
    assert texts.index(AUTHORITY_LINE) < next(i for i, t in enumerate(texts) if "[¶" in t)
    # A classified memo is portion-marked without being asked.
    assert all(p.startswith("(U) ") for p in portion_texts(document))


def test_the_authority_block_defaults_and_gaps() -> None:
    options = MemoOptions(date=dt.date(2020, 7, 1), sender="S/P", classification="CONFIDENTIAL")
    texts = render_document(make_brief(), options).texts()
    # Who classified it defaults to the FROM line; what the analyst has not said is not guessed.
    assert "Classified By: S/P; Reason: (not given); Declassify On: (not given)" in texts
    for banner in ("UNCLASSIFIED", "CUI", "CUI//SP-PRVCY"):
        texts = render_document(make_brief(), MemoOptions(classification=banner)).texts()
        assert not any(t.startswith("Classified By") for t in texts), banner
    assert not any(t.startswith("Classified By") for t in
                   render_document(make_brief(), MemoOptions(portion_marks=True)).texts())


def test_a_classified_memo_may_be_left_unmarked_only_when_asked() -> None:
    assert MemoOptions(classification="CONFIDENTIAL").marks_portions()
    assert not MemoOptions(classification="CUI").marks_portions()
    unmarked = MemoOptions(classification="CONFIDENTIAL", portion_marks=False)
    assert not any(t.startswith("(U)") for t in render_document(make_brief(), unmarked).texts())


def test_each_portion_gets_its_own_mark() -> None:
    document = make_document(
        Heading(2, text("Key Points")),
        Paragraph(text("The sides met. [¶2]")),
        Paragraph(text("Meeting: July 1.")),
        BulletList((text("A quote. [2 ¶4]"), text("Our own line."))),
        Table((text("Party"), text("Position")), ((text("U.S."), text("It said so. [¶3]")),
                                                  (text("LNA"), text("-")))),
        Paragraph(text("Left out for length: [¶5]."), "note"),
    )
    marked = mark_portions(document, "(S)", "(U)")
    assert portion_texts(marked) == [
        "(S) Key Points", "(U) The sides met. [¶2]", "(S) Meeting: July 1.",
        "(U) A quote. [2 ¶4]", "(S) Our own line.", "(U) U.S.", "(S) LNA",
        "(S) Left out for length: [¶5]."]
    # The banner must be at least the higher of the two marks.
    assert resolve_banner(None, "(U)", "(C)") == "CONFIDENTIAL"
    with pytest.raises(OptionError, match="lower than the portion mark '\\(S\\)'"):
        resolve_banner("CONFIDENTIAL", "(U)", "(S)")


def test_authority_and_source_mark_from_options_and_config(cli, tmp_path: Path) -> None:
    config = tmp_path / "briefgen.toml"
    config.write_text('[markings]\nclassification = "SECRET"\nclassified_by = "J. Roe, S/P"\n'
                      'reason = "1.4(d)"\ndeclassify_on = "2051-12-08"\nsource_mark = "(C)"\n',
                      encoding="utf-8")
    golden = Path(__file__).resolve().parent / "golden" / "000_seed.brief.json"
    target = tmp_path / "memo"
    result = cli("render", golden, "-o", target, "-f", "pdf", "-f", "docx", "--date",
                 "2020-07-01", "--config", config, "--declassify-on", "25X1, 2051-12-08")
    assert result.exit_code == 0, result.output
    line = "Classified By: J. Roe, S/P; Reason: 1.4(d); Declassify On: 25X1, 2051-12-08"
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(target.with_suffix(
        ".pdf")).pages).split())
    assert line in pdf_text and pdf_text.count("SECRET") >= 2
    assert "(C) On July 1" in pdf_text and "(U) Bottom Line" in pdf_text
    word = [p.text for p in docx.Document(str(target.with_suffix(".docx"))).paragraphs]
    assert line in word
    assert any(t.startswith("(C) On July 1") for t in word)
    shown = cli("config", "show", "--config", config).stdout
    assert "markings.reason" in shown and "markings.source_mark" in shown
