"""Read the text layer of a PDF with pypdf (its one importer) and rebuild its paragraphs.

pypdf gives lines; paragraphs come from the layout: a wider gap between baselines than the
body's line spacing, a change of font size, a bullet, or a short line that ends a sentence.
Running heads, footers and page numbers that repeat across pages are left out.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import pypdf
from pypdf import PasswordType
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

from briefgen.errors import EmptyInputError, InputError, NoTextLayerError
from briefgen.ingest.sniff import not_pdf

# pypdf logs what it repairs in damaged files; without a handler Python would print it on
# stderr, and briefgen's errors are one line. An application that configures logging sees it.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

#: What pypdf raises on damaged files besides its own errors; found by fuzzing (tests/
#: test_ingest_fuzz.py): the parser indexes, unpacks and decompresses whatever the file says.
DAMAGED_PDF = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
               AssertionError, RecursionError, OverflowError, ZeroDivisionError, struct.error,
               zlib.error, UnicodeError, LookupError, EOFError, OSError,
               NotImplementedError)  # an unsupported or misspelt stream filter
MB = 2**20
#: pypdf's own limits (75 MB a stream) are set tighter while briefgen reads: the text layer of
#: a page is rarely more than a megabyte of content, a compressed stream that unpacks to more
#: is a bomb, and pypdf keeps every stream it has unpacked until the reader goes. No external
#: program is run (pypdf would call jbig2dec for JBIG2 images).
PDF_LIMITS = {
    "maximum_declared_stream_length": 64 * MB,
    "zlib_maximum_output_length": 16 * MB,
    "lzw_maximum_output_length": 16 * MB,
    "run_length_maximum_output_length": 16 * MB,
    "brotli_maximum_output_length": 16 * MB,
    "jbig2_maximum_output_length": 16 * MB,
    "array_based_stream_maximum_output_length": 16 * MB,
    "image_maximum_buffer_size": 16 * MB,
    "stream_decoding_work_maximum_length": 64 * MB,
    "stream_parsing_work_maximum_count": 1_000_000,
    "page_tree_maximum_page_entries": 100_000,
    "jbig2dec_binary": None,
}
#: The pages' content streams, unpacked, may hold this much in all (a text PDF holds one to
#: four bytes of them per character of its text; many pages of a bomb each under the
#: per-stream limit would otherwise add up).
MAX_CONTENT_BYTES = 128 * MB
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                           "ﬅ": "st", "ﬆ": "st"})
BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙·*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$",
                         re.I)
JUNK_TITLES = frozenset({"untitled", "(anonymous)", "anonymous", "document", "title"})
#: A gap between baselines this much wider than the usual line spacing starts a paragraph.
PARAGRAPH_GAP = 1.4
#: A line ending a sentence and shorter than this share of the page's long lines ends a paragraph.
SHORT_LINE = 0.7
#: A line shorter than this share that ends no sentence is a heading or a label.
SHORT_HEADING = 0.6
#: A line starting this many font sizes right of the margin is indented.
INDENT = 0.8
#: Lines at the top or bottom of this share of pages (2 at least) are running heads or footers.
FURNITURE_SHARE = 0.5
FURNITURE_DEPTH = 2


@dataclass(slots=True)
class Line:
    """One line of a page as pypdf emitted it, with its baseline and font size."""

    text: str
    x: float
    y: float
    size: float


@dataclass(frozen=True, slots=True)
class PdfText:
    """The text of a PDF (paragraphs separated by blank lines) and its title."""

    text: str
    title: str | None


def read_pdf(data: bytes, name: str, max_chars: int) -> PdfText:
    """Read a PDF's text layer into paragraphs; stop once past ``max_chars`` characters.

    Raises:
        InputError: the PDF is damaged or password-protected.
        NoTextLayerError: it has pages with images but no text (a scan).
        EmptyInputError: it has no text at all.
    """
    try:
        with pypdf.apply_configuration(**PDF_LIMITS):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise InputError(f"cannot read '{name}': the PDF is password-protected; open "
                                 "it with its password and save or print it as a PDF without "
                                 "one, or save its text as .txt")
            pages: list[list[Line]] = []
            length = content = 0
            for page in reader.pages:
                content += content_size(page)
                if content > MAX_CONTENT_BYTES:
                    raise pdf_bomb(name, f"its pages' content unpacks to more than "
                                         f"{MAX_CONTENT_BYTES // MB} MB")
                pages.append(page_lines(page))
                length += sum(len(line.text) + 1 for line in pages[-1])
                if length > max_chars:
                    break
            has_text = any(line.text.strip() for lines in pages for line in lines)
            has_images = not has_text and any(len(page.images) for page in reader.pages)
            title = reader.metadata.title if reader.metadata is not None else None
    except InputError:
        raise
    except DependencyError as e:
        raise InputError(f"cannot read '{name}': its encryption needs the 'cryptography' "
                         "package; pip install cryptography, or save its text as .txt") from e
    except LimitReachedError as e:
        reason = " ".join(str(e).split()).rstrip(".")
        raise pdf_bomb(name, f"it goes past a safety limit of the PDF reader ({reason})") from e
    except DAMAGED_PDF as e:
        raise not_pdf(name) from e
    if not has_text:
        if has_images:
            raise NoTextLayerError(f"cannot read '{name}': no text layer: the PDF looks scanned; "
                                   "run OCR first (e.g. ocrmypdf) and give the result")
        raise EmptyInputError(f"'{name}' has no text; give a document with text")
    remove_furniture(pages)
    paragraphs: list[str] = []
    for lines in pages:
        for i, paragraph in enumerate(paragraphs_of(lines)):
            if i == 0 and paragraphs and continues(paragraphs[-1], paragraph):
                paragraphs[-1] = join_lines([Line(paragraphs[-1], 0, 0, 0),
                                             Line(paragraph, 0, 0, 0)])
            else:
                paragraphs.append(paragraph)
    return PdfText(text="\n\n".join(paragraphs), title=_clean_title(title))


def pdf_bomb(name: str, detail: str) -> InputError:
    """Return the error for a PDF that would take more than briefgen reads (a bomb)."""
    return InputError(f"cannot read '{name}': {detail}; it may be a decompression bomb, and "
                      "briefgen reads no further; save its text as .txt")


def content_size(page: pypdf.PageObject) -> int:
    """Return the unpacked size of a page's content streams (pypdf keeps them unpacked, so
    the text extraction that follows does not unpack them again)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    return sum(len(stream.get_object().get_data()) for stream in streams
               if hasattr(stream.get_object(), "get_data"))


def continues(last: str, first: str) -> bool:
    """Tell whether a page's first paragraph goes on with the last one of the page before."""
    return not SENTENCE_END.search(last) and first[:1].islower()


def page_lines(page: pypdf.PageObject) -> list[Line]:
    """Return a page's lines in pypdf's order, each with its baseline, start and font size."""
    lines: list[Line] = []
    current = Line("", 0.0, 0.0, 0.0)

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        nonlocal current
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append(current)
                current = Line("", 0.0, 0.0, 0.0)
            if piece.strip() and not current.text.strip():
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                current.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                current.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                current.size = abs(size) * (math.hypot(c, d) or 1.0)
            current.text += piece

    page.extract_text(visitor_text=visit)
    lines.append(current)
    for line in lines:
        line.text = " ".join(line.text.translate(LIGATURES).split())
    return [line for line in lines if line.text]


def remove_furniture(pages: list[list[Line]]) -> None:
    """Drop page numbers, and running heads and footers repeated on many pages, in place."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    def edges(lines: list[Line]) -> Iterator[Line]:
        yield from lines[:FURNITURE_DEPTH]
        yield from lines[FURNITURE_DEPTH:][-FURNITURE_DEPTH:]

    counts = Counter(k for lines in pages for k in {key(line) for line in edges(lines)})
    needed = max(2, math.ceil(FURNITURE_SHARE * len(pages)))
    repeated = {k for k, n in counts.items() if n >= needed}
    for lines in pages:
        drop = {id(line) for line in edges(lines)
                if key(line) in repeated or PAGE_NUMBER.match(line.text)}
        lines[:] = [line for line in lines if id(line) not in drop]


def paragraphs_of(lines: list[Line]) -> Iterator[str]:
    """Group a page's lines into paragraphs and join each into one string."""
    if not lines:
        return
    layout = PageLayout(_line_spacing(lines), _long_line_lengths(lines), _left_margins(lines))
    paragraph = [lines[0]]
    for i in range(1, len(lines)):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if _starts_paragraph(lines[i - 1], lines[i], following, layout):
            yield join_lines(paragraph)
            paragraph = []
        paragraph.append(lines[i])
    yield join_lines(paragraph)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """What is usual on a page, per font size: line spacing, long-line length, left margin."""

    spacing: dict[int, float]
    longest: dict[int, int]
    margin: dict[int, float]


def _size_key(size: float) -> int:
    return round(size * 2)  # half points: 10 and 10.2 are one size, 10 and 12 are not


def _line_spacing(lines: list[Line]) -> dict[int, float]:
    """The usual distance between baselines of consecutive lines, per font size."""
    gaps: dict[int, list[float]] = {}
    for prev, line in pairwise(lines):
        gap = prev.y - line.y
        if _size_key(prev.size) == _size_key(line.size) and 0.5 * line.size < gap < 3 * line.size:
            gaps.setdefault(_size_key(line.size), []).append(gap)
    # The lower quartile, not the median: in a page of one-line paragraphs most gaps are
    # paragraph gaps.
    return {k: statistics.quantiles(v, n=4)[0] if len(v) > 1 else v[0] for k, v in gaps.items()}


def _long_line_lengths(lines: list[Line]) -> dict[int, int]:
    lengths: dict[int, list[int]] = {}
    for line in lines:
        lengths.setdefault(_size_key(line.size), []).append(len(line.text))
    return {k: sorted(v)[int(0.9 * (len(v) - 1))] for k, v in lengths.items()}


def _left_margins(lines: list[Line]) -> dict[int, float]:
    starts: dict[int, Counter[int]] = {}
    for line in lines:
        starts.setdefault(_size_key(line.size), Counter())[round(line.x)] += 1
    return {k: float(v.most_common(1)[0][0]) for k, v in starts.items()}


def _starts_paragraph(prev: Line, line: Line, following: Line | None,
                      layout: PageLayout) -> bool:
    size = max(prev.size, line.size, 1.0)
    if abs(prev.size - line.size) > 0.15 * size:
        return True
    gap = prev.y - line.y
    if abs(gap) < 0.3 * size:
        return False  # the same baseline: pypdf split one visual line
    key = _size_key(line.size)
    usual = layout.spacing.get(key, 1.2 * size)
    if gap < 0 or gap > PARAGRAPH_GAP * usual:
        return True
    if BULLET.match(line.text):
        return True
    margin = layout.margin.get(key, line.x)
    long_line = layout.longest.get(_size_key(prev.size), 0)
    if line.x > margin + INDENT * size and abs(prev.x - margin) < INDENT * size and \
            not BULLET.match(prev.text) and \
            (following is None or abs(following.x - margin) < INDENT * size or
             len(line.text) < SHORT_LINE * long_line):
        return True  # a first-line indent (a hanging indent keeps the next line in too)
    if SENTENCE_END.search(prev.text):
        return len(prev.text) < SHORT_LINE * long_line
    # A short line that ends no sentence and breaks no word is a heading or a label.
    return len(prev.text) < SHORT_HEADING * long_line and not prev.text.endswith((",", "-"))


def join_lines(lines: list[Line]) -> str:
    """Join wrapped lines with spaces; a line-end hyphen joins without one (kept, as in
    "long-term"), a soft hyphen joins and goes."""
    text = lines[0].text
    for line in lines[1:]:
        if text.endswith("\u00ad"):
            text = text[:-1] + line.text
        elif text.endswith("-") and len(text) > 1 and not text[-2].isspace():
            text += line.text
        else:
            text += " " + line.text
    return text


def _clean_title(title: object) -> str | None:
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    lowered = title.lower()
    if not title or lowered in JUNK_TITLES or lowered.startswith("microsoft word - ") or \
            lowered.endswith((".doc", ".docx", ".pdf", ".txt", ".html", ".htm")):
        return None
    return title
