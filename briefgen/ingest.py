"""Read an input document (a file path or ``-`` for stdin) into a Source."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from briefgen.errors import DecodeError, EmptyInputError, InputError
from briefgen.model import Source

#: Suffixes read as plain text, and what to tell users of the formats we cannot read.
TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
                 ".markdown": "text/markdown", "": "text/plain"}
UNSUPPORTED_ADVICE = {
    ".doc": "save it as .docx or .txt",
    ".rtf": "save it as .docx or .txt",
    ".odt": "save it as .docx or .txt",
    ".xls": "copy the text into a .txt file",
    ".xlsx": "copy the text into a .txt file",
    ".ppt": "save it as .pdf or copy the text into a .txt file",
    ".pptx": "save it as .pdf or copy the text into a .txt file",
    ".docx": "save it as .txt (Word documents are not read yet)",
    ".pdf": "save it as .txt (PDF files are not read yet)",
    ".html": "save it as .txt (web pages are not read yet)",
    ".htm": "save it as .txt (web pages are not read yet)",
}
DEFAULT_MAX_CHARS = 5_000_000


def ingest(path: str, max_chars: int = DEFAULT_MAX_CHARS) -> Source:
    """Read ``path`` (or stdin for ``-``) as UTF-8 text.

    Raises:
        InputError: the file is missing, a directory, unreadable, of an unsupported type, or
            larger than ``max_chars``.
        DecodeError: the bytes are binary or not UTF-8.
        EmptyInputError: the file holds no text.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        media_type = "text/plain"
        name = "<stdin>"
    else:
        p = Path(path)
        suffix = p.suffix.lower()
        if p.is_dir():
            raise InputError(f"cannot read '{path}': it is a directory; give a file")
        if not p.exists():
            raise InputError(f"cannot read '{path}': no such file")
        if suffix in UNSUPPORTED_ADVICE:
            raise InputError(f"cannot read '{path}': {suffix} is not supported; "
                             f"{UNSUPPORTED_ADVICE[suffix]}")
        media_type = TEXT_SUFFIXES.get(suffix, "text/plain")
        try:
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"cannot read '{path}': permission denied") from None
        except OSError as e:
            raise InputError(f"cannot read '{path}': {e.strerror or e}") from e
        name = str(path)
    text = decode_text(data, name)
    if len(text) > max_chars:
        raise InputError(f"'{name}' has {len(text):,} characters, more than --max-chars "
                         f"{max_chars:,}; split it or raise --max-chars")
    if not text.strip():
        raise EmptyInputError(f"'{name}' is empty; give a document with text")
    return Source(path=name, text=text, media_type=media_type,
                  sha256=hashlib.sha256(data).hexdigest())


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes (with or without a byte-order mark).

    Raises:
        DecodeError: the data is binary or not valid UTF-8.
    """
    if b"\x00" in data[:8192]:
        raise DecodeError(f"cannot read '{name}': it looks like binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DecodeError(
            f"cannot read '{name}': byte 0x{data[e.start]:02x} at offset {e.start} is not "
            f"UTF-8; save the file as UTF-8 text") from None
