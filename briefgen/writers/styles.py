"""The one style table every writer follows, derived from a theme: page, fonts, sizes, spacing.

``layout_for(theme)`` is the single place that decides layout; the PDF, DOCX and HTML writers
translate it, none of them invents a size or a distance of its own. That includes which
blocks go on a landscape page (``Layout.page_runs``): a table whose columns cannot each get
a readable line in portrait (see ``Layout.needs_landscape``). The module-level names
(``PAGE``, ``STYLES``, ``ACCENT`` ...) are the default theme's, for code and tests that need no
other.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from briefgen.document import Block, Heading, Paragraph, Rule, Table, plain_text
from briefgen.writers.theme import DEFAULT_THEME, FontFamily, Theme

#: Characters a line of a table column needs to read as a sentence rather than a stack of
#: words (about four words). A column whose cells are all shorter reads fine narrower.
READABLE_MEASURE = 22
#: Width of an average character of running text, in ems (DejaVu Sans 0.51, Arial 0.45).
AVERAGE_CHARACTER = 0.5
#: Paragraph roles that close a memo: the Source note's small print and the admin lines.
CLOSING_ROLES = frozenset({"note", "admin"})
#: A body paragraph this short before the closing small print (a glossary line) stays with it.
SHORT_PARAGRAPH = 400
#: A table of at most this many rows before the closing blocks moves with them.
SHORT_TABLE_ROWS = 6


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
    font: str = "body"  # which theme font family: "body" or "heading"


@dataclass(frozen=True, slots=True)
class PageSetup:
    """Page size and margins, in points."""

    width: float = 612.0  # US Letter
    height: float = 792.0
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    margin_left: float = 72.0
    margin_right: float = 72.0

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom

    @property
    def is_landscape(self) -> bool:
        return self.width > self.height

    def turned(self) -> PageSetup:
        """Return the same sheet in landscape; the margins stay where the reader sees them
        (top is still the top), so banners and page numbers keep their distances."""
        return PageSetup(max(self.width, self.height), min(self.width, self.height),
                         self.margin_top, self.margin_bottom, self.margin_left,
                         self.margin_right)


@dataclass(frozen=True, slots=True)
class PageRun:
    """Consecutive blocks set on pages of one orientation."""

    landscape: bool
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Layout:
    """Every layout decision for one theme, shared by all writers (points, RGB hex colours)."""

    theme: Theme
    page: PageSetup
    styles: Mapping[str, TextStyle]
    fonts: Mapping[str, FontFamily]  # "body" and "heading"
    accent: str
    muted: str
    banner_color: str
    table_header_fill: str
    table_border: str
    bullet_indent: float = 18.0  # from the margin to the bullet text
    field_label_width: float = 72.0  # reserved for TO / FROM / DATE / SUBJECT
    table_border_width: float = 0.5
    table_cell_padding: float = 4.0  # between a cell's grid line and its text, each side
    table_space_after: float = 12.0  # between a table and the next block
    rule_thickness: float = 1.0
    rule_space: float = 6.0  # above and below a rule
    header_distance: float = 36.0  # page top edge to the top of the header (banner, logo)
    footer_distance: float = 36.0  # page bottom edge to the last footer line's baseline

    def style_for_heading(self, level: int) -> TextStyle:
        """Return the style of a heading level (1 title, 2 section, 3 and deeper subsection)."""
        return self.styles["title" if level <= 1 else "heading2" if level == 2 else "heading3"]

    def style(self, role: str) -> TextStyle:
        """Return the style of a paragraph role; unknown roles are body text."""
        return self.styles.get(role, self.styles["body"])

    def needs_landscape(self, table: Table, page: PageSetup | None = None) -> bool:
        """Say whether ``table`` goes on a landscape page rather than ``page`` (the theme's).

        The rule, for a reader: a column of prose (a cell longer than ``READABLE_MEASURE``
        characters) must get lines of at least ``READABLE_MEASURE`` characters. If, at its
        share of the portrait text width (``Table.column_shares``, what every writer draws),
        any such column would wrap sooner, the table is set in landscape. Short columns
        (names, ranks, "not addressed") never turn a page. In a memo, a positions matrix of
        a topic column and up to three parties stays portrait at Letter and A4; four parties
        and more go landscape. A page that already is landscape never turns.
        """
        page = page or self.page
        if page.is_landscape:
            return False
        character = self.styles["table_cell"].size * AVERAGE_CHARACTER
        padding = 2 * self.table_cell_padding
        return any(
            longest > READABLE_MEASURE
            and (share * page.text_width - padding) / character < READABLE_MEASURE
            for share, longest in zip(table.column_shares(), table.longest_texts()))

    def page_runs(self, blocks: Iterable[Block], page: PageSetup | None = None
                  ) -> list[PageRun]:
        """Split ``blocks`` into runs of portrait and landscape pages.

        A table that ``needs_landscape`` is a landscape run, together with the headings just
        before it (they introduce it and must not be left behind on the portrait page);
        adjacent landscape runs are one run. Everything else is portrait.
        """
        runs: list[tuple[bool, list[Block]]] = []
        for block in blocks:
            if isinstance(block, Table) and self.needs_landscape(block, page):
                leading: list[Block] = []
                if runs and not runs[-1][0]:
                    portrait = runs[-1][1]
                    while portrait and isinstance(portrait[-1], Heading):
                        leading.insert(0, portrait.pop())
                    if not portrait:
                        runs.pop()
                if runs and runs[-1][0]:
                    runs[-1][1].extend((*leading, block))
                else:
                    runs.append((True, [*leading, block]))
            elif runs and not runs[-1][0]:
                runs[-1][1].append(block)
            else:
                runs.append((False, [block]))
        return [PageRun(landscape, tuple(run)) for landscape, run in runs]

    def closing_group(self, blocks: tuple[Block, ...]) -> int | None:
        """Return where the memo's closing group starts, or None when it has none.

        The rule, for a reader: no page holds only the end of a memo. The closing blocks
        (small print, admin lines and the rules between them), up to two short paragraphs
        before them (a glossary line) and the last line or item of the block before those
        (a table only when it is short) are set on one page: the writers keep each with the
        next, so that a page break falls before the group, never inside it.
        """
        index = len(blocks)
        while index and (isinstance(blocks[index - 1], Rule) or (
                isinstance(blocks[index - 1], Paragraph)
                and blocks[index - 1].role in CLOSING_ROLES)):
            index -= 1
        if index == len(blocks):
            return None
        for _ in range(2):
            block = blocks[index - 1] if index else None
            if isinstance(block, Paragraph) and block.role not in CLOSING_ROLES and \
                    len(plain_text(block.content)) <= SHORT_PARAGRAPH:
                index -= 1
        before = blocks[index - 1] if index else None
        if isinstance(before, Table) and len(before.rows) > SHORT_TABLE_ROWS:
            return index  # a long table is not moved whole for the sake of the note
        return max(index - 1, 0)

    @property
    def logo_height(self) -> float:
        """The logo's height: the theme's, but never more than the top margin can hold."""
        return min(self.theme.logo_height, max(self.page.margin_top - 12.0, 12.0))

    @property
    def logo_top(self) -> float:
        """Distance from the page's top edge to the top of the logo (centred in the margin)."""
        return max((self.page.margin_top - self.logo_height) / 2, 0.0)


@functools.lru_cache(maxsize=16)
def layout_for(theme: Theme | None = None) -> Layout:
    """Return the layout of ``theme`` (None: the built-in default theme)."""
    theme = theme or DEFAULT_THEME
    accent, muted, text = theme.accent_color, theme.muted_color, theme.text_color
    body, table = theme.body_size, theme.table_size
    styles = {
        "title": TextStyle(size=theme.title_size, bold=True, space_after=10, color=accent,
                           caps=True, keep_with_next=True, font="heading"),
        "heading2": TextStyle(size=theme.heading_size, bold=True, space_before=10,
                              space_after=4, color=accent, keep_with_next=True, font="heading"),
        "heading3": TextStyle(size=theme.subheading_size, bold=True, space_before=5,
                              space_after=2, color=text, keep_with_next=True, font="heading"),
        "body": TextStyle(size=body, space_after=6, color=text),
        "bullet": TextStyle(size=body, space_after=3, color=text),
        "note": TextStyle(size=theme.note_size, space_after=4, color=muted,
                         keep_with_next=True),  # small print stays in one piece
        "field_label": TextStyle(size=body, bold=True, space_after=2, color=text),
        "field_value": TextStyle(size=body, space_after=2, color=text),
        "table_header": TextStyle(size=table, bold=True, space_after=0, color=text),
        "table_cell": TextStyle(size=table, space_after=0, color=text),
        "footer": TextStyle(size=theme.footer_size, color=muted, align="center",
                            space_after=0),
        "banner": TextStyle(size=theme.banner_size, bold=True, color=theme.banner_color,
                            align="center", space_after=0, leading=1.2),
    }
    page = PageSetup(theme.page_width, theme.page_height, theme.margin_top,
                     theme.margin_bottom, theme.margin_left, theme.margin_right)
    return Layout(theme=theme, page=page, styles=MappingProxyType(styles),
                  fonts=MappingProxyType({"body": theme.body_font,
                                          "heading": theme.heading_font}),
                  accent=accent, muted=muted, banner_color=theme.banner_color,
                  table_header_fill=theme.table_header_fill,
                  table_border=theme.table_border_color)


# The default theme's values, under the names the writers used before themes existed.
DEFAULT = layout_for(DEFAULT_THEME)
PAGE = DEFAULT.page
STYLES = DEFAULT.styles
#: The DOCX font name of the default theme: Arial, whose metrics the PDF's Liberation Sans has.
DOCX_FONT = DEFAULT_THEME.body_font.word_name
ACCENT = DEFAULT.accent
MUTED = DEFAULT.muted
TABLE_HEADER_FILL = DEFAULT.table_header_fill
TABLE_BORDER = DEFAULT.table_border
BULLET_INDENT = DEFAULT.bullet_indent
FIELD_LABEL_WIDTH = DEFAULT.field_label_width
TABLE_BORDER_WIDTH = DEFAULT.table_border_width
TABLE_CELL_PADDING = DEFAULT.table_cell_padding
TABLE_SPACE_AFTER = DEFAULT.table_space_after
RULE_THICKNESS = DEFAULT.rule_thickness
RULE_SPACE = DEFAULT.rule_space
FOOTER_BASELINE = DEFAULT.footer_distance


def style_for_heading(level: int) -> TextStyle:
    """Return the default theme's style of a heading level."""
    return DEFAULT.style_for_heading(level)
