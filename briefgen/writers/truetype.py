"""Read what a theme needs from a TrueType file: is it embeddable, and its family name."""

from __future__ import annotations

import struct

TRUETYPE_SIGNATURES = (b"\x00\x01\x00\x00", b"true", b"ttcf")


def truetype_problem(head: bytes) -> str | None:
    """Return why a font file (its first bytes) cannot be embedded in a PDF, or None."""
    if head.startswith(b"OTTO"):
        return ("is an OpenType font with PostScript outlines, which PDF writing cannot "
                "embed; use a TrueType .ttf")
    if not head.startswith(TRUETYPE_SIGNATURES):
        return "is not a TrueType font (.ttf or .ttc)"
    return None


def font_family_name(data: bytes) -> str | None:
    """Return the family name Word knows a TrueType font by (name ID 1; first face of a .ttc)."""
    try:
        offset = struct.unpack(">I", data[12:16])[0] if data.startswith(b"ttcf") else 0
        (count,) = struct.unpack(">H", data[offset + 4:offset + 6])
        for i in range(count):
            entry = offset + 12 + 16 * i
            tag, _, table, _ = struct.unpack(">4sIII", data[entry:entry + 16])
            if tag == b"name":
                return _read_name_table(data, table)
    except struct.error:
        return None
    return None


def _read_name_table(data: bytes, table: int) -> str | None:
    _, count, strings = struct.unpack(">HHH", data[table:table + 6])
    found: dict[tuple[int, int], str] = {}
    for i in range(count):
        record = table + 6 + 12 * i
        platform, _, language, name_id, length, offset = struct.unpack(
            ">HHHHHH", data[record:record + 12])
        if name_id not in (1, 16):
            continue
        raw = data[table + strings + offset:table + strings + offset + length]
        if platform in (0, 3):
            text = raw.decode("utf-16-be", "replace")
        elif platform == 1 and language == 0:
            text = raw.decode("mac_roman", "replace")
        else:
            continue
        found.setdefault((name_id, platform), text)
    for key in ((1, 3), (1, 0), (1, 1), (16, 3), (16, 0), (16, 1)):
        if found.get(key, "").strip():
            return found[key].strip()
    return None
