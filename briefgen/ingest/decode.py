"""Turn the bytes of a text file into a string: byte-order marks, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from briefgen.errors import DecodeError, OptionError

#: Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
BOM_BYTES = {enc: bom for bom, enc in BOMS}
SNIFF_BYTES = 8192
#: Characters an English (or Western European) text in Windows-1252 plausibly holds beyond ASCII.
WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßŒœŠšŽžŸ"
                    "“”‘’„‚–—…•€™©®°«»¡¿·§¶ªº±½¼¾£¥¢\u00a0\u00ad")
#: At most this share of the letters of a cp1252 reading may be non-ASCII; Cyrillic or Greek
#: bytes read as cp1252 are nearly all accented Latin letters.
MAX_NON_ASCII_LETTERS = 0.25
#: Control bytes no text file holds (tab, newlines, form feed, vertical tab, escape and the DOS
#: end-of-file mark are left out: text does hold those).
CONTROL_BYTES = tuple(bytes([b]) for b in (*range(1, 9), *range(14, 26), 28, 29, 30, 31, 127))
#: UTF-8 read as Windows-1252: a lead byte's letter followed by a continuation byte's character.
MOJIBAKE = re.compile("[ÂÃÅÆâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                      "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026"
                      "\u2030\u2039\u203a\u20ac\u2122]")
MIXED_ERRORS = "briefgen-cp1252"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def check_encoding(encoding: str) -> str:
    """Return the codec name Python uses for ``encoding``.

    Raises:
        OptionError: Python knows no such encoding.
    """
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise OptionError(f"unknown encoding '{encoding}'; give one Python knows, e.g. utf-8, "
                          "cp1252, latin-1 or utf-16") from None


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding a byte-order mark at the start of ``data`` declares, if any."""
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by its pattern of zero bytes (ASCII text)."""
    head = data[:SNIFF_BYTES]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def has_nul(data: bytes) -> bool:
    """Tell whether the start of ``data`` holds a NUL byte, which text never does."""
    return b"\x00" in data[:SNIFF_BYTES]


#: A text file this long with at most one NUL byte in every so many bytes is text with stray
#: NULs (a byte lost in a copy, a padded record), not binary data, which holds one in about
#: every 256 (the cleaner drops them and lists them).
STRAY_NUL_MIN_BYTES = 512
STRAY_NUL_SPACING = 512


def has_stray_nuls_only(data: bytes) -> bool:
    """Tell whether the NUL bytes of ``data`` are few enough for a text with stray ones."""
    return len(data) >= STRAY_NUL_MIN_BYTES and \
        data.count(0) <= len(data) // STRAY_NUL_SPACING


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_text(data: bytes, name: str, encoding: str | None = None,
                declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; return the text and the encoding used.

    The order: a forced ``encoding``; a byte-order mark; NUL bytes mean UTF-16 without a mark
    or binary data (unless they are a few stray ones, left in the text for the cleaner);
    UTF-8; the charset the file declares; Windows-1252 when it reads as plausible Western text
    (English outside UTF-8 nearly always is); else charset-normalizer's detection.

    Raises:
        OptionError: ``encoding`` is not an encoding Python knows.
        DecodeError: the bytes are not text in the forced encoding, or in any encoding.
    """
    if encoding is not None:
        codec = check_encoding(encoding)
        if bom_encoding(data) == "utf-8" and codec == "utf-8":
            codec = "utf-8-sig"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as e:
            raise DecodeError(
                f"cannot read '{name}': byte 0x{data[e.start]:02x} at offset {e.start} is not "
                f"{encoding}; check --encoding, or leave it out to detect the encoding"
            ) from None
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data[len(BOM_BYTES[bom]):].decode(bom), bom
        except UnicodeDecodeError as e:
            raise DecodeError(
                f"cannot read '{name}': it starts with a {bom.upper()} byte-order mark but "
                f"byte {e.start} is not {bom.upper()}; save the file again as UTF-8 text"
            ) from None
    if has_nul(data):
        utf16 = utf16_without_bom(data)
        try:
            if utf16 is not None:
                return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
        if not has_stray_nuls_only(data):
            raise binary_data(name)
    if has_control_bytes(data):
        raise binary_data(name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the page says one thing and is another: detect instead
    western = decode_western(data)
    if western is not None:
        if MOJIBAKE.search(western):
            # UTF-8 with stray Windows-1252 bytes (files pasted together): each part as itself.
            return data.decode("utf-8", errors=MIXED_ERRORS), "utf-8+cp1252"
        return western, "cp1252"
    return detect_encoding(data, name, first_bad)


def binary_data(name: str) -> DecodeError:
    return DecodeError(f"cannot read '{name}': it looks like binary data, not text; give a "
                       ".txt, .md, .html, .docx or .pdf file")


def has_control_bytes(data: bytes) -> bool:
    """Tell whether the start of ``data`` holds control bytes that text does not (over 1%)."""
    head = data[:SNIFF_BYTES]
    count = sum(head.count(b) for b in CONTROL_BYTES)
    return count >= 4 and count > 0.01 * len(head)


def _decode_stray_byte(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read one byte that is not UTF-8 as Windows-1252 (else U+FFFD)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start:error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error(MIXED_ERRORS, _decode_stray_byte)


def decode_western(data: bytes) -> str | None:
    """Return ``data`` read as Windows-1252 when that gives plausible Western text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii = 0
    for i, char in enumerate(text):
        if char.isascii():
            letters += char.isalpha()
            continue
        if char not in WESTERN or (char in "¡¿" and i and text[i - 1].isalpha()):
            return None
        letters += char.isalpha()
        non_ascii += char.isalpha()
    return text if non_ascii <= MAX_NON_ASCII_LETTERS * max(letters, 1) else None


def detect_encoding(data: bytes, name: str, first_bad: int) -> tuple[str, str]:
    """Decode with the encoding charset-normalizer finds most likely.

    Raises:
        DecodeError: no encoding reads the bytes as text.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(
            f"cannot read '{name}': its bytes are not text in any encoding briefgen recognises "
            f"(byte 0x{data[first_bad]:02x} at offset {first_bad} is not UTF-8); save the file "
            "as UTF-8 text, or name its encoding with --encoding")
    return str(best), best.encoding
