"""References a reader can follow: the source's own paragraph numbers, the annex, links, the
source's URL and references that never break inside (issue 15 item 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from pypdf import PdfReader

from briefgen.clean import clean
from briefgen.document import Document, Metadata, Paragraph, Span
from briefgen.ingest import ingest
from briefgen.model import Brief, Source, SourceInfo, SourceParagraph
from briefgen.render import MemoOptions, render_document
from briefgen.render.annex import REFERENCE, anchor
from briefgen.writers import docx as docx_writer
from briefgen.writers import pdf as pdf_writer
from tests.builders import make_brief

INPUTS = Path(__file__).resolve().parent / "inputs"
BODY = ("Secretary Blinken met Foreign Minister Kuleba in Kyiv on Thursday. They discussed "
        "energy security.")


def source(text: str, url: str | None = None) -> Source:
    return Source(path="/home/analyst/inbox/readout.txt", text=text, media_type="text/plain",
                  sha256="0" * 64, url=url)


def numbered_brief(**changes: object) -> Brief:
    """The builders' Brief with its source's paragraphs (¶1-¶4 and a removed ¶5)."""
    paragraphs = (*(SourceParagraph(n, f"Paragraph {n} of the readout.") for n in range(1, 5)),
                  SourceParagraph(5, "Office of the Spokesperson", "issuer line"))
    brief = make_brief()
    [info] = brief.sources
    info = SourceInfo(info.path, info.title, info.sha256, paragraphs=paragraphs,
                      url=changes.pop("url", None))  # type: ignore[arg-type]
    return Brief(**{**{f: getattr(brief, f) for f in brief.__dataclass_fields__},
                    "sources": (info,), **changes})


# --------------------------------------------------------------------------- numbering


def test_boilerplate_keeps_its_number_and_the_title_has_none() -> None:
    cleaned = clean(source(f"A Headline\n\nMedia Note\n\n{BODY}\n\nThe second paragraph.\n\n"
                           "###"))
    assert cleaned.title == "A Headline"
    assert [(p.number, p.removed) for p in cleaned.paragraphs] == [
        (1, "issuer line"), (2, None), (3, None), (4, "end marker")]
    assert cleaned.paragraph_numbers() == (2, 3)  # the body's paragraphs, as the reader counts


def test_a_trailing_disclaimer_leaves_its_paragraph_its_number() -> None:
    cleaned = clean(source(f"Title\n\n{BODY} /Public Release. This material from the "
                           "originating organization.\n\nMore text here."))
    assert [(p.number, p.removed) for p in cleaned.paragraphs] == [(1, None), (2, None)]
    assert "Public Release" in cleaned.paragraphs[0].text  # the annex shows it as published
    assert "Public Release" not in cleaned.body


def test_sentences_carry_the_source_numbers() -> None:
    from tests.builders import make_analysis

    analysis = make_analysis(f"Media Note\n\n{BODY}\n\nThe two sides agreed to meet again.",
                             title="Talks in Kyiv")
    assert [p.number for p in analysis.paragraphs] == [2, 3]
    assert [p.index for p in analysis.paragraphs] == [1, 2]
    assert [s.paragraph for s in analysis.sentences] == [2, 2, 3]


# --------------------------------------------------------------------------- the source's URL


def test_a_source_line_names_the_url_and_is_left_out() -> None:
    cleaned = clean(source(f"Title\n\n{BODY}\n\nSource: https://www.example.gov/readout-1"))
    assert cleaned.url == "https://www.example.gov/readout-1"
    assert "example.gov" not in cleaned.body
    assert cleaned.paragraphs[-1].removed == "source line"
    named = clean(source(f"Title\n\n{BODY}\n\nOriginal article link: https://gov.uk/news/x"))
    assert named.url == "https://gov.uk/news/x"


def test_a_source_line_without_an_address_stays_text() -> None:
    cleaned = clean(source(f"Title\n\n{BODY}\n\nSource: Qatar News Agency"))
    assert cleaned.url is None and "Qatar News Agency" in cleaned.body


def test_the_inputs_own_url_beats_a_source_line() -> None:
    cleaned = clean(source(f"Title\n\n{BODY}\n\nSource: https://mirror.example/x",
                           url="https://www.state.gov/x/"))
    assert cleaned.url == "https://www.state.gov/x/"


def test_a_web_pages_canonical_url_is_read() -> None:
    page = ingest(str(INPUTS / "state_dept_readout.html"))
    assert page.url == "https://www.state.gov/example-readout/"


def test_the_source_note_gives_the_url_not_the_local_path() -> None:
    memo = render_document(numbered_brief(url="https://www.state.gov/x/"), MemoOptions())
    note = " ".join(t for t in memo.texts() if "SHA-256" in t)
    assert "https://www.state.gov/x/" in note and "readout-2020-07-01.txt" not in note
    plain = " ".join(render_document(numbered_brief(), MemoOptions()).texts())
    assert "file readout-2020-07-01.txt" in plain


def test_a_brief_file_without_urls_or_paragraphs_still_reads() -> None:
    data = numbered_brief().to_dict()
    for info in data["sources"]:
        del info["url"], info["paragraphs"]
    old = Brief.from_dict(data)
    assert old.sources[0].url is None and old.sources[0].paragraphs == ()
    assert render_document(old, MemoOptions(annex=True)).annex == ()  # nothing to append
    again = Brief.from_dict(numbered_brief(url="https://x.example/").to_dict())
    assert again.sources[0].paragraphs[4].removed == "issuer line"


# --------------------------------------------------------------------------- annex and links


def linked(document: Document) -> list[tuple[str, str]]:
    from briefgen.document import BulletList

    spans = []
    for block in document.blocks:
        contents = block.items if isinstance(block, BulletList) else \
            (block.content,) if isinstance(block, Paragraph) else ()
        spans += [(s.text, s.link) for content in contents for s in content if s.link]
    return spans


def test_the_annex_numbers_every_paragraph_and_the_references_link_to_it() -> None:
    memo = render_document(numbered_brief(), MemoOptions(annex=True))
    anchors = [b.anchor for b in memo.annex if isinstance(b, Paragraph) and b.anchor]
    assert anchors == [anchor(1, n) for n in range(1, 6)]
    texts = ["".join(s.text for s in b.content) for b in memo.annex
             if isinstance(b, Paragraph) and b.anchor]
    assert texts[0].startswith("¶1 Paragraph 1") and "issuer line" in texts[4]
    links = linked(memo)
    assert links and all(link == anchor(1, int(REFERENCE.fullmatch(text).group(2)))
                         for text, link in links)
    # Without --annex nothing links, and the memo itself is the same.
    plain = render_document(numbered_brief(), MemoOptions())
    assert plain.annex == () and not linked(plain)
    same = [t.replace(" (numbered in the annex)", "")
            for t in Document(memo.metadata, memo.blocks).texts()]
    assert plain.texts() == same


def test_portion_marks_mark_the_annex_too() -> None:
    memo = render_document(numbered_brief(), MemoOptions(annex=True, portion_marks=True))
    assert all(text.startswith("(U)") for text in Document(memo.metadata, memo.annex).texts())


def test_pdf_references_link_to_their_paragraph_on_the_annex_pages(cli, seed, tmp_path
                                                                   ) -> None:
    plain, annexed = tmp_path / "plain.pdf", tmp_path / "annexed.pdf"
    assert cli("generate", seed, "-o", plain, "--date", "2026-01-01").exit_code == 0
    assert cli("generate", seed, "-o", annexed, "--date", "2026-01-01", "--annex"
               ).exit_code == 0
    memo_pages = len(PdfReader(plain).pages)
    reader = PdfReader(annexed)
    assert len(reader.pages) > memo_pages  # the annex starts a page of its own
    annex_text = " ".join(p.extract_text() for p in reader.pages[memo_pages:])
    assert "Annex: Source Text" in annex_text
    assert "Annex" not in " ".join(p.extract_text() for p in reader.pages[:memo_pages])
    for n in range(1, 6):
        assert f"¶{n} " in annex_text
    assert "(left out of the memo as boilerplate: syndication disclaimer)" in \
        " ".join(annex_text.split())
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    followed = 0
    for page in reader.pages[:memo_pages]:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            target = page_of[link["/Dest"][0].idnum]
            assert target >= memo_pages
            # The link's rectangle covers a "[¶N]"; the page it leads to shows "¶N ...".
            followed += 1
    assert followed >= 3
    for n, sentence in ((3, "The U.S. delegation stressed"), (1, "On July 1, the U.S.")):
        assert any(f"¶{n} {sentence}" in " ".join(p.extract_text().split())
                   for p in reader.pages[memo_pages:])


def test_html_links_reach_an_id_and_the_annex_prints_on_its_own_page(cli, seed, tmp_path
                                                                    ) -> None:
    out = tmp_path / "memo.html"
    assert cli("generate", seed, "-o", out, "--annex").exit_code == 0
    page = out.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="#([^"]+)">\[¶\d+\]</a>', page)
    ids = set(re.findall(r'<p id="([^"]+)"', page))
    assert hrefs and set(hrefs) <= ids
    assert '<section class="annex">' in page and ".annex{break-before:page" in page


def test_docx_annex_follows_a_section_break_with_bookmarks_the_references_link_to(
        cli, seed, tmp_path) -> None:
    out = tmp_path / "memo.docx"
    assert cli("generate", seed, "-o", out, "--annex").exit_code == 0
    word = docx.Document(str(out))
    xml = word.element.body.xml
    anchors = set(re.findall(r'w:hyperlink w:anchor="([^"]+)"', xml))
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    assert anchors and anchors <= bookmarks
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Annex: Source Text")
    assert any(p._p.pPr is not None and p._p.pPr.sectPr is not None
               for p in word.paragraphs[:start])  # a new section, so a new page
    assert [t.split(" ")[0] for t in texts[start:] if t.startswith("¶")] == \
        [f"¶{n}" for n in range(1, 6)]


def test_markdown_prints_the_annex_after_a_rule(cli, seed, tmp_path) -> None:
    out = tmp_path / "memo.md"
    assert cli("generate", seed, "-o", out, "--annex").exit_code == 0
    text = out.read_text(encoding="utf-8")
    memo, annex = text.split("\n---\n\n## Annex: Source Text")
    assert "(numbered in the annex)" in memo and "**¶4** The United States" in annex


def test_the_config_key_turns_the_annex_on(cli, seed, tmp_path) -> None:
    config = tmp_path / "briefgen.toml"
    config.write_text("[output]\nannex = true\n", encoding="utf-8")
    out = tmp_path / "memo.md"
    assert cli("generate", seed, "-o", out, "--config", config).exit_code == 0
    assert "## Annex: Source Text" in out.read_text(encoding="utf-8")
    assert cli("generate", seed, "-o", out, "--config", config, "--no-annex", "--force"
               ).exit_code == 0
    assert "Annex" not in out.read_text(encoding="utf-8")


def test_source_url_option_is_printed_and_kept_in_the_brief(cli, seed, tmp_path,
                                                           expect_error) -> None:
    out = tmp_path / "memo.md"
    url = "https://www.state.gov/u-s-lna-discussion/"
    assert cli("generate", seed, "-o", out, "--source-url", url).exit_code == 0
    note = out.read_text(encoding="utf-8")
    assert url in note
    assert "file seeds" not in note
    result = cli("extract", seed, "--json", "--source-url", url)
    assert json.loads(result.stdout)["sources"][0]["url"] == url
    expect_error(["generate", seed, "-o", tmp_path / "two.md", "--source-url", url,
                  "--source-url", url], 2, "--source-url")


# --------------------------------------------------------------------------- no break inside


def test_a_reference_never_breaks_inside_in_pdf_and_docx(tmp_path) -> None:
    from briefgen.render.templating import format_ref

    ref = str(format_ref({"document": 2, "paragraph": 14}, multi=True)).replace("\\", "")
    assert ref == "[2\u00a0¶14]"
    words = " ".join(f"word{i} {ref}" for i in range(150))
    document = Document(Metadata("x"), (Paragraph((Span(words),)),))
    pdf_writer.write(document, tmp_path / "x.pdf")
    lines = [line for page in PdfReader(tmp_path / "x.pdf").pages
             for line in page.extract_text().splitlines()]
    assert len(lines) > 10
    assert not any(line.rstrip().endswith("[2") or line.lstrip().startswith("¶")
                   for line in lines)
    docx_writer.write(document, tmp_path / "x.docx")
    text = docx.Document(str(tmp_path / "x.docx")).paragraphs[-1].text
    assert "[2\u00a0¶14]" in text  # Word keeps a no-break space's two sides on one line


def linked_document() -> Document:
    return Document(Metadata("x"), (
        Paragraph((Span("See "), Span("[¶1]", link=anchor(1, 1)), Span(" and "),
                   Span("[¶2]", link=anchor(1, 2)))),
    ), annex=(Paragraph((Span("¶1", bold=True), Span(" one")), anchor=anchor(1, 1)),
              Paragraph((Span("¶2", bold=True), Span(" two")), anchor=anchor(1, 2))))


def test_pdf_links_are_the_same_by_fragments_and_by_markup(tmp_path, monkeypatch) -> None:
    from briefgen.writers.pdf import story

    pdf_writer.write(linked_document(), tmp_path / "fast.pdf")
    monkeypatch.setattr(story, "FAST_FRAGMENTS", False)
    pdf_writer.write(linked_document(), tmp_path / "parsed.pdf")
    assert (tmp_path / "fast.pdf").read_bytes() == (tmp_path / "parsed.pdf").read_bytes()
    reader = PdfReader(tmp_path / "fast.pdf")
    assert len(reader.pages) == 2
    dests = [a.get_object()["/Dest"] for a in reader.pages[0]["/Annots"]]
    assert [d[0].idnum for d in dests] == [reader.pages[1].indirect_reference.idnum] * 2
    assert dests[0][3] > dests[1][3]  # ¶1 above ¶2


def test_the_annex_after_a_landscape_table_is_portrait(tmp_path) -> None:
    from tests.test_writer_landscape import matrix

    document = Document(Metadata("x"), (matrix(6),), annex=linked_document().annex)
    pdf_writer.write(document, tmp_path / "wide.pdf")
    pages = PdfReader(tmp_path / "wide.pdf").pages
    first, last = pages[0].mediabox, pages[-1].mediabox
    assert first.width > first.height and last.width < last.height
    docx_writer.write(document, tmp_path / "wide.docx")
    sections = docx.Document(str(tmp_path / "wide.docx")).sections
    assert sections[0].page_width > sections[0].page_height
    assert sections[-1].page_width < sections[-1].page_height


def test_extract_names_the_url_in_its_source_note(cli, seed) -> None:
    url = "https://www.state.gov/u-s-lna-discussion/"
    result = cli("extract", seed, "--source-url", url)
    assert result.exit_code == 0
    assert f"— {url}; SHA-256" in " ".join(result.stdout.split())
