"""Read the main text of a saved web page with trafilatura (the one module that imports it)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from copy import deepcopy
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Page:
    """The article of a web page: paragraphs separated by blank lines, title and ISO date."""

    text: str
    title: str | None
    date: str | None


def read_html(html: str, name: str) -> Page:
    """Extract the article of a page: no navigation, comments, footers; title and date.

    Raises:
        EmptyInputError: no article text was found.
    """
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
                date=_iso_date(document.date))


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


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
