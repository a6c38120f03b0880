"""Write a Document as a PDF memo with reportlab, embedding fonts that cover its scripts."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_base_level, get_display
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, HRFlowable, PageTemplate, Spacer
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle as PdfTableStyle

from briefgen.document import (
    BulletList,
    Document,
    FieldList,
    Heading,
    Inlines,
    Paragraph,
    Rule,
    Span,
    Table,
)
from briefgen.writers import styles
from briefgen.xmlsafe import make_xml_safe

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = styles.PDF_FONT
#: (bold, italic) -> registered font name and bundled file stem.
FACES = {
    (False, False): FAMILY,
    (True, False): f"{FAMILY}-Bold",
    (False, True): f"{FAMILY}-Oblique",
    (True, True): f"{FAMILY}-BoldOblique",
}
#: The regular face under a family of its own: shows glyphs the bold or oblique face lacks.
PLAIN_FACE = f"{FAMILY}-Plain"
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
ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "justify": TA_JUSTIFY, "right": TA_RIGHT}
#: Controls and line/paragraph separators: reportlab shows them as boxes; they are spaces here.
BREAKING_SPACE = re.compile(r"[\t\n\r\x80-\x9f\u2028\u2029]")
RTL_CLASSES = frozenset({"R", "AL"})
MISSING = "?"
LINE_SLACK = 1.0  # points kept free on a line so reportlab never re-wraps it

Run = tuple[str, bool, bool]  # text, bold, italic


def write(document: Document, path: Path) -> tuple[str, ...]:
    """Write ``document`` to ``path`` as a PDF and return warnings for the user.

    Raises:
        OSError: ``path`` cannot be written.
    """
    page = styles.PAGE
    frame_width = page.width - page.margin_left - page.margin_right
    builder = _StoryBuilder(frame_width)
    story = builder.build(document)
    meta = document.metadata
    doc = BaseDocTemplate(
        str(path),
        pagesize=(page.width, page.height),
        leftMargin=page.margin_left, rightMargin=page.margin_right,
        topMargin=page.margin_top, bottomMargin=page.margin_bottom,
        title=make_xml_safe(meta.title), subject=make_xml_safe(meta.subject),
        author=make_xml_safe(meta.author),
        keywords=[make_xml_safe(k) for k in meta.keywords],
        creator="briefgen", invariant=1, initialFontName=FAMILY,
    )
    frame = Frame(page.margin_left, page.margin_bottom, frame_width,
                  page.height - page.margin_top - page.margin_bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="memo", frames=[frame])])
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, created=meta.created))
    return tuple(builder.warnings)


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until save so each footer can say "Page X of Y"."""

    def __init__(self, *args: Any, created: dt.datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        if created is not None:
            stamp = _pdf_date(created)
            self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        footer = styles.STYLES["footer"]
        self.saveState()
        self.setFont(FACES[footer.bold, footer.italic], footer.size)
        self.setFillColor(HexColor(f"#{footer.color}"))
        self.drawCentredString(styles.PAGE.width / 2, styles.FOOTER_BASELINE,
                               f"Page {number} of {total}")
        self.restoreState()


def _pdf_date(moment: dt.datetime) -> str:
    """Return a PDF date string (``D:YYYYMMDDHHmmSS+HH'mm'``) for ``moment``."""
    stamp = (f"D:{moment.year:04d}{moment.month:02d}{moment.day:02d}"
             f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")
    offset = moment.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


class _StoryBuilder:
    """Turns Document blocks into platypus flowables and collects the warnings on the way."""

    def __init__(self, frame_width: float) -> None:
        self.frame_width = frame_width
        self.warnings: dict[str, None] = {}
        register_fonts()

    def build(self, document: Document) -> list[Flowable]:
        story: list[Flowable] = []
        for block in document.blocks:
            if isinstance(block, Heading):
                story.append(self.paragraph(block.content, styles.style_for_heading(block.level),
                                            "heading"))
            elif isinstance(block, Paragraph):
                style = styles.STYLES.get(block.role, styles.STYLES["body"])
                story.append(self.paragraph(block.content, style, block.role))
            elif isinstance(block, BulletList):
                story.extend(self.bullets(block))
            elif isinstance(block, Table):
                story.extend(self.table(block))
            elif isinstance(block, FieldList):
                story.extend(self.fields(block))
            elif isinstance(block, Rule):
                story.append(HRFlowable(width="100%", thickness=styles.RULE_THICKNESS,
                                        color=HexColor(f"#{styles.ACCENT}"),
                                        spaceBefore=styles.RULE_SPACE,
                                        spaceAfter=styles.RULE_SPACE))
        return story

    def paragraph(self, content: Inlines, style: styles.TextStyle, name: str,
                  bullet: str | None = None, space_after: float | None = None) -> Flowable:
        """Return one paragraph; text with Arabic or Hebrew is laid out by ``_BidiParagraph``."""
        runs = _merge_runs(content, style.caps)
        text = "".join(run[0] for run in runs)
        bulleted = bullet is not None
        if not any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text):
            return PdfParagraph(self.markup(runs, style),
                                _paragraph_style(style, name, style.align, bulleted, space_after),
                                bulletText=bullet)
        rtl = get_base_level(text) == 1
        align = "right" if rtl and style.align == "left" else style.align
        runs = [(arabic_reshaper.reshape(t), b, i) for t, b, i in runs]

        def lay_out(width: float) -> str:
            lines = _break_lines(runs, width, lambda run: self.measure(run, style))
            return "<br/>".join(self.markup(_to_visual_order(line, rtl), style)
                                for line in lines)

        return _BidiParagraph(lay_out, _paragraph_style(style, name, align, bulleted, space_after),
                              bullet)

    def bullets(self, block: BulletList) -> list[Flowable]:
        style = styles.STYLES["bullet"]
        last = len(block.items) - 1
        after = max(style.space_after, styles.STYLES["body"].space_after)
        return [self.paragraph(item, style, "bullet", f"{n}." if block.ordered else "\u2022",
                               after if i == last else None)
                for i, (n, item) in enumerate(enumerate(block.items, start=1))]

    def table(self, block: Table) -> list[Flowable]:
        columns = len(block.header)
        if not columns:
            return []
        rows = [block.header, *(tuple(row[:columns]) + ((),) * (columns - len(row))
                                for row in block.rows)]
        head, cell = styles.STYLES["table_header"], styles.STYLES["table_cell"]
        cells = [[self.paragraph(c, head if r == 0 else cell, "table") for c in row]
                 for r, row in enumerate(rows)]
        pad = styles.TABLE_CELL_PADDING
        widths = [share * self.frame_width for share in block.column_shares()]
        table = PdfTable(cells, colWidths=widths, repeatRows=1,
                         splitInRow=1, hAlign="LEFT", spaceAfter=styles.TABLE_SPACE_AFTER)
        table.setStyle(PdfTableStyle([
            ("GRID", (0, 0), (-1, -1), styles.TABLE_BORDER_WIDTH,
             HexColor(f"#{styles.TABLE_BORDER}")),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(f"#{styles.TABLE_HEADER_FILL}")),
            ("FONT", (0, 0), (-1, -1), FAMILY, cell.size),  # else the cell sets Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]))
        return [table]

    def fields(self, block: FieldList) -> list[Flowable]:
        if not block.fields:
            return []
        label, value = styles.STYLES["field_label"], styles.STYLES["field_value"]
        cells = [[self.paragraph((Span(f.label if f.label.endswith(":") else f"{f.label}:"),),
                                 label, "field_label"),
                  self.paragraph(f.value, value, "field_value")] for f in block.fields]
        table = PdfTable(cells, colWidths=[styles.FIELD_LABEL_WIDTH,
                                           self.frame_width - styles.FIELD_LABEL_WIDTH],
                         splitInRow=1, hAlign="LEFT")
        table.setStyle(PdfTableStyle([
            ("FONT", (0, 0), (-1, -1), FAMILY, value.size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), value.space_after),
        ]))
        return [table, Spacer(0, value.space_after)]

    def markup(self, runs: list[Run], style: styles.TextStyle) -> str:
        """Return reportlab markup for runs in display order, each char in a font that has it."""
        parts: list[str] = []
        for text, bold, italic in runs:
            chunks = self.fit_fonts(text, bold or style.bold, italic or style.italic)
            body = "".join(escape(chunk) if font == FAMILY
                           else f'<font name="{font}">{escape(chunk)}</font>'
                           for font, chunk in chunks)
            if italic:
                body = f"<i>{body}</i>"
            if bold:
                body = f"<b>{body}</b>"
            parts.append(body)
        return "".join(parts)

    def measure(self, run: Run, style: styles.TextStyle) -> float:
        """Return the width in points of a run set in ``style``."""
        text, bold, italic = run
        bold, italic = bold or style.bold, italic or style.italic
        return sum(pdfmetrics.stringWidth(chunk, FACES[bold, italic] if font == FAMILY else font,
                                          style.size)
                   for font, chunk in self.fit_fonts(text, bold, italic))

    def fit_fonts(self, text: str, bold: bool, italic: bool) -> list[tuple[str, str]]:
        """Split ``text`` into (font name, chunk) pairs, FAMILY first.

        Characters no font can show become '?' and a warning; invisible format characters go.
        """
        pieces: list[tuple[str, str]] = []
        for ch in text:
            category = unicodedata.category(ch)
            if category == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F or 0xE0100 <= ord(ch) <= 0xE01EF:
                continue  # invisible; shaping and bidi have used them, and DejaVu shows U+00AD
            font = font_for(ch, bold, italic)
            if font is not None:
                pieces.append((font, ch))
                continue
            if category == "Zs":
                pieces.append((FAMILY, " "))
                continue
            substitute = _compatibility_substitute(ch, bold, italic)
            if substitute:
                pieces.extend(substitute)
                continue
            self.warnings[_missing_glyph_warning(ch)] = None
            pieces.append((FAMILY, MISSING))
        return [(font, "".join(ch for _, ch in group))
                for font, group in itertools.groupby(pieces, key=lambda piece: piece[0])]


def _merge_runs(content: Inlines, caps: bool) -> list[Run]:
    """Return the non-empty runs of ``content``, cleaned, adjacent equal emphasis merged."""
    runs: list[Run] = []
    for span in content:
        text = BREAKING_SPACE.sub(" ", make_xml_safe(span.text))
        if caps:
            text = text.upper()
        if not text:
            continue
        if runs and runs[-1][1:] == (span.bold, span.italic):
            runs[-1] = (runs[-1][0] + text, span.bold, span.italic)
        else:
            runs.append((text, span.bold, span.italic))
    return runs


def _break_lines(runs: list[Run], width: float, measure: Callable[[Run], float]
                 ) -> list[list[Run]]:
    """Break runs into lines no wider than ``width`` at spaces, in logical order.

    Right-to-left text must be broken before it is reordered, or a wrapped RTL stretch shows
    its lines in reverse order.
    """
    words: list[list[Run]] = [[]]
    for text, bold, italic in runs:
        for k, piece in enumerate(text.split(" ")):
            if k:
                words.append([])
            if piece:
                words[-1].append((piece, bold, italic))
    lines: list[list[Run]] = []
    line: list[Run] = []
    used = 0.0
    for word in filter(None, words):
        space: Run = (" ", *word[0][1:])
        gap = measure(space) if line else 0.0
        word_width = sum(measure(piece) for piece in word)
        if line and used + gap + word_width > width - LINE_SLACK:
            lines.append(line)
            line, used, gap = [], 0.0, 0.0
        if line:
            line.append(space)
        line.extend(word)
        used += gap + word_width
    if line:
        lines.append(line)
    return lines


def _to_visual_order(runs: list[Run], rtl: bool) -> list[Run]:
    """Return one line's runs in display order for a paragraph of base direction ``rtl``.

    Runs of different emphasis are reordered one by one, which is exact while no stretch of
    the other direction crosses an emphasis boundary (the usual "**Minister** أحمد حسن" case).
    """
    base = "R" if rtl else "L"
    visual = [(get_display(t, base_dir=base), b, i) for t, b, i in runs]
    return visual[::-1] if rtl else visual


class _BidiParagraph(Flowable):
    """A paragraph broken into lines in logical order, then each line shown in display order."""

    def __init__(self, lay_out: Callable[[float], str], style: ParagraphStyle,
                 bullet: str | None) -> None:
        super().__init__()
        self.lay_out = lay_out
        self.style = style
        self.bullet = bullet
        self.keepWithNext = style.keepWithNext
        self.laid_out: tuple[float, PdfParagraph] | None = None

    def _paragraph(self, avail_width: float) -> PdfParagraph:
        if self.laid_out is None or self.laid_out[0] != avail_width:
            text_width = avail_width - self.style.leftIndent - self.style.rightIndent
            self.laid_out = (avail_width, PdfParagraph(self.lay_out(text_width), self.style,
                                                       bulletText=self.bullet))
        return self.laid_out[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self._paragraph(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._paragraph(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self.laid_out is not None, "platypus wraps a flowable before drawing it"
        self.laid_out[1].drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.style.spaceAfter


@functools.cache
def register_fonts() -> None:
    """Register the bundled DejaVu Sans faces and their family once per process."""
    for name in FACES.values():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(FAMILY, normal=FACES[False, False], bold=FACES[True, False],
                                  italic=FACES[False, True], boldItalic=FACES[True, True])
    pdfmetrics.registerFont(TTFont(PLAIN_FACE, str(FONT_DIR / f"{FAMILY}.ttf")))
    _register_family(PLAIN_FACE)


def _register_family(name: str) -> None:
    """Make <b> and <i> keep a single-face font instead of failing to find a bold face."""
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


@functools.cache
def _system_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
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
        _register_family(name)
        found.append((name, frozenset(font.face.charToGlyph)))
    return tuple(found)


@functools.cache
def _cid_font(name: str) -> str:
    """Register a reportlab CID font on first use and return its name."""
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    _register_family(name)
    return name


@functools.cache
def _face_coverage(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@functools.lru_cache(maxsize=8192)
def font_for(ch: str, bold: bool = False, italic: bool = False) -> str | None:
    """Return the name of the first font that shows ``ch`` (FAMILY first), or None if none does."""
    register_fonts()
    code = ord(ch)
    if code in _face_coverage(FACES[bold, italic]):
        return FAMILY
    if code in _face_coverage(FAMILY):
        return PLAIN_FACE
    for name, coverage in _system_fonts():
        if code in coverage:
            return name
    for name, ranges in CID_FONTS:
        if any(low <= code <= high for low, high in ranges):
            return _cid_font(name)
    return None


def _compatibility_substitute(ch: str, bold: bool, italic: bool
                              ) -> list[tuple[str, str]] | None:
    """Show a compatibility character (presentation form, ligature) through its NFKC letters."""
    letters = unicodedata.normalize("NFKC", ch)
    if letters == ch:
        return None
    if 0xFB50 <= ord(ch) <= 0xFEFF:  # Arabic presentation forms are already in visual order
        letters = letters[::-1]
    fonts = [font_for(c, bold, italic) for c in letters]
    if None in fonts:
        return None
    return [(font, c) for font, c in zip(fonts, letters, strict=True) if font is not None]


def _missing_glyph_warning(ch: str) -> str:
    name = unicodedata.name(ch, "") or {
        "Co": "private use character", "Cn": "unassigned code point", "Cs": "surrogate",
    }.get(unicodedata.category(ch), "unnamed character")
    return f"no font can show U+{ord(ch):04X} '{ch}' ({name}); it is shown as '{MISSING}'"


@functools.cache
def _paragraph_style(style: styles.TextStyle, name: str, align: str, bulleted: bool,
                     space_after: float | None) -> ParagraphStyle:
    """Translate a shared TextStyle into a reportlab ParagraphStyle (cached per variant)."""
    face = FACES[style.bold, style.italic]
    return ParagraphStyle(
        f"{name}-{align}-{int(bulleted)}-{space_after}",
        fontName=face, fontSize=style.size, leading=style.size * style.leading,
        spaceBefore=style.space_before,
        spaceAfter=style.space_after if space_after is None else space_after,
        textColor=HexColor(f"#{style.color}"), alignment=ALIGNMENTS[align],
        keepWithNext=int(style.keep_with_next),
        leftIndent=styles.BULLET_INDENT if bulleted else 0, bulletIndent=0,
        bulletFontName=face, bulletFontSize=style.size, splitLongWords=1,
    )
