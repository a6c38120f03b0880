"""The HTML writer, read back with html.parser: one self-contained page, everything escaped."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from builders import make_document, text
from test_theme import png

from briefgen.document import (
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
from briefgen.writers import WriterSettings, html
from briefgen.writers.theme import load_theme

SPECIAL = ["AT&T", "if x<y and y>z", "<john@x.com>", "]]>", "<b>not bold</b>",
           "<script>alert(1)</script>", "&amp; stays", "\"q\" 's'", "</style>", "{{ v }}"]


class Page(HTMLParser):
    """Collects elements (tag, attributes, text inside) and the text in reading order."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[list] = []
        self.closed: list[tuple[str, dict[str, str | None], str]] = []
        self.texts: list[str] = []
        self.style = ""
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "img", "br", "hr", "col", "link", "input"):
            self.open.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        while self.open:
            item = self.open.pop()
            self.closed.append((item[0], item[1], item[2]))
            if self.open:
                self.open[-1][2] += item[2]
            if item[0] == tag:
                break

    def handle_data(self, data):
        if self.open and self.open[-1][0] == "style":
            self.style += data
            return
        if self.open:
            self.open[-1][2] += data
        if data.strip() and not (self.open and self.open[-1][0] in ("title", "script")):
            self.texts.append(data)

    def find(self, tag: str, **attrs: str) -> list[tuple[dict[str, str | None], str]]:
        return [(a, t) for name, a, t in self.closed if name == tag
                and all(a.get(k) == v for k, v in attrs.items())]


def page_of(document: Document, tmp_path: Path, settings: WriterSettings | None = None) -> Page:
    path = tmp_path / "memo.html"
    assert html.write(document, path, settings) == ()
    return Page(path.read_text(encoding="utf-8"))


def classified(document: Document, banner: str) -> Document:
    return dataclasses.replace(document, metadata=dataclasses.replace(
        document.metadata, classification=banner))


def memo() -> Document:
    return make_document(
        Heading(1, text("Memorandum")),
        FieldList((Field("TO", text("The Secretary")), Field("SUBJECT:", text("Libya")))),
        Rule(),
        Heading(2, text("Key Points")),
        Paragraph((Span("The Minister "), Span("welcomed", bold=True), Span(" it "),
                   Span("warmly", italic=True))),
        BulletList((text("First [¶1]"), text("Second [¶2]"))),
        BulletList((text("Step"),), ordered=True),
        Heading(3, text("Participants")),
        Table((text("Name"), text("Rank")), ((text("Miguel Correa"), text("Major General")),
                                             (text("Only one"),))),
        Paragraph(text("Prepared by: J. Officer"), "note"),
        title="Readout: Libya", author="NEA", subject="5+5 talks", keywords=("Libya",))


def test_structure_reading_order_and_metadata(tmp_path: Path) -> None:
    source_path = tmp_path / "memo.html"
    html.write(memo(), source_path)
    source = source_path.read_text(encoding="utf-8")
    assert source.startswith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
    page = Page(source)
    assert page.texts == ["Memorandum", "TO:", "The Secretary", "SUBJECT:", "Libya",
                          "Key Points", "The Minister ", "welcomed", " it ", "warmly",
                          "First [¶1]", "Second [¶2]", "Step", "Participants", "Name", "Rank",
                          "Miguel Correa", "Major General", "Only one",
                          "Prepared by: J. Officer"]
    assert page.find("title")[0][1] == "Readout: Libya"
    metas = {a.get("name"): a.get("content") for tag, a in page.elements if tag == "meta"}
    assert metas["author"] == "NEA" and metas["description"] == "5+5 talks"
    assert metas["keywords"] == "Libya" and metas["dcterms.created"].startswith("2020-07-01")
    assert ("meta", {"charset": "utf-8"}) in page.elements
    assert [t for _, t in page.find("strong")] == ["welcomed"]
    assert [t for _, t in page.find("em")] == ["warmly"]
    assert len(page.find("th", scope="col")) == 2 and len(page.find("th", scope="row")) == 2
    assert page.find("p", **{"class": "note"})
    assert len(page.find("td")) == 6  # the short row is padded
    assert page.find("ol") and page.find("ul") and ("hr", {}) in page.elements


@pytest.mark.parametrize("value", SPECIAL)
def test_special_characters_are_escaped_and_shown_literally(tmp_path: Path,
                                                            value: str) -> None:
    document = make_document(Heading(2, text(value)), Paragraph(text(value)),
                             BulletList((text(value),)), Table((text(value),), ((text(value),),)),
                             FieldList((Field(value, text(value)),)), title=value)
    page = page_of(document, tmp_path)
    label = value if value.endswith(":") else f"{value}:"
    assert page.texts.count(value) == 6 and page.texts.count(label) == 1
    assert page.find("title")[0][1] == value
    assert not page.find("script") and not page.find("b")


@pytest.mark.parametrize("banner", ["CONFIDENTIAL//REL TO USA, GBR",
                                    "SECRET//NOFORN & <NOT MARKUP>",
                                    'TOP "SECRET" </style><script>alert(1)</script>'])
def test_banners_top_and_bottom_of_screen_and_printed_pages(tmp_path: Path, banner: str) -> None:
    page = page_of(classified(memo(), banner), tmp_path)
    assert page.texts[0] == page.texts[-1] == banner
    # The banners are the header and footer rows of a layout table: browsers repeat them at
    # the top and bottom of every printed page.
    assert [t for _, t in page.find("thead", **{"class": "banner-top"})] == [banner]
    assert [t for _, t in page.find("tfoot", **{"class": "banner-bottom"})] == [banner]
    assert [a for a, _ in page.find("table") if a.get("class") == "sheet"] == [
        {"class": "sheet", "role": "presentation"}]
    assert not page.find("script")
    assert "</" not in page.style
    assert 'counter(page) " of " counter(pages)' in page.style


def test_no_external_resources(tmp_path: Path) -> None:
    (tmp_path / "seal.png").write_bytes(png())
    (tmp_path / "theme.toml").write_text('[logo]\npath = "seal.png"\n', encoding="utf-8")
    settings = WriterSettings(theme=load_theme(tmp_path / "theme.toml"))
    document = make_document(Paragraph(text("see http://example.com and <https://x.org>")))
    page = page_of(classified(document, "SECRET"), tmp_path, settings)
    for tag, attrs in page.elements:
        assert tag not in ("script", "link", "iframe", "object", "embed")
        for name in ("src", "href"):
            assert attrs.get(name) is None or attrs[name].startswith("data:image/png;base64,")
    assert "url(" not in page.style and "@import" not in page.style
    images = [a for tag, a in page.elements if tag == "img"]
    assert len(images) == 1 and images[0]["alt"] == ""
    assert images[0]["class"] == "logo logo-right"
    assert not page.find("a")


def test_right_to_left_blocks_and_runs(tmp_path: Path) -> None:
    arabic = "يرحب الوزير بالدعم الأمريكي"
    document = make_document(Paragraph(text(arabic)),
                             Paragraph((Span("Minister "), Span("أحمد حسن", bold=True),
                                        Span(" said"))),
                             Table((text("Name"),), ((text(arabic),),)))
    page = page_of(document, tmp_path)
    assert page.find("p", dir="rtl")[0][1] == arabic
    plain = [attrs for attrs, _ in page.find("p") if attrs.get("dir") is None]
    assert len(plain) == 1
    assert [t for _, t in page.find("bdi", dir="rtl")] == ["أحمد حسن"]
    assert page.find("td", dir="rtl")
    mixed = make_document(Paragraph((Span("السيد محمد الطاهر سيالة "), Span("(UN)"))))
    assert [t for _, t in page_of(mixed, tmp_path).find("bdi", dir="ltr")] == ["(UN)"]


def test_theme_sets_page_size_fonts_and_colours(tmp_path: Path) -> None:
    (tmp_path / "t.toml").write_text('base = "a4"\n[colors]\naccent = "#112233"\n'
                                     '[fonts]\nheading_word = "Georgia"\n', encoding="utf-8")
    page = page_of(memo(), tmp_path, WriterSettings(theme=load_theme(tmp_path / "t.toml")))
    assert "@page{size:A4;" in page.style
    assert re.search(r"h2\{[^}]*color:#112233", page.style)
    assert re.search(r'h1\{[^}]*font-family:"Georgia"', page.style)
