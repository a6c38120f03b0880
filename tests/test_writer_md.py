"""The Markdown writer: what it writes parses back (with the templates' parser) to the Document."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from builders import make_brief, make_document, text
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.document import (
    Block,
    BulletList,
    Document,
    Field,
    FieldList,
    Heading,
    Paragraph,
    Rule,
    Span,
    Table,
)
from briefgen.render import MemoOptions, render_document
from briefgen.render.markup import parse_markdown
from briefgen.writers import md

SPECIAL = ["AT&T", "&#65; &copy; &amp", "==", "1) one", "> quote", "::: fields", "+ plus",
           "--- rule", "2020. A year", "x #", "U.S.-LNA", "if x<y and y>z", "<john@x.com>",
           "]]>", "a * b", "{{ value }}",
           "&amp; stays", "\"q\" 's'", "<b>x</b>", "# not a heading", "1. not a list",
           "- not a bullet", "a | b", "back\\slash", "`code`", "[link](http://example.com)",
           "_under_", "***", "~~gone~~", "!", "أحمد حسن", "Łódź", "tab\there", "50% + $5"]


def without_widths(blocks: tuple[Block, ...]) -> list[Block]:
    return [Table(b.header, b.rows) if isinstance(b, Table) else b for b in blocks]


def characters(blocks: list[Block]) -> list[tuple[str, bool, bool]]:
    """Each visible character with its emphasis; blanks count without emphasis (Markdown
    cannot put emphasis around blanks at its edges)."""
    out = []
    for block in blocks:
        spans: list[Span] = []
        if isinstance(block, (Heading, Paragraph)):
            spans = list(block.content)
        elif isinstance(block, BulletList):
            spans = [s for item in block.items for s in item]
        elif isinstance(block, Table):
            spans = [s for row in (block.header, *block.rows) for cell in row for s in cell]
        elif isinstance(block, FieldList):
            spans = [s for f in block.fields for s in (Span(f.label), *f.value)]
        for span in spans:
            out.extend((ch, span.bold and not ch.isspace(), span.italic and not ch.isspace())
                       for ch in span.text)
    return out


def round_trip(document: Document) -> Document:
    return parse_markdown(md.to_markdown(document), document.metadata)


def test_a_rendered_memo_round_trips_exactly() -> None:
    special = make_brief().key_points[0].__class__(
        "Costs & risks: <b>not bold</b>, *not italic*, a | b and ]]> stay literal.", "s",
        make_brief().key_points[0].source)
    brief = make_brief(key_points=(*make_brief().key_points, special))
    document = render_document(brief, MemoOptions(date=dt.date(2020, 7, 1)))
    assert without_widths(round_trip(document).blocks) == without_widths(document.blocks)


@pytest.mark.parametrize("value", SPECIAL)
def test_special_characters_round_trip_in_every_block(value: str) -> None:
    blocks: list[Block] = [
        Heading(2, text(value)),
        Paragraph((Span("before "), Span(value, bold=True), Span(" after"))),
        Paragraph((Span(value, italic=True),), "note"),
        BulletList((text(value), text("second"))),
        BulletList((text(value),), ordered=True),
        Table((text("Name"), text(value)), ((text(value), text("x")),)),
        FieldList((Field("TO:", text(value)), Field("FROM:", text("Analyst")))),
        Rule(),
    ]
    document = make_document(*blocks)
    back = round_trip(document)
    assert characters(without_widths(back.blocks)) == characters(blocks)
    assert [type(b) for b in back.blocks] == [type(b) for b in blocks]


def test_emphasis_nesting_and_line_breaks_round_trip() -> None:
    content = (Span("plain "), Span("bold ", bold=True), Span("both", bold=True, italic=True),
               Span(" italic", italic=True), Span(" end\nnext line"))
    document = make_document(Paragraph(content), BulletList(((Span("a\nb"),),)))
    back = round_trip(document)
    assert characters(list(back.blocks)) == characters(list(document.blocks))


def test_adjacent_lists_stay_apart_and_notes_group() -> None:
    document = make_document(BulletList((text("a"),)), BulletList((text("b"),)),
                             BulletList((text("1"),), ordered=True),
                             BulletList((text("2"),), ordered=True),
                             Paragraph(text("n1"), "note"), Paragraph(text("n2"), "note"))
    assert without_widths(round_trip(document).blocks) == list(document.blocks)
    assert md.to_markdown(document).count("::: note") == 1


def test_classification_is_a_bold_line_at_top_and_bottom(tmp_path: Path) -> None:
    banner = "SECRET//NOFORN & <X>"
    document = make_document()
    document = dataclasses.replace(document, metadata=dataclasses.replace(
        document.metadata, classification=banner))
    path = tmp_path / "memo.md"
    assert md.write(document, path) == ()
    written = path.read_text(encoding="utf-8")
    lines = written.strip().splitlines()
    assert lines[0] == lines[-1] == "**SECRET//NOFORN & \\<X>**"
    back = parse_markdown(written, document.metadata).blocks
    assert back[0] == back[-1] == Paragraph((Span(banner, bold=True),))
    assert without_widths(back[1:-1]) == without_widths(document.blocks)


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl",
                                                                          "Zp", "Zs")),
                min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.tuples(words, st.booleans(), st.booleans()), min_size=1, max_size=4))
def test_any_words_survive_a_round_trip(parts: list[tuple[str, bool, bool]]) -> None:
    spans = tuple(Span(f"{word} ", bold, italic) for word, bold, italic in parts)
    document = make_document(Paragraph(spans), BulletList((spans,)),
                             Table((text("H"),), ((spans,),)))
    back = round_trip(document)
    assert [b.__class__ for b in back.blocks] == [Paragraph, BulletList, Table]
    original = "".join(s.text for s in spans).strip()
    for block in back.blocks:
        assert original in " ".join("".join(s.text for s in item) for item in (
            [block.content] if isinstance(block, Paragraph) else
            block.items if isinstance(block, BulletList) else block.rows[0]))
