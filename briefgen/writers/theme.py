"""Themes: page, fonts, sizes, colours and logo of a memo, built in or read from a TOML file.

A theme file (all tables and keys optional; unknown ones are refused)::

    base = "a4"                      # start from a built-in theme: "default" (Letter) or "a4"

    [page]
    size = "a4"                      # "letter" or "a4"
    margins = "2.5cm"                # all four sides, then any of top / bottom / left / right
    top = 1.25                       # a bare number is inches; strings take in, cm, mm or pt

    [fonts]
    body = "Arial"                   # a bundled font ("Arial": Liberation Sans, "Times New
                                     #   Roman": Liberation Serif, "DejaVu Sans"), or a
                                     #   TrueType .ttf (its regular face)
    body_word = "Arial"              # font name DOCX and HTML use (default: the .ttf's own
                                     #   family name; Arial, Times New Roman or DejaVu Sans
                                     #   for the bundled fonts)
    heading = "fonts/Serif.ttf"      # same keys for headings: heading_bold, heading_italic,
    heading_bold = "fonts/Serif-Bold.ttf"  # heading_bold_italic, heading_word; a face a
                                     #   .ttf family lacks uses its regular face

    [sizes]                          # points: body, title, heading, subheading, table,
    body = 10.5                      #   note, footer, banner
    title = 18

    [colors]                         # "#RRGGBB": text, accent, muted, banner (default:
    accent = "#1F3864"               #   black), table_header, table_border

    [logo]
    path = "seal.png"                # PNG or JPEG, at the top of the first page
    position = "right"               # "right" or "left"
    height = "0.5in"

Relative paths are taken from the theme file's directory. All lengths are stored in points.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.writers.truetype import font_family_name, truetype_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: Page sizes in points (width, height).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.2756, 841.8898),
}
POINTS_PER_UNIT = {"in": 72.0, "cm": 72.0 / 2.54, "mm": 72.0 / 25.4, "pt": 1.0}
LENGTH = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(in|cm|mm|pt)\s*\Z")
COLOR = re.compile(r"#?([0-9A-Fa-f]{6})\Z")
#: The fonts shipped in briefgen/fonts (each with its licence there).
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
#: DejaVu Sans: the fallback for what a theme's font lacks (Arabic, and more symbols).
BUNDLED_FONT = "DejaVu Sans"
BUNDLED_FONT_ALIASES = frozenset({"dejavu sans", "dejavusans", "dejavu"})
BUNDLED_WORD_FONT = "DejaVu Sans"
#: Average width of a character of English prose, in ems (measured with reportlab on the
#: seed readout); the memo's length estimate follows a theme's font by it.
DEJAVU_WIDTH = 0.5015
LIBERATION_SANS_WIDTH = 0.4407
LIBERATION_SERIF_WIDTH = 0.4033
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


@dataclass(frozen=True, slots=True)
class FontFamily:
    """A font family: TrueType files for the PDF and the name DOCX and HTML give it."""

    regular: Path | None = None  #: None is the bundled DejaVu Sans
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None
    word_name: str = BUNDLED_WORD_FONT
    #: Average character width in ems (None: unknown, taken as the default theme's font's).
    average_width: float | None = DEJAVU_WIDTH

    @property
    def is_bundled(self) -> bool:
        """Say whether this is the bundled DejaVu Sans."""
        return self.regular is None

    def face(self, bold: bool, italic: bool) -> Path | None:
        """Return the file of a face; a face the family lacks is its regular face."""
        chosen = {(True, False): self.bold, (False, True): self.italic,
                  (True, True): self.bold_italic}.get((bold, italic))
        return chosen or self.regular


def liberation(style: str, word_name: str, width: float) -> FontFamily:
    """A bundled Liberation family ("Sans", "Serif"), named in DOCX and HTML by the font it
    is metric-compatible with (Arial, Times New Roman): a line breaks at the same word in the
    PDF and in Word."""
    stem = FONT_DIR / f"Liberation{style}"
    return FontFamily(regular=Path(f"{stem}-Regular.ttf"), bold=Path(f"{stem}-Bold.ttf"),
                      italic=Path(f"{stem}-Italic.ttf"),
                      bold_italic=Path(f"{stem}-BoldItalic.ttf"), word_name=word_name,
                      average_width=width)


#: The default theme's font: Liberation Sans in the PDF, Arial (its metrics) in DOCX/HTML.
SANS = liberation("Sans", "Arial", LIBERATION_SANS_WIDTH)
#: The State preset's font: Liberation Serif in the PDF, Times New Roman in DOCX/HTML.
SERIF = liberation("Serif", "Times New Roman", LIBERATION_SERIF_WIDTH)
#: Names a theme file may give for the bundled families (lowercase).
FAMILY_ALIASES: dict[str, FontFamily] = {
    "arial": SANS, "liberation sans": SANS, "liberationsans": SANS,
    "times new roman": SERIF, "times": SERIF, "liberation serif": SERIF,
    "liberationserif": SERIF,
}


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything about a memo's look that is not the template's content. Lengths in points."""

    name: str = "default"
    page_size: str = "letter"
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    margin_left: float = 72.0
    margin_right: float = 72.0
    body_font: FontFamily = SANS
    heading_font: FontFamily = SANS
    body_size: float = 10.5
    title_size: float = 18.0
    heading_size: float = 12.5
    subheading_size: float = 11.0
    table_size: float = 9.5
    note_size: float = 9.0
    footer_size: float = 8.5
    banner_size: float = 10.0
    text_color: str = "000000"
    accent_color: str = "1F3864"
    muted_color: str = "595959"
    banner_color: str = "000000"  # banners are black, whatever the accent
    table_header_fill: str = "D9E2F3"
    table_border_color: str = "8EAADB"
    logo: Path | None = None
    logo_position: str = "right"
    logo_height: float = 36.0

    @property
    def page_width(self) -> float:
        return PAGE_SIZES[self.page_size][0]

    @property
    def page_height(self) -> float:
        return PAGE_SIZES[self.page_size][1]


DEFAULT_THEME = Theme()
A4_MARGIN = 2.5 * POINTS_PER_UNIT["cm"]
BUILTIN_THEMES: dict[str, Theme] = {
    "default": DEFAULT_THEME,
    "letter": DEFAULT_THEME,
    "a4": dataclasses.replace(DEFAULT_THEME, name="a4", page_size="a4", margin_top=A4_MARGIN,
                              margin_bottom=A4_MARGIN, margin_left=A4_MARGIN,
                              margin_right=A4_MARGIN),
    # The State Department's paper standard (5 FAH-1 H-320): Times New Roman 14 in black,
    # on Letter with 1-inch margins; headings in the same face and size, in bold.
    "state": dataclasses.replace(
        DEFAULT_THEME, name="state", body_font=SERIF, heading_font=SERIF, body_size=14.0,
        title_size=14.0, heading_size=14.0, subheading_size=14.0, table_size=12.0,
        note_size=11.0, footer_size=10.0, banner_size=14.0, accent_color="000000",
        muted_color="000000", table_header_fill="F2F2F2", table_border_color="000000"),
}


def text_scale(theme: Theme | None) -> tuple[float, float]:
    """How ``theme``'s body text sets against the default theme's: (an average character's
    width, a line's height), each as a ratio; (1.0, 1.0) for the default theme. The memo's
    length estimate (``render.economy``) follows a theme by these."""
    if theme is None:
        return 1.0, 1.0
    base = DEFAULT_THEME.body_font.average_width or DEJAVU_WIDTH
    width = theme.body_font.average_width or base
    return (theme.body_size * width) / (DEFAULT_THEME.body_size * base), \
        theme.body_size / DEFAULT_THEME.body_size


def builtin_theme_names() -> tuple[str, ...]:
    """Return the names ``load_theme`` accepts besides a file ("default", "a4", ...)."""
    return tuple(BUILTIN_THEMES)


def load_theme(name_or_path: str | Path) -> Theme:
    """Return a built-in theme by name, or the theme a TOML file describes.

    Raises:
        ConfigError: the file is missing, is not valid TOML, or has an unknown key or a bad
            value (the one-line message names the file, the key and the value).
    """
    text = str(name_or_path)
    if text.lower() in BUILTIN_THEMES and not Path(text).suffix:
        return BUILTIN_THEMES[text.lower()]
    path = Path(name_or_path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        known = ", ".join(BUILTIN_THEMES)
        raise ConfigError(f"theme '{path}' not found; give a built-in theme ({known}) or a "
                          ".toml theme file") from None
    except OSError as e:
        raise ConfigError(f"cannot read theme '{path}': {e.strerror or e}") from e
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ConfigError(f"theme '{path}' is not UTF-8 text; save it as UTF-8") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"theme '{path}' is not valid TOML: {e}") from e
    return _ThemeReader(path).read(data)


# --- reading a theme file -------------------------------------------------------------------

SIZE_KEYS = {"body": "body_size", "title": "title_size", "heading": "heading_size",
             "subheading": "subheading_size", "table": "table_size", "note": "note_size",
             "footer": "footer_size", "banner": "banner_size"}
COLOR_KEYS = {"text": "text_color", "accent": "accent_color", "muted": "muted_color",
              "banner": "banner_color", "table_header": "table_header_fill",
              "table_border": "table_border_color"}
MARGIN_KEYS = {"top": "margin_top", "bottom": "margin_bottom", "left": "margin_left",
               "right": "margin_right"}
FONT_ROLES = ("body", "heading")
FACE_SUFFIXES = {"": "regular", "_bold": "bold", "_italic": "italic",
                 "_bold_italic": "bold_italic"}
TOP_LEVEL = ("base", "name", "page", "fonts", "sizes", "colors", "logo")


class _ThemeReader:
    """Checks one theme file's tables and turns them into a Theme, naming any bad key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.parent
        self.base = DEFAULT_THEME

    def fail(self, key: str, value: Any, why: str) -> ConfigError:
        return ConfigError(f"theme '{self.path}': {key} = {_show(value)} {why}")

    def read(self, data: dict[str, Any]) -> Theme:
        self.check_keys("", data, TOP_LEVEL)
        base_name = data.get("base", "default")
        if not isinstance(base_name, str) or base_name.lower() not in BUILTIN_THEMES:
            raise self.fail("base", base_name,
                            f"is not a built-in theme; use one of: {', '.join(BUILTIN_THEMES)}")
        self.base = BUILTIN_THEMES[base_name.lower()]
        changes: dict[str, Any] = {"name": self.path.stem}
        if "name" in data:
            changes["name"] = self.string("name", data["name"])
        changes.update(self.page(self.table(data, "page")))
        changes.update(self.fonts(self.table(data, "fonts")))
        sizes = self.table(data, "sizes")
        self.check_keys("sizes", sizes, SIZE_KEYS)
        for key, value in sizes.items():
            changes[SIZE_KEYS[key]] = self.number(f"[sizes] {key}", value, 4.0, 72.0)
        colors = self.table(data, "colors")
        self.check_keys("colors", colors, COLOR_KEYS)
        for key, value in colors.items():
            changes[COLOR_KEYS[key]] = self.color(f"[colors] {key}", value)
        changes.update(self.logo(self.table(data, "logo")))
        return dataclasses.replace(BUILTIN_THEMES[base_name.lower()], **changes)

    def table(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, value, f"must be a table ([{name}])")
        return value

    def check_keys(self, table: str, data: dict[str, Any], known: Any) -> None:
        for key in data:
            if key not in known:
                where = f"[{table}] " if table else ""
                raise ConfigError(f"theme '{self.path}': unknown setting {where}{key}; known: "
                                  f"{', '.join(known)}")

    def string(self, key: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, value, "must be a non-empty string")
        return value.strip()

    def number(self, key: str, value: Any, low: float, high: float) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                not low <= value <= high:
            raise self.fail(key, value, f"must be a number from {low:g} to {high:g} (points)")
        return float(value)

    def length(self, key: str, value: Any) -> float:
        """Return a length in points: a bare number is inches, a string carries its unit."""
        points: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            points = float(value) * POINTS_PER_UNIT["in"]
        elif isinstance(value, str) and (match := LENGTH.match(value)):
            points = float(match.group(1)) * POINTS_PER_UNIT[match.group(2)]
        if points is None or not 0 <= points <= 4 * 72:
            raise self.fail(key, value, "must be a length from 0 to 4 inches: a number "
                                        "(inches) or a string such as \"2.5cm\", \"20mm\", "
                                        "\"1in\", \"72pt\"")
        return points

    def color(self, key: str, value: Any) -> str:
        match = COLOR.match(value) if isinstance(value, str) else None
        if match is None:
            raise self.fail(key, value, "must be a colour \"#RRGGBB\"")
        return match.group(1).upper()

    def file(self, key: str, value: Any, check: Callable[[bytes], str | None]) -> Path:
        path = Path(self.string(key, value)).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        try:
            head = path.read_bytes()[:64] if path.is_file() else None
        except OSError as e:
            raise self.fail(key, value, f"cannot be read ({e.strerror or e})") from e
        if head is None:
            raise self.fail(key, value, f"names no file ('{path}' does not exist)")
        problem = check(head)
        if problem:
            raise self.fail(key, value, problem)
        return path

    def page(self, page: dict[str, Any]) -> dict[str, Any]:
        self.check_keys("page", page, ("size", "margins", *MARGIN_KEYS))
        changes: dict[str, Any] = {}
        if "size" in page:
            size = page["size"]
            if not isinstance(size, str) or size.lower() not in PAGE_SIZES:
                raise self.fail("[page] size", size, "is not a page size; use \"letter\" or "
                                                     "\"a4\"")
            changes["page_size"] = size.lower()
        if "margins" in page:
            margin = self.length("[page] margins", page["margins"])
            changes.update(dict.fromkeys(MARGIN_KEYS.values(), margin))
        for key, attribute in MARGIN_KEYS.items():
            if key in page:
                changes[attribute] = self.length(f"[page] {key}", page[key])
        return changes

    def fonts(self, fonts: dict[str, Any]) -> dict[str, Any]:
        known = [f"{role}{suffix}" for role in FONT_ROLES for suffix in (*FACE_SUFFIXES, "_word")]
        self.check_keys("fonts", fonts, known)
        changes: dict[str, Any] = {}
        for role in FONT_ROLES:
            if not any(key.startswith(role) for key in fonts):
                continue
            regular = fonts.get(role, getattr(self.base, f"{role}_font"))
            if f"{role}_word" in fonts:
                word_name = self.string(f"[fonts] {role}_word", fonts[f"{role}_word"])
            else:
                word_name = None
            if isinstance(regular, FontFamily) and not any(
                    f"{role}{s}" in fonts for s in FACE_SUFFIXES if s):  # only the name given
                changes[f"{role}_font"] = dataclasses.replace(
                    regular, word_name=word_name or regular.word_name)
                continue
            if isinstance(regular, FontFamily):
                regular = None
            named = regular.strip().lower() if isinstance(regular, str) else None
            if named in BUNDLED_FONT_ALIASES or named in FAMILY_ALIASES:
                extra = [f"{role}{s}" for s in FACE_SUFFIXES if s and f"{role}{s}" in fonts]
                if extra:
                    raise self.fail(f"[fonts] {extra[0]}", fonts[extra[0]],
                                    f"needs [fonts] {role} to be a .ttf file (the bundled "
                                    "font has its own faces)")
                family = FAMILY_ALIASES.get(named or "", FontFamily())
                if word_name is not None:
                    family = dataclasses.replace(family, word_name=word_name)
                changes[f"{role}_font"] = family
                continue
            faces: dict[str, Path] = {}
            for suffix, attribute in FACE_SUFFIXES.items():
                key = f"{role}{suffix}"
                if key in fonts:
                    faces[attribute] = self.file(f"[fonts] {key}", fonts[key], truetype_problem)
            regular_path = faces.get("regular")
            if regular_path is None:
                raise self.fail(f"[fonts] {role}", None, "is missing: name the regular .ttf "
                                                        "face of the family")
            if word_name is None:
                word_name = font_family_name(regular_path.read_bytes()) or regular_path.stem
            changes[f"{role}_font"] = FontFamily(word_name=word_name, average_width=None,
                                                 **faces)
        return changes

    def logo(self, logo: dict[str, Any]) -> dict[str, Any]:
        self.check_keys("logo", logo, ("path", "position", "height"))
        if not logo:
            return {}
        if "path" not in logo:
            raise self.fail("[logo] path", None, "is missing: name a PNG or JPEG file")
        changes: dict[str, Any] = {"logo": self.file("[logo] path", logo["path"], _image_problem)}
        if "position" in logo:
            position = logo["position"]
            if position not in ("left", "right"):
                raise self.fail("[logo] position", position, "must be \"left\" or \"right\"")
            changes["logo_position"] = position
        if "height" in logo:
            height = self.length("[logo] height", logo["height"])
            if height < 6:
                raise self.fail("[logo] height", logo["height"], "is too small (6pt at least)")
            changes["logo_height"] = height
        return changes


def _show(value: Any) -> str:
    if value is None:
        return "(nothing)"
    return repr(value) if isinstance(value, str) else str(value)


def image_type(head: bytes) -> str | None:
    """Return "png" or "jpeg" from a file's first bytes, None for anything else."""
    for signature, kind in LOGO_TYPES.items():
        if head.startswith(signature):
            return kind
    return None


def _image_problem(head: bytes) -> str | None:
    if image_type(head) is None:
        return "is not a PNG or JPEG image"
    return None
