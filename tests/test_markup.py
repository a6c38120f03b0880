"""markup: escape_markdown keeps any value literal; parse_markdown builds the Document."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.document import (
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
    plain_text,
)
from briefgen.render.markup import escape_markdown, parse_markdown

METADATA = Metadata(title="Test")
SETTINGS = settings(max_examples=100, deadline=None)


def normalize(text: str) -> str:
    """The one normalisation applied before comparing a value with what Markdown gives back.

    - Runs of whitespace (``str.split``'s definition) become one space, and the ends are
      trimmed: escape_markdown turns line breaks into spaces, a leading run of spaces or tabs
      becomes one space, and Markdown trims the ends of paragraphs, items and cells.
    - U+0000 becomes U+FFFD: CommonMark replaces NUL with the replacement character (spec
      section 2.3), and no escape can keep it. The cleaner removes NUL before text gets here.
    """
    return " ".join(text.replace("\x00", "\ufffd").split())


def paragraph_text(document: Document) -> list[str]:
    return [plain_text(b.content) for b in document.blocks if isinstance(b, Paragraph)]


def bullet_text(document: Document) -> list[str]:
    return [plain_text(i) for b in document.blocks if isinstance(b, BulletList) for i in b.items]


def cell_text(document: Document) -> list[str]:
    return [plain_text(b.rows[0][1]) for b in document.blocks if isinstance(b, Table)]


def heading_text(document: Document) -> list[str]:
    return [plain_text(b.content) for b in document.blocks if isinstance(b, Heading)]


Getter = Callable[[Document], list[str]]
# Each context puts the escaped value where a template does: at the start of a line, after
# other text, in a bullet, in a table cell and in a heading.
CONTEXTS: tuple[tuple[str, Getter], ...] = (
    ("{}\n", paragraph_text),
    ("Before {} after.\n", paragraph_text),
    ("- {} \\[¶1\\]\n", bullet_text),
    ("| Name | Title |\n|---|---|\n| x | {} |\n", cell_text),
    ("### {}\n", heading_text),
)
TRICKY = "\\`*_{}[]()<>#+-.!|&~:\"'$%=^@,;/? \t\n\r\x0b\x0c\x00\u00a0aZ1"
VALUES = st.one_of(st.text(), st.text(alphabet=st.sampled_from(TRICKY)))


def round_trip(value: str, template: str, get: Getter) -> str:
    document = parse_markdown(template.format(escape_markdown(value)), METADATA)
    texts = get(document)
    assert len(texts) == 1, document.blocks
    return texts[0]


def expected(value: str, template: str) -> str:
    if template.startswith("- "):
        return normalize(f"{value} [¶1]")
    if template.startswith("Before"):
        return normalize(f"Before {value} after.")
    return normalize(value)


@SETTINGS
@given(VALUES)
@example("&amp;")
@example("\t:")  # a tab at a line start made an indented code block
@example("a\rb")  # a lone CR is a Markdown line break
@example("    indented code?")
def test_any_value_comes_back_literally(value: str) -> None:
    for template, get in CONTEXTS:
        if not normalize(value) and not template.startswith(("Before", "- ")):
            continue  # an empty paragraph, cell or heading is no text at all
        assert normalize(round_trip(value, template, get)) == expected(value, template)


@pytest.mark.parametrize("value", [
    "*not emphasis*", "_not emphasis_", "**not bold**", "# not a heading", "<b>not bold</b>",
    "a | b | c", "&amp; &lt; &#35;", "]]> <![CDATA[", "{{ brief.title }}", "{% if x %}",
    "1. not a list", "1) not a list", "- not a bullet", "+ not a bullet", "* not a bullet",
    "> not a quote", "`not code`", "[not a link](http://example.com)", "<http://example.com>",
    "![no image](x.png)", "--- not a rule", "***", "===", "~~~", "```", "\\back\\slash\\",
    "::: note", "trailing backslash\\", "AT&T", "x < y > z", "50% of $10", "a_b_c",
])
def test_markdown_and_markup_characters_stay_literal(value: str) -> None:
    for template, get in CONTEXTS:
        assert normalize(round_trip(value, template, get)) == expected(value, template)


def test_escaped_value_is_one_line() -> None:
    assert "\n" not in escape_markdown("one\ntwo\r\nthree\rfour")
    assert "\r" not in escape_markdown("one\ntwo\r\nthree\rfour")


def test_text_without_punctuation_is_unchanged() -> None:
    assert escape_markdown("Miguel Correa Ж 東京 مرحبا") == "Miguel Correa Ж 東京 مرحبا"


# --------------------------------------------------------------------------- parse_markdown


def test_parse_builds_every_block_kind() -> None:
    source = (
        "# Memorandum\n\n"
        "::: fields\n- **TO:** Distribution\n- **FROM:** Analyst\n:::\n\n"
        "---\n\n"
        "## Summary\n\n"
        "Plain **bold** and *italic* text.\n\n"
        "- first\n- second\n\n"
        "1. one\n2. two\n\n"
        "| Name | Rank |\n|---|---|\n| Correa | Major General |\n\n"
        "::: note\nSmall print.\n:::\n\n"
        "After the note.\n"
    )
    blocks = parse_markdown(source, METADATA).blocks
    assert blocks == (
        Heading(1, (Span("Memorandum"),)),
        FieldList((Field("TO:", (Span("Distribution"),)), Field("FROM:", (Span("Analyst"),)))),
        Rule(),
        Heading(2, (Span("Summary"),)),
        Paragraph((Span("Plain "), Span("bold", bold=True), Span(" and "),
                   Span("italic", italic=True), Span(" text."))),
        BulletList(((Span("first"),), (Span("second"),))),
        BulletList(((Span("one"),), (Span("two"),)), ordered=True),
        Table(((Span("Name"),), (Span("Rank"),)), (((Span("Correa"),), (Span("Major General"),)),),
              widths=(8 / 21, 13 / 21)),  # shares by each column's longest text
        Paragraph((Span("Small print."),), role="note"),
        Paragraph((Span("After the note."),), role="body"),
    )


def test_fields_have_labels_and_values() -> None:
    document = parse_markdown("::: fields\n- **TO:** The Secretary\n- **DATE:** July 1\\, "
                              "2020\n:::\n", METADATA)
    (block,) = document.blocks
    assert isinstance(block, FieldList)
    assert [(f.label, plain_text(f.value)) for f in block.fields] == [
        ("TO:", "The Secretary"), ("DATE:", "July 1, 2020")]


def test_raw_html_is_text_not_markup() -> None:
    document = parse_markdown("<script>alert(1)</script>\n\nA <b>b</b> c\n", METADATA)
    assert document.blocks == (Paragraph((Span("<script>alert(1)</script>"),)),
                               Paragraph((Span("A <b>b</b> c"),)))


def test_metadata_is_passed_through() -> None:
    metadata = Metadata(title="T", subject="S", author="A", keywords=("k",))
    assert parse_markdown("x\n", metadata).metadata is metadata
