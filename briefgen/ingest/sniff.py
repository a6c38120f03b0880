"""Tell what kind of document some bytes hold, from their content first and their suffix second."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from briefgen.errors import DecodeError, InputError

PDF = "pdf"
DOCX = "docx"
HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"

MEDIA_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    HTML: "text/html",
    MARKDOWN: "text/markdown",
    TEXT: "text/plain",
}
SUFFIX_KINDS = {".pdf": PDF, ".docx": DOCX, ".html": HTML, ".htm": HTML, ".xhtml": HTML,
                ".md": MARKDOWN, ".markdown": MARKDOWN}
#: What briefgen reads, by suffix: the one list (a batch's folders and globs contribute these).
READABLE_SUFFIXES = (".txt", *SUFFIX_KINDS)
#: Formats briefgen cannot read, and what to tell their users.
UNSUPPORTED_ADVICE = {
    ".doc": "save it as .docx or .txt",
    ".dot": "save it as .docx or .txt",
    ".dotx": "save it as .docx or .txt",
    ".docm": "save it as .docx or .txt",
    ".rtf": "save it as .docx or .txt",
    ".odt": "save it as .docx or .txt",
    ".pages": "export it as .docx or .pdf",
    ".xls": "copy the text into a .txt file",
    ".xlsx": "copy the text into a .txt file",
    ".ods": "copy the text into a .txt file",
    ".ppt": "save it as .pdf or copy the text into a .txt file",
    ".pptx": "save it as .pdf or copy the text into a .txt file",
    ".odp": "save it as .pdf or copy the text into a .txt file",
    ".msg": "save the message as .txt or .html",
    ".eml": "save the message as .txt or .html",
    ".epub": "copy the text into a .txt file",
}
IMAGES = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"),
          (b"MM\x00*", "a TIFF image"))
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office files, and encrypted OOXML
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: Streams inside an OLE file that say which program made it (names are UTF-16-LE).
OLE_STREAMS = (("EncryptedPackage", "encrypted"), ("WordDocument", ".doc"),
               ("Workbook", ".xls"), ("Book", ".xls"), ("PowerPoint Document", ".ppt"))
#: Members of a ZIP file that say which office format it is.
ZIP_MEMBERS = (("word/document.xml", DOCX), ("xl/workbook.xml", ".xlsx"),
               ("ppt/presentation.xml", ".pptx"), ("META-INF/container.xml", ".epub"))
ODF_TYPES = {"application/vnd.oasis.opendocument.text": ".odt",
             "application/vnd.oasis.opendocument.spreadsheet": ".ods",
             "application/vnd.oasis.opendocument.presentation": ".odp"}
HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html[\s>])",
                        re.I | re.S)
RTF_MAGIC = b"{\\rtf"
EOCD_MAGIC = b"PK\x05\x06"
#: A Word file has a few dozen zip members, a few hundred with many images; zipfile holds
#: one object per member of the directory, so a directory of millions is refused unread.
MAX_ZIP_ENTRIES = 10_000
#: What to call a format the content shows when the suffix says something else.
DESCRIPTIONS = {".doc": "a legacy Word document", ".xls": "a legacy Excel workbook",
                ".ppt": "a legacy PowerPoint presentation", ".rtf": "an RTF document",
                ".xlsx": "an Excel workbook", ".pptx": "a PowerPoint presentation",
                ".epub": "an EPUB book", ".odt": "an OpenDocument text",
                ".ods": "an OpenDocument spreadsheet", ".odp": "an OpenDocument presentation",
                ".dotx": "a Word template", ".docm": "a macro-enabled Word document"}


def unsupported(name: str, kind: str, suffix: str) -> InputError:
    """Return the error for a format briefgen cannot read, saying what to save it as."""
    advice = UNSUPPORTED_ADVICE.get(kind, "save it as .docx, .pdf or .txt")
    what = f"{kind} is" if kind == suffix else \
        f"it is {DESCRIPTIONS.get(kind, 'a ' + kind + ' file')} ({kind}), which is"
    return InputError(f"cannot read '{name}': {what} not supported; {advice}")


def not_word(name: str) -> InputError:
    return InputError(f"cannot read '{name}': not a valid Word file (corrupt, or "
                      "password-protected); open it in Word and save it again as .docx "
                      "without a password, or save it as .txt")


def zip_bomb(name: str, detail: str) -> InputError:
    """Return the error for a compressed file that unpacks to more than briefgen reads."""
    return InputError(f"cannot read '{name}': {detail}; it may be a zip bomb, and briefgen "
                      "does not unpack it; save the document's text as .txt")


def zip_entry_count(data: bytes) -> int | None:
    """Return the number of members the end of a zip file's directory declares, or None
    when there is no end record (zipfile then refuses the file itself). A ZIP64 archive's
    count (0xFFFF here) is taken as is: a Word file never needs one."""
    at = data.rfind(EOCD_MAGIC, max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        return None
    return struct.unpack_from("<H", data, at + 10)[0]


def not_pdf(name: str) -> InputError:
    return InputError(f"cannot read '{name}': not a valid PDF file (corrupt or truncated); "
                      "download or export it again, or save its text as .txt")


def sniff(data: bytes, name: str, suffix: str) -> str | None:
    """Return the document kind the bytes hold (PDF, DOCX), or None for text to decode.

    The content wins over the suffix: a PDF named .txt is read as a PDF. Only formats that
    cannot be read raise here.

    Raises:
        InputError: an unsupported format (legacy or other Office files, RTF, archives), a
            password-protected Office file, or a damaged file whose suffix says DOCX or PDF.
        DecodeError: an image or other binary data.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data, name, suffix)
    if data.startswith(OLE_MAGIC):
        raise _ole_error(data, name, suffix)
    if data.startswith(RTF_MAGIC):
        raise unsupported(name, ".rtf", suffix)
    for magic, what in IMAGES:
        if data.startswith(magic):
            raise DecodeError(f"cannot read '{name}': it looks like {what} (binary data), not "
                              "text; briefgen reads the text of .txt, .md, .html, .docx or "
                              ".pdf files (run OCR on scans first)")
    if suffix in UNSUPPORTED_ADVICE:
        raise unsupported(name, suffix, suffix)
    return None


def is_html(text: str, suffix: str) -> bool:
    """Tell whether decoded text is a web page: by its suffix, or by how it starts."""
    return SUFFIX_KINDS.get(suffix) == HTML or bool(HTML_START.match(text[:4096]))


def _sniff_zip(data: bytes, name: str, suffix: str) -> str:
    entries = zip_entry_count(data)
    if entries is not None and entries > MAX_ZIP_ENTRIES:
        raise zip_bomb(name, f"its zip directory lists {entries:,} members, more than the "
                             f"{MAX_ZIP_ENTRIES:,} a document has")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = ""
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # its first bytes, never all of it
                    mimetype = member.read(100)[:100].decode("ascii", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError, UnicodeError) as e:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        if suffix == ".docx":
            raise not_word(name) from e
        if suffix in UNSUPPORTED_ADVICE:
            raise unsupported(name, suffix, suffix) from e
        raise InputError(f"cannot read '{name}': it looks like a damaged ZIP archive, not a "
                         "document; give a .txt, .md, .html, .docx or .pdf file") from e
    for member, kind in ZIP_MEMBERS:
        if member in names:
            if kind == DOCX:
                return DOCX
            raise unsupported(name, kind, suffix)
    if mimetype in ODF_TYPES:
        raise unsupported(name, ODF_TYPES[mimetype], suffix)
    if suffix == ".docx":
        raise not_word(name)
    if suffix in UNSUPPORTED_ADVICE:
        raise unsupported(name, suffix, suffix)
    raise InputError(f"cannot read '{name}': it is a ZIP archive, not a document; unpack it "
                     "and give the document inside")


def _ole_error(data: bytes, name: str, suffix: str) -> InputError:
    found = next((kind for stream, kind in OLE_STREAMS
                  if stream.encode("utf-16-le") in data), None)
    if found == "encrypted":
        return InputError(f"cannot read '{name}': the file is password-protected; remove the "
                          "password (in Word: File > Info > Protect Document) and save it again "
                          "as .docx, or save it as .txt")
    if suffix == ".docx":
        return not_word(name)
    kind = found or (suffix if suffix in UNSUPPORTED_ADVICE else ".doc")
    return unsupported(name, kind, suffix)
