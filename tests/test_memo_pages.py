"""What a reader gets on paper (issue 15): pages, words and repeats read back from the PDFs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.model import Brief

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_0ff103b2e130dde9.txt"
MEDIUM = HERE / "corpus" / "017.txt"  # a joint statement of some 740 words
LONG = HERE / "corpus" / "025.txt"  # some 1,780 words


def words(text: str) -> int:
    return sum(1 for w in text.split() if re.search(r"\w", w))


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def written(cli, tmp_path_factory: pytest.TempPathFactory):
    """Write ``source`` with ``template`` (and a theme) to PDF; return its pages' text and
    its Brief (extracted once per source, rendered once per template and theme)."""
    folder = tmp_path_factory.mktemp("pages")
    briefs: dict[Path, tuple[Path, Brief]] = {}
    pages: dict[tuple[Path, str, str], list[str]] = {}

    def write(source: Path, template: str = "memo", theme: str = "default"
              ) -> tuple[list[str], Brief]:
        if source not in briefs:
            result = cli("extract", source, "--json")
            assert result.exit_code == 0, result.output
            path = folder / f"{source.stem}.json"
            path.write_text(result.stdout, encoding="utf-8")
            briefs[source] = path, Brief.from_dict(json.loads(result.stdout))
        path, brief = briefs[source]
        key = (source, template, theme)
        if key not in pages:
            pdf = folder / f"{source.stem}-{template}-{theme}.pdf"
            result = cli("render", path, "-o", pdf, "-t", template, "--theme", theme,
                         "--date", "2026-01-01")
            assert result.exit_code == 0, result.output
            pages[key] = [page.extract_text() for page in PdfReader(pdf).pages]
        return pages[key], brief

    return write


def quoted(brief: Brief) -> set[str]:
    return {item.sentence for item in (*brief.bottom_line, *brief.positions, *brief.key_points,
                                       *brief.context)}


@pytest.mark.parametrize("theme", ["default", "a4"])
def test_the_seed_memo_is_one_page_shorter_than_its_source_with_nothing_twice(
        written, theme: str) -> None:
    pages, brief = written(SEED, "memo", theme)
    assert len(pages) == 1  # it took three, the last holding only the Source note
    text = squeeze(" ".join(pages))
    assert words(text) <= 0.8 * words(SEED.read_text(encoding="utf-8"))
    for heading in ("Bottom Line", "Participants", "Stated Positions", "Glossary.", "Source:"):
        assert heading in text
    for sentence in quoted(brief):
        assert text.count(squeeze(sentence)) <= 1, sentence
    # The bottom line: the meeting first, each sentence with its reference.
    first = brief.bottom_line[0]
    assert f"{squeeze(first.text)} [¶{first.source.paragraph}]" in text


def test_a_medium_memo_is_two_pages_and_its_end_is_not_alone(written) -> None:
    pages, brief = written(MEDIUM)
    assert len(pages) <= 2
    text = squeeze(" ".join(pages))
    assert words(text) <= 0.8 * words(MEDIUM.read_text(encoding="utf-8"))
    for sentence in quoted(brief):
        assert text.count(squeeze(sentence)) <= 1, sentence
    last = squeeze(pages[-1])
    # The Source note is kept with what precedes it: a quoted point ends on its page first.
    assert re.search(r"\[¶\d+\].*Source:", last)


@pytest.mark.parametrize("template", ["one-pager", "readout"])
def test_the_short_templates_of_a_long_source_take_one_page(written, template: str) -> None:
    pages, brief = written(LONG, template)
    assert len(pages) == 1
    text = squeeze(pages[0])
    assert re.search(r"The full memo \(template memo\) has \d+ more points?\.", text)
    for sentence in quoted(brief):
        assert text.count(squeeze(sentence)) <= 1, sentence


def test_the_long_memo_holds_more_than_the_one_pager(written) -> None:
    memo, _ = written(LONG)
    one_pager, _ = written(LONG, "one-pager")
    assert 1 < len(memo) <= 3
    assert words(" ".join(memo)) > words(" ".join(one_pager))


def test_the_docx_keeps_its_end_with_the_last_point(tmp_path: Path) -> None:
    import docx

    from briefgen.pipeline import write_document
    from briefgen.render import MemoOptions, render_document

    golden = HERE / "golden" / "000_seed.brief.json"
    brief = Brief.from_dict(json.loads(golden.read_text(encoding="utf-8")))
    path = tmp_path / "memo.docx"
    write_document(render_document(brief, MemoOptions()), [("docx", path)])
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    note = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Source:"))
    assert paragraphs[note - 1].text.startswith("Glossary.")
    # The last position and the glossary keep with the note; nothing before them does.
    assert [p.paragraph_format.keep_with_next for p in paragraphs[note - 3:note]] == \
        [None, True, True]
    assert paragraphs[note - 2].style.name == "List Bullet"
