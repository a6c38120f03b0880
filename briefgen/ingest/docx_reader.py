"""Read the body of a Word file: paragraphs and tables in document order, streamed.

Headers, footers, footnotes, comments, text boxes and deleted (tracked) text are left out.
This is the DOCX *reader*; ``briefgen/writers/docx/`` is the writer. The package is read with
zipfile and lxml directly (python-docx only lends the names of the package's parts), not with
python-docx's package reader, which unpacks and parses every XML part whole: a zip bomb (a
megabyte that unpacks to gigabytes) or a document of millions of empty elements took
gigabytes of memory. Here the zip directory's sizes are checked first, then the main
document part is inflated as a capped stream and parsed a block at a time (each paragraph or
table dropped once read), so memory stays bounded whatever the file holds.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.constants import NAMESPACE as OPC_NAMESPACE
from lxml import etree

from briefgen.errors import InputError
from briefgen.ingest.sniff import MAX_ZIP_ENTRIES, not_word, zip_bomb

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

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
# The package's vocabulary, as python-docx (the DOCX writer's library) spells it.
CT = "{" + OPC_NAMESPACE.OPC_CONTENT_TYPES + "}"
RELS = "{" + OPC_NAMESPACE.OPC_RELATIONSHIPS + "}Relationship"
OFFICE_DOCUMENT = RELATIONSHIP_TYPE.OFFICE_DOCUMENT
CORE_PROPERTIES = RELATIONSHIP_TYPE.CORE_PROPERTIES
WORD_DOCUMENT = CONTENT_TYPE.WML_DOCUMENT_MAIN
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
#: The main document part is read up to this many bytes unpacked: Word writes about five to
#: ten bytes of XML per character of text, so this takes a document of --max-chars' default.
MAX_DOCUMENT_BYTES = 64 * 2**20
#: The small parts read whole (content types, relationships, core properties).
MAX_SMALL_PART_BYTES = 4 * 2**20
#: One paragraph or table of more XML than this is no document's (a page of text is about
#: 20 kB of it), and parsed whole it would take 20 times as much memory: reading stops there.
MAX_BLOCK_BYTES = 8 * 2**20
STREAM_CHUNK = 1 << 16
#: The body's children that make parsing events: those holding text, and the body itself.
BLOCK_TAGS = tuple(W + tag for tag in ("body", "p", "tbl", "sdt", "customXml", "ins", "moveTo"))


@dataclass(frozen=True, slots=True)
class WordText:
    """The body text of a Word file (paragraphs separated by blank lines) and its title."""

    text: str
    title: str | None


class CappedStream:
    """A file-like view of a zip member that refuses to give more than ``limit`` bytes.

    zipfile itself stops at the size the directory declares (and then checks the CRC), but
    that is a fact about its implementation; this cap is the one briefgen relies on.
    """

    def __init__(self, stream: IO[bytes], limit: int, name: str, member: str) -> None:
        self.stream, self.limit, self.name, self.member = stream, limit, name, member
        self.count = 0
        #: Where the block being parsed started (the reader moves it on after each block).
        self.block_start = 0

    def read(self, size: int = STREAM_CHUNK) -> bytes:
        data = self.stream.read(min(size if size >= 0 else STREAM_CHUNK, STREAM_CHUNK))
        self.count += len(data)
        if self.count > self.limit:
            raise zip_bomb(self.name, f"'{self.member}' unpacks to more than "
                                      f"{megabytes(self.limit)}")
        if self.count - self.block_start > MAX_BLOCK_BYTES:
            raise zip_bomb(self.name, f"one paragraph or table of '{self.member}' is more than "
                                      f"{megabytes(MAX_BLOCK_BYTES)} of XML")
        return data

    def read_all(self) -> bytes:
        """Return the rest of the member (at most ``limit`` bytes in all)."""
        return b"".join(iter(self.read, b""))


def read_docx(data: bytes, name: str, max_chars: int | None = None) -> WordText:
    """Read a DOCX file's body text and its core-property title; stop once past
    ``max_chars`` characters.

    Raises:
        InputError: not a valid Word file (damaged, password-protected, a template or macro
            document), or one that unpacks to more than briefgen reads (a zip bomb).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            main, title_part = package_parts(archive, name)
            text = "\n\n".join(read_body(archive, main, name, max_chars))
            title = core_title(archive, title_part, name)
    except InputError:
        raise
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, etree.LxmlError, zlib.error,
            EOFError, OSError, NotImplementedError, RuntimeError, AttributeError, TypeError,
            IndexError, ValueError, UnicodeError, struct.error) as e:
        # What a damaged package raises depends on where the damage is: a missing part raises
        # KeyError, broken XML XMLSyntaxError, a damaged deflate stream zlib.error or
        # BadZipFile (a CRC that does not match), an encrypted member RuntimeError.
        raise not_word(name) from e
    return WordText(text=text, title=_clean_title(title))


def package_parts(archive: zipfile.ZipFile, name: str) -> tuple[str, str | None]:
    """Return the zip members of the main document part and of the core properties (if any).

    Raises:
        InputError: the main part is a template's or a macro-enabled document's.
        KeyError: a part or relationship the package needs is missing.
    """
    if len(archive.infolist()) > MAX_ZIP_ENTRIES:
        raise not_word(name)
    main = core = None
    for rel in parse_small_part(archive, PACKAGE_RELS, name).iter(RELS):
        if rel.get("TargetMode") == "External":
            continue
        member = posixpath.normpath(posixpath.join("/", rel.get("Target", ""))).lstrip("/")
        if rel.get("Type") == OFFICE_DOCUMENT and main is None:
            main = member
        elif rel.get("Type") == CORE_PROPERTIES and core is None:
            core = member
    if main is None:
        raise KeyError("no officeDocument relationship")
    content_type = part_content_type(parse_small_part(archive, CONTENT_TYPES, name), main)
    if content_type != WORD_DOCUMENT:  # .dotx, .docm: python-docx opened .docx only, too
        raise InputError(f"cannot read '{name}': it is a Word template or macro-enabled "
                         "document; save it as .docx (Word Document) or .txt")
    return main, core


def part_content_type(types: etree._Element, member: str) -> str:
    """Return a part's content type: its override, else the default for its extension.

    Raises:
        KeyError: [Content_Types].xml names none.
    """
    partname = "/" + member.lower()
    for override in types.iter(CT + "Override"):
        if (override.get("PartName") or "").lower() == partname:
            return override.get("ContentType", "")
    extension = posixpath.splitext(member)[1].lstrip(".").lower()
    for default in types.iter(CT + "Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType", "")
    raise KeyError(f"no content type for {member}")


def parse_small_part(archive: zipfile.ZipFile, member: str, name: str) -> etree._Element:
    """Parse a small XML part whole (at most ``MAX_SMALL_PART_BYTES`` unpacked).

    Raises:
        KeyError: no such member; InputError: it unpacks to more; lxml's errors.
    """
    info = archive.getinfo(member)
    if info.file_size > MAX_SMALL_PART_BYTES:
        raise zip_bomb(name, f"'{member}' says it unpacks to {megabytes(info.file_size)}")
    with archive.open(info) as stream:
        data = CappedStream(stream, MAX_SMALL_PART_BYTES, name, member).read_all()
    return etree.fromstring(data, xml_parser())


def read_body(archive: zipfile.ZipFile, member: str, name: str, max_chars: int | None
              ) -> Iterator[str]:
    """Yield the blocks of the main document part's body, parsing it as a capped stream.

    Only block elements make events (paragraphs, tables, content controls), so a run costs
    no Python; each child of the body is dropped once read.

    Raises:
        InputError: the part unpacks to more than ``MAX_DOCUMENT_BYTES``, or one block of it
            is more than ``MAX_BLOCK_BYTES`` of XML.
    """
    info = archive.getinfo(member)
    if info.file_size > MAX_DOCUMENT_BYTES:
        raise zip_bomb(name, f"its zip directory says '{member}' unpacks to "
                             f"{megabytes(info.file_size)}, more than the "
                             f"{MAX_DOCUMENT_BYTES // 2**20} MB briefgen reads")
    length = 0
    body: etree._Element | None = None
    with archive.open(info) as raw:
        stream = CappedStream(raw, MAX_DOCUMENT_BYTES, name, member)
        # The options python-docx parses with (no entities resolved, blank text dropped).
        events = etree.iterparse(stream, events=("start", "end"), tag=BLOCK_TAGS,
                                 remove_blank_text=True, resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=False)
        for event, element in events:
            if event == "start":
                if body is None and element.tag == W + "body":
                    body = element
                continue
            if body is None or element.getparent() is not body:
                continue
            for text in block_of(element):
                length += len(text) + 2
                yield text
            # Drop this block and what came before it (bookmarks, section breaks), never what
            # the parser has read ahead of the events.
            while (previous := element.getprevious()) is not None:
                body.remove(previous)
            body.remove(element)
            stream.block_start = stream.count
            if max_chars is not None and length > max_chars:
                return  # over the limit: ingest says so
    if body is None:
        raise KeyError("no w:body in the main document part")


def core_title(archive: zipfile.ZipFile, member: str | None, name: str) -> str | None:
    """Return the title the core properties state, if there are any."""
    if member is None or member not in archive.namelist():
        return None
    title = parse_small_part(archive, member, name).find(DC_TITLE)
    return title.text if title is not None else None


def xml_parser() -> etree.XMLParser:
    """The parser python-docx uses: entities are never resolved (no billion laughs)."""
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True,
                           load_dtd=False, huge_tree=False)


def megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size:,} bytes"


def block_texts(container: etree._Element) -> Iterator[str]:
    """Yield the blocks of a body (or cell) in order: one per paragraph, one per table row."""
    for child in container.iterchildren():
        yield from block_of(child)


def block_of(child: etree._Element) -> Iterator[str]:
    """Yield the blocks of one child of a body: a paragraph, a table's rows, or those of a
    content control or tracked insertion."""
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
