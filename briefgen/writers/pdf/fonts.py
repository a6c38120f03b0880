"""Register the PDF's TrueType fonts and pick, per character, the first font that shows it.

reportlab has no glyph fallback of its own: text is split into runs by which font's cmap
holds each character. The order is the theme's face (the default theme's: the bundled
Liberation Sans), the theme's regular face, the bundled DejaVu Sans (face, then regular),
system TrueType fonts for CJK, then reportlab's built-in
CID fonts; a character none of them has becomes '?' and a warning, never a silent box.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import itertools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont

from briefgen.writers.theme import FontFamily

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "fonts"
BUNDLED = "DejaVuSans"
#: (bold, italic) -> the bundled face's file stem, also its registered name.
BUNDLED_FACES = {
    (False, False): BUNDLED,
    (True, False): f"{BUNDLED}-Bold",
    (False, True): f"{BUNDLED}-Oblique",
    (True, True): f"{BUNDLED}-BoldOblique",
}
#: TrueType fonts a Linux system may have for scripts DejaVu Sans lacks (CJK first).
SYSTEM_FONTS = (
    ("WenQuanYiMicroHei", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
    ("WenQuanYiZenHei", Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
    ("DroidSansFallbackFull", Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
    ("FreeSans", Path("/usr/share/fonts/truetype/freefont/FreeSans.ttf")),
)
#: reportlab's unembedded CID fonts and the Basic Multilingual Plane ranges each one shows.
CID_FONTS = (
    ("HeiseiMin-W3", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF61, 0xFF9F))),
    ("HYSMyeongJo-Medium", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3))),
    ("STSong-Light", ((0x3000, 0x303F), (0x3100, 0x312F), (0x3400, 0x4DB5), (0x4E00, 0x9FA5),
                      (0xF900, 0xFA2D), (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6))),
)
MISSING = "?"
FACE_KEYS = ((False, False), (True, False), (False, True), (True, True))


@dataclass(frozen=True, slots=True)
class PdfFamily:
    """A registered font family: ``name`` with <b>/<i> mapped to its four face names."""

    name: str
    faces: tuple[str, str, str, str]  # regular, bold, italic, bold italic (FACE_KEYS order)
    plain: str  # the regular face as a family of its own: <b> and <i> keep it

    def face(self, bold: bool, italic: bool) -> str:
        return self.faces[FACE_KEYS.index((bold, italic))]


@functools.cache
def bundled_family() -> PdfFamily:
    """Register the bundled DejaVu Sans faces once per process and return the family."""
    for name in BUNDLED_FACES.values():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    faces = tuple(BUNDLED_FACES[key] for key in FACE_KEYS)
    pdfmetrics.registerFontFamily(BUNDLED, normal=faces[0], bold=faces[1], italic=faces[2],
                                  boldItalic=faces[3])
    plain = f"{BUNDLED}-Plain"
    pdfmetrics.registerFont(alias_font(pdfmetrics.getFont(faces[0]), plain))
    register_single_face_family(plain)
    return PdfFamily(BUNDLED, faces, plain)  # type: ignore[arg-type]


@functools.cache
def register_family(family: FontFamily) -> PdfFamily:
    """Register a theme's font family (bundled or TrueType files) and return its names."""
    if family.is_bundled:
        return bundled_family()
    # The bundled DejaVu Sans, the fallback, is registered when a character first needs it.
    names = []
    for bold, italic in FACE_KEYS:
        path = family.face(bold, italic)
        assert path is not None, "a file family has a regular face"
        # A bundled font keeps its own name (the PDF is the same wherever briefgen is installed).
        name = path.stem if path.parent == FONT_DIR else \
            f"{path.stem}-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        names.append(name)
    # The regular face's name is the family's name, as DejaVuSans is for the bundled font.
    pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2],
                                  boldItalic=names[3])
    plain = f"{names[0]}-Plain"
    if plain not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(alias_font(pdfmetrics.getFont(names[0]), plain))
        register_single_face_family(plain)
    return PdfFamily(names[0], tuple(names), plain)  # type: ignore[arg-type]


def alias_font(font: TTFont, name: str) -> TTFont:
    """Register-ready copy of ``font`` under another name, sharing its parsed face.

    Parsing a TrueType file is the slow part of a cold start (~60 ms each); the face is only
    read, while the per-document subset state and encoding must be the alias's own.
    """
    alias = copy.copy(font)
    alias.fontName = name
    alias.state = WeakKeyDictionary()
    alias.encoding = TTEncoding()
    return alias


def register_single_face_family(name: str) -> None:
    """Make <b> and <i> keep a single-face font instead of failing to find a bold face."""
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


@functools.cache
def system_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
    """Register the known system TrueType fonts present here; return names and coverage."""
    found: list[tuple[str, frozenset[int]]] = []
    for name, path in SYSTEM_FONTS:
        if not path.is_file():
            continue
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except TTFError:  # PostScript outlines or a damaged file: reportlab cannot embed it
            continue
        pdfmetrics.registerFont(font)
        register_single_face_family(name)
        found.append((name, frozenset(font.face.charToGlyph)))
    return tuple(found)


@functools.cache
def cid_font(name: str) -> str:
    """Register a reportlab CID font on first use and return its name."""
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    register_single_face_family(name)
    return name


@functools.cache
def coverage(name: str) -> frozenset[int]:
    """Return the code points a registered TrueType font has glyphs for."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


@functools.lru_cache(maxsize=16384)
def font_for(ch: str, family: PdfFamily, bold: bool = False, italic: bool = False
             ) -> str | None:
    """Return the font to show ``ch`` in, or None if no font has it.

    ``family.name`` means the paragraph's own family (markup applies <b>/<i> to it); the
    bundled family's name likewise; any other name is a single-face font.
    """
    code = ord(ch)
    if code in coverage(family.face(bold, italic)):
        return family.name
    if code in coverage(family.faces[0]):
        return family.plain
    bundled = bundled_family()
    if family != bundled:
        if code in coverage(bundled.face(bold, italic)):
            return bundled.name
        if code in coverage(bundled.faces[0]):
            return bundled.plain
    for name, covered in system_fonts():
        if code in covered:
            return name
    for name, ranges in CID_FONTS:
        if any(low <= code <= high for low, high in ranges):
            return cid_font(name)
    return None


def face_name(font: str, family: PdfFamily, bold: bool, italic: bool) -> str:
    """Return the registered face that ``font`` (as ``font_for`` names it) sets text in."""
    if font == family.name:
        return family.face(bold, italic)
    bundled = bundled_family()
    if font == bundled.name:
        return bundled.face(bold, italic)
    return font


@functools.cache
def plain_characters(name: str) -> frozenset[str]:
    """Return the characters a registered font shows that need no special handling.

    A text made only of these is set in that font as it is: the fast path of ``fit_fonts``.
    """
    return frozenset(ch for ch in map(chr, coverage(name)) if not is_invisible(ch))


def is_invisible(ch: str) -> bool:
    """Say whether ``ch`` is a format character or variation selector (nothing to draw)."""
    code = ord(ch)
    return (unicodedata.category(ch) == "Cf" or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF)


def fit_fonts(text: str, family: PdfFamily, bold: bool, italic: bool, warnings: dict[str, None]
              ) -> list[tuple[str, str]]:
    """Split ``text`` into (font, chunk) pairs, each chunk in the first font that shows it.

    Characters no font can show become '?' and a warning in ``warnings``; invisible format
    characters go (shaping and bidi have used them, and DejaVu would draw U+00AD).
    """
    if plain_characters(family.face(bold, italic)).issuperset(text):
        return [(family.name, text)] if text else []
    pieces: list[tuple[str, str]] = []
    for ch in text:
        if is_invisible(ch):
            continue
        font = font_for(ch, family, bold, italic)
        if font is not None:
            pieces.append((font, ch))
            continue
        if unicodedata.category(ch) == "Zs":
            pieces.append((family.name, " "))
            continue
        substitute = compatibility_substitute(ch, family, bold, italic)
        if substitute:
            pieces.extend(substitute)
            continue
        warnings[missing_glyph_warning(ch)] = None
        pieces.append((family.name, MISSING))
    return [(font, "".join(ch for _, ch in group))
            for font, group in itertools.groupby(pieces, key=lambda piece: piece[0])]


def compatibility_substitute(ch: str, family: PdfFamily, bold: bool, italic: bool
                             ) -> list[tuple[str, str]] | None:
    """Show a compatibility character (presentation form, ligature) through its NFKC letters."""
    letters = unicodedata.normalize("NFKC", ch)
    if letters == ch:
        return None
    if 0xFB50 <= ord(ch) <= 0xFEFF:  # Arabic presentation forms are already in visual order
        letters = letters[::-1]
    fonts = [font_for(c, family, bold, italic) for c in letters]
    if None in fonts:
        return None
    return [(font, c) for font, c in zip(fonts, letters, strict=True) if font is not None]


def missing_glyph_warning(ch: str) -> str:
    """Return the warning for a character no font can show."""
    name = unicodedata.name(ch, "") or {
        "Co": "private use character", "Cn": "unassigned code point", "Cs": "surrogate",
    }.get(unicodedata.category(ch), "unnamed character")
    return f"no font can show U+{ord(ch):04X} '{ch}' ({name}); it is shown as '{MISSING}'"
