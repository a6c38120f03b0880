"""Read input documents (text, Markdown, web pages, Word, PDF; a path or ``-`` for stdin).

The content decides the format, the suffix only breaks ties: a PDF named ``.txt`` is read as a
PDF, an image named ``.txt`` is refused as an image. Each reader lives in its own module and
its library is imported only when a document of its kind arrives, so ``import briefgen.ingest``
stays light.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from briefgen.errors import EmptyInputError, InputError
from briefgen.ingest.decode import check_encoding, declared_charset, decode_text
from briefgen.ingest.sniff import (
    DOCX,
    HTML,
    MARKDOWN,
    MEDIA_TYPES,
    PDF,
    SUFFIX_KINDS,
    TEXT,
    UNSUPPORTED_ADVICE,
    is_html,
    not_pdf,
    not_word,
    sniff,
)
from briefgen.language import check_english
from briefgen.model import Source

__all__ = ["DEFAULT_MAX_CHARS", "UNSUPPORTED_ADVICE", "ingest", "ingest_bytes", "ingest_many"]

DEFAULT_MAX_CHARS = 5_000_000
STDIN = "-"
STDIN_NAME = "<stdin>"
#: UTF-8 needs at most 4 bytes a character: a larger text file is over the limit unread.
MAX_BYTES_PER_CHAR = 4
HEADLINE_MAX_WORDS = 40


def ingest(path: str, max_chars: int = DEFAULT_MAX_CHARS, encoding: str | None = None,
           check_language: bool = True) -> Source:
    """Read ``path`` (or stdin for ``-``) into a Source whose paragraphs are separated by blank
    lines.

    ``encoding`` forces the encoding of a text file (else it is detected); ``check_language``
    refuses text that is clearly not English.

    Raises:
        InputError: the file is missing, a directory, unreadable, of an unsupported type,
            damaged or password-protected, or longer than ``max_chars``.
        OptionError: ``encoding`` is not an encoding Python knows.
        DecodeError: the bytes are an image, other binary data, or text in no known encoding.
        EmptyInputError: the document holds no text (NoTextLayerError: a scanned PDF).
        NotEnglishError: the text is in another language.
    """
    if encoding is not None:
        check_encoding(encoding)
    limit = MAX_BYTES_PER_CHAR * max_chars + 4
    if path == STDIN:
        # Read no more than the limit allows: stdin may never end (`< /dev/zero`).
        data = read_capped(sys.stdin.buffer, limit)
        if len(data) > limit:
            raise too_many_bytes(STDIN_NAME, f"more than {limit:,}", max_chars)
        return ingest_bytes(data, STDIN_NAME, "", max_chars, encoding, check_language)
    p = Path(path)
    try:
        info = p.stat()
    except OSError as e:
        raise unreadable(path, e) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"cannot read '{path}': it is a directory; give a file")
    suffix = p.suffix.lower()
    text_like = SUFFIX_KINDS.get(suffix, TEXT) in (TEXT, MARKDOWN)
    if text_like and stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise too_many_bytes(path, f"{info.st_size:,}", max_chars)
    try:
        if stat.S_ISREG(info.st_mode):
            data = p.read_bytes()
        else:
            # A device or a pipe (/dev/zero, a FIFO) tells no size and may never end.
            with p.open("rb") as stream:
                data = read_capped(stream, limit)
    except OSError as e:
        raise unreadable(path, e) from e
    if (text_like or not stat.S_ISREG(info.st_mode)) and len(data) > limit:
        raise too_many_bytes(path, f"more than {limit:,}", max_chars)
    return ingest_bytes(data, str(path), suffix, max_chars, encoding, check_language)


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Read a stream to its end, but never more than ``limit + 1`` bytes (one byte more
    tells that there was more)."""
    chunks = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def too_many_bytes(name: str, size: str, max_chars: int) -> InputError:
    return InputError(f"'{name}' has {size} bytes, more than --max-chars {max_chars:,} "
                      "characters can take; split it or raise --max-chars")


def unreadable(path: str, error: OSError) -> InputError:
    """Return the error for a file that cannot be opened, saying why in the user's terms."""
    if error.errno == errno.ELOOP:
        return InputError(f"cannot read '{path}': symbolic link loop (a link that leads back "
                          "to itself); give the file itself")
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return InputError(f"cannot read '{path}': it is a symbolic link to "
                              f"'{os.readlink(path)}', which does not exist")
        return InputError(f"cannot read '{path}': no such file")
    if isinstance(error, PermissionError):
        return InputError(f"cannot read '{path}': permission denied")
    if error.errno == errno.EISDIR:
        return InputError(f"cannot read '{path}': it is a directory; give a file")
    return InputError(f"cannot read '{path}': {error.strerror or error}")


def ingest_many(paths: Iterable[str], max_chars: int = DEFAULT_MAX_CHARS,
                encoding: str | None = None, check_language: bool = True) -> list[Source]:
    """Read several inputs in the order given (``-`` at most once).

    Raises:
        InputError: no input, stdin named twice, or any error of :func:`ingest` for the first
            input that fails (nothing is returned unless every input reads).
    """
    paths = list(paths)
    if not paths:
        raise InputError("no input given; name a file, or - for stdin")
    if paths.count(STDIN) > 1:
        raise InputError("'-' (stdin) is given more than once; stdin can be read only once")
    return [ingest(path, max_chars=max_chars, encoding=encoding, check_language=check_language)
            for path in paths]


def ingest_bytes(data: bytes, name: str, suffix: str = "", max_chars: int = DEFAULT_MAX_CHARS,
                 encoding: str | None = None, check_language: bool = True) -> Source:
    """Read a document's bytes; ``suffix`` (".pdf", "" when unknown) only breaks ties.

    Raises:
        The errors of :func:`ingest`, except those about the file system.
    """
    kind = sniff(data, name, suffix)
    title = date = url = None
    if kind == PDF:
        from briefgen.ingest.pdf_reader import read_pdf

        pdf = read_pdf(data, name, max_chars)
        text, title = adopt_title(pdf.text, pdf.title, trust=False)
    elif kind == DOCX:
        from briefgen.ingest.docx_reader import read_docx

        word = read_docx(data, name, max_chars)
        text, title = adopt_title(word.text, word.title, trust=False)
    else:
        kind, text, title, date, url = read_text(data, name, suffix, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > max_chars:
        raise InputError(f"'{name}' has {len(text):,} characters, more than --max-chars "
                         f"{max_chars:,}; split it or raise --max-chars")
    if not text.strip():
        raise EmptyInputError(f"'{name}' is empty; give a document with text")
    if check_language:
        check_english(text, name)
    return Source(path=name, text=text, media_type=MEDIA_TYPES[kind],
                  sha256=hashlib.sha256(data).hexdigest(), title=title, date=date, url=url)


def read_text(data: bytes, name: str, suffix: str, encoding: str | None
              ) -> tuple[str, str, str | None, str | None, str | None]:
    """Decode a text-like file and read it as a web page, Markdown or plain text.

    Returns the kind, the text, its title, its date (ISO) and its URL, the last three when
    known.

    Raises:
        DecodeError: the bytes are not text.
        InputError: a file named .docx or .pdf that is neither (nor valid UTF-8 text).
    """
    expected = SUFFIX_KINDS.get(suffix)
    if expected in (PDF, DOCX) and encoding is None:
        # A damaged Word file or PDF would otherwise be "detected" as text in some encoding.
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise (not_pdf(name) if expected == PDF else not_word(name)) from None
    text, _ = decode_text(data, name, encoding, declared=declared_charset(data))
    if is_html(text, suffix) and "<" in text:
        from briefgen.ingest.html_reader import read_html

        page = read_html(text, name)
        body, title = adopt_title(page.text, page.title, trust=True)
        return HTML, body, title, page.date, page.url
    if expected == MARKDOWN:
        from briefgen.ingest.markdown_text import strip_markdown

        body, front_title = strip_markdown(text)
        body, title = adopt_title(body, front_title, trust=True)
        return MARKDOWN, body, title, None, None
    return TEXT, text, None, None, None


def adopt_title(text: str, title: str | None, trust: bool) -> tuple[str, str | None]:
    """Decide the title of a document whose format names one (page title, file properties).

    A title repeated as the first paragraph is taken out of the text. A ``trust``-ed title (a
    web page's) is kept in any case; an untrusted one (a PDF's or Word file's properties, often
    a file name or a template's) only when the text does not start with a headline of its own,
    which the cleaner will then take as the title.
    """
    if title is None:
        return text, None
    first, _, rest = text.partition("\n\n")
    if _comparable(first) == _comparable(title):
        return rest, title
    if trust or not is_headline(first):
        return text, title
    return text, None


def is_headline(paragraph: str) -> bool:
    """Tell whether a paragraph reads as a headline: one short line without a final stop."""
    return "\n" not in paragraph and len(paragraph.split()) <= HEADLINE_MAX_WORDS and \
        not paragraph.rstrip("\"'”’) ").endswith((".", ":", ";", ","))


def _comparable(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
