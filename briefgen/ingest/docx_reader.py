"""Read the body of a Word file with python-docx: paragraphs and tables in document order.

Headers, footers, footnotes, comments, text boxes and deleted (tracked) text are left out.
This is the DOCX *reader*; ``briefgen/writers/docx.py`` is the writer. The two are python-docx's
owners, one per direction, so neither stage depends on the other.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.opc.exceptions import OpcError
from lxml import etree

from briefgen.errors import InputError
from briefgen.ingest.sniff import not_word

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Subtrees of a paragraph that hold no visible text of its own (properties, deleted text,
#: text boxes, the fallback copy of a drawing).
SKIPPED = frozenset({W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "txbxContent",
                     W + "instrText", W + "delInstrText", MC_FALLBACK})
CHARACTERS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
CELL_SEPARATOR = " | "
#: Core-property titles that name a file or a template rather than the document.
JUNK_TITLES = frozenset({"untitled", "document", "title", "word document"})


@dataclass(frozen=True, slots=True)
class WordText:
    """The body text of a Word file (paragraphs separated by blank lines) and its title."""

    text: str
    title: str | None


def read_docx(data: bytes, name: str) -> WordText:
    """Read a DOCX file's body text and its core-property title.

    Raises:
        InputError: not a valid Word file (damaged, password-protected, a template or macro
            document python-docx refuses).
    """
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        title = document.core_properties.title
    except ValueError as e:
        if "content type" in str(e):  # .dotx, .docm: python-docx opens .docx only
            raise InputError(f"cannot read '{name}': it is a Word template or macro-enabled "
                             "document; save it as .docx (Word Document) or .txt") from e
        raise not_word(name) from e
    except (OpcError, KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, etree.LxmlError,
            zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, AttributeError,
            TypeError, IndexError, UnicodeError) as e:
        # What a damaged package raises depends on where the damage is: a missing part raises
        # KeyError, broken XML XMLSyntaxError, a damaged deflate stream zlib.error, a part of
        # the wrong kind AttributeError or TypeError deep in python-docx (found by fuzzing).
        raise not_word(name) from e
    return WordText(text="\n\n".join(block_texts(body)), title=_clean_title(title))


def block_texts(container: etree._Element) -> Iterator[str]:
    """Yield the body's blocks in order: one per paragraph, one per table row."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            text = paragraph_text(child).strip()
            if text:
                yield text
        elif tag == W + "tbl":
            yield from table_rows(child)
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
            # Content controls and tracked insertions wrap ordinary paragraphs and tables.
            yield from block_texts(child)


def table_rows(table: etree._Element) -> Iterator[str]:
    """Yield one line per row, cells joined with " | "; a one-cell row yields its paragraphs."""
    for row in table.iterchildren(W + "tr"):
        cells = [list(block_texts(cell)) for cell in row.iterchildren(W + "tc")]
        filled = [c for c in cells if c]
        if len(filled) == 1:
            yield from filled[0]
        elif filled:
            yield CELL_SEPARATOR.join(" ".join(c) for c in filled)


def paragraph_text(paragraph: etree._Element) -> str:
    """Return a paragraph's visible text: runs, hyperlinks, fields' results, line breaks."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in CHARACTERS:
            parts.append(CHARACTERS[tag])
        else:
            _collect(child, parts)


def _clean_title(title: str | None) -> str | None:
    title = " ".join((title or "").split())
    lowered = title.lower()
    if not title or lowered in JUNK_TITLES or lowered.startswith("microsoft word - ") or \
            lowered.endswith((".doc", ".docx", ".dot", ".dotx")):
        return None
    return title
