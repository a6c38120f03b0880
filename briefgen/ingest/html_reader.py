"""Read the main text of a saved web page with trafilatura (the one module that imports it).

A page trafilatura cannot read whole is read as plain text instead (every paragraph of it,
navigation and scripts left out): one nested deeper than the HTML parser goes (libxml2 stops
at 256 levels and drops what is below), or one of so many elements that trafilatura's trees
of it would take gigabytes.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import DEFAULT_CONFIG

from briefgen.errors import EmptyInputError

# trafilatura and its helpers log parse problems; without a handler Python would print them on
# stderr, and briefgen's errors are one line. An application that configures logging sees them.
for _logger in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())

# Below MIN_EXTRACTED_SIZE characters trafilatura falls back to a "baseline" that runs the whole
# page (navigation included) into one paragraph; a short readout deserves the main extractor.
CONFIG = deepcopy(DEFAULT_CONFIG)
CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")

BLOCKS = frozenset({"p", "head", "quote", "code", "list", "item", "table", "row", "div",
                    "note"})
SPACES = re.compile(r"\s+")
CELL_SEPARATOR = " | "
BASELINE_MIN_WORDS = 4
#: A page with more tags than this is read as plain text: trafilatura takes about 200 bytes
#: of memory a tag (20 MB of empty tags took a gigabyte); a long article has some 50,000.
MAX_TAGS = 1_000_000
#: A page of more blocks than this (paragraphs, divisions, list items, rows, headings) is read as
#: plain text too: trafilatura's time grows faster than the number of blocks (30,000 took 2.7 s,
#: 100,000 took 17 s, 300,000 several minutes), and an article has some hundreds.
MAX_BLOCKS = 20_000
BLOCK_TAG = re.compile(r"<(?:p|div|li|tr|h[1-6]|section|article|td)\b", re.I)
#: libxml2's error when a document is nested deeper than it parses (it drops the rest).
TOO_DEEP = "Excessive depth"


@dataclass(frozen=True, slots=True)
class Page:
    """The article of a web page: paragraphs separated by blank lines, title and ISO date."""

    text: str
    title: str | None
    date: str | None
    #: The page's own address (its canonical link or og:url), when it states one.
    url: str | None = None


def has_too_many_blocks(html: str) -> bool:
    """Tell whether the page has more than ``MAX_BLOCKS`` block elements (counted lazily)."""
    return any(count > MAX_BLOCKS for count, _ in enumerate(BLOCK_TAG.finditer(html), start=1))


def read_html(html: str, name: str) -> Page:
    """Extract the article of a page: no navigation, comments, footers; title and date.

    Raises:
        EmptyInputError: no article text was found.
    """
    if html.count("<") > MAX_TAGS or is_too_deep(html) or has_too_many_blocks(html):
        return read_plain_html(html, name)
    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, include_images=False,
        include_links=False, include_formatting=False, with_metadata=True,
        # Only dates the page's markup states: a date guessed from the text could be the
        # meeting's rather than the release's.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=CONFIG,
    )
    body = getattr(document, "body", None)
    paragraphs = list(block_texts(body)) if body is not None else []
    if len(body if body is not None else ()) == 1 and body[0].tag == "p" and \
            (body[0].text or "").count("\n") >= 2:
        # The baseline's one paragraph holds the page's lines: each line is a block, and
        # lines of a word or three are menus and links, not the article.
        paragraphs = [line.strip() for line in body[0].text.split("\n")
                      if len(line.split()) >= BASELINE_MIN_WORDS]
    if not paragraphs:
        raise EmptyInputError(f"'{name}': no article text found in the web page; open it in a "
                              "browser and save the article's text as .txt")
    return Page(text="\n\n".join(paragraphs), title=_clean_title(document.title),
                date=_iso_date(document.date), url=_web_address(getattr(document, "url", None)))


def is_too_deep(page: str) -> bool:
    """Tell whether the HTML parser trafilatura uses gives up on the page's depth."""
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return False  # trafilatura says what is wrong with it
    return any(TOO_DEEP in entry.message for entry in parser.error_log)


def read_plain_html(page: str, name: str) -> Page:
    """Read every paragraph of a page that trafilatura cannot take, as plain text.

    Raises:
        EmptyInputError: the page has no text outside scripts, styles and navigation.
    """
    reader = PlainTextReader()
    reader.feed(page)
    reader.close()
    paragraphs = reader.paragraphs()
    if not paragraphs:
        raise EmptyInputError(f"'{name}': no text found in the web page; open it in a browser "
                              "and save the article's text as .txt")
    return Page(text="\n\n".join(paragraphs), title=_clean_title(reader.title), date=None)


class PlainTextReader(HTMLParser):
    """Collect a page's text a paragraph per block element, in one pass without a tree (so
    neither depth nor the number of elements matters), leaving out what is no text."""

    SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "nav", "header",
                         "footer", "aside", "form", "svg", "math", "iframe", "object", "select",
                         "button", "textarea"})
    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "section", "article", "main", "blockquote", "pre", "table", "ul", "ol",
                        "dl", "dt", "dd", "hr", "figure", "figcaption", "address", "caption",
                        "body", "html"})
    CELLS = frozenset({"td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[str] = []
        self.current: list[str] = []
        self.skipping: dict[str, int] = {}
        self.in_title = False
        self.title_parts: list[str] = []

    @property
    def title(self) -> str:
        return "".join(self.title_parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "body":
            self.skipping.clear()  # a <head> never closed ends here
        if tag in self.SKIPPED:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag in self.BLOCKS:
            self.flush()
        elif tag in self.CELLS and "".join(self.current).strip():
            self.current.append(CELL_SEPARATOR)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIPPED and self.skipping.get(tag):
            self.skipping[tag] -= 1
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not any(self.skipping.values()):
            self.current.append(data)

    def flush(self) -> None:
        text = SPACES.sub(" ", "".join(self.current)).strip(" |")
        if text:
            self.done.append(text)
        self.current = []

    def paragraphs(self) -> list[str]:
        self.flush()
        return self.done


def block_texts(element: etree._Element):
    """Yield one paragraph per block of trafilatura's XML: p, head, list item, table row."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):  # comments and processing instructions
            continue
        if tag == "table":
            for row in child.iter("row"):
                cells = [inline_text(cell) for cell in row if cell.tag == "cell"]
                line = CELL_SEPARATOR.join(c for c in cells if c)
                if line:
                    yield line
        elif tag in BLOCKS and any(isinstance(c.tag, str) and c.tag in BLOCKS for c in child):
            own = inline_text(child, skip_blocks=True)
            if own:
                yield own
            yield from block_texts(child)
        elif tag != "graphic":
            text = inline_text(child)
            if text:
                yield text


def inline_text(element: etree._Element, skip_blocks: bool = False) -> str:
    """Return an element's text with spaces collapsed and ``<lb/>`` as a line break."""
    parts = [SPACES.sub(" ", element.text or "")]
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "lb":
                parts.append("\n")
            elif not (skip_blocks and child.tag in BLOCKS):
                parts.append(inline_text(child))
        parts.append(SPACES.sub(" ", child.tail or ""))
    lines = "".join(parts).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


def _clean_title(title: str | None) -> str | None:
    title = SPACES.sub(" ", title or "").strip()
    return title or None


def _web_address(value: str | None) -> str | None:
    """An http(s) address as the page states it, or None (trafilatura may give a bare path)."""
    value = (value or "").strip()
    return value if re.match(r"https?://\S+$", value, re.I) else None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
