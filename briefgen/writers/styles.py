"""The one style table both writers follow: page, fonts, sizes, spacing and colours."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Typography of one paragraph role, in points."""

    size: float
    bold: bool = False
    italic: bool = False
    space_before: float = 0.0
    space_after: float = 6.0
    leading: float = 1.25  # line height as a multiple of the font size
    color: str = "000000"  # RGB hex without '#'
    align: str = "left"  # left | center | justify
    keep_with_next: bool = False
    caps: bool = False


@dataclass(frozen=True, slots=True)
class PageSetup:
    """Page size and margins, in points."""

    width: float = 612.0  # US Letter
    height: float = 792.0
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    margin_left: float = 72.0
    margin_right: float = 72.0


PAGE = PageSetup()

#: Font family names: the PDF embeds the bundled DejaVu Sans; DOCX names a font every Word has.
PDF_FONT = "DejaVuSans"
DOCX_FONT = "Arial"

ACCENT = "1F3864"  # dark navy for headings and rules
MUTED = "595959"  # grey for references, notes and the footer

STYLES: dict[str, TextStyle] = {
    "title": TextStyle(size=18, bold=True, space_after=10, color=ACCENT, caps=True,
                       keep_with_next=True),
    "heading2": TextStyle(size=12.5, bold=True, space_before=12, space_after=4, color=ACCENT,
                          keep_with_next=True),
    "heading3": TextStyle(size=11, bold=True, space_before=8, space_after=3,
                          keep_with_next=True),
    "body": TextStyle(size=10.5, space_after=6),
    "bullet": TextStyle(size=10.5, space_after=3),
    "note": TextStyle(size=9, space_after=4, color=MUTED),
    "field_label": TextStyle(size=10.5, bold=True, space_after=2),
    "field_value": TextStyle(size=10.5, space_after=2),
    "table_header": TextStyle(size=9.5, bold=True, space_after=0),
    "table_cell": TextStyle(size=9.5, space_after=0),
    "footer": TextStyle(size=8.5, color=MUTED, align="center", space_after=0),
}

TABLE_HEADER_FILL = "D9E2F3"
TABLE_BORDER = "8EAADB"
BULLET_INDENT = 18.0  # points from the margin to the bullet text
FIELD_LABEL_WIDTH = 72.0  # points reserved for TO / FROM / DATE / SUBJECT
TABLE_BORDER_WIDTH = 0.5  # points
TABLE_CELL_PADDING = 4.0  # points between a cell's grid line and its text, each side
TABLE_SPACE_AFTER = 12.0  # points between a table and the next block
RULE_THICKNESS = 1.0  # points
RULE_SPACE = 6.0  # points above and below a rule
FOOTER_BASELINE = 36.0  # points from the bottom edge of the page to the footer's baseline


def style_for_heading(level: int) -> TextStyle:
    """Return the style of a heading level (1 title, 2 section, 3 and deeper subsection)."""
    return STYLES["title" if level <= 1 else "heading2" if level == 2 else "heading3"]
